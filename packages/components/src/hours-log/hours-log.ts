import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  ApiError,
  HOURS_SERVED_GROUPS,
  VolunteerAccessKey,
  localize,
  newIdempotencyKey,
  normalizeVolunteerAccessKey,
  type HoursCertificate,
  type HoursEntry,
  type VolunteerSelf,
  type VolunteerTeam,
} from '@doorstep/sdk';
import { volunteeringResource } from '@doorstep/sdk/resources/volunteering.js';
import type { ClientOf } from '../base/api-client.js';
import { DoorstepElement } from '../base/doorstep-element.js';
import { DraftController } from '../base/draft-controller.js';
import type { KeyOf, MessageParams } from '../locales/index.js';
import { failureKindOf, fieldErrorsOf, focusControl, orderErrors, renderErrorSummary, renderFieldError, type FieldError } from '../shared/field-errors.js';
import { communityDate, communityToday, formatLongDay, formatTime } from '../shared/format.js';
import { renderCertificate } from './certificate.js';
import { renderChoiceGroup, renderField } from './form-parts.js';
import { hoursLogMessages } from './hours-log.messages.js';
import { hoursLogStyles } from './hours-log.styles.js';
import { EMPTY_LOG, LOG_FIELDS, checkLog, logFieldOf, logMessage, minutesBetween, type LogField, type LogValues } from './log-values.js';
import { StaffReview } from './staff-review.js';
import { forgetAccessKey, onAccessKeyChange, rememberAccessKey, storedAccessKey } from './volunteer-key.js';
import { renderAlert, renderCard, renderLoading } from '../shared/card.js';

const hoursLogResources = { volunteering: volunteeringResource };
type HoursLogClient = ClientOf<typeof hoursLogResources>;

/** Where the log is; also the `state` attribute. Staff mode is `loading`, `load-error`, `forbidden` or `ready`. */
export type HoursLogState = 'unconfigured' | 'loading' | 'load-error' | 'signed-out' | 'ready' | 'submitting' | 'submit-error' | 'forbidden';

/** The volunteer's three views. */
export type HoursLogView = 'log' | 'history' | 'certificate';
const VIEWS: readonly HoursLogView[] = ['log', 'history', 'certificate'];

type Phase = 'loading' | 'load-error' | 'signed-out' | 'ready' | 'submitting' | 'submit-error';

interface CertificateForm {
  choice: 'this-year' | 'last-year' | 'custom';
  from: string;
  to: string;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * @summary A volunteer logs their service hours — team, activity, date, hours or start and end, where, who
 * was served (as a group, never a name), a note — sees them pending until staff approve, follows their
 * totals and history, and prints a certificate of approved hours. With `mode="staff"` it is the review
 * queue instead: approve, reject with a reason, edit with a reason, each change kept in the entry's history.
 *
 * Volunteers identify with the access key they got at sign-up (see `<ds-volunteer-signup>`), kept on the
 * device if they want; staff with the bearer token of the client given to `<ds-provider>`.
 *
 * @slot heading - Replaces the heading ("志愿服务时长登记", or "志愿服务时长审核" for staff).
 * @slot signup - Shown under the access-key form, e.g. a link to the sign-up page.
 *
 * @event ds-hours-logged - An activity was logged; `detail` is the `HoursEntry` (pending).
 * @event ds-error - Loading or sending failed; `detail` is `{ phase: 'load' | 'submit', error }`.
 *
 * @csspart base - The card.
 * @csspart header - Around the heading (left out of the printed certificate).
 * @csspart title - The heading.
 * @csspart totals - The volunteer's four totals.
 * @csspart tabs - The tab list (log, records, certificate).
 * @csspart tab - One tab.
 * @csspart panel - The shown tab's panel.
 * @csspart form - The log form (and the access-key form).
 * @csspart field - A label + hint + error + control group.
 * @csspart fieldset - A group of choices.
 * @csspart legend - A group's label.
 * @csspart choice - One radio row.
 * @csspart label - A control's label.
 * @csspart hint - A hint.
 * @csspart input - Text, number, date and time inputs.
 * @csspart select - The selects.
 * @csspart textarea - The note.
 * @csspart field-error - An inline error.
 * @csspart error-summary - The list of problems after a failed submit.
 * @csspart error-link - A link in the summary.
 * @csspart alert - A failure message, with its retry button.
 * @csspart loading - The loading message.
 * @csspart button - Every button.
 * @csspart submit-button - The submit buttons.
 * @csspart retry-button - "Try again" after a failed load or send.
 * @csspart success - The "logged" confirmation.
 * @csspart history - The volunteer's list of entries.
 * @csspart status - An entry's status badge.
 * @csspart certificate - The printable certificate.
 * @csspart print-button - "Print the certificate".
 * @csspart toolbar - Staff: the filters and exports.
 * @csspart review-entry - Staff: one entry to review.
 * @csspart approve-button - Staff: "Approve" on an entry.
 * @csspart reject-button - Staff: "Reject" on an entry.
 * @csspart edit-button - Staff: "Edit" on an entry.
 *
 * @cssprop --ds-color-primary - Buttons, the selected tab, approved badges.
 * @cssprop --ds-color-danger - Errors and "not approved".
 * @cssprop --ds-target-size - Height of controls, tabs and buttons (44px; 60px elder).
 *
 * @example
 * <ds-hours-log></ds-hours-log>
 * <ds-hours-log view="certificate"></ds-hours-log>
 * <ds-hours-log mode="staff"></ds-hours-log>
 */
export class DsHoursLog extends DoorstepElement<KeyOf<typeof hoursLogMessages>, typeof hoursLogResources> {
  static override styles = hoursLogStyles;
  protected readonly tagLabel = 'ds-hours-log';
  protected override readonly messages = hoursLogMessages;
  protected override readonly resources = hoursLogResources;

