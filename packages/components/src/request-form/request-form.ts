import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  ApiError,
  DEFAULT_PHOTO_MAX_BYTES,
  DESCRIPTION_MAX_LENGTH,
  DESCRIPTION_MIN_LENGTH,
  MAX_PHOTOS_PER_REQUEST,
  NetworkError,
  TimeoutError,
  ValidationError,
  classifyPhone,
  createOutbox,
  isPermanentFailure,
  localize,
  newIdempotencyKey,
  type Area,
  type Category,
  type CategoryQuestion,
  type GeoPoint,
  type OutboxEntry,
  type OutboxError,
  type OutboxEvent,
  type PhotoRef,
  type RequestSummary,
  type ServiceRequestCreate,
  type ServiceRequestPublic,
  type SupportResponse,
} from '@doorstep/sdk';
import { preloadAreaTree, type DsAreaPicker } from '../area-picker/area-picker.js';
import { areasResource } from '@doorstep/sdk/resources/areas.js';
import { categoriesResource } from '@doorstep/sdk/resources/categories.js';
import { photosResource } from '@doorstep/sdk/resources/photos.js';
import { requestsResource } from '@doorstep/sdk/resources/requests.js';
import type { ClientOf } from '../base/api-client.js';
import { DoorstepElement } from '../base/doorstep-element.js';
import { DraftController } from '../base/draft-controller.js';
import type { KeyOf } from '../locales/index.js';
import { PhotoError, preparePhoto, type PhotoProblem } from './photos.js';
import { requestFormMessages } from './request-form.messages.js';
import { requestFormStyles } from './request-form.styles.js';
import {
  EMPTY_VALUES,
  fieldOfPath,
  isAnonymous,
  issuesToErrors,
  orderErrors,
  questionsOf,
  validate,
  type FieldError,
  type FieldName,
  type RequestFormValues,
} from './validation.js';
import { copyText } from '../shared/copy-text.js';
import { renderAlert, renderCard, renderLoading } from '../shared/card.js';

/** Where the form is: what it shows and what it accepts. */
export type RequestFormState =
  | 'unconfigured'
  | 'loading'
  | 'load-error'
  | 'ready'
  | 'submitting'
  | 'submit-error'
  /** Kept on the device (offline, or the connection failed): sent by itself when it can. */
  | 'queued'
  | 'success'
  /** The resident added their support to a request already open instead of reporting it again. */
  | 'supported';


/** `detail` of `ds-supported`: the request supported and its new count. */
export type DsSupportedDetail = SupportResponse;

/** `detail` of `ds-queued`: the report is kept on the device under this idempotency key. */
export interface DsQueuedDetail {
  key: string;
}

/** A report waiting in the outbox: the create input, and photos still to upload before it. */
export interface QueuedReport {
  input: ServiceRequestCreate;
  /** Photos chosen but not uploaded yet; each keeps its key, so sending again stores it once. */
  photos: Array<{ key: string; blob: Blob }>;
}

/** The privacy notice version sent with the consent when the portal does not name its own (`privacy-version`). */
export const DEFAULT_PRIVACY_NOTICE_VERSION = 'doorstep-2026-11';

/** Announce the remaining characters only near the limit, and only once typing pauses. */
const COUNTER_ANNOUNCE_DELAY_MS = 1000;
const COUNTER_ANNOUNCE_THRESHOLD = Math.ceil(DESCRIPTION_MAX_LENGTH * 0.1);
/** Up to this many choices a single-choice question shows radio buttons; more, a select. */
const MAX_RADIOS = 5;
const DRAFT_KEY = 'request-form';
const OUTBOX_NAME = 'request-form';

type PhotoStatus = 'processing' | 'uploading' | 'uploaded' | 'failed' | 'refused';

interface PhotoItem {
  /** Local id, and the upload's idempotency key. */
  key: string;
  name: string;
  status: PhotoStatus;
  /** 0–1 while uploading. */
  progress: number;
  blob?: Blob;
  /** What the thumbnail shows: an object URL of the prepared photo, or the server's URL. */
  preview?: string;
  ref?: PhotoRef;
  error?: string;
}

type GeoState =
  | { status: 'idle' | 'asking' | 'denied' | 'unavailable' | 'timeout' }
  | { status: 'got'; point: GeoPoint; accuracy: number };

interface Duplicates {
  /** `category|building` the list belongs to. */
  key: string;
  status: 'loading' | 'loaded';
  requests: RequestSummary[];
  buildingName: string;
}

/** What is kept in the draft (localStorage). Photo files are not: only those already uploaded, by reference. */
interface RequestFormDraft {
  values: RequestFormValues;
  photos: Array<{ key: string; name: string; ref: PhotoRef }>;
  /** Photos chosen but not uploaded when the draft was written; after a reload they must be chosen again. */
  unsentPhotos: number;
  geo?: { point: GeoPoint; accuracy: number };
  /** The idempotency key of a submission that got no answer, and what it sent (so a resend reuses it). */
  pending?: { key: string; fingerprint: string };
}

/** The SDK operations the form uses: its bundle carries these and no other service's. */
const requestFormResources = {
  areas: areasResource,
  categories: categoriesResource,
  requests: requestsResource,
  photos: photosResource,
};
type RequestFormClient = ClientOf<typeof requestFormResources>;

/**
 * @summary A form for residents to report a problem (a broken light, a leak…) to community staff: the
 * category's extra questions, the place, photos, contact (or anonymous, or for someone else), consent,
 * a check for open reports of the same problem, and a tracking code at the end. Works on a bad network:
 * the draft survives a reload, and a report sent offline waits on the device and goes out once.
 *
 * @slot heading - Replaces the heading text ("反映问题").
 * @slot intro - Replaces the introduction under the heading.
 * @slot privacy - Replaces the built-in short privacy notice above the consent checkbox.
 *
 * @event ds-submitted - The report was accepted (also when it was sent later from the outbox). `detail` is the `ServiceRequestPublic` with its tracking `code`.
 * @event ds-supported - The resident added their support to an open request instead. `detail` is `{ code, supportCount }`.
 * @event ds-queued - The report could not be sent now and waits on the device. `detail` is `{ key }` (its idempotency key).
 * @event ds-error - Something failed. `detail` is `{ phase: 'load' | 'submit' | 'photo' | 'duplicates' | 'support', error }` (an SDK error).
 *
 * @csspart base - The card around everything.
 * @csspart header - The heading and introduction.
 * @csspart title - The heading.
 * @csspart intro - The introduction.
 * @csspart form - The `<form>`.
 * @csspart field - Each label + hint + error + control group.
 * @csspart fieldset - Each group of related fields (questions, contact, a choice question).
 * @csspart legend - The legend of a fieldset.
 * @csspart label - Each label.
 * @csspart hint - Each hint under a label.
 * @csspart phone-hint - Under the phone number: says when a number is not a mainland mobile (kept, empty, otherwise).
 * @csspart input - The text inputs.
 * @csspart select - The selects.
 * @csspart textarea - The multi-line inputs.
 * @csspart choice - Each radio button or checkbox with its label.
 * @csspart note - A category's note (e.g. what to do in an emergency).
 * @csspart area-picker - The `<ds-area-picker>`s (their own parts are theirs).
 * @csspart geo - The "use my location" block.
 * @csspart geo-status - Its status line.
 * @csspart duplicates - The "already reported" panel.
 * @csspart duplicate - One open request in it.
 * @csspart support-button - "Add my support".
 * @csspart photos - The list of photos.
 * @csspart photo - One photo: thumbnail, progress, buttons.
 * @csspart thumbnail - A photo's thumbnail.
 * @csspart progress - A photo's upload progress bar.
 * @csspart privacy - The privacy notice.
 * @csspart counter - The characters-left counter.
 * @csspart field-error - An inline error message.
 * @csspart error-summary - The list of problems shown at the top after a failed submit.
 * @csspart error-link - Each link in the error summary.
 * @csspart alert - A failure message (loading or sending) with its retry button.
 * @csspart button - Every button.
 * @csspart submit-button - The submit button.
 * @csspart retry-button - The retry buttons.
 * @csspart loading - The loading message.
 * @csspart notice - The "not configured" message.
 * @csspart queued - The "waiting to send" panel.
 * @csspart success - The confirmation shown after sending (or supporting).
 * @csspart code - The tracking code.
 * @csspart copy-button - "Copy the code".
 * @csspart status-link - The link (or button) to the status view.
 * @csspart another-button - "Report another problem".
 *
 * @cssprop --ds-font-family - Font stack.
 * @cssprop --ds-font-size-body - Text size of labels, inputs and buttons (16px; 20px elder).
 * @cssprop --ds-font-size-small - Hints and counters (14px; 18px elder).
 * @cssprop --ds-font-size-title - The heading (22px; 28px elder).
 * @cssprop --ds-font-size-code - The tracking code (28px; 34px elder).
 * @cssprop --ds-color-text - Text.
 * @cssprop --ds-color-text-muted - Hints.
 * @cssprop --ds-color-background - The card and controls.
 * @cssprop --ds-color-surface - Tinted panels.
 * @cssprop --ds-color-border - Control borders (≥ 3:1 against the background).
 * @cssprop --ds-color-primary - Buttons, links and the accent bar.
 * @cssprop --ds-color-on-primary - Text on primary buttons.
 * @cssprop --ds-color-danger - Errors.
 * @cssprop --ds-color-success - The confirmation.
 * @cssprop --ds-color-focus - The focus ring.
 * @cssprop --ds-target-size - Minimum height of controls and buttons (44px; 60px elder).
 * @cssprop --ds-radius-m - Corner radius of the card.
 * @cssprop --ds-form-max-width - Widest the card grows.
 *
 * @example
 * <ds-request-form api-base="https://portal.example.cn/api" lang="zh-CN"
 *   privacy-href="/privacy" status-href="/status?code={code}"></ds-request-form>
 */
