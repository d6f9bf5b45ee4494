import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  ApiError,
  DIETS,
  ELDERCARE_SERVICES,
  EldercareReferenceCode,
  MEALS,
  NetworkError,
  TimeoutError,
  ValidationError,
  createOutbox,
  evaluatePrograms,
  localize,
  newIdempotencyKey,
  normalizeReferenceCode,
  yearInShanghai,
  type Diet,
  type EldercareApplicationCreate,
  type EldercareApplicationPublic,
  type EldercareProgram,
  type Meal,
  type OutboxEntry,
  type OutboxError,
  type OutboxEvent,
  type ProgramOutcome,
  type Weekday,
} from '@doorstep/sdk';
import { eldercareResource } from '@doorstep/sdk/resources/eldercare.js';
import type { DsAreaPicker } from '../area-picker/area-picker.js';
import type { ClientOf } from '../base/api-client.js';
import { DoorstepElement } from '../base/doorstep-element.js';
import { DraftController } from '../base/draft-controller.js';
import type { KeyOf } from '../locales/index.js';
import { formatLongDay } from '../shared/format.js';
import { failureKindOf, focusControl, renderErrorSummary, renderFieldError, type FieldError } from '../shared/field-errors.js';
import { eldercareSignupMessages } from './eldercare-signup.messages.js';
import { eldercareSignupStyles } from './eldercare-signup.styles.js';
import { benefitsOf, describeServices, joinList, priceText, reasonText, verdictText } from './explain.js';
import {
  EMPTY_VALUES,
  FACTS,
  STEPS,
  checkStep,
  draftOf,
  factsOf,
  fieldOfPath,
  firstFailingStep,
  hasHealthInformation,
  stepOfField,
  toCreateInput,
  valuesFromDraft,
  type DraftValues,
  type FactAnswer,
  type SignupValues,
  type StepContext,
  type StepId,
} from './values.js';
import { copyText } from '../shared/copy-text.js';
import { renderAlert, renderCard } from '../shared/card.js';

/** Where the widget is; also its `state` attribute. */
export type EldercareSignupState = 'unconfigured' | 'editing' | 'submitting' | 'submit-error' | 'queued' | 'success' | 'status';

/** `signup` (the wizard, the default) or `status` (check an application with its code and phone digits). */
export type EldercareSignupMode = 'signup' | 'status';

/** `detail` of `ds-eldercare-step`: the step now shown and its position (1-based). */
export interface EldercareStepDetail {
  step: StepId;
  number: number;
}

/** `detail` of `ds-eldercare-queued`: the idempotency key the application waits under on this device. */
export interface EldercareQueuedDetail {
  key: string;
}

const signupResources = { eldercare: eldercareResource };
type SignupClient = ClientOf<typeof signupResources>;

const DRAFT_KEY = 'eldercare-signup';
const OUTBOX_NAME = 'eldercare';

interface SignupDraft {
  step: StepId;
  values: DraftValues;
}

type StatusPhase = 'idle' | 'checking' | 'done' | 'failed';

/**
 * @summary A step-by-step application for home-based elder care — meals (canteen or delivery), day care,
 * housekeeping, home visits, a health wristband — that an elder, a relative or a building steward can
 * finish, showing as they answer what the elder is likely eligible for and why. With `mode="status"` it
 * checks an application with its reference code and the last 4 digits of a phone number.
 *
 * Steps: who is applying → the elder (name, birth year, phone, building from `<ds-area-picker>`, room,
 * living situation) → services (offered per community by the server, with prices and subsidy rules) →
 * circumstances for subsidies → emergency contact → consent (a separate consent for health information) →
 * review → reference code. Each step is checked before moving on; Back keeps everything; a draft is kept
 * on the device — except the circumstances, diet and allergies, which stay in memory only. A submission
 * that cannot reach the server waits on the device and is sent later, exactly once.
 *
 * Text and targets are elder-sized in every theme (colours follow the theme).
 *
 * @slot heading - Replaces the heading text.
 * @slot intro - Replaces the introduction under the heading.
 *
 * @event ds-eldercare-step - A step is shown. `detail` is `{ step, number }`.
 * @event ds-eldercare-submitted - The application was accepted (also when sent later from the device). `detail` is the `EldercareApplicationPublic` with its reference `code`.
 * @event ds-eldercare-queued - The application could not be sent and waits on the device. `detail` is `{ key }`.
 * @event ds-eldercare-status - A status check found the application. `detail` is the `EldercareApplicationPublic`.
 * @event ds-error - Loading the services, sending or checking failed. `detail` is `{ phase: 'load' | 'submit', error }`.
 *
 * @csspart base - The card around everything.
 * @csspart header - The heading and introduction.
 * @csspart title - The heading.
 * @csspart intro - The introduction.
 * @csspart progress - The list of steps (`<ol>`).
 * @csspart progress-step - One step in it; the current one has `aria-current="step"`.
 * @csspart step - The current step's section.
 * @csspart step-heading - The current step's heading (focused on each step change).
 * @csspart form - Each step's `<form>`.
 * @csspart field - A label + hint + error + control group.
 * @csspart fieldset - A group of choices.
 * @csspart legend - A group's label.
 * @csspart label - A label.
 * @csspart hint - A hint.
 * @csspart input - Text and number inputs.
 * @csspart choice - One radio or checkbox row (the whole row is the target).
 * @csspart area-picker - The `<ds-area-picker>` (its own parts are its own).
 * @csspart program - One service offered, with its eligibility estimate.
 * @csspart eligibility - An eligibility estimate.
 * @csspart field-error - An inline error.
 * @csspart error-summary - The list of problems shown when a step cannot be left.
 * @csspart error-link - Each link in it.
 * @csspart review - The review page's list of answers.
 * @csspart edit-button - A review section's "Change" button.
 * @csspart nav - The Back / Continue / Send buttons.
 * @csspart button - Every button.
 * @csspart retry-button - "Try again" after a failed send.
 * @csspart back-button - "Back".
 * @csspart next-button - "Continue" (and "Send" on the last step).
 * @csspart forget-button - "Clear what was entered".
 * @csspart alert - A failure message with its retry button.
 * @csspart queued - The "saved on this device" panel.
 * @csspart success - The confirmation.
 * @csspart code - The reference code.
 * @csspart copy-button - "Copy the code".
 * @csspart status-form - The status check's form.
 * @csspart status-result - The status check's result.
 * @csspart loading - A loading line.
 * @csspart notice - The "not configured" message, and the draft notices.
 *
 * @cssprop --ds-font-family - Font stack.
 * @cssprop --ds-color-text - Text.
 * @cssprop --ds-color-text-muted - Hints.
 * @cssprop --ds-color-background - The card and controls.
 * @cssprop --ds-color-surface - Tinted panels (estimates, review).
 * @cssprop --ds-color-border - Control borders.
 * @cssprop --ds-color-primary - Buttons, links, the current step.
 * @cssprop --ds-color-on-primary - Text on primary buttons.
 * @cssprop --ds-color-danger - Errors.
 * @cssprop --ds-color-success - The confirmation and "likely eligible".
 * @cssprop --ds-color-focus - The focus ring.
 * @cssprop --ds-form-max-width - Widest the card grows.
 *
 * @example
 * <ds-eldercare-signup api-base="https://portal.example.cn/api" lang="zh-CN"></ds-eldercare-signup>
 * <ds-eldercare-signup mode="status" api-base="https://portal.example.cn/api"></ds-eldercare-signup>
 */