  /** `volunteer` (default): log hours with an access key. `staff`: review entries with the client's staff token. */
  @property({ reflect: true }) mode: 'volunteer' | 'staff' = 'volunteer';

  /** The view to open on: `log` (default), `history` or `certificate`. */
  @property({ reflect: true }) view: HoursLogView = 'log';

  /**
   * The volunteer's access key, when the page has it (e.g. right after `<ds-volunteer-signup>`). Not an
   * attribute: a secret does not belong in the page's markup. Without it, the key saved on the device is used.
   */
  @property({ attribute: false }) volunteerKey?: string;

  @state() private phase: Phase = 'loading';
  @state() private key?: string;
  @state() private me?: VolunteerSelf;
  @state() private teams: VolunteerTeam[] = [];
  @state() private entries: HoursEntry[] = [];
  @state() private tab: HoursLogView = 'log';
  @state() private keyInput = '';
  @state() private rememberKey = true;
  @state() private signInError = '';
  @state() private signInNotice = '';
  @state() private checkingKey = false;
  @state() private values: LogValues = { ...EMPTY_LOG };
  @state() private errors: FieldError<LogField>[] = [];
  @state() private submitError = '';
  @state() private loggedMessage = '';
  @state() private announcement = '';
  @state() private certificateForm: CertificateForm = { choice: 'this-year', from: '', to: '' };
  @state() private certificate?: HoursCertificate;
  @state() private certificateStatus: 'idle' | 'loading' | 'error' = 'idle';
  @state() private certificateError = '';

  private readonly review = new StaffReview(this, {
    volunteering: () => this.client?.volunteering,
    locale: () => this.locale,
    say: (key, params) => this.t(key, params),
    errorPrefix: () => this.t('error.prefix'),
    hoursText: (minutes) => this.hoursText(minutes),
    dateText: (date) => formatLongDay(this.locale, date),
    timeText: (iso) => `${formatLongDay(this.locale, communityDate(iso))} ${formatTime(this.locale, iso)}`,
    failed: (error) => this.emit('ds-error', { phase: 'load', error }),
  });
  private draft?: DraftController<LogValues>;
  private loadedFor?: string;
  private loadAbort?: AbortController;
  private pending?: { key: string; payload: string };
  private stopFollowingKey?: () => void;