export class DsRequestForm extends DoorstepElement<KeyOf<typeof requestFormMessages>, typeof requestFormResources> {
  static override styles = requestFormStyles;
  protected readonly tagLabel = 'ds-request-form';
  protected override readonly messages = requestFormMessages;
  protected override readonly resources = requestFormResources;

  /** The portal's full privacy notice (opens in a new tab). Without it, only the built-in short notice is shown. */
  @property({ attribute: 'privacy-href' }) privacyHref?: string;

  /** The version of the privacy notice the resident agrees to, recorded with the report. */
  @property({ attribute: 'privacy-version' }) privacyVersion = DEFAULT_PRIVACY_NOTICE_VERSION;

  /**
   * Where the status of a report is shown, with `{code}` for the tracking code, e.g. `/status?code={code}`.
   * Without it, the success view opens `<ds-request-status>` in place when that element is defined.
   */
  @property({ attribute: 'status-href' }) statusHref?: string;

  /** The server's size limit per photo, in bytes (5 MB unless the server is configured otherwise). */
  @property({ attribute: 'photo-max-bytes', type: Number }) photoMaxBytes = DEFAULT_PHOTO_MAX_BYTES;

  @state() private phase: Exclude<RequestFormState, 'unconfigured' | 'queued'> = 'loading';
  @state() private categories: Category[] = [];
  /** The chosen place from the community down, as the area picker has it. */
  @state() private areaPath: Area[] = [];
  @state() private values: RequestFormValues = { ...EMPTY_VALUES };
  @state() private errors: FieldError[] = [];
  @state() private submitError?: string;
  @state() private result?: ServiceRequestPublic;
  @state() private supported?: SupportResponse & { status?: RequestSummary['status'] };
  @state() private announcement = '';
  @state() private counterAnnouncement = '';
  @state() private photos: PhotoItem[] = [];
  @state() private photoProblems: string[] = [];
  @state() private photoAnnouncement = '';
  @state() private geo: GeoState = { status: 'idle' };
  @state() private duplicates?: Duplicates;
  @state() private support?: { code: string; busy: boolean; error?: string };
  @state() private queued?: OutboxEntry<QueuedReport, ServiceRequestPublic>;
  @state() private queueSending = false;
  @state() private copyAnnouncement = '';
  @state() private statusOpen = false;

  private loadedClient?: RequestFormClient;
  private loadAbort?: AbortController;
  private duplicatesAbort?: AbortController;
  /** The key of the last submission that did not get an answer, and what was sent under it. */
  private pendingSubmission?: { key: string; fingerprint: string };
  private readonly supportKeys = new Map<string, string>();
  private readonly photoWork = new Map<string, { done: Promise<void>; abort: AbortController }>();
  private counterTimer?: ReturnType<typeof setTimeout>;
  private restored = false;
  private unsubscribeOutbox?: () => void;
  private observedPicker?: DsAreaPicker;
  // The picker loads the area tree itself (one request however many pickers); once it has, it may have
  // chosen the only community or dropped a draft's unknown id. Its `state` attribute says when.
  private readonly pickerObserver = new MutationObserver(() => this.observedPicker && this.syncArea(this.observedPicker));

  private readonly draft = new DraftController<RequestFormDraft>(this, { key: DRAFT_KEY });

  private readonly outbox = createOutbox<QueuedReport, ServiceRequestPublic>({
    name: OUTBOX_NAME,
    send: (report, { idempotencyKey }) => this.deliver(report, idempotencyKey),
  });

  /** Where the form is; also reflected as the `state` attribute. */
  get state(): RequestFormState {
    if (!this.client) return 'unconfigured';
    return this.queued ? 'queued' : this.phase;
  }