export class DsEldercareSignup extends DoorstepElement<KeyOf<typeof eldercareSignupMessages>, typeof signupResources> {
  static override styles = eldercareSignupStyles;
  protected readonly tagLabel = 'ds-eldercare-signup';
  protected override readonly messages = eldercareSignupMessages;
  protected override readonly resources = signupResources;

  /** `signup` (default): the application wizard. `status`: check an application's progress. */
  @property({ reflect: true }) mode: EldercareSignupMode = 'signup';

  /** In status mode, a reference code to fill in (e.g. from a link the applicant kept). */
  @property() code = '';

  @state() private step: StepId = 'who';
  @state() private values: SignupValues = { ...EMPTY_VALUES };
  @state() private errors: FieldError[] = [];
  @state() private phase: 'editing' | 'submitting' | 'submit-error' | 'success' = 'editing';
  @state() private submitError = '';
  @state() private result?: EldercareApplicationPublic;
  @state() private queued?: OutboxEntry<EldercareApplicationCreate, EldercareApplicationPublic>;
  @state() private queueSending = false;
  /** Editing a step from the review page: its main button goes back there. */
  @state() private fromReview = false;
  @state() private programs?: EldercareProgram[];
  @state() private community?: { id: string; name: string };
  @state() private programsPhase: 'idle' | 'loading' | 'failed' | 'ready' = 'idle';
  @state() private draftNotice: '' | 'restored' | 'forgotten' = '';
  @state() private announcement = '';
  @state() private eligibilityAnnouncement = '';
  @state() private copyAnnouncement = '';
  @state() private statusCode = '';
  @state() private statusLast4 = '';
  @state() private statusErrors: FieldError[] = [];
  @state() private statusPhase: StatusPhase = 'idle';
  @state() private statusResult?: EldercareApplicationPublic;
  @state() private statusFailure = '';
  /** The chosen place as text (幸福里社区 › 幸福花园 › 1号楼 › 1单元), remembered from the picker. */
  @state() private areaPath = '';

  private restored = false;
  private programsFor?: string;
  private programsAbort?: AbortController;
  private pendingSubmission?: { key: string; fingerprint: string };
  private unsubscribeOutbox?: () => void;
  private lastEligibility = '';
  private observedPicker?: DsAreaPicker;
  // The picker loads the area tree itself; once it has, it may have dropped a draft's unknown id, and
  // only then can it name the chosen place. Its `state` attribute says when.
  private readonly pickerObserver = new MutationObserver(() => this.observedPicker && this.syncArea(this.observedPicker));
  private readonly draft = new DraftController<SignupDraft>(this, { key: DRAFT_KEY, version: 1 });
  private readonly outbox = createOutbox<EldercareApplicationCreate, EldercareApplicationPublic>({
    name: OUTBOX_NAME,
    send: (input, { idempotencyKey }) => this.deliver(input, idempotencyKey),
  });

  // ── public API ──────────────────────────────────────────────────────────────────────────────────

  /** Where the widget is: see {@link EldercareSignupState}. Also reflected as the `state` attribute. */
  get state(): EldercareSignupState {
    if (!this.client) return 'unconfigured';
    if (this.mode === 'status') return 'status';
    if (this.queued) return 'queued';
    return this.phase;
  }

  /** The step shown (`who`, `elder`, `services`, `facts`, `contact`, `consent`, `review`). Also the `step` attribute. */
  get currentStep(): StepId {
    return this.step;
  }

  /** What has been entered so far (a copy). */
  get formValues(): SignupValues {
    return structuredClone(this.values);
  }

  /** Moves to the next step when this one is complete (as the Continue button does). */
  async next(): Promise<boolean> {
    const errors = this.checkCurrent();
    if (errors.length > 0) {
      await this.showErrors(errors);
      return false;
    }
    const index = STEPS.indexOf(this.step);
    await this.goTo(this.fromReview ? 'review' : STEPS[Math.min(index + 1, STEPS.length - 1)]!);
    return true;
  }

  /** Goes back one step, keeping everything entered. */
  async back(): Promise<void> {
    const index = STEPS.indexOf(this.step);
    if (index > 0) await this.goTo(STEPS[index - 1]!);
  }

  /** Checks every step and sends; safe to call again after a failure (the same application keeps its key). */
  async submit(): Promise<void> {
    const client = this.client;
    if (!client || this.queued || this.phase === 'submitting' || this.phase === 'success') return;
    const failing = firstFailingStep(this.values, this.context());
    if (failing) {
      // Once fixed, the step's main button leads back to the review.
      await this.goTo(failing.step, { fromReview: true });
      await this.showErrors(failing.errors);
      return;
    }
    this.errors = [];
    this.submitError = '';
    this.phase = 'submitting';
    const input = toCreateInput(this.values, this.programs ?? []);
    const fingerprint = JSON.stringify(input);
    if (this.pendingSubmission?.fingerprint !== fingerprint) this.pendingSubmission = { key: newIdempotencyKey(), fingerprint };
    const key = this.pendingSubmission.key;
    if (navigator.onLine === false) {
      await this.enqueue(input, key, 0, new NetworkError('The device is offline'));
      return;
    }
    try {
      this.showSuccess(await this.deliver(input, key));
    } catch (error) {
      if (error instanceof NetworkError || error instanceof TimeoutError) await this.enqueue(input, key, 1, error);
      else this.handleSubmitFailure(error);
    }
  }

  /** Forgets everything entered (and the draft on this device) and starts again at step 1. */
  async forget(): Promise<void> {
    this.draft.clear();
    this.values = { ...EMPTY_VALUES };
    this.areaPath = '';
    this.errors = [];
    this.pendingSubmission = undefined;
    this.fromReview = false;
    this.draftNotice = 'forgotten';
    await this.goTo('who');
  }