  /** Where the log is; also the `state` attribute. */
  get state(): HoursLogState {
    if (!this.client) return 'unconfigured';
    return this.mode === 'staff' ? this.review.phase : this.phase;
  }

  /** The volunteer signed in, when there is one. */
  get volunteer(): VolunteerSelf | undefined {
    return this.me;
  }

  /** What the volunteer entered in the log form (a copy). */
  get formValues(): LogValues {
    return { ...this.values };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.tab = VIEWS.includes(this.view) ? this.view : 'log';
    this.stopFollowingKey = onAccessKeyChange(() => {
      // Signed up or out in another widget or tab: follow it, unless the page set a key itself.
      if (this.mode === 'volunteer' && !this.volunteerKey) this.useKey(storedAccessKey());
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopFollowingKey?.();
    this.loadAbort?.abort();
    this.loadedFor = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('view') && VIEWS.includes(this.view)) this.tab = this.view;
    if (this.mode === 'staff') {
      this.review.follow();
      return;
    }
    if (changed.has('volunteerKey') || this.key === undefined) {
      const key = this.volunteerKey ?? storedAccessKey();
      if (key !== this.key) this.key = key;
    }
    const client = this.client;
    const loadKey = `${this.key ?? ''}`;
    if (client && (loadKey !== this.loadedFor || changed.has('mode'))) {
      this.loadedFor = loadKey;
      void this.load(client);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.setAttribute('state', this.state);
  }

  // ── identity ────────────────────────────────────────────────────────────────────────────────────

  private useKey(key: string | undefined): void {
    if (key === this.key) return;
    this.key = key;
    this.me = undefined;
    this.certificate = undefined;
  }

  private async load(client: HoursLogClient): Promise<void> {
    this.loadAbort?.abort();
    const abort = (this.loadAbort = new AbortController());
    const key = this.key;
    if (!key || !VolunteerAccessKey.safeParse(normalizeVolunteerAccessKey(key)).success) {
      this.phase = 'signed-out';
      return;
    }
    this.phase = 'loading';
    try {
      const me = client.volunteering.me(key);
      const volunteer = await me.get({ signal: abort.signal });
      const [teams, entries] = await Promise.all([
        client.volunteering.teams({ community: volunteer.communityId }, { signal: abort.signal }),
        me.entries({}, { signal: abort.signal }),
      ]);
      if (abort.signal.aborted) return;
      this.me = volunteer;
      this.teams = teams;
      this.entries = entries;
      this.startForm(volunteer);
      this.phase = 'ready';
    } catch (error) {
      if (abort.signal.aborted) return;
      if (error instanceof ApiError && error.status === 401) {
        // A key staff replaced, or one mistyped earlier: forget it here and ask again.
        if (storedAccessKey() === key) forgetAccessKey();
        this.key = undefined;
        this.loadedFor = '';
        this.signInNotice = this.t('signin.expired');
        this.phase = 'signed-out';
        return;
      }
      this.phase = 'load-error';
      this.emit('ds-error', { phase: 'load', error });
    }
  }

  private startForm(volunteer: VolunteerSelf): void {
    // Drafts are per volunteer: two people sharing a device never see each other's half-typed entry.
    if (this.draft) this.removeController(this.draft);
    this.draft = new DraftController<LogValues>(this, { key: `hours-log:${volunteer.code}`, version: 1 });
    const saved = this.draft.restore();
    const team = volunteer.teams[0]?.id ?? this.teams[0]?.id ?? '';
    const firstActivity = (id: string) => this.teams.find((candidate) => candidate.id === id)?.activityTypes[0]?.key ?? '';
    this.values = saved ?? { ...EMPTY_LOG, team, activity: firstActivity(team), date: communityToday() };
  }

  private readonly retryLoad = () => {
    const client = this.client;
    if (client) void this.load(client);
  };

  private readonly signIn = async (event: Event) => {
    event.preventDefault();
    const client = this.client;
    if (!client || this.checkingKey) return;
    const typed = normalizeVolunteerAccessKey(this.keyInput);
    this.signInNotice = '';
    if (!this.keyInput.trim()) this.signInError = this.t('signin.required');
    else if (!VolunteerAccessKey.safeParse(typed).success) this.signInError = this.t('signin.invalid');
    else this.signInError = '';
    if (this.signInError) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#access-key')?.focus();
      return;
    }
    this.checkingKey = true;
    try {
      await client.volunteering.me(typed).get();
      if (this.rememberKey) rememberAccessKey(typed);
      this.keyInput = '';
      this.useKey(typed);
    } catch (error) {
      this.signInError =
        error instanceof ApiError && error.status === 401 ? this.t('signin.unknown') : this.t(`submitError.${failureKindOf(error) === 'rejected' ? 'server' : failureKindOf(error)}`);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#access-key')?.focus();
    } finally {
      this.checkingKey = false;
    }
  };

  private readonly signOut = () => {
    forgetAccessKey();
    this.draft?.clear();
    this.useKey(undefined);
    this.loadedFor = '';
    this.phase = 'signed-out';
  };

  // ── the log form ────────────────────────────────────────────────────────────────────────────────

  private patch(patch: Partial<LogValues>): void {
    const next = { ...this.values, ...patch };
    if (patch.team !== undefined && patch.team !== this.values.team) {
      // A team logs its own kinds of activity: start from its first.
      next.activity = this.teams.find((team) => team.id === patch.team)?.activityTypes[0]?.key ?? '';
    }
    this.values = next;
    this.loggedMessage = '';
    this.draft?.save(next);
  }

  private readonly onInput = (event: Event) => {
    const control = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    this.patch({ [control.id]: control.value } as Partial<LogValues>);
  };

  private errorFor(field: LogField): string | undefined {
    return this.errors.find((error) => error.field === field)?.message;
  }

  private readonly handleSubmit = (event: Event) => {
    event.preventDefault();
    void this.submit();
  };

  /** Checks and sends the log form; safe to call again after a failure (the same entry keeps its key). */
  async submit(): Promise<void> {
    const client = this.client;
    const key = this.key;
    if (!client || !key || (this.phase !== 'ready' && this.phase !== 'submit-error')) return;
    const checked = checkLog(this.values, this.locale, new Date(), communityToday());
    if (!checked.ok) {
      await this.showErrors(checked.errors);
      return;
    }
    this.errors = [];
    this.submitError = '';
    this.phase = 'submitting';
    const payload = JSON.stringify(checked.input);
    if (this.pending?.payload !== payload) this.pending = { key: newIdempotencyKey(), payload };
    try {
      const me = client.volunteering.me(key);
      const entry = await me.log(checked.input, { idempotencyKey: this.pending.key });
      this.pending = undefined;
      this.entries = [entry, ...this.entries.filter((item) => item.id !== entry.id)];
      // Keep team, activity, date and how time is given: volunteers often log several of a day.
      this.values = { ...this.values, hours: '', start: '', end: '', servedCount: '', note: '' };
      this.draft?.clear();
      this.loggedMessage = this.t('logged', { hours: this.hoursText(entry.minutes) });
      this.announcement = this.loggedMessage;
      this.phase = 'ready';
      this.emit('ds-hours-logged', entry);
      me.get()
        .then((volunteer) => (this.me = volunteer))
        .catch(() => {});
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.logged')?.focus();
    } catch (error) {
      this.emit('ds-error', { phase: 'submit', error });
      const fields = orderErrors(fieldErrorsOf(error, logFieldOf, (field, issue) => logMessage(field, issue, this.locale)), LOG_FIELDS);
      if (fields.length > 0) {
        this.pending = undefined;
        this.phase = 'ready';
        await this.showErrors(fields);
        return;
      }
      const kind = failureKindOf(error);
      if (kind === 'rejected') this.pending = undefined;
      this.submitError = kind === 'rejected' ? this.t('submitError.rejected', { message: (error as Error).message }) : this.t(`submitError.${kind}`);
      this.phase = 'submit-error';
    }
  }

  private async showErrors(errors: FieldError<LogField>[]): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
  }