  /** What the resident has entered so far (a copy). */
  get formValues(): RequestFormValues {
    return structuredClone(this.values);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.restored) this.restoreDraft();
    this.restored = true;
    this.unsubscribeOutbox = this.outbox.subscribe(this.onOutboxEvent);
    addEventListener('online', this.onOnline);
    this.requestUpdate();
    // What an earlier page left in the outbox first, so its outcome shows before anything is resent.
    void this.resumeOutbox().finally(() => this.isConnected && this.outbox.start());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadAbort?.abort();
    this.duplicatesAbort?.abort();
    this.loadedClient = undefined;
    clearTimeout(this.counterTimer);
    this.outbox.stop();
    this.unsubscribeOutbox?.();
    this.pickerObserver.disconnect();
    this.observedPicker = undefined;
    // Looked up again (and the picker observed again) if the form comes back, e.g. moved in the page.
    this.duplicates = undefined;
    removeEventListener('online', this.onOnline);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Asked before this render rather than after it: the request is under way while the page lays out.
    const client = this.client;
    if (client && client !== this.loadedClient) void this.load(client);
    if (changed.has('values') || changed.has('areaPath')) this.lookUpDuplicates();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.setAttribute('state', this.state);
    const picker = this.renderRoot.querySelector<DsAreaPicker>('#area') ?? undefined;
    if (picker !== this.observedPicker) {
      this.observedPicker = picker;
      this.pickerObserver.disconnect();
      if (picker) this.pickerObserver.observe(picker, { attributes: true, attributeFilter: ['state'] });
    }
    if (changed.has('values') || changed.has('photos') || changed.has('geo')) this.saveDraft();
  }

  // ── data ────────────────────────────────────────────────────────────────────────────────────────

  private async load(client: RequestFormClient): Promise<void> {
    this.loadedClient = client;
    this.loadAbort?.abort();
    const abort = (this.loadAbort = new AbortController());
    // A language or provider change refreshes the lists in the background once they are shown.
    if (this.phase === 'load-error') this.phase = 'loading';
    // The location picker is shown with the categories: its tree loads alongside them.
    preloadAreaTree(client);
    try {
      const categories = await client.categories.list({ signal: abort.signal });
      if (abort.signal.aborted) return;
      this.categories = categories;
      if (this.phase === 'loading') this.phase = 'ready';
    } catch (error) {
      if (abort.signal.aborted) return;
      if (this.phase === 'loading') this.phase = 'load-error';
      this.emit('ds-error', { phase: 'load', error });
    }
  }

  private retryLoad = (): void => {
    const client = this.client;
    if (!client) return;
    this.phase = 'loading';
    void this.load(client);
  };

  // ── drafts ──────────────────────────────────────────────────────────────────────────────────────

  private restoreDraft(): void {
    const saved = this.draft.restore();
    if (!saved) return;
    this.values = { ...EMPTY_VALUES, ...saved.values, answers: { ...saved.values.answers } };
    this.photos = saved.photos.map(({ key, name, ref }) => ({ key, name, ref, status: 'uploaded', progress: 1, preview: ref.url }));
    if (saved.unsentPhotos > 0) this.photoProblems = [this.t('photos.lost', { count: saved.unsentPhotos })];
    if (saved.geo) this.geo = { status: 'got', ...saved.geo };
    this.pendingSubmission = saved.pending;
  }

  private saveDraft(): void {
    // After a success the draft is gone on purpose; it starts again with the next report's first change.
    // A removed form writes nothing more (an upload finishing later must not overwrite a newer form's draft).
    if (!this.isConnected || this.phase === 'success' || this.phase === 'supported') return;
    this.draft.save({
      values: this.values,
      photos: this.photos.flatMap(({ key, name, ref, status }) => (status === 'uploaded' && ref ? [{ key, name, ref }] : [])),
      unsentPhotos: this.photos.filter((photo) => photo.status !== 'uploaded' && photo.status !== 'refused').length,
      ...(this.geo.status === 'got' ? { geo: { point: this.geo.point, accuracy: this.geo.accuracy } } : {}),
      ...(this.pendingSubmission ? { pending: this.pendingSubmission } : {}),
    });
  }

  // ── derived ─────────────────────────────────────────────────────────────────────────────────────

  private get selectedCategory(): Category | undefined {
    return this.categories.find((category) => category.id === this.values.category);
  }

  private get questions(): CategoryQuestion[] {
    return questionsOf(this.selectedCategory);
  }

  /** The id of a field's control: the field's name, or `q-N` for the N-th question (codes may hold any character). */
  private controlId(field: FieldName): string {
    if (!field.startsWith('answers.')) return field;
    const index = this.questions.findIndex((question) => `answers.${question.code}` === field);
    return index === -1 ? 'category' : `q-${index}`;
  }

  private errorFor(field: FieldName): string | undefined {
    return this.errors.find((error) => error.field === field)?.message;
  }

  // ── input ───────────────────────────────────────────────────────────────────────────────────────

  private setValues(patch: Partial<RequestFormValues>): void {
    this.values = { ...this.values, ...patch };
  }

  private handleInput = (event: Event): void => {
    const control = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const field = control.name as keyof RequestFormValues;
    const value = control instanceof HTMLInputElement && control.type === 'checkbox' ? control.checked : control.value;
    this.setValues({ [field]: value });
    if (field === 'description') this.scheduleCounterAnnouncement();
  };

  private handleArea = (event: Event): void => {
    const picker = event.target as DsAreaPicker;
    // An error the form set on the picker goes as soon as the resident changes the choice.
    picker.setCustomValidity('');
    if (picker.name === 'otherArea') this.setValues({ otherArea: picker.value });
    else this.syncArea(picker);
  };

  private syncArea(picker: DsAreaPicker): void {
    if (picker.state !== 'ready') return;
    if (picker.value !== this.values.area) this.setValues({ area: picker.value });
    const path = picker.path;
    if (path.map((area) => area.id).join() !== this.areaPath.map((area) => area.id).join()) this.areaPath = path;
  }

  private setAnswer(code: string, value: string | string[]): void {
    this.setValues({ answers: { ...this.values.answers, [code]: value } });
  }

  private toggleAnswer(code: string, key: string, checked: boolean): void {
    const current = this.values.answers[code];
    const list = Array.isArray(current) ? current : [];
    this.setAnswer(code, checked ? [...new Set([...list, key])] : list.filter((item) => item !== key));
  }

  private scheduleCounterAnnouncement(): void {
    clearTimeout(this.counterTimer);
    this.counterTimer = setTimeout(() => {
      const remaining = DESCRIPTION_MAX_LENGTH - this.values.description.trim().length;
      this.counterAnnouncement = remaining <= COUNTER_ANNOUNCE_THRESHOLD ? this.counterText(remaining) : '';
    }, COUNTER_ANNOUNCE_DELAY_MS);
  }

  private counterText(remaining: number): string {
    return remaining >= 0
      ? this.t('counter.remaining', { count: remaining })
      : this.t('counter.over', { count: -remaining });
  }

  // ── location ────────────────────────────────────────────────────────────────────────────────────

  private locate = (): void => {
    const geolocation = typeof navigator === 'undefined' ? undefined : navigator.geolocation;
    if (!geolocation) {
      this.geo = { status: 'unavailable' };
      return;
    }
    this.geo = { status: 'asking' };
    geolocation.getCurrentPosition(
      ({ coords }) => {
        this.geo = {
          status: 'got',
          point: { latitude: coords.latitude, longitude: coords.longitude },
          accuracy: Math.round(coords.accuracy),
        };
      },
      (error) => {
        this.geo = { status: error.code === error.PERMISSION_DENIED ? 'denied' : error.code === error.TIMEOUT ? 'timeout' : 'unavailable' };
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };

  private forgetLocation = async (): Promise<void> => {
    this.geo = { status: 'idle' };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#locate')?.focus();
  };

  // ── duplicates ──────────────────────────────────────────────────────────────────────────────────

  /** The building the chosen area is in (or is), for the duplicates lookup. */
  private get building(): Area | undefined {
    return this.areaPath.find((area) => area.level === 'building');
  }

  private lookUpDuplicates(): void {
    const client = this.client;
    const building = this.building;
    const category = this.values.category;
    const key = building && category ? `${category}|${building.id}` : '';
    if (key === (this.duplicates?.key ?? '')) return;
    this.duplicatesAbort?.abort();
    if (!client || !key || !building) {
      this.duplicates = undefined;
      return;
    }
    const abort = (this.duplicatesAbort = new AbortController());
    this.duplicates = { key, status: 'loading', requests: [], buildingName: building.name };
    client.requests.findOpen({ category, area: building.id }, { signal: abort.signal }).then(
      (requests) => {
        if (abort.signal.aborted) return;
        this.duplicates = { key, status: 'loaded', requests, buildingName: building.name };
        if (requests.length > 0) this.announcement = this.t('duplicates.announce', { count: requests.length });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        // Only a help: without the list the resident simply reports as usual.
        this.duplicates = { key, status: 'loaded', requests: [], buildingName: building.name };
        this.emit('ds-error', { phase: 'duplicates', error });
      },
    );
  }

  private async addSupport(summary: RequestSummary): Promise<void> {
    const client = this.client;
    if (!client || this.support?.busy) return;
    // One key per request supported: pressing again after a lost answer counts the resident once.
    let key = this.supportKeys.get(summary.code);
    if (!key) this.supportKeys.set(summary.code, (key = newIdempotencyKey()));
    this.support = { code: summary.code, busy: true };
    try {
      const response = await client.requests.support(summary.code, { idempotencyKey: key });
      this.support = undefined;
      this.supported = { ...response, status: summary.status };
      this.finish('supported', this.t('supported.announce', { code: response.code, count: response.supportCount }));
      this.emit('ds-supported', response);
    } catch (error) {
      this.support = { code: summary.code, busy: false, error: this.failureMessage(error) };
      this.emit('ds-error', { phase: 'support', error });
    }
  }

  // ── photos ──────────────────────────────────────────────────────────────────────────────────────

  private updatePhoto(key: string, patch: Partial<PhotoItem>): void {
    this.photos = this.photos.map((photo) => (photo.key === key ? { ...photo, ...patch } : photo));
  }

  private photoLabel(key: string): string {
    return this.t('photos.label', { index: this.photos.findIndex((photo) => photo.key === key) + 1 });
  }

  private choosePhotos(camera: boolean): void {
    this.renderRoot.querySelector<HTMLInputElement>(camera ? '#photo-camera' : '#photo-files')?.click();
  }

  private handlePhotoFiles = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    // Cleared, so choosing the same file again (after removing it) still fires `change`.
    input.value = '';
    void this.addPhotos(files);
  };

  /** Checks, shrinks and uploads newly chosen photos, at most {@link MAX_PHOTOS_PER_REQUEST} in all. */
  async addPhotos(files: readonly File[]): Promise<void> {
    const room = Math.max(0, MAX_PHOTOS_PER_REQUEST - this.photos.length);
    const problems: string[] = [];
    if (files.length > room) problems.push(this.t('photos.tooMany', { max: MAX_PHOTOS_PER_REQUEST, count: files.length - room }));
    const added = files.slice(0, room).map((file) => ({ file, key: newIdempotencyKey() }));
    this.photos = [...this.photos, ...added.map(({ file, key }) => ({ key, name: file.name, status: 'processing' as const, progress: 0 }))];
    const prepared = await Promise.all(
      added.map(async ({ file, key }) => {
        try {
          const { blob } = await preparePhoto(file, this.photoMaxBytes);
          if (!this.photos.some((photo) => photo.key === key)) return undefined;
          this.updatePhoto(key, { blob, preview: URL.createObjectURL(blob) });
          return key;
        } catch (error) {
          this.photos = this.photos.filter((photo) => photo.key !== key);
          const problem: PhotoProblem = error instanceof PhotoError ? error.problem : 'unreadable';
          problems.push(this.t(`photos.error.${problem}`, { name: file.name, max: this.size(this.photoMaxBytes) }));
          return undefined;
        }
      }),
    );
    // What cannot be sent is said at once, not after the other photos' uploads.
    this.photoProblems = problems;
    if (problems.length > 0) this.photoAnnouncement = problems.join(' ');
    await Promise.all(prepared.map((key) => key && this.uploadPhoto(key)));
  }

  /** `5 MB`, `800 KB`: the size limit as a resident reads it. */
  private size(bytes: number): string {
    const unit = bytes >= 1024 * 1024 ? 'MB' : 'KB';
    const value = bytes / (unit === 'MB' ? 1024 * 1024 : 1024);
    return `${new Intl.NumberFormat(this.locale, { maximumFractionDigits: 1 }).format(value)} ${unit}`;
  }

  /** Uploads one prepared photo (again, after a failure); the SDK retries with back-off under the same key. */
  private uploadPhoto(key: string): Promise<void> {
    const running = this.photoWork.get(key);
    if (running) return running.done;
    const photo = this.photos.find((candidate) => candidate.key === key);
    const client = this.client;
    if (!photo?.blob || !client) return Promise.resolve();
    const abort = new AbortController();
    this.updatePhoto(key, { status: 'uploading', progress: 0, error: undefined });
    const done = client.photos
      .upload(photo.blob, {
        idempotencyKey: key,
        signal: abort.signal,
        onProgress: ({ loaded, total }) => this.updatePhoto(key, { progress: total > 0 ? loaded / total : 0 }),
      })
      .then(
        (ref) => {
          this.updatePhoto(key, { status: 'uploaded', progress: 1, ref });
          this.photoAnnouncement = this.t('photos.uploaded', { label: this.photoLabel(key) });
        },
        (error: unknown) => {
          if (abort.signal.aborted) return;
          const refused = isPermanentFailure(error);
          const message = refused ? this.photoRefusal(error) : this.t('photos.failed');
          this.updatePhoto(key, { status: refused ? 'refused' : 'failed', error: message });
          this.photoAnnouncement = `${this.photoLabel(key)}: ${message}`;
          this.emit('ds-error', { phase: 'photo', error });
        },
      )
      .finally(() => this.photoWork.delete(key));
    this.photoWork.set(key, { done, abort });
    return done;
  }

  private photoRefusal(error: unknown): string {
    if (error instanceof ApiError && error.status === 413) return this.t('photos.refused.size', { max: this.size(this.photoMaxBytes) });
    if (error instanceof ValidationError || (error instanceof ApiError && error.status === 415)) return this.t('photos.refused.type');
    return this.t('photos.refused', { message: error instanceof Error ? error.message : '' });
  }

  private async removePhoto(key: string): Promise<void> {
    const index = this.photos.findIndex((photo) => photo.key === key);
    const photo = this.photos[index];
    if (!photo) return;
    this.photoWork.get(key)?.abort.abort();
    if (photo.preview?.startsWith('blob:')) URL.revokeObjectURL(photo.preview);
    const label = this.photoLabel(key);
    this.photos = this.photos.filter((candidate) => candidate.key !== key);
    this.photoAnnouncement = this.t('photos.removed', { label });
    await this.updateComplete;
    // Focus stays in the list (the next photo's remove button), or goes to "choose photos".
    const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>('.photo-remove')];
    (buttons[Math.min(index, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('#photos'))?.focus();
  }

  private clearPhotos(): void {
    for (const photo of this.photos) {
      this.photoWork.get(photo.key)?.abort.abort();
      if (photo.preview?.startsWith('blob:')) URL.revokeObjectURL(photo.preview);
    }
    this.photos = [];
    this.photoProblems = [];
  }

  private onOnline = (): void => {
    // The connection is back: photos that failed on the network go again by themselves.
    for (const photo of this.photos) if (photo.status === 'failed') void this.uploadPhoto(photo.key);
  };

  // ── submit ──────────────────────────────────────────────────────────────────────────────────────

  private handleSubmit = (event: Event): void => {
    event.preventDefault();
    void this.submit();
  };

  /**
   * Validates and sends; safe to call again after a failure (the same submission reuses its idempotency
   * key). Offline, or when the connection fails, the report goes to the outbox and is sent from there.
   */
  async submit(): Promise<void> {
    const client = this.client;
    if (!client || this.queued || this.phase === 'submitting' || this.phase === 'loading' || this.phase === 'load-error') return;
    const checked = validate(this.values, this.validationContext());
    const errors = checked.ok ? [] : [...checked.errors];
    if (this.photos.some((photo) => photo.status === 'refused')) errors.push({ field: 'photos', message: this.t('error.photos.refused') });
    if (errors.length > 0 || !checked.ok) {
      void this.showErrors(orderErrors(errors, this.questions));
      return;
    }
    this.errors = [];
    this.submitError = undefined;
    this.phase = 'submitting';

    // Photos still on their way finish first; failed ones get one more try now.
    const online = navigator.onLine !== false;
    await Promise.all(
      this.photos.map((photo) =>
        photo.status === 'failed' && online ? this.uploadPhoto(photo.key) : (this.photoWork.get(photo.key)?.done ?? Promise.resolve()),
      ),
    );
    if (!this.isConnected) return;
    if (this.photos.some((photo) => photo.status === 'refused')) {
      this.phase = 'ready';
      void this.showErrors([{ field: 'photos', message: this.t('error.photos.refused') }]);
      return;
    }
    // The photo ids as they are now (uploads may have finished while waiting).
    const { photoIds: _before, ...rest } = checked.input;
    const photoIds = this.photos.flatMap((photo) => (photo.status === 'uploaded' && photo.ref ? [photo.ref.id] : []));
    const input: ServiceRequestCreate = { ...rest, ...(photoIds.length > 0 ? { photoIds } : {}) };
    const report: QueuedReport = {
      input,
      photos: this.photos.flatMap((photo) => (photo.status !== 'uploaded' && photo.blob ? [{ key: photo.key, blob: photo.blob }] : [])),
    };
    const fingerprint = JSON.stringify([input, report.photos.map((photo) => photo.key)]);
    if (this.pendingSubmission?.fingerprint !== fingerprint) this.pendingSubmission = { key: newIdempotencyKey(), fingerprint };
    const key = this.pendingSubmission.key;
    // Written now, not after the pause: if the tab dies mid-send, the next load resends under the same key.
    this.saveDraft();
    this.draft.flush();

    if (!online) {
      await this.enqueue(report, key, 0, new NetworkError('The device is offline'));
      return;
    }
    try {
      this.showSuccess(await this.deliver(report, key));
    } catch (error) {
      if (error instanceof NetworkError || error instanceof TimeoutError) await this.enqueue(report, key, 1, error);
      else this.handleSubmitFailure(error);
    }
  }

  private validationContext() {
    return {
      locale: this.locale,
      category: this.selectedCategory,
      location: this.geo.status === 'got' ? this.geo.point : undefined,
      photoIds: this.photos.flatMap((photo) => (photo.status === 'uploaded' && photo.ref ? [photo.ref.id] : [])),
      privacyNoticeVersion: this.privacyVersion || DEFAULT_PRIVACY_NOTICE_VERSION,
    };
  }

  /** Uploads the photos the report still carries, then creates it; the outbox calls this too. */
  private async deliver(report: QueuedReport, key: string): Promise<ServiceRequestPublic> {
    const client = this.client;
    if (!client) throw new NetworkError('No Doorstep API is configured yet');
    const photoIds = [...(report.input.photoIds ?? [])];
    for (const photo of report.photos) photoIds.push((await client.photos.upload(photo.blob, { idempotencyKey: photo.key })).id);
    return client.requests.create({ ...report.input, ...(photoIds.length > 0 ? { photoIds } : {}) }, { idempotencyKey: key });
  }

  /** Keeps the report on the device; the outbox sends it when it can, under the same key. */
  private async enqueue(report: QueuedReport, key: string, attempts: number, error: unknown): Promise<void> {
    try {
      this.queued = await this.outbox.add(report, { key, tag: DRAFT_KEY, attempts, error });
    } catch (storageError) {
      // No IndexedDB (private mode, full disk): the old way — the values stay, the resident retries.
      console.error('<ds-request-form>: the report could not be kept on the device', storageError);
      this.handleSubmitFailure(error);
      return;
    }
    this.phase = 'ready';
    this.queueSending = false;
    this.announcement = this.t(navigator.onLine === false ? 'queued.offline' : 'queued.network');
    this.emit('ds-queued', { key });
    this.emit('ds-error', { phase: 'submit', error });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.queued')?.focus();
  }

  /** Shows what an earlier page load left in the outbox: still waiting, sent meanwhile, or refused. */
  private async resumeOutbox(): Promise<void> {
    let entries: OutboxEntry<QueuedReport, ServiceRequestPublic>[];
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

  private onOutboxEvent = (event: OutboxEvent<QueuedReport, ServiceRequestPublic>): void => {
    if (event.entry.tag !== DRAFT_KEY) return;
    switch (event.type) {
      case 'sending':
        this.queueSending = true;
        break;
      case 'failed':
        this.queueSending = false;
        if (this.queued) this.queued = event.entry;
        break;
      default:
        this.settle(event.entry);
    }
  };

  /** A delivered or rejected outbox entry: show its outcome once, then forget it. */
  private settle(entry: OutboxEntry<QueuedReport, ServiceRequestPublic>): void {
    void this.outbox.remove(entry.key);
    this.queued = undefined;
    this.queueSending = false;
    if (entry.status === 'delivered' && entry.result) {
      this.showSuccess(entry.result);
      return;
    }
    if (entry.status !== 'rejected' || !entry.error) return;
    this.pendingSubmission = undefined;
    if (this.handleRefusal(entry.error)) return;
    // Refused without a status or field to point at (the SDK's own check): still say so.
    this.phase = 'submit-error';
    this.submitError = this.t('submitError.rejected', { message: entry.error.message });
  }

  private tryQueuedNow = (): void => {
    if (this.queueSending) return;
    void this.outbox.flush({ force: true });
  };

  private showSuccess(result: ServiceRequestPublic): void {
    this.result = result;
    this.finish('success', this.t('success.announce', { code: result.code }));
    this.emit('ds-submitted', result);
  }

  /** Ends a report (sent or supported): clears the draft and the photos, and moves focus to the outcome. */
  private finish(phase: 'success' | 'supported', announcement: string): void {
    this.pendingSubmission = undefined;
    this.phase = phase;
    // A form removed while sending leaves its draft (with the submission's key): opened again, sending
    // replays the server's answer and shows the code, instead of losing it.
    if (this.isConnected) this.draft.clear();
    this.clearPhotos();
    this.statusOpen = false;
    this.copyAnnouncement = '';
    this.announcement = announcement;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.success')?.focus());
  }

  private handleSubmitFailure(error: unknown): void {
    this.emit('ds-error', { phase: 'submit', error });
    if (error instanceof ValidationError && error.source === 'request') {
      this.pendingSubmission = undefined;
      this.phase = 'ready';
      void this.showErrors(issuesToErrors(error.issues, this.values, this.locale, this.questions));
      return;
    }
    if (error instanceof ApiError && this.handleRefusal(error)) return;
    this.phase = 'submit-error';
    this.submitError = this.failureMessage(error);
  }

  /** The server refused the report: its field errors on the fields, or its message. Returns whether it was a refusal. */
  private handleRefusal(error: ApiError | OutboxError): boolean {
    const fields = Object.entries(error.fields ?? {}).flatMap(([path, message]) => {
      const field = fieldOfPath(path);
      return field ? [{ field, message }] : [];
    });
    if (fields.length > 0) {
      // The server saw the data and refused it: nothing to retry until the resident changes something.
      this.pendingSubmission = undefined;
      if (this.phase !== 'loading' && this.phase !== 'load-error') this.phase = 'ready';
      void this.showErrors(orderErrors(fields, this.questions));
      return true;
    }
    if (error.status !== undefined && isPermanentFailure(new ApiError(error.status, error.code ?? '', error.message))) {
      this.pendingSubmission = undefined;
      this.phase = 'submit-error';
      this.submitError = this.t('submitError.rejected', { message: error.message });
      return true;
    }
    return false;
  }

  private failureMessage(error: unknown): string {
    if (error instanceof NetworkError) return this.t('submitError.network');
    if (error instanceof TimeoutError) return this.t('submitError.timeout');
    if (error instanceof ApiError) {
      if (error.status === 429) return this.t('submitError.rateLimited');
      if (error.status >= 400 && error.status < 500 && error.message) return this.t('submitError.rejected', { message: error.message });
    }
    return this.t('submitError.server');
  }

  private async showErrors(errors: FieldError[]): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    // The area pickers show their own inline error (next to their selects), set here.
    for (const picker of this.renderRoot.querySelectorAll<DsAreaPicker>('ds-area-picker')) {
      const message = this.errorFor(picker.name as FieldName);
      picker.setCustomValidity(message ?? '');
      if (message) picker.checkValidity();
    }
    this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
  }

  private focusField(field: FieldName): void {
    const control = this.renderRoot.querySelector<HTMLElement>(`#${this.controlId(field)}`);
    control?.focus();
    control?.scrollIntoView?.({ block: 'center' });
  }

  private reportAnother = async (): Promise<void> => {
    // Same place, same person, most likely: keep location and contact, clear the problem itself.
    this.values = { ...this.values, category: '', answers: {}, description: '', address: '' };
    this.result = undefined;
    this.supported = undefined;
    this.duplicates = undefined;
    this.announcement = '';
    this.counterAnnouncement = '';
    this.phase = 'ready';
    await this.updateComplete;
    this.focusField('category');
  };

  private async copyCode(code: string): Promise<void> {
    const copied = await copyText(code, this.renderRoot);
    // Said again even when it is the same text, so a second press is announced too.
    this.copyAnnouncement = '';
    await this.updateComplete;
    this.copyAnnouncement = this.t(copied ? 'success.copied' : 'success.copyFailed');
  }

  // ── render ──────────────────────────────────────────────────────────────────────────────────────

  protected override render() {
    const busy = this.state === 'loading' || this.state === 'submitting';
    return renderCard(
      { locale: this.locale, busy, heading: this.t('form.heading'), intro: this.t('form.intro'), announcement: this.announcement },
      html`<div class="body">${this.renderBody()}</div>`,
    );
  }

  private renderBody() {
    switch (this.state) {
      case 'unconfigured':
        return this.renderNotConfigured();
      case 'queued':
        return this.renderQueued();
      case 'loading':
        return renderLoading(this.t('loading'));
      case 'load-error':
        return renderAlert(this.t('load.failed'), { label: this.t('load.retry'), run: this.retryLoad });
      case 'success':
      case 'supported':
        return this.renderSuccess();
      default:
        return this.renderForm();
    }
  }

  private renderQueued() {
    const entry = this.queued!;
    const { input, photos } = entry.payload;
    const category = this.categories.find((candidate) => candidate.id === input.categoryId);
    const photoCount = photos.length + (input.photoIds?.length ?? 0);
    const offline = navigator.onLine === false;
    return html`<div part="queued" class="queued" tabindex="-1" aria-labelledby="queued-heading">
      <h3 id="queued-heading" class="queued-heading">${this.t('queued.heading')}</h3>
      <p>${this.t(offline ? 'queued.offline' : 'queued.network')}</p>
      <p>${this.t('queued.body')}</p>
      <dl class="queued-summary">
        ${category
          ? html`<dt>${this.t('field.category')}</dt>
              <dd>${localize(category.name, this.locale)}</dd>`
          : nothing}
        <dt>${this.t('field.description')}</dt>
        <dd>${input.description}</dd>
        ${photoCount > 0
          ? html`<dt>${this.t('field.photos')}</dt>
              <dd>${this.t('queued.photos', { count: photoCount })}</dd>`
          : nothing}
      </dl>
      <p class="hint" role="status">
        ${this.queueSending
          ? this.t('queued.sending')
          : entry.attempts > 0
            ? this.t('queued.attempts', { count: entry.attempts })
            : nothing}
      </p>
      <button
        part="button retry-button"
        class="button button--secondary"
        type="button"
        aria-disabled=${this.queueSending || offline ? 'true' : 'false'}
        @click=${this.tryQueuedNow}
      >
        ${this.queueSending ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${this.t('queued.tryNow')}
      </button>
    </div>`;
  }

  private renderSuccess() {
    const supported = this.phase === 'supported' ? this.supported : undefined;
    const code = supported?.code ?? this.result?.code ?? '';
    const statusHref = this.statusHref?.replaceAll('{code}', encodeURIComponent(code));
    const inlineStatus = !statusHref && Boolean(customElements.get('ds-request-status'));
    return html`<div part="success" class="success" tabindex="-1" aria-labelledby="success-heading">
        <svg class="success-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z" fill="currentColor"></path>
        </svg>
        <h3 id="success-heading" class="success-heading">${this.t(supported ? 'supported.heading' : 'success.heading')}</h3>
        ${supported
          ? html`<p>${this.t('supported.body', { count: supported.supportCount })}</p>
              ${supported.status ? html`<p>${this.t('supported.status', { status: this.t(`status.${supported.status}`) })}</p>` : nothing}`
          : nothing}
        <p class="code-label" id="code-label">${this.t('success.codeLabel')}</p>
        <div class="code-row">
          <p part="code" class="code" aria-describedby="code-label">${code}</p>
          <button part="button copy-button" class="button button--secondary" type="button" @click=${() => this.copyCode(code)}>
            ${this.t('success.copy')}
          </button>
        </div>
        <div class="visually-hidden" aria-live="polite" aria-atomic="true">${this.copyAnnouncement}</div>
        <p class="success-body">${this.t(supported ? 'supported.follow' : 'success.body')}</p>
        <div class="success-actions">
          ${statusHref
            ? html`<a part="status-link" class="button button--primary" href=${statusHref}>${this.t('success.status')}</a>`
            : inlineStatus
              ? html`<button
                  part="button status-link"
                  class="button button--primary"
                  type="button"
                  aria-expanded=${this.statusOpen ? 'true' : 'false'}
                  aria-controls="status-view"
                  @click=${() => (this.statusOpen = !this.statusOpen)}
                >
                  ${this.t(this.statusOpen ? 'success.statusHide' : 'success.status')}
                </button>`
              : nothing}
          <button part="button another-button" class="button button--secondary" type="button" @click=${this.reportAnother}>
            ${this.t('success.another')}
          </button>
        </div>
      </div>
      ${inlineStatus
        ? html`<div id="status-view" class="status-view" ?hidden=${!this.statusOpen}>
            ${this.statusOpen
              ? html`<ds-request-status code=${code} api-base=${this.apiBase ?? nothing} theme=${this.theme ?? nothing}></ds-request-status>`
              : nothing}
          </div>`
        : nothing}`;
  }

  private renderSummary() {
    if (this.errors.length === 0) return nothing;
    return html`<div part="error-summary" class="summary" tabindex="-1" role="alert" aria-labelledby="summary-heading">
      <h3 id="summary-heading" class="summary-heading">${this.t('summary.heading')}</h3>
      <ul class="summary-list">
        ${this.errors.map(
          (error) =>
            html`<li>
              <a
                part="error-link"
                href="#${this.controlId(error.field)}"
                @click=${(event: Event) => {
                  event.preventDefault();
                  this.focusField(error.field);
                }}
                >${error.message}</a
              >
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private renderForm() {
    const submitting = this.state === 'submitting';
    const category = this.selectedCategory;
    const description = this.values.description;
    const remaining = DESCRIPTION_MAX_LENGTH - description.trim().length;

    return html`
      ${this.renderSummary()}
      <form part="form" class="form" novalidate @submit=${this.handleSubmit}>
        ${this.renderField({
          field: 'category',
          label: this.t('field.category'),
          hint: category?.description ? localize(category.description, this.locale) : undefined,
          control: (describedBy) => html`<select
            part="select"
            class="control"
            id="category"
            name="category"
            aria-invalid=${this.errorFor('category') ? 'true' : 'false'}
            aria-describedby=${describedBy || nothing}
            @change=${this.handleInput}
          >
            <option value="" ?selected=${!this.values.category}>${this.t('field.category.placeholder')}</option>
            ${this.categories.map(
              (option) =>
                html`<option value=${option.id} ?selected=${option.id === this.values.category}>
                  ${localize(option.name, this.locale)}
                </option>`,
            )}
          </select>`,
        })}
        ${this.renderQuestions()} ${this.renderLocation()} ${this.renderDuplicates()}
        ${this.renderField({
          field: 'description',
          label: this.t('field.description'),
          hint: this.t('field.description.hint', { count: DESCRIPTION_MIN_LENGTH, max: DESCRIPTION_MAX_LENGTH }),
          control: (describedBy) => html`<textarea
              part="textarea"
              class="control textarea"
              id="description"
              name="description"
              rows="5"
              aria-invalid=${this.errorFor('description') ? 'true' : 'false'}
              aria-describedby=${describedBy || nothing}
              .value=${description}
              @input=${this.handleInput}
            ></textarea>
            <p part="counter" class="counter ${remaining < 0 ? 'counter--over' : ''}" aria-hidden="true">
              ${this.counterText(remaining)}
            </p>
            <div class="visually-hidden" aria-live="polite">${this.counterAnnouncement}</div>`,
        })}
        ${this.renderPhotos()} ${this.renderContact(category)} ${this.renderConsent()}
        ${this.state === 'submit-error' && this.submitError
          ? renderAlert(this.submitError, { label: this.t('retry'), run: () => this.submit() })
          : nothing}

        <div class="actions">
          <button part="button submit-button" class="button button--primary" type="submit" aria-disabled=${submitting ? 'true' : 'false'}>
            ${submitting ? html`<span class="spinner spinner--on-primary" aria-hidden="true"></span>` : nothing}
            ${this.t(submitting ? 'submitting' : 'submit')}
          </button>
        </div>
      </form>
    `;
  }

  // ── questions ──

  private renderQuestions() {
    const questions = this.questions;
    if (questions.length === 0) return nothing;
    return html`<fieldset part="fieldset" class="fieldset questions">
      <legend part="legend" class="legend">${this.t('questions.legend')}</legend>
      <div class="grid">${questions.map((question, index) => this.renderQuestion(question, index))}</div>
    </fieldset>`;
  }

  private renderQuestion(question: CategoryQuestion, index: number) {
    const prompt = localize(question.prompt, this.locale);
    if (!question.variable) return html`<p part="note" class="note">${prompt}</p>`;
    const field: FieldName = `answers.${question.code}`;
    const id = `q-${index}`;
    const hint = question.hint ? localize(question.hint, this.locale) : undefined;
    const marker = this.t(question.required ? 'form.required' : 'form.optional');
    const value = this.values.answers[question.code];
    const text = typeof value === 'string' ? value : '';
    const invalid = this.errorFor(field) ? 'true' : 'false';
    const set = (event: Event) => this.setAnswer(question.code, (event.target as HTMLInputElement).value);

    if (question.datatype === 'multivaluelist' || (question.datatype === 'singlevaluelist' && question.values.length <= MAX_RADIOS)) {
      const multiple = question.datatype === 'multivaluelist';
      const chosen = Array.isArray(value) ? value : [text];
      const error = this.errorFor(field);
      const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
      return html`<fieldset
        part="fieldset"
        class="fieldset choice-group ${error ? 'field--invalid' : ''}"
        aria-describedby=${describedBy || nothing}
      >
        <legend part="label" class="label">${prompt}<span class="marker">${marker}</span></legend>
        ${hint ? html`<p part="hint" class="hint" id="${id}-hint">${hint}</p>` : nothing}
        ${error ? this.renderFieldError(id, error) : nothing}
        <div class="choices">
          ${question.values.map(
            (choice, choiceIndex) => html`<label part="choice" class="choice">
              <input
                class="choice-input"
                type=${multiple ? 'checkbox' : 'radio'}
                id=${choiceIndex === 0 ? id : `${id}-${choiceIndex}`}
                name=${id}
                value=${choice.key}
                .checked=${chosen.includes(choice.key)}
                @change=${(event: Event) => {
                  const input = event.target as HTMLInputElement;
                  if (multiple) this.toggleAnswer(question.code, choice.key, input.checked);
                  else this.setAnswer(question.code, choice.key);
                }}
              /><span>${localize(choice.name, this.locale)}</span>
            </label>`,
          )}
        </div>
      </fieldset>`;
    }

    return this.renderField({
      field,
      id,
      label: prompt,
      marker,
      hint,
      control: (describedBy) => {
        const common = { id, describedBy: describedBy || undefined };
        switch (question.datatype) {
          case 'singlevaluelist':
            return html`<select
              part="select"
              class="control"
              id=${common.id}
              aria-invalid=${invalid}
              aria-describedby=${common.describedBy ?? nothing}
              @change=${set}
            >
              <option value="" ?selected=${!text}>${this.t('select.placeholder')}</option>
              ${question.values.map(
                (choice) => html`<option value=${choice.key} ?selected=${choice.key === text}>${localize(choice.name, this.locale)}</option>`,
              )}
            </select>`;
          case 'text':
            return html`<textarea
              part="textarea"
              class="control textarea textarea--short"
              id=${common.id}
              rows="3"
              aria-invalid=${invalid}
              aria-describedby=${common.describedBy ?? nothing}
              .value=${text}
              @input=${set}
            ></textarea>`;
          default:
            return html`<input
              part="input"
              class="control ${question.datatype === 'number' ? 'control--short' : ''}"
              id=${common.id}
              type=${question.datatype === 'datetime' ? 'datetime-local' : 'text'}
              inputmode=${question.datatype === 'number' ? 'decimal' : nothing}
              autocomplete="off"
              aria-invalid=${invalid}
              aria-describedby=${common.describedBy ?? nothing}
              .value=${text}
              @input=${set}
            />`;
        }
      },
    });
  }

  // ── location ──

  private renderLocation() {
    const geo = this.geo;
    const coordinates =
      geo.status === 'got'
        ? this.t('geo.got', {
            latitude: geo.point.latitude.toFixed(4),
            longitude: geo.point.longitude.toFixed(4),
            accuracy: geo.accuracy,
          })
        : '';
    return html`<div class="location">
      <ds-area-picker
        part="area-picker"
        id="area"
        name="area"
        required
        api-base=${this.apiBase ?? nothing}
        label=${this.t('field.location')}
        hint=${this.t('field.location.hint')}
        .value=${this.values.area}
        @change=${this.handleArea}
      ></ds-area-picker>
      ${this.renderField({
        field: 'address',
        label: this.t('field.address'),
        marker: this.t('form.optional'),
        hint: this.t('field.address.hint'),
        control: (describedBy) => html`<input
          part="input"
          class="control"
          id="address"
          name="address"
          type="text"
          autocomplete="off"
          aria-invalid=${this.errorFor('address') ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing}
          .value=${this.values.address}
          @input=${this.handleInput}
        />`,
      })}
      <div part="geo" class="geo">
        ${geo.status === 'got'
          ? html`<button part="button" class="button button--secondary" type="button" id="location" @click=${this.forgetLocation}>
              ${this.t('geo.remove')}
            </button>`
          : html`<button
              part="button"
              class="button button--secondary"
              type="button"
              id="locate"
              aria-disabled=${geo.status === 'asking' ? 'true' : 'false'}
              aria-describedby="geo-status"
              @click=${() => geo.status !== 'asking' && this.locate()}
            >
              ${geo.status === 'asking' ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
              ${this.t(geo.status === 'idle' || geo.status === 'asking' ? 'geo.use' : 'geo.retry')}
            </button>`}
        <p part="geo-status" class="hint geo-status" id="geo-status" role="status">
          ${geo.status === 'got' ? coordinates : geo.status === 'idle' ? this.t('geo.hint') : this.t(`geo.${geo.status}`)}
        </p>
        ${this.errorFor('location') ? this.renderFieldError('location', this.errorFor('location')!) : nothing}
      </div>
    </div>`;
  }

  // ── duplicates ──

  private renderDuplicates() {
    const duplicates = this.duplicates;
    if (!duplicates || duplicates.status !== 'loaded' || duplicates.requests.length === 0) return nothing;
    const category = this.selectedCategory;
    return html`<section part="duplicates" class="duplicates" aria-labelledby="duplicates-heading">
      <h3 id="duplicates-heading" class="duplicates-heading">${this.t('duplicates.heading')}</h3>
      <p>
        ${this.t('duplicates.body', {
          count: duplicates.requests.length,
          category: category ? localize(category.name, this.locale) : '',
          building: duplicates.buildingName,
        })}
      </p>
      <ul class="duplicate-list">
        ${duplicates.requests.map((request) => {
          const busy = this.support?.code === request.code && this.support.busy;
          const error = this.support?.code === request.code ? this.support.error : undefined;
          const descriptionId = `duplicate-${request.code}`;
          return html`<li part="duplicate" class="duplicate">
            <p class="duplicate-description" id=${descriptionId}>${request.description}</p>
            <p class="hint">
              ${this.t(`status.${request.status}`)} · ${this.t('duplicates.reported', { date: this.date(request.createdAt) })} ·
              ${this.t('duplicates.supporters', { count: request.supportCount })}
            </p>
            ${error ? html`<p part="field-error" class="field-error" role="alert">${error}</p>` : nothing}
            <button
              part="button support-button"
              class="button button--secondary"
              type="button"
              aria-describedby=${descriptionId}
              aria-disabled=${busy ? 'true' : 'false'}
              @click=${() => this.addSupport(request)}
            >
              ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${this.t('duplicates.support')}
            </button>
          </li>`;
        })}
      </ul>
      <p class="hint">${this.t('duplicates.different')}</p>
    </section>`;
  }

  private date(iso: string): string {
    return new Intl.DateTimeFormat(this.locale, { month: 'long', day: 'numeric' }).format(new Date(iso));
  }

  // ── photos ──

  private renderPhotos() {
    const error = this.errorFor('photos');
    const full = this.photos.length >= MAX_PHOTOS_PER_REQUEST;
    const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
    return html`<div
      part="field"
      class="field ${error ? 'field--invalid' : ''}"
      role="group"
      aria-labelledby="photos-label"
      aria-describedby="photos-hint${error ? ' photos-error' : ''}"
    >
      <p part="label" class="label" id="photos-label">
        ${this.t('field.photos')}<span class="marker">${this.t('form.optional')}</span>
      </p>
      <p part="hint" class="hint" id="photos-hint">${this.t('field.photos.hint', { max: MAX_PHOTOS_PER_REQUEST })}</p>
      ${error ? this.renderFieldError('photos', error) : nothing}
      ${this.photoProblems.length > 0
        ? html`<ul part="field-error" class="field-error photo-problems">
            ${this.photoProblems.map((problem) => html`<li>${problem}</li>`)}
          </ul>`
        : nothing}
      ${this.photos.length > 0
        ? html`<ul part="photos" class="photos">
            ${this.photos.map((photo, index) => this.renderPhoto(photo, index))}
          </ul>`
        : nothing}
      <div class="photo-actions">
        ${coarse
          ? html`<button part="button" class="button button--secondary" type="button" aria-disabled=${full ? 'true' : 'false'} @click=${() => !full && this.choosePhotos(true)}>
              ${this.t('photos.take')}
            </button>`
          : nothing}
        <button
          part="button"
          class="button button--secondary"
          type="button"
          id="photos"
          aria-disabled=${full ? 'true' : 'false'}
          aria-describedby="photos-hint"
          @click=${() => !full && this.choosePhotos(false)}
        >
          ${this.t('photos.choose')}
        </button>
      </div>
      <input id="photo-camera" type="file" accept="image/*" capture="environment" hidden tabindex="-1" @change=${this.handlePhotoFiles} />
      <input id="photo-files" type="file" accept="image/*" multiple hidden tabindex="-1" @change=${this.handlePhotoFiles} />
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">${this.photoAnnouncement}</div>
    </div>`;
  }

  private renderPhoto(photo: PhotoItem, index: number) {
    const label = this.t('photos.label', { index: index + 1 });
    const progressId = `photo-progress-${index}`;
    const percent = Math.round(photo.progress * 100);
    let status: TemplateResult;
    switch (photo.status) {
      case 'processing':
      case 'uploading':
        status = html`<label class="hint" for=${progressId}>
            ${photo.status === 'processing' ? this.t('photos.processing') : this.t('photos.uploading', { percent })}
          </label>
          <progress part="progress" id=${progressId} max="100" .value=${photo.status === 'processing' ? nothing : percent}></progress>`;
        break;
      case 'uploaded':
        status = html`<p class="hint photo-done">${this.t('photos.done')}</p>`;
        break;
      default:
        status = html`<p part="field-error" class="field-error">${photo.error}</p>`;
    }
    return html`<li part="photo" class="photo photo--${photo.status}">
      ${photo.preview
        ? html`<img part="thumbnail" class="thumbnail" src=${photo.preview} alt=${this.t('photos.alt', { label, name: photo.name })} />`
        : html`<span class="thumbnail thumbnail--empty" aria-hidden="true"></span>`}
      <div class="photo-body">
        <p class="photo-name">${label}<span class="visually-hidden">: ${photo.name}</span></p>
        ${status}
        <div class="photo-buttons">
          ${photo.status === 'failed'
            ? html`<button part="button retry-button" class="button button--secondary button--small" type="button" @click=${() => this.uploadPhoto(photo.key)}>
                ${this.t('photos.retry')}<span class="visually-hidden">${this.t('photos.which', { label })}</span>
              </button>`
            : nothing}
          <button part="button" class="button button--secondary button--small photo-remove" type="button" @click=${() => this.removePhoto(photo.key)}>
            ${this.t('photos.remove')}<span class="visually-hidden">${this.t('photos.which', { label })}</span>
          </button>
        </div>
      </div>
    </li>`;
  }

  // ── contact and consent ──

  private renderContact(category: Category | undefined) {
    const values = this.values;
    const canBeAnonymous = category?.allowAnonymous === true && !values.forSomeoneElse;
    const anonymous = isAnonymous(values, category);
    const phoneIsOther = classifyPhone(values.phone.trim()) === 'other';
    return html`<fieldset part="fieldset" class="fieldset" aria-describedby="contact-hint">
      <legend part="legend" class="legend">${this.t('field.contact')}</legend>
      <p part="hint" class="hint" id="contact-hint">${this.t(anonymous ? 'field.contact.anonymousHint' : 'field.contact.hint')}</p>
      <div class="grid">
        ${this.renderCheckbox('forSomeoneElse', this.t('field.forSomeoneElse'), values.forSomeoneElse)}
        ${canBeAnonymous ? this.renderCheckbox('anonymous', this.t('field.anonymous'), values.anonymous) : nothing}
        ${anonymous
          ? nothing
          : html`<div class="grid grid--two">
              ${this.renderTextInput('name', this.t(values.forSomeoneElse ? 'field.name.reporter' : 'field.name'), 'name')}
              ${this.renderTextInput('phone', this.t('field.phone'), 'tel', phoneIsOther ? 'phone-other-hint' : undefined, html`<p
                part="hint phone-hint"
                class="hint hint--after"
                id="phone-other-hint"
                aria-live="polite"
              >
                ${phoneIsOther ? this.t('field.phone.otherHint') : nothing}
              </p>`)}
            </div>`}
        ${values.forSomeoneElse
          ? html`<fieldset part="fieldset" class="fieldset subgroup" aria-describedby="other-hint">
              <legend part="legend" class="legend legend--small">${this.t('field.other')}</legend>
              <p part="hint" class="hint" id="other-hint">${this.t('field.other.hint')}</p>
              <div class="grid grid--two">
                ${this.renderTextInput('otherName', this.t('field.otherName'), 'off')}
                ${this.renderTextInput('otherPhone', this.t('field.otherPhone'), 'off', undefined, undefined, true)}
              </div>
              <ds-area-picker
                part="area-picker"
                id="otherArea"
                name="otherArea"
                level="unit"
                min-level="building"
                api-base=${this.apiBase ?? nothing}
                label=${this.t('field.otherArea')}
                hint=${this.t('field.otherArea.hint')}
                .value=${values.otherArea}
                @change=${this.handleArea}
              ></ds-area-picker>
            </fieldset>`
          : nothing}
      </div>
    </fieldset>`;
  }

  private renderTextInput(
    field: 'name' | 'phone' | 'otherName' | 'otherPhone',
    label: string,
    autocomplete: string,
    extraDescribedBy?: string,
    after?: TemplateResult,
    optional = false,
  ) {
    const phone = field === 'phone' || field === 'otherPhone';
    return this.renderField({
      field,
      label,
      ...(optional ? { marker: this.t('form.optional') } : {}),
      extraDescribedBy,
      control: (describedBy) => html`<input
          part="input"
          class="control"
          id=${field}
          name=${field}
          type=${phone ? 'tel' : 'text'}
          inputmode=${phone ? 'tel' : nothing}
          autocomplete=${autocomplete}
          aria-invalid=${this.errorFor(field) ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing}
          .value=${this.values[field]}
          @input=${this.handleInput}
        />${after ?? nothing}`,
    });
  }

  private renderCheckbox(field: 'forSomeoneElse' | 'anonymous' | 'consent', label: string | TemplateResult, checked: boolean, describedBy = '') {
    const error = field === 'consent' ? this.errorFor(field) : undefined;
    const ids = [describedBy, error ? `${field}-error` : ''].filter(Boolean).join(' ');
    return html`<div part="field" class="field ${error ? 'field--invalid' : ''}">
      ${error ? this.renderFieldError(field, error) : nothing}
      <label part="choice" class="choice">
        <input
          class="choice-input"
          type="checkbox"
          id=${field}
          name=${field}
          .checked=${checked}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${ids || nothing}
          @change=${this.handleInput}
        /><span>${label}</span>
      </label>
    </div>`;
  }

  private renderConsent() {
    return html`<div class="consent">
      <div part="privacy" class="privacy" id="privacy-notice">
        <slot name="privacy"><p>${this.t('privacy.summary')}</p></slot>
        ${this.privacyHref
          ? html`<p>
              <a href=${this.privacyHref} target="_blank" rel="noopener">${this.t('privacy.link')}</a>
            </p>`
          : nothing}
      </div>
      ${this.renderCheckbox('consent', this.t('field.consent'), this.values.consent, 'privacy-notice')}
    </div>`;
  }

  /** Label, hint, inline error and control, wired together with ids for `aria-describedby`. */
  private renderField(options: {
    field: FieldName;
    /** The control's id, when it is not the field's name. */
    id?: string;
    label: string;
    /** "(optional)" or "(required)" after the label. */
    marker?: string;
    hint?: string | undefined;
    /** The id of a hint rendered after the control, while it has content. */
    extraDescribedBy?: string | undefined;
    control: (describedBy: string) => TemplateResult;
  }) {
    const { field, label, marker, hint, extraDescribedBy, control } = options;
    const id = options.id ?? field;
    const error = this.errorFor(field);
    const hintId = hint ? `${id}-hint` : '';
    const errorId = error ? `${id}-error` : '';
    const describedBy = [hintId, errorId, extraDescribedBy].filter(Boolean).join(' ');
    return html`<div part="field" class="field ${error ? 'field--invalid' : ''}">
      <label part="label" class="label" for=${id}>${label}${marker ? html`<span class="marker">${marker}</span>` : nothing}</label>
      ${hint ? html`<p part="hint" class="hint" id=${hintId}>${hint}</p>` : nothing}
      ${error ? this.renderFieldError(id, error) : nothing}
      ${control(describedBy)}
    </div>`;
  }

  private renderFieldError(id: string, message: string) {
    return html`<p part="field-error" class="field-error" id="${id}-error">
      <span class="visually-hidden">${this.t('error.prefix')}</span>${message}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ds-request-form': DsRequestForm;
  }
  interface GlobalEventHandlersEventMap {
    'ds-submitted': CustomEvent<ServiceRequestPublic>;
    'ds-supported': CustomEvent<DsSupportedDetail>;
    'ds-queued': CustomEvent<DsQueuedDetail>;
  }
}