  // ── lifecycle ───────────────────────────────────────────────────────────────────────────────────

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.restored) this.restoreDraft();
    this.restored = true;
    this.unsubscribeOutbox = this.outbox.subscribe(this.onOutboxEvent);
    void this.resumeOutbox().finally(() => this.isConnected && this.outbox.start());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.programsAbort?.abort();
    this.programsFor = undefined;
    this.outbox.stop();
    this.unsubscribeOutbox?.();
    this.pickerObserver.disconnect();
    this.observedPicker = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('code') && this.code) this.statusCode = this.code;
    if (changed.has('values') || changed.has('programs') || changed.has('step')) this.updateEligibilityAnnouncement();
  }

  /** On the circumstances step, says (politely) which chosen services now look likely, when that changes. */
  private updateEligibilityAnnouncement(): void {
    const likely = (this.programs ?? [])
      .filter((program) => this.values.wanted.includes(program.service))
      .filter((program) => this.outcomes.find((outcome) => outcome.programId === program.id)?.eligible === 'yes')
      .map((program) => localize(program.name, this.locale));
    const summary = likely.length > 0 ? this.t('elig.announce', { services: joinList(this.locale, likely) }) : this.t('elig.announceNone');
    if (this.step !== 'facts') {
      this.lastEligibility = summary;
      return;
    }
    if (summary !== this.lastEligibility) this.eligibilityAnnouncement = summary;
    this.lastEligibility = summary;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.setAttribute('state', this.state);
    this.setAttribute('step', this.step);
    if (this.values.area && this.client && this.programsFor !== this.values.area && this.mode === 'signup') void this.loadPrograms(this.values.area);
    if (changed.has('values') || changed.has('step')) this.saveDraft();
    const picker = this.renderRoot.querySelector<DsAreaPicker>('ds-area-picker') ?? undefined;
    if (picker !== this.observedPicker) {
      this.observedPicker = picker;
      this.pickerObserver.disconnect();
      if (picker) {
        this.pickerObserver.observe(picker, { attributes: true, attributeFilter: ['state'] });
        this.syncArea(picker);
      }
    }
  }

  private syncArea(picker: DsAreaPicker): void {
    if (picker.state !== 'ready') return;
    if (picker.value !== this.values.area) this.set({ area: picker.value });
    if (picker.pathText !== this.areaPath) this.areaPath = picker.pathText;
  }

  // ── draft ───────────────────────────────────────────────────────────────────────────────────────

  private restoreDraft(): void {
    const saved = this.draft.restore();
    if (!saved) return;
    const values = valuesFromDraft(saved.values);
    if (JSON.stringify(values) === JSON.stringify(EMPTY_VALUES)) return;
    this.values = values;
    // Back where the resident was, but never past a step whose answers were not kept.
    const step = STEPS.includes(saved.step) ? saved.step : 'who';
    this.step = STEPS.indexOf(step) > STEPS.indexOf('services') ? 'facts' : step;
    this.draftNotice = 'restored';
  }

  private saveDraft(): void {
    if (this.phase === 'success' || JSON.stringify(this.values) === JSON.stringify(EMPTY_VALUES)) return;
    this.draft.save({ step: this.step, values: draftOf(this.values) });
  }

  // ── programs ────────────────────────────────────────────────────────────────────────────────────

  private async loadPrograms(area: string): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.programsFor = area;
    // Another building of the same community offers the same programs.
    const picked = this.renderRoot.querySelector<DsAreaPicker>('ds-area-picker')?.path[0]?.id;
    if (picked && picked === this.community?.id && this.programs && this.programsPhase === 'ready') return;
    this.programsAbort?.abort();
    const abort = (this.programsAbort = new AbortController());
    this.programsPhase = 'loading';
    try {
      const answer = await client.eldercare.programs(area, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.programs = answer.programs;
      this.community = answer.community;
      this.programsPhase = 'ready';
      this.keepToPrograms(answer.programs);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.programsPhase = 'failed';
      this.emit('ds-error', { phase: 'load', error });
    }
  }

  /**
   * Another community offers other choices: a meal mode, meal, day or visit frequency chosen for the
   * last one and not offered here is unchosen (it could not be seen, or sent).
   */
  private keepToPrograms(programs: readonly EldercareProgram[]): void {
    const options = (service: EldercareProgram['service']) => programs.find((program) => program.service === service)?.options;
    const meals = options('meals');
    const dayCare = options('dayCare');
    const visits = options('homeVisits');
    const within = <T>(chosen: readonly T[], offered: readonly T[] | undefined) => (offered ? chosen.filter((value) => offered.includes(value)) : [...chosen]);
    const values = this.values;
    const next: Partial<SignupValues> = {
      mealMode: values.mealMode && meals?.modes && !meals.modes.includes(values.mealMode) ? '' : values.mealMode,
      meals: within(values.meals, meals?.meals),
      mealDays: within(values.mealDays, meals?.days),
      dayCareDays: within(values.dayCareDays, dayCare?.days),
      visitFrequency: values.visitFrequency && visits?.frequencies && !visits.frequencies.includes(values.visitFrequency) ? '' : values.visitFrequency,
    };
    if (Object.entries(next).some(([key, value]) => JSON.stringify(value) !== JSON.stringify(values[key as keyof SignupValues]))) {
      this.values = { ...values, ...next };
    }
  }

  private retryPrograms = (): void => {
    this.programsFor = undefined;
    this.requestUpdate();
  };

  // ── input ───────────────────────────────────────────────────────────────────────────────────────

  private set(patch: Partial<SignupValues>): void {
    this.values = { ...this.values, ...patch };
    this.draftNotice = this.draftNotice === 'forgotten' ? '' : this.draftNotice;
  }

  private onText = (event: Event): void => {
    const control = event.target as HTMLInputElement | HTMLTextAreaElement;
    this.set({ [control.name]: control.value } as Partial<SignupValues>);
  };

  private onArea = (event: Event): void => {
    const picker = event.target as DsAreaPicker;
    picker.setCustomValidity('');
    this.set({ area: picker.value });
    this.areaPath = picker.pathText;
  };

  private toggle<T extends string | number>(key: keyof SignupValues, item: T, on: boolean, order: readonly T[]): void {
    const current = this.values[key] as unknown as T[];
    const next = on ? [...new Set([...current, item])] : current.filter((value) => value !== item);
    this.set({ [key]: order.filter((value) => next.includes(value)) } as Partial<SignupValues>);
  }

  private context(): StepContext {
    const picker = this.step === 'elder' ? this.renderRoot.querySelector<DsAreaPicker>('ds-area-picker') : null;
    let areaProblem = '';
    // The picker marks itself (its inline error) when asked; its message names the level it needs.
    if (picker && !picker.checkValidity()) areaProblem = picker.validationMessage;
    return {
      locale: this.locale,
      year: yearInShanghai(),
      programs: this.programsPhase === 'ready' ? this.programs : undefined,
      areaProblem,
    };
  }

  private checkCurrent(): FieldError[] {
    return checkStep(this.step, this.values, this.context());
  }

  // ── navigation ──────────────────────────────────────────────────────────────────────────────────

  private async goTo(step: StepId, options: { fromReview?: boolean } = {}): Promise<void> {
    if (options.fromReview !== undefined) this.fromReview = options.fromReview;
    if (step === 'review') this.fromReview = false;
    this.errors = [];
    this.step = step;
    this.emit('ds-eldercare-step', { step, number: STEPS.indexOf(step) + 1 });
    await this.updateComplete;
    // The heading says where the resident is now ("第 3 步，共 7 步 需要的服务"); reading starts there.
    this.renderRoot.querySelector<HTMLElement>('.step-heading')?.focus();
  }

  private onStepSubmit = (event: Event): void => {
    event.preventDefault();
    if (this.step === 'review') void this.submit();
    else void this.next();
  };

  private async showErrors(errors: FieldError[]): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
  }

  private focusField = (field: string): void => {
    if (field === 'area') {
      this.renderRoot.querySelector<DsAreaPicker>('ds-area-picker')?.focus();
      return;
    }
    focusControl(this.renderRoot, field);
  };

  private errorFor(field: string): string | undefined {
    return this.errors.find((error) => error.field === field)?.message;
  }

  // ── sending ─────────────────────────────────────────────────────────────────────────────────────

  private async deliver(input: EldercareApplicationCreate, key: string): Promise<EldercareApplicationPublic> {
    const client = this.client as SignupClient | undefined;
    if (!client) throw new NetworkError('No Doorstep API is configured yet');
    return client.eldercare.apply(input, { idempotencyKey: key });
  }

  /** Keeps the application on the device (IndexedDB) until it is sent, under the same key; removed once sent. */
  private async enqueue(input: EldercareApplicationCreate, key: string, attempts: number, error: unknown): Promise<void> {
    try {
      this.queued = await this.outbox.add(input, { key, tag: DRAFT_KEY, attempts, error });
    } catch (storageError) {
      console.error('<ds-eldercare-signup>: the application could not be kept on the device', storageError);
      this.handleSubmitFailure(error);
      return;
    }
    this.phase = 'editing';
    this.queueSending = false;
    this.announcement = this.t('queued.announce');
    this.emit('ds-eldercare-queued', { key });
    this.emit('ds-error', { phase: 'submit', error });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.queued')?.focus();
  }

  private async resumeOutbox(): Promise<void> {
    let entries: OutboxEntry<EldercareApplicationCreate, EldercareApplicationPublic>[];
    try {
      entries = (await this.outbox.entries()).filter((entry) => entry.tag === DRAFT_KEY);
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.status === 'pending') this.queued = entry;
      else this.settle(entry);
    }
  }

  private onOutboxEvent = (event: OutboxEvent<EldercareApplicationCreate, EldercareApplicationPublic>): void => {
    if (event.entry.tag !== DRAFT_KEY) return;
    if (event.type === 'sending') this.queueSending = true;
    else if (event.type === 'failed') {
      this.queueSending = false;
      if (this.queued) this.queued = event.entry;
    } else this.settle(event.entry);
  };

  /** A delivered or refused application from the device: show its outcome once, then forget it there. */
  private settle(entry: OutboxEntry<EldercareApplicationCreate, EldercareApplicationPublic>): void {
    void this.outbox.remove(entry.key);
    this.queued = undefined;
    this.queueSending = false;
    if (entry.status === 'delivered' && entry.result) this.showSuccess(entry.result);
    else if (entry.status === 'rejected' && entry.error) {
      this.pendingSubmission = undefined;
      this.handleRefusal(entry.error);
    }
  }

  private tryQueuedNow = (): void => {
    if (!this.queueSending) void this.outbox.flush({ force: true });
  };

  private showSuccess(result: EldercareApplicationPublic): void {
    this.result = result;
    this.pendingSubmission = undefined;
    this.phase = 'success';
    this.draft.clear();
    this.draftNotice = '';
    this.copyAnnouncement = '';
    this.announcement = this.t('success.announce', { code: result.code });
    this.emit('ds-eldercare-submitted', result);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.success')?.focus());
  }

  private handleSubmitFailure(error: unknown): void {
    this.emit('ds-error', { phase: 'submit', error });
    if (error instanceof ValidationError && error.source === 'request') {
      this.pendingSubmission = undefined;
      this.handleFieldErrors(Object.entries(error.fields).map(([path]) => ({ path, message: this.t('error.invalid') })));
      return;
    }
    if (error instanceof ApiError && this.handleRefusal(error)) return;
    this.phase = 'submit-error';
    this.submitError = this.failureMessage(error);
  }

  /** A refusal with field messages (the server's, in the resident's language): back to the step to fix. */
  private handleRefusal(error: ApiError | OutboxError): boolean {
    const fields = Object.entries(error.fields ?? {}).map(([path, message]) => ({ path, message }));
    if (fields.length > 0 && this.handleFieldErrors(fields)) return true;
    this.phase = 'submit-error';
    this.submitError = this.failureMessage(error);
    return true;
  }

  private handleFieldErrors(fields: Array<{ path: string; message: string }>): boolean {
    const errors = fields.flatMap(({ path, message }) => {
      const field = fieldOfPath(path);
      return field ? [{ field, message }] : [];
    });
    if (errors.length === 0) return false;
    this.pendingSubmission = undefined;
    this.phase = 'editing';
    const step = STEPS.find((candidate) => errors.some((error) => stepOfField(error.field) === candidate)) ?? 'review';
    void this.goTo(step, { fromReview: step !== 'review' }).then(async () => {
      const here = errors.filter((error) => stepOfField(error.field) === step);
      // The picker shows the server's word on the address next to its selects.
      const areaError = here.find((error) => error.field === 'area');
      const picker = this.renderRoot.querySelector<DsAreaPicker>('ds-area-picker');
      if (areaError && picker) {
        picker.setCustomValidity(areaError.message);
        picker.checkValidity();
      }
      await this.showErrors(here);
    });
    return true;
  }

  private failureMessage(error: unknown): string {
    if (error && typeof error === 'object' && 'status' in error && !(error instanceof ApiError)) {
      const stored = error as OutboxError;
      return stored.message ? this.t('submitError.rejected', { message: stored.message }) : this.t('submitError.server');
    }
    switch (failureKindOf(error)) {
      case 'network':
        return this.t('submitError.network');
      case 'timeout':
        return this.t('submitError.timeout');
      case 'rateLimited':
        return this.t('submitError.rateLimited');
      case 'rejected':
        return this.t('submitError.rejected', { message: (error as ApiError).message });
      default:
        return this.t('submitError.server');
    }
  }

  private startAnother = async (): Promise<void> => {
    // Often the same family or steward applies for a second elder: keep who is applying.
    const { role, applicantName, applicantPhone, applicantRelationship } = this.values;
    this.values = { ...EMPTY_VALUES, role, applicantName, applicantPhone, applicantRelationship };
    this.areaPath = '';
    this.result = undefined;
    this.phase = 'editing';
    this.announcement = '';
    this.draftNotice = '';
    await this.goTo('elder');
  };

  private async copyCode(code: string): Promise<void> {
    const copied = await copyText(code, this.renderRoot);
    // Said again even when the text is the same, so a second press is announced too.
    this.copyAnnouncement = '';
    await this.updateComplete;
    this.copyAnnouncement = this.t(copied ? 'success.copied' : 'success.copyFailed');
  }

  // ── status check ────────────────────────────────────────────────────────────────────────────────

  /** Checks the application named by the code and phone digits entered in status mode. */
  async checkStatus(): Promise<void> {
    const client = this.client;
    if (!client || this.statusPhase === 'checking') return;
    const errors: FieldError[] = [];
    const code = normalizeReferenceCode(this.statusCode);
    if (!this.statusCode.trim()) errors.push({ field: 'status-code', message: this.t('error.code.required') });
    else if (!EldercareReferenceCode.safeParse(code).success) errors.push({ field: 'status-code', message: this.t('error.code.invalid') });
    if (!/^\d{4}$/.test(this.statusLast4.trim())) errors.push({ field: 'status-last4', message: this.t('error.last4.invalid') });
    this.statusErrors = errors;
    if (errors.length > 0) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
      return;
    }
    this.statusPhase = 'checking';
    this.statusFailure = '';
    try {
      const result = await client.eldercare.status(code, this.statusLast4.trim());
      this.statusResult = result;
      this.statusPhase = 'done';
      this.announcement = this.t('status.announce', { status: this.t(`status.state.${result.status}`) });
      this.emit('ds-eldercare-status', result);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.status-result')?.focus();
    } catch (error) {
      this.statusPhase = 'failed';
      this.statusResult = undefined;
      // The server words "no match" (and "too many tries") itself, in the resident's language.
      this.statusFailure = error instanceof ApiError && (error.status === 404 || error.status === 429) ? error.message : this.failureMessage(error);
      this.emit('ds-error', { phase: 'submit', error });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.status-alert')?.focus();
    }
  }

  private onStatusSubmit = (event: Event): void => {
    event.preventDefault();
    void this.checkStatus();
  };

  private showStatusOf = async (code: string): Promise<void> => {
    this.statusCode = code;
    this.statusResult = undefined;
    this.statusPhase = 'idle';
    this.mode = 'status';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#status-last4')?.focus();
  };

  // ── render ──────────────────────────────────────────────────────────────────────────────────────

  protected override render() {
    const status = this.mode === 'status';
    return renderCard(
      {
        locale: this.locale,
        busy: this.state === 'submitting',
        heading: this.t(status ? 'status.heading' : 'signup.heading'),
        intro: this.t(status ? 'status.intro' : 'signup.intro'),
        announcement: this.announcement,
      },
      this.renderBody(),
    );
  }

  private renderBody() {
    switch (this.state) {
      case 'unconfigured':
        return this.renderNotConfigured();
      case 'status':
        return this.renderStatus();
      case 'success':
        return this.renderSuccess();
      case 'queued':
        return this.renderQueued();
      default:
        return this.renderWizard();
    }
  }

  private renderProgress() {
    const current = STEPS.indexOf(this.step);
    return html`<ol part="progress" class="progress" aria-label=${this.t('progress.label')}>
      ${STEPS.map(
        (step, index) =>
          html`<li
            part="progress-step"
            class="progress-step ${index < current ? 'progress-step--done' : ''} ${index === current ? 'progress-step--current' : ''}"
            aria-current=${index === current ? 'step' : nothing}
          >
            <span class="progress-number" aria-hidden="true">${index + 1}</span>
            <span class="progress-title">${this.t(`step.${step}`)}${index < current
                ? html`<span class="visually-hidden">${this.t('progress.done')}</span>`
                : nothing}</span>
          </li>`,
      )}
    </ol>`;
  }

  private renderWizard() {
    const index = STEPS.indexOf(this.step);
    const submitting = this.state === 'submitting';
    const last = this.step === 'review';
    return html`
      ${this.renderProgress()} ${this.renderDraftNotice()}
      <section part="step" class="step" aria-labelledby="step-heading">
        <h3 part="step-heading" class="step-heading" id="step-heading" tabindex="-1">
          <span class="step-count">${this.t('progress.status', { current: index + 1, total: STEPS.length })}</span>
          <span class="step-title">${this.t(`step.${this.step}`)}</span>
        </h3>
        ${renderErrorSummary(this.errors, this.t('summary.heading'), this.focusField)}
        <form part="form" class="form" novalidate @submit=${this.onStepSubmit}>
          ${this.renderStep()}
          ${last && this.state === 'submit-error' && this.submitError
            ? renderAlert(this.submitError, { label: this.t('retry'), run: () => this.submit() })
            : nothing}
          <div part="nav" class="actions nav">
            ${index > 0
              ? html`<button part="button back-button" class="button button--secondary" type="button" @click=${() => this.back()}>
                  ${this.t('nav.back')}
                </button>`
              : nothing}
            <button part="button next-button" class="button button--primary" type="submit" aria-disabled=${submitting ? 'true' : 'false'}>
              ${submitting ? html`<span class="spinner spinner--on-primary" aria-hidden="true"></span>` : nothing}
              ${this.t(last ? (submitting ? 'nav.submitting' : 'nav.submit') : this.fromReview ? 'nav.toReview' : 'nav.next')}
            </button>
          </div>
        </form>
      </section>
      ${this.renderForget()}
    `;
  }

  private renderDraftNotice() {
    if (!this.draftNotice) return nothing;
    return html`<p part="notice" class="draft-notice" role="status">${this.t(this.draftNotice === 'restored' ? 'draft.restored' : 'draft.forgotten')}</p>`;
  }

  private renderForget() {
    if (JSON.stringify(this.values) === JSON.stringify(EMPTY_VALUES)) return nothing;
    return html`<p class="forget">
      <button part="button forget-button" class="link-button" type="button" @click=${() => this.forget()}>${this.t('draft.forget')}</button>
    </p>`;
  }

  private renderStep() {
    switch (this.step) {
      case 'who':
        return this.renderWho();
      case 'elder':
        return this.renderElder();
      case 'services':
        return this.renderServices();
      case 'facts':
        return this.renderFacts();
      case 'contact':
        return this.renderContact();
      case 'consent':
        return this.renderConsent();
      case 'review':
        return this.renderReview();
    }
  }

  // ── steps ───────────────────────────────────────────────────────────────────────────────────────

  private renderWho() {
    const other = this.values.role === 'family' || this.values.role === 'steward';
    return html`
      ${this.renderChoices({
        id: 'role',
        legend: this.t('who.legend'),
        type: 'radio',
        options: (['self', 'family', 'steward'] as const).map((role) => ({ value: role, label: this.t(`who.${role}`) })),
        selected: [this.values.role],
        onChange: (value) => this.set({ role: value as SignupValues['role'] }),
      })}
      ${other
        ? html`${this.renderInput({ id: 'applicant-name', name: 'applicantName', label: this.t('who.name'), autocomplete: 'name' })}
          ${this.renderInput({ id: 'applicant-phone', name: 'applicantPhone', label: this.t('who.phone'), hint: this.t('who.phone.hint'), type: 'tel', autocomplete: 'tel' })}
          ${this.renderInput({
            id: 'applicant-relationship',
            name: 'applicantRelationship',
            label: this.t('who.relationship'),
            hint: this.t('who.relationship.hint'),
            optional: true,
          })}`
        : nothing}
    `;
  }

  private renderElder() {
    const self = this.values.role === 'self';
    const areaError = this.errorFor('area');
    return html`
      ${this.renderInput({ id: 'elder-name', name: 'elderName', label: this.t('elder.name'), autocomplete: self ? 'name' : 'off' })}
      ${this.renderInput({
        id: 'birth-year',
        name: 'birthYear',
        label: this.t('elder.birthYear'),
        hint: this.t('elder.birthYear.hint'),
        inputmode: 'numeric',
        width: 'short',
      })}
      ${this.renderInput({
        id: 'elder-phone',
        name: 'elderPhone',
        label: this.t('elder.phone'),
        hint: this.t(self ? 'elder.phone.hintSelf' : 'elder.phone.hintOther'),
        type: 'tel',
        autocomplete: self ? 'tel' : 'off',
        optional: !self,
      })}
      <ds-area-picker
        part="area-picker"
        id="area"
        name="area"
        class=${areaError ? 'picker--invalid' : ''}
        required
        level="unit"
        min-level="building"
        label=${this.t('elder.area')}
        hint=${this.t('elder.area.hint')}
        api-base=${this.apiBase ?? nothing}
        .value=${this.values.area}
        @change=${this.onArea}
      ></ds-area-picker>
      ${this.renderInput({ id: 'room', name: 'room', label: this.t('elder.room'), hint: this.t('elder.room.hint'), width: 'short' })}
      ${this.renderChoices({
        id: 'living',
        legend: this.t('elder.living'),
        type: 'radio',
        options: (['alone', 'spouse', 'family'] as const).map((living) => ({ value: living, label: this.t(`living.${living}`) })),
        selected: [this.values.living],
        onChange: (value) => this.set({ living: value as SignupValues['living'] }),
      })}
    `;
  }

  private get outcomes(): ProgramOutcome[] {
    return this.programs ? evaluatePrograms(this.programs, factsOf(this.values), yearInShanghai()) : [];
  }

  private renderServices() {
    if (!this.values.area) return html`<p part="notice" class="notice">${this.t('services.needArea')}</p>`;
    if (this.programsPhase === 'loading' || this.programsPhase === 'idle') {
      return html`<p part="loading" class="loading" role="status"><span class="spinner" aria-hidden="true"></span>${this.t('services.loading')}</p>`;
    }
    if (this.programsPhase === 'failed') {
      return html`<div part="alert" class="alert" role="alert" id="services">
        <p>${this.t('services.loadFailed')}</p>
        <button part="button" class="button button--secondary" type="button" @click=${this.retryPrograms}>${this.t('services.retry')}</button>
      </div>`;
    }
    const programs = this.programs ?? [];
    if (programs.length === 0) return html`<p part="notice" class="notice" id="services">${this.t('services.none')}</p>`;
    const outcomes = this.outcomes;
    const error = this.errorFor('services');
    return html`<fieldset part="fieldset" class="fieldset ${error ? 'field--invalid' : ''}" id="services" aria-describedby="services-intro ${error ? 'services-error' : ''}">
        <legend part="legend" class="legend">${this.t('services.legend')}</legend>
        <p part="hint" class="hint" id="services-intro">${this.t('services.community', { community: this.community?.name ?? '' })}</p>
        ${error ? renderFieldError('services', error, this.t('error.prefix')) : nothing}
        <div class="programs">
          ${ELDERCARE_SERVICES.flatMap((service) => {
            const program = programs.find((candidate) => candidate.service === service);
            const outcome = outcomes.find((candidate) => candidate.programId === program?.id);
            return program && outcome ? [this.renderProgram(program, outcome)] : [];
          })}
        </div>
      </fieldset>
      <p part="hint" class="hint privacy-note">${this.t('health.notSaved')}</p>`;
  }

  private renderProgram(program: EldercareProgram, outcome: ProgramOutcome) {
    const service = program.service;
    const wanted = this.values.wanted.includes(service);
    const id = `want-${service}`;
    return html`<div part="program" class="program ${wanted ? 'program--chosen' : ''}">
      <label part="choice" class="choice choice--program" for=${id}>
        <input
          type="checkbox"
          id=${id}
          .checked=${wanted}
          aria-describedby="${id}-description ${id}-eligibility"
          @change=${(event: Event) => this.toggle('wanted', service, (event.target as HTMLInputElement).checked, ELDERCARE_SERVICES)}
        />
        <span class="choice-label">${localize(program.name, this.locale)}</span>
      </label>
      ${program.description ? html`<p class="hint program-description" id="${id}-description">${localize(program.description, this.locale)}</p>` : nothing}
      ${this.renderEstimate(program, outcome, `${id}-eligibility`)}
      ${wanted ? html`<div class="program-options">${this.renderServiceOptions(program)}</div>` : nothing}
    </div>`;
  }

  /** The live "likely eligible, because …" and the prices after the subsidies that apply. */
  private renderEstimate(program: EldercareProgram, outcome: ProgramOutcome, id: string) {
    const { possible } = benefitsOf(program, outcome, this.locale);
    const prices = outcome.prices.map((price) => priceText(this.locale, program, price)).filter((line) => line !== undefined);
    return html`<div part="eligibility" class="estimate estimate--${outcome.eligible}" id=${id}>
      <p class="estimate-verdict"><strong>${verdictText(this.locale, outcome)}</strong> ${reasonText(this.locale, outcome)}</p>
      ${prices.length > 0
        ? html`<ul class="estimate-prices" aria-label=${this.t('elig.prices')}>
            ${prices.map((line) => html`<li><span class="price-label">${line.label}</span> ${line.cost}</li>`)}
          </ul>`
        : nothing}
      ${possible.length > 0 ? html`<p class="hint">${this.t('elig.possible', { benefits: joinList(this.locale, possible) })}</p>` : nothing}
    </div>`;
  }

  private renderServiceOptions(program: EldercareProgram) {
    const options = program.options;
    const weekdays = (days: readonly Weekday[] | undefined) => (days ?? [1, 2, 3, 4, 5, 6, 7]).map((day) => ({ value: String(day), label: this.t(`weekday.${day}`) }));
    switch (program.service) {
      case 'meals':
        return html`${this.renderChoices({
            id: 'meal-mode',
            legend: this.t('meals.mode'),
            type: 'radio',
            options: (options.modes ?? ['canteen', 'delivery']).map((mode) => ({ value: mode, label: this.t(`mode.${mode}`) })),
            selected: [this.values.mealMode],
            onChange: (value) => this.set({ mealMode: value as SignupValues['mealMode'] }),
          })}
          ${this.renderChoices({
            id: 'meals',
            legend: this.t('meals.meals'),
            type: 'checkbox',
            options: (options.meals ?? MEALS).map((meal) => ({ value: meal, label: this.t(`meal.${meal}`) })),
            selected: this.values.meals,
            onChange: (value, on) => this.toggle('meals', value as Meal, on, MEALS),
            inline: true,
          })}
          ${this.renderChoices({
            id: 'meal-days',
            legend: this.t('meals.days'),
            type: 'checkbox',
            options: weekdays(options.days),
            selected: this.values.mealDays.map(String),
            onChange: (value, on) => this.toggle('mealDays', Number(value) as Weekday, on, [1, 2, 3, 4, 5, 6, 7] as Weekday[]),
            inline: true,
          })}
          ${this.renderChoices({
            id: 'diet',
            legend: this.t('meals.diet'),
            type: 'checkbox',
            options: DIETS.map((diet) => ({ value: diet, label: this.t(`diet.${diet}`) })),
            selected: this.values.diet,
            onChange: (value, on) => this.toggle('diet', value as Diet, on, DIETS),
            inline: true,
            optional: true,
          })}
          ${this.renderInput({ id: 'allergies', name: 'allergies', label: this.t('meals.allergies'), hint: this.t('meals.allergies.hint'), optional: true })}`;
      case 'dayCare':
        return this.renderChoices({
          id: 'day-care-days',
          legend: this.t('dayCare.days'),
          type: 'checkbox',
          options: weekdays(options.days),
          selected: this.values.dayCareDays.map(String),
          onChange: (value, on) => this.toggle('dayCareDays', Number(value) as Weekday, on, [1, 2, 3, 4, 5, 6, 7] as Weekday[]),
          inline: true,
        });
      case 'housekeeping':
        return this.renderInput({
          id: 'housekeeping-hours',
          name: 'housekeepingHours',
          label: this.t('housekeeping.hours'),
          hint: this.t('housekeeping.hours.hint', { count: options.maxHoursPerMonth ?? 20 }),
          inputmode: 'numeric',
          width: 'short',
        });
      case 'homeVisits':
        return this.renderChoices({
          id: 'visit-frequency',
          legend: this.t('homeVisits.frequency'),
          type: 'radio',
          options: (options.frequencies ?? ['weekly', 'biweekly', 'monthly']).map((frequency) => ({ value: frequency, label: this.t(`frequency.${frequency}`) })),
          selected: [this.values.visitFrequency],
          onChange: (value) => this.set({ visitFrequency: value as SignupValues['visitFrequency'] }),
        });
      case 'wristband':
        return html`<p class="hint">${this.t('wristband.note')}</p>`;
    }
  }

  private renderFacts() {
    const answers: Array<{ value: FactAnswer; key: 'answer.yes' | 'answer.no' | 'answer.unsaid' }> = [
      { value: 'yes', key: 'answer.yes' },
      { value: 'no', key: 'answer.no' },
      { value: 'unsaid', key: 'answer.unsaid' },
    ];
    return html`
      <p part="hint" class="hint">${this.t('facts.intro')}</p>
      ${FACTS.map((fact) =>
        this.renderChoices({
          id: fact,
          legend: this.t(`facts.${fact}`),
          type: 'radio',
          options: answers.map((answer) => ({ value: answer.value, label: this.t(answer.key) })),
          selected: [this.values[fact]],
          onChange: (value) => this.set({ [fact]: value as FactAnswer } as Partial<SignupValues>),
          inline: true,
        }),
      )}
      ${this.values.living ? html`<p part="hint" class="hint">${this.t(this.values.living === 'alone' ? 'facts.livingAlone.yes' : 'facts.livingAlone.no')}</p>` : nothing}
      ${this.renderEstimates()}
      <p part="hint" class="hint privacy-note">${this.t('health.notSaved')}</p>
    `;
  }

  /** The estimate for the services chosen, with a polite announcement when the verdicts change. */
  private renderEstimates() {
    const programs = (this.programs ?? []).filter((program) => this.values.wanted.includes(program.service));
    if (programs.length === 0) return nothing;
    const outcomes = this.outcomes;
    return html`<section class="estimates" aria-labelledby="estimates-heading">
      <h4 class="estimates-heading" id="estimates-heading">${this.t('elig.heading')}</h4>
      ${programs.map((program) => {
        const outcome = outcomes.find((candidate) => candidate.programId === program.id);
        return outcome
          ? html`<div class="estimate-block">
              <p class="estimate-name">${localize(program.name, this.locale)}</p>
              ${this.renderEstimate(program, outcome, `estimate-${program.service}`)}
            </div>`
          : nothing;
      })}
      <p class="hint">${this.t('elig.disclaimer')}</p>
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">${this.eligibilityAnnouncement}</div>
    </section>`;
  }

  private renderContact() {
    return html`
      <p part="hint" class="hint">${this.t('contact.intro')}</p>
      ${this.renderInput({ id: 'contact-name', name: 'contactName', label: this.t('contact.name') })}
      ${this.renderInput({ id: 'contact-phone', name: 'contactPhone', label: this.t('contact.phone'), type: 'tel' })}
      ${this.renderInput({ id: 'contact-relationship', name: 'contactRelationship', label: this.t('contact.relationship'), hint: this.t('contact.relationship.hint') })}
    `;
  }

  private renderConsent() {
    const health = hasHealthInformation(this.values);
    return html`
      ${this.renderCheckbox('consent-personal', this.t('consent.personal'), this.t('consent.personal.hint'), this.values.consentPersonal, (on) =>
        this.set({ consentPersonal: on }),
      )}
      ${this.renderCheckbox(
        'consent-health',
        this.t('consent.health'),
        this.t(health ? 'consent.health.hint' : 'consent.health.none'),
        this.values.consentHealth,
        (on) => this.set({ consentHealth: on }),
      )}
    `;
  }

  private renderReview() {
    const values = this.values;
    const empty = this.t('review.empty');
    const section = (step: StepId, rows: Array<[string, string]>) => html`<div class="review-section">
      <div class="review-heading">
        <h4 class="review-title">${this.t(`step.${step}`)}</h4>
        <button
          part="button edit-button"
          class="button button--link"
          type="button"
          aria-label=${this.t('review.editLabel', { section: this.t(`step.${step}`) })}
          @click=${() => this.goTo(step, { fromReview: true })}
        >
          ${this.t('review.edit')}
        </button>
      </div>
      <dl class="review-list">${rows.map(([term, detail]) => html`<div class="review-row"><dt>${term}</dt><dd>${detail || empty}</dd></div>`)}</dl>
    </div>`;
    const input = toCreateInput(values, this.programs ?? []);
    const services = describeServices(this.locale, input.services, this.programs ?? []);
    const answer = (value: FactAnswer) => (value ? this.t(value === 'yes' ? 'answer.yes' : value === 'no' ? 'answer.no' : 'answer.unsaid') : '');
    const picker = this.areaPathText();
    return html`<p part="hint" class="hint">${this.t('review.intro')}</p>
      <div part="review" class="review">
        ${section('who', [
          [this.t('who.legend'), values.role ? this.t(`who.${values.role}`) : ''],
          ...(values.role && values.role !== 'self'
            ? ([
                [this.t('who.name'), values.applicantName],
                [this.t('who.phone'), values.applicantPhone],
                [this.t('who.relationship'), values.applicantRelationship],
              ] as Array<[string, string]>)
            : []),
        ])}
        ${section('elder', [
          [this.t('elder.name'), values.elderName],
          [this.t('elder.birthYear'), values.birthYear],
          [this.t('elder.phone'), values.elderPhone],
          [this.t('review.address'), [picker, values.room].filter(Boolean).join(' ')],
          [this.t('elder.living'), values.living ? this.t(`living.${values.living}`) : ''],
        ])}
        ${section('services', [
          ...services.map((line) => [line.name, line.details || '✓'] as [string, string]),
          ...(input.services.meals
            ? ([
                [this.t('review.diet'), values.diet.map((diet) => this.t(`diet.${diet}`)).join(this.t('list.separator')) || this.t('review.none')],
                [this.t('review.allergies'), values.allergies.trim() || this.t('review.none')],
              ] as Array<[string, string]>)
            : []),
        ])}
        ${section(
          'facts',
          FACTS.map((fact) => [this.t(`facts.${fact}`), answer(values[fact])] as [string, string]),
        )}
        ${section('contact', [
          [this.t('contact.name'), values.contactName],
          [this.t('contact.phone'), values.contactPhone],
          [this.t('contact.relationship'), values.contactRelationship],
        ])}
        ${section('consent', [
          [this.t('review.consent'), values.consentPersonal ? this.t('review.consent.personal') : ''],
          [this.t('review.consent'), this.t(values.consentHealth ? 'review.consent.health' : 'review.consent.noHealth')],
        ])}
      </div>`;
  }

  /** The chosen place as the picker names it (the picker is not on the page after step 2), else the community's name. */
  private areaPathText(): string {
    return this.areaPath || this.community?.name || '';
  }

  // ── success, queued ─────────────────────────────────────────────────────────────────────────────

  private renderSuccess() {
    const code = this.result?.code ?? '';
    return html`<div part="success" class="success" tabindex="-1" aria-labelledby="success-heading">
      <svg class="success-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z" fill="currentColor"></path>
      </svg>
      <h3 id="success-heading" class="success-heading">${this.t('success.heading')}</h3>
      <p class="code-label" id="code-label">${this.t('success.codeLabel')}</p>
      <p part="code" class="code" aria-describedby="code-label">${code}</p>
      <p class="success-body">${this.t('success.body')}</p>
      <p class="success-body">${this.t('success.status')}</p>
      <div class="actions actions--plain">
        <button part="button copy-button" class="button button--secondary" type="button" @click=${() => this.copyCode(code)}>
          ${this.t('success.copy')}
        </button>
        <button part="button" class="button button--secondary" type="button" @click=${() => this.showStatusOf(code)}>
          ${this.t('success.checkStatus')}
        </button>
        <button part="button" class="button button--secondary" type="button" @click=${this.startAnother}>${this.t('success.another')}</button>
      </div>
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">${this.copyAnnouncement}</div>
    </div>`;
  }

  private renderQueued() {
    return html`<div part="queued" class="queued alert alert--info" tabindex="-1" role="status" aria-labelledby="queued-heading">
      <h3 id="queued-heading" class="queued-heading">${this.t('queued.heading')}</h3>
      <p>${this.t('queued.body')}</p>
      <button part="button" class="button button--secondary" type="button" aria-disabled=${this.queueSending ? 'true' : 'false'} @click=${this.tryQueuedNow}>
        ${this.queueSending ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
        ${this.t(this.queueSending ? 'queued.sending' : 'queued.tryNow')}
      </button>
    </div>`;
  }

  // ── status mode ─────────────────────────────────────────────────────────────────────────────────

  private renderStatus() {
    const checking = this.statusPhase === 'checking';
    const errorOf = (field: string) => this.statusErrors.find((error) => error.field === field)?.message;
    const input = (id: string, label: string, hint: string, value: string, onInput: (value: string) => void, extra: { inputmode?: string; maxlength?: number; autocomplete?: string }) => {
      const error = errorOf(id);
      return html`<div part="field" class="field ${error ? 'field--invalid' : ''}">
        <label part="label" class="label" for=${id}>${label}</label>
        <p part="hint" class="hint" id="${id}-hint">${hint}</p>
        ${error ? renderFieldError(id, error, this.t('error.prefix')) : nothing}
        <input
          part="input"
          class="control control--short"
          id=${id}
          name=${id}
          autocomplete=${extra.autocomplete ?? 'off'}
          inputmode=${extra.inputmode ?? nothing}
          maxlength=${extra.maxlength ?? nothing}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby="${id}-hint${error ? ` ${id}-error` : ''}"
          .value=${value}
          @input=${(event: Event) => onInput((event.target as HTMLInputElement).value)}
        />
      </div>`;
    };
    const result = this.statusResult;
    return html`
      ${renderErrorSummary(this.statusErrors, this.t('summary.heading'), (field) => focusControl(this.renderRoot, field))}
      <form part="status-form" class="form" novalidate @submit=${this.onStatusSubmit}>
        ${input('status-code', this.t('status.code'), this.t('status.code.hint'), this.statusCode, (value) => (this.statusCode = value), { autocomplete: 'off' })}
        ${input('status-last4', this.t('status.last4'), this.t('status.last4.hint'), this.statusLast4, (value) => (this.statusLast4 = value), {
          inputmode: 'numeric',
          maxlength: 4,
        })}
        <div part="nav" class="actions">
          <button part="button next-button" class="button button--primary" type="submit" aria-disabled=${checking ? 'true' : 'false'}>
            ${checking ? html`<span class="spinner spinner--on-primary" aria-hidden="true"></span>` : nothing}
            ${this.t(checking ? 'status.checking' : 'status.check')}
          </button>
          <button part="button" class="button button--secondary" type="button" @click=${() => (this.mode = 'signup')}>${this.t('status.toSignup')}</button>
        </div>
      </form>
      ${this.statusPhase === 'failed'
        ? html`<div part="alert" class="alert status-alert" role="alert" tabindex="-1"><p>${this.statusFailure}</p></div>`
        : nothing}
      ${result ? this.renderStatusResult(result) : nothing}
    `;
  }

  private renderStatusResult(result: EldercareApplicationPublic) {
    const requested = describeServices(this.locale, result.services);
    const granted = result.granted ? describeServices(this.locale, result.granted) : [];
    const lines = (items: typeof requested) =>
      html`<ul class="plain-list">${items.map((line) => html`<li><strong>${line.name}</strong>${line.details ? html` ${line.details}` : nothing}</li>`)}</ul>`;
    return html`<section part="status-result" class="status-result status-result--${result.status}" tabindex="-1" aria-labelledby="status-result-heading">
      <h3 class="status-result-heading" id="status-result-heading">${this.t('status.resultHeading', { status: this.t(`status.state.${result.status}`) })}</h3>
      <dl class="review-list">
        <div class="review-row"><dt>${this.t('status.code')}</dt><dd class="mono">${result.code}</dd></div>
        <div class="review-row"><dt>${this.t('status.elder')}</dt><dd>${result.elderName}</dd></div>
        <div class="review-row"><dt>${this.t('status.community')}</dt><dd>${result.communityName}</dd></div>
        <div class="review-row"><dt>${this.t('status.requested')}</dt><dd>${lines(requested)}</dd></div>
        ${granted.length > 0 ? html`<div class="review-row"><dt>${this.t('status.granted')}</dt><dd>${lines(granted)}</dd></div>` : nothing}
        ${result.startDate ? html`<div class="review-row"><dt>${this.t('status.startDate')}</dt><dd>${formatLongDay(this.locale, result.startDate)}</dd></div>` : nothing}
        ${result.reason ? html`<div class="review-row"><dt>${this.t('status.reason')}</dt><dd>${result.reason}</dd></div>` : nothing}
      </dl>
    </section>`;
  }

  // ── field helpers ───────────────────────────────────────────────────────────────────────────────

  private renderInput(options: {
    id: string;
    name: keyof SignupValues;
    label: string;
    hint?: string;
    type?: 'text' | 'tel';
    inputmode?: 'numeric' | 'tel' | 'text';
    autocomplete?: string;
    optional?: boolean;
    width?: 'short';
  }): TemplateResult {
    const { id, name, label, hint, type = 'text', inputmode, autocomplete, optional, width } = options;
    const error = this.errorFor(id);
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div part="field" class="field ${error ? 'field--invalid' : ''}">
      <label part="label" class="label" for=${id}>${label}${optional ? html`<span class="optional">${this.t('form.optional')}</span>` : nothing}</label>
      ${hint ? html`<p part="hint" class="hint" id="${id}-hint">${hint}</p>` : nothing}
      ${error ? renderFieldError(id, error, this.t('error.prefix')) : nothing}
      <input
        part="input"
        class="control ${width === 'short' ? 'control--short' : ''}"
        id=${id}
        name=${name}
        type=${type}
        inputmode=${inputmode ?? (type === 'tel' ? 'tel' : nothing)}
        autocomplete=${autocomplete ?? (type === 'tel' ? 'tel' : 'off')}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        .value=${String(this.values[name] ?? '')}
        @input=${this.onText}
      />
    </div>`;
  }

  /** A group of radios or checkboxes in a fieldset; the whole row of each is its target. */
  private renderChoices(options: {
    id: string;
    legend: string;
    type: 'radio' | 'checkbox';
    options: Array<{ value: string; label: string }>;
    selected: readonly string[];
    onChange: (value: string, on: boolean) => void;
    inline?: boolean;
    optional?: boolean;
    hint?: string;
  }): TemplateResult {
    const { id, legend, type, selected, onChange, inline, optional, hint } = options;
    const error = this.errorFor(id);
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<fieldset part="fieldset" class="fieldset ${error ? 'field--invalid' : ''}" id=${id} aria-describedby=${describedBy || nothing}>
      <legend part="legend" class="legend">${legend}${optional ? html`<span class="optional">${this.t('form.optional')}</span>` : nothing}</legend>
      ${hint ? html`<p part="hint" class="hint" id="${id}-hint">${hint}</p>` : nothing}
      ${error ? renderFieldError(id, error, this.t('error.prefix')) : nothing}
      <div class="choices ${inline ? 'choices--inline' : ''}">
        ${options.options.map(
          (option) =>
            html`<label part="choice" class="choice">
              <input
                type=${type}
                name=${id}
                value=${option.value}
                .checked=${selected.includes(option.value)}
                aria-invalid=${error ? 'true' : 'false'}
                @change=${(event: Event) => onChange(option.value, (event.target as HTMLInputElement).checked)}
              />
              <span class="choice-label">${option.label}</span>
            </label>`,
        )}
      </div>
    </fieldset>`;
  }

  private renderCheckbox(id: string, label: string, hint: string, checked: boolean, onChange: (on: boolean) => void): TemplateResult {
    const error = this.errorFor(id);
    return html`<div part="field" class="field consent ${error ? 'field--invalid' : ''}">
      ${error ? renderFieldError(id, error, this.t('error.prefix')) : nothing}
      <label part="choice" class="choice choice--consent">
        <input
          type="checkbox"
          id=${id}
          .checked=${checked}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby="${id}-hint${error ? ` ${id}-error` : ''}"
          @change=${(event: Event) => onChange((event.target as HTMLInputElement).checked)}
        />
        <span class="choice-label">${label}</span>
      </label>
      <p part="hint" class="hint" id="${id}-hint">${hint}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ds-eldercare-signup': DsEldercareSignup;
  }
  interface GlobalEventHandlersEventMap {
    'ds-eldercare-step': CustomEvent<EldercareStepDetail>;
    'ds-eldercare-submitted': CustomEvent<EldercareApplicationPublic>;
    'ds-eldercare-queued': CustomEvent<EldercareQueuedDetail>;
    'ds-eldercare-status': CustomEvent<EldercareApplicationPublic>;
  }
}