  // ── the certificate ─────────────────────────────────────────────────────────────────────────────

  private certificateRange(): { from: string; to: string } {
    const year = Number(communityToday().slice(0, 4));
    const form = this.certificateForm;
    if (form.choice === 'this-year') return { from: `${year}-01-01`, to: communityToday() };
    if (form.choice === 'last-year') return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    return { from: form.from, to: form.to };
  }

  private readonly makeCertificate = async (event: Event) => {
    event.preventDefault();
    const client = this.client;
    const key = this.key;
    if (!client || !key) return;
    const range = this.certificateRange();
    if (!range.from || !range.to || range.from > range.to) {
      this.certificateError = this.t('certificate.range');
      this.certificateStatus = 'error';
      return;
    }
    this.certificateStatus = 'loading';
    this.certificateError = '';
    try {
      this.certificate = await client.volunteering.me(key).certificate(range);
      this.certificateStatus = 'idle';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.certificate-title')?.focus();
    } catch (error) {
      this.emit('ds-error', { phase: 'load', error });
      this.certificateError = this.t('certificate.failed');
      this.certificateStatus = 'error';
    }
  };

  // ── helpers ─────────────────────────────────────────────────────────────────────────────────────

  private number(value: number, digits = 2): string {
    const key = `${this.locale}|${digits}`;
    let format = numberFormats.get(key);
    if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(this.locale, { maximumFractionDigits: digits })));
    return format.format(value);
  }

  /** Minutes as hours: "1.5 小时" / "1.5 hours" (quarter hours need two decimals: 0.25). */
  hoursText(minutes: number): string {
    return this.t('hours.unit', { count: this.number(minutes / 60) });
  }

  private say = (key: Parameters<DsHoursLog['t']>[0], params?: MessageParams) => this.t(key, params);

  // ── render ──────────────────────────────────────────────────────────────────────────────────────

  protected override render() {
    const staff = this.mode === 'staff';
    const busy = this.state === 'loading' || this.state === 'submitting';
    return renderCard(
      {
        locale: this.locale,
        busy,
        heading: this.t(staff ? 'staff.heading' : 'log.heading'),
        announcement: this.announcement,
        cardClass: staff ? 'card--staff' : undefined,
        headerClass: 'no-print',
      },
      this.state === 'unconfigured' ? this.renderNotConfigured() : staff ? this.review.render() : this.renderVolunteer(),
    );
  }

  private renderVolunteer() {
    switch (this.phase) {
      case 'loading':
        return renderLoading(this.t('log.loading'));
      case 'load-error':
        return renderAlert(this.t('log.loadFailed'), { label: this.t('log.retry'), run: this.retryLoad });
      case 'signed-out':
        return this.renderSignIn();
      default:
        return this.renderSignedIn(this.me!);
    }
  }

  private renderSignIn() {
    const error = this.signInError;
    const describedBy = ['access-key-hint', error ? 'access-key-error' : ''].filter(Boolean).join(' ');
    return html`<form part="form" class="form" novalidate @submit=${this.signIn}>
      <p class="intro">${this.t('signin.intro')}</p>
      ${this.signInNotice ? html`<p part="alert" class="alert" role="alert">${this.signInNotice}</p>` : nothing}
      <div part="field" class="field ${error ? 'field--invalid' : ''}">
        <label part="label" class="label" for="access-key">${this.t('signin.key')}</label>
        <p part="hint" class="hint" id="access-key-hint">${this.t('signin.key.hint')}</p>
        ${error ? renderFieldError('access-key', error, this.t('error.prefix')) : nothing}
        <input
          part="input"
          class="control access-key-input"
          id="access-key"
          type="text"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck="false"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy}
          .value=${this.keyInput}
          @input=${(event: Event) => (this.keyInput = (event.target as HTMLInputElement).value)}
        />
      </div>
      <label part="choice" class="choice">
        <input
          id="remember"
          type="checkbox"
          .checked=${this.rememberKey}
          aria-describedby="remember-hint"
          @change=${(event: Event) => (this.rememberKey = (event.target as HTMLInputElement).checked)}
        />
        <span class="choice-text">
          <span class="choice-title">${this.t('signin.remember')}</span>
          <span class="choice-note" id="remember-hint">${this.t('signin.remember.hint')}</span>
        </span>
      </label>
      <div class="actions">
        <button part="button submit-button" type="submit" class="button button--primary" aria-disabled=${this.checkingKey ? 'true' : 'false'}>
          ${this.checkingKey ? html`<span class="spinner spinner--on-primary" aria-hidden="true"></span>` : nothing}
          ${this.t(this.checkingKey ? 'signin.checking' : 'signin.submit')}
        </button>
      </div>
      <slot name="signup"></slot>
    </form>`;
  }

  private renderSignedIn(me: VolunteerSelf) {
    const totals: Array<[Parameters<DsHoursLog['t']>[0], number]> = [
      ['totals.month', me.totals.monthMinutes],
      ['totals.year', me.totals.yearMinutes],
      ['totals.all', me.totals.approvedMinutes],
      ['totals.pending', me.totals.pendingMinutes],
    ];
    return html`<div class="me no-print">
        <p class="greeting"><strong>${this.t('me.greeting', { name: me.name })}</strong> <span class="me-code">${this.t('me.code', { code: me.code })}</span></p>
        <button part="button" type="button" class="link-button" @click=${this.signOut}>${this.t('me.signOut')}</button>
      </div>
      <dl part="totals" class="totals no-print">
        ${totals.map(
          ([label, minutes]) => html`<div class="total">
            <dt>${this.t(label)}</dt>
            <dd>${this.hoursText(minutes)}</dd>
          </div>`,
        )}
      </dl>
      ${this.renderTabs()}
      <div part="panel" class="panel-body" role="tabpanel" id="panel-${this.tab}" aria-labelledby="tab-${this.tab}" tabindex="0">
        ${this.tab === 'log' ? this.renderLogForm() : this.tab === 'history' ? this.renderHistory() : this.renderCertificateView()}
      </div>`;
  }

  private renderTabs() {
    const select = async (view: HoursLogView, focus: boolean) => {
      this.tab = view;
      if (!focus) return;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#tab-${view}`)?.focus();
    };
    const onKey = (event: KeyboardEvent) => {
      const index = VIEWS.indexOf(this.tab);
      const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: VIEWS.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      void select(VIEWS[(next + VIEWS.length) % VIEWS.length]!, true);
    };
    return html`<div part="tabs" class="tabs no-print" role="tablist" aria-label=${this.t('tab.label')} @keydown=${onKey}>
      ${VIEWS.map(
        (view) => html`<button
          part="tab"
          class="tab"
          type="button"
          role="tab"
          id="tab-${view}"
          aria-selected=${this.tab === view ? 'true' : 'false'}
          aria-controls="panel-${view}"
          tabindex=${this.tab === view ? '0' : '-1'}
          @click=${() => void select(view, false)}
        >
          ${this.t(`tab.${view}`)}
        </button>`,
      )}
    </div>`;
  }

  private renderLogForm() {
    const values = this.values;
    const prefix = this.t('error.prefix');
    const optional = this.t('form.optional');
    const team = this.teams.find((candidate) => candidate.id === values.team);
    const submitting = this.phase === 'submitting';
    const select = (id: LogField, label: string, options: Array<{ value: string; label: string }>, placeholder: string | undefined, isOptional = false) =>
      renderField({
        id,
        label,
        error: this.errorFor(id),
        optional: isOptional ? optional : undefined,
        errorPrefix: prefix,
        control: (describedBy, invalid) => html`<select
          part="select"
          class="control"
          id=${id}
          aria-invalid=${invalid}
          aria-describedby=${describedBy || nothing}
          @change=${this.onInput}
        >
          ${placeholder === undefined ? nothing : html`<option value="" ?selected=${!values[id]}>${placeholder}</option>`}
          ${options.map((option) => html`<option value=${option.value} ?selected=${values[id] === option.value}>${option.label}</option>`)}
        </select>`,
      });
    const input = (id: LogField, label: string, type: string, extra: { hint?: string; optional?: boolean; attrs?: Record<string, string> } = {}) =>
      renderField({
        id,
        label,
        hint: extra.hint,
        error: this.errorFor(id),
        optional: extra.optional ? optional : undefined,
        errorPrefix: prefix,
        control: (describedBy, invalid) => html`<input
          part="input"
          class="control"
          id=${id}
          type=${type}
          inputmode=${type === 'number' ? 'decimal' : nothing}
          step=${extra.attrs?.step ?? nothing}
          min=${extra.attrs?.min ?? nothing}
          max=${extra.attrs?.max ?? nothing}
          aria-invalid=${invalid}
          aria-describedby=${describedBy || nothing}
          .value=${values[id] as string}
          @input=${this.onInput}
        />`,
      });
    const duration =
      values.timeMode === 'times' && values.start && values.end && values.start !== values.end ? this.hoursText(minutesBetween(values.start, values.end)) : '';
    return html`${this.loggedMessage
        ? html`<p part="success" class="logged success--neutral" tabindex="-1" role="status">${this.loggedMessage}</p>`
        : nothing}
      ${renderErrorSummary(this.errors, this.t('summary.heading'), (field) => focusControl(this.renderRoot, field))}
      <form part="form" class="form" novalidate @submit=${this.handleSubmit}>
        <div class="grid grid--two">
          ${select('team', this.t('field.team'), this.teams.map((candidate) => ({ value: candidate.id, label: localize(candidate.name, this.locale) })), this.t('select.placeholder'))}
          ${select(
            'activity',
            this.t('field.activity'),
            (team?.activityTypes ?? []).map((type) => ({ value: type.key, label: localize(type.name, this.locale) })),
            this.t('select.placeholder'),
          )}
        </div>
        ${input('date', this.t('field.date'), 'date', { attrs: { max: communityToday() } })}
        ${renderChoiceGroup({
          id: 'timeMode',
          legend: this.t('field.timeMode'),
          errorPrefix: prefix,
          type: 'radio',
          columns: true,
          options: [
            { value: 'hours', title: this.t('field.timeMode.hours') },
            { value: 'times', title: this.t('field.timeMode.times') },
          ],
          selected: [values.timeMode],
          onChange: (value, checked) => checked && this.patch({ timeMode: value as LogValues['timeMode'] }),
        })}
        ${values.timeMode === 'hours'
          ? input('hours', this.t('field.hours'), 'number', { hint: this.t('field.hours.hint'), attrs: { step: '0.25', min: '0.25', max: '24' } })
          : html`<div class="grid grid--two">
              ${input('start', this.t('field.start'), 'time')} ${input('end', this.t('field.end'), 'time', { hint: this.t('field.end.hint') })}
            </div>
            <p class="hint duration" aria-live="polite">${duration}</p>`}
        <ds-area-picker
          id="area"
          level="building"
          .value=${values.area}
          .label=${this.t('field.area')}
          @change=${(event: CustomEvent<{ value: string }>) => this.patch({ area: event.detail.value })}
        ></ds-area-picker>
        <div class="grid grid--two">
          ${select(
            'servedGroup',
            this.t('field.servedGroup'),
            HOURS_SERVED_GROUPS.map((group) => ({ value: group, label: this.t(`served.${group}`) })),
            this.t('select.placeholder'),
            true,
          )}
          ${input('servedCount', this.t('field.servedCount'), 'number', { optional: true, attrs: { step: '1', min: '1', max: '999' } })}
        </div>
        ${renderField({
          id: 'note',
          label: this.t('field.note'),
          hint: this.t('field.note.hint'),
          optional,
          error: this.errorFor('note'),
          errorPrefix: prefix,
          control: (describedBy, invalid) => html`<textarea
            part="textarea"
            class="control textarea"
            id="note"
            rows="3"
            aria-invalid=${invalid}
            aria-describedby=${describedBy || nothing}
            .value=${values.note}
            @input=${this.onInput}
          ></textarea>`,
        })}
        ${this.phase === 'submit-error' && this.submitError
          ? renderAlert(this.submitError, { label: this.t('retry'), run: () => this.submit() })
          : nothing}
        <div class="actions">
          <button part="button submit-button" class="button button--primary" type="submit" aria-disabled=${submitting ? 'true' : 'false'}>
            ${submitting ? html`<span class="spinner spinner--on-primary" aria-hidden="true"></span>` : nothing}
            ${this.t(submitting ? 'submitting' : 'submit')}
          </button>
        </div>
      </form>`;
  }

  private renderHistory(): TemplateResult {
    if (this.entries.length === 0) return html`<p class="empty">${this.t('history.empty')}</p>`;
    return html`<h3 class="visually-hidden">${this.t('history.caption')}</h3>
      <ul part="history" class="history-entries">
        ${this.entries.map(
          (entry) => html`<li class="history-entry">
            <div class="history-main">
              <span class="history-date">${formatLongDay(this.locale, entry.date)}</span>
              <span>${localize(entry.team.name, this.locale)} · ${localize(entry.activityType.name, this.locale)}</span>
            </div>
            <span class="history-hours">${this.hoursText(entry.minutes)}</span>
            <span part="status" class="badge badge--${entry.status}">${this.t(`status.${entry.status}`)}</span>
            ${entry.rejectReason ? html`<p class="reason">${this.t('status.reason', { reason: entry.rejectReason })}</p>` : nothing}
          </li>`,
        )}
      </ul>`;
  }

  private renderCertificateView() {
    const form = this.certificateForm;
    const year = Number(communityToday().slice(0, 4));
    const set = (patch: Partial<CertificateForm>) => {
      this.certificateForm = { ...form, ...patch };
      this.certificateStatus = 'idle';
      this.certificateError = '';
    };
    const date = (id: 'from' | 'to', label: string) => html`<div class="field">
      <label class="label" for="certificate-${id}">${label}</label>
      <input
        part="input"
        class="control"
        id="certificate-${id}"
        type="date"
        max=${communityToday()}
        aria-invalid=${this.certificateError && form.choice === 'custom' ? 'true' : 'false'}
        aria-describedby=${this.certificateError ? 'certificate-error' : nothing}
        .value=${form[id]}
        @input=${(event: Event) => set({ [id]: (event.target as HTMLInputElement).value })}
      />
    </div>`;
    const loading = this.certificateStatus === 'loading';
    return html`<form part="form" class="form no-print" novalidate @submit=${this.makeCertificate}>
        ${renderChoiceGroup({
          id: 'certificate-period',
          legend: this.t('certificate.period'),
          errorPrefix: this.t('error.prefix'),
          type: 'radio',
          columns: true,
          options: [
            { value: 'this-year', title: this.t('certificate.thisYear', { year }) },
            { value: 'last-year', title: this.t('certificate.lastYear', { year: year - 1 }) },
            { value: 'custom', title: this.t('certificate.custom') },
          ],
          selected: [form.choice],
          onChange: (value, checked) => checked && set({ choice: value as CertificateForm['choice'] }),
        })}
        ${form.choice === 'custom' ? html`<div class="grid grid--two">${date('from', this.t('certificate.from'))} ${date('to', this.t('certificate.to'))}</div>` : nothing}
        ${this.certificateError ? html`<p part="alert" class="alert" role="alert" id="certificate-error">${this.certificateError}</p>` : nothing}
        <div class="actions">
          <button part="button submit-button" type="submit" class="button button--primary" aria-disabled=${loading ? 'true' : 'false'}>
            ${loading ? html`<span class="spinner spinner--on-primary" aria-hidden="true"></span>` : nothing}
            ${this.t(loading ? 'certificate.making' : 'certificate.make')}
          </button>
        </div>
      </form>
      ${this.certificate
        ? html`${renderCertificate(this.certificate, {
              locale: this.locale,
              say: this.say,
              hours: (minutes) => this.number(minutes / 60),
              hoursText: (minutes) => this.hoursText(minutes),
              day: (day) => formatLongDay(this.locale, day),
            })}
            <div class="actions no-print">
              <button part="button print-button" type="button" class="button button--secondary" @click=${() => print()}>${this.t('certificate.print')}</button>
            </div>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ds-hours-log': DsHoursLog;
  }
  interface GlobalEventHandlersEventMap {
    'ds-hours-logged': CustomEvent<HoursEntry>;
  }
}

