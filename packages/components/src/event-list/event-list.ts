import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  ApiError,
  localize,
  newIdempotencyKey,
  type EventPublic,
  type EventRegistrationPublic,
} from '@doorstep/sdk';
import { eventsResource } from '@doorstep/sdk/resources/events.js';
import type { ClientOf } from '../base/api-client.js';
import { DoorstepElement } from '../base/doorstep-element.js';
import { DraftController } from '../base/draft-controller.js';
import type { KeyOf } from '../locales/index.js';
import {
  failureKindOf,
  fieldErrorsOf,
  focusControl,
  orderErrors,
  renderErrorSummary,
  renderFieldError,
  type FieldError,
} from '../shared/field-errors.js';
import { communityDate, formatDay, formatTimeRange } from '../shared/format.js';
import { saveFile } from '../shared/save-file.js';
import { eventListMessages } from './event-list.messages.js';
import { eventListStyles } from './event-list.styles.js';
import {
  EMPTY_SIGNUP,
  MANAGE_FIELDS,
  SIGNUP_FIELDS,
  checkLookup,
  checkSignUp,
  signUpFieldOf,
  signUpMessage,
  type ManageField,
  type SignUpField,
  type SignUpValues,
} from './validation.js';
import { renderAlert, renderCard, renderLoading } from '../shared/card.js';

/** Where the widget is. Reflected as the `state` attribute. */
export type EventListState =
  | 'unconfigured'
  | 'loading'
  | 'load-error'
  | 'empty'
  | 'list'
  | 'form'
  | 'submitting'
  | 'submit-error'
  | 'registered'
  | 'manage'
  | 'cancelled';

type Phase = Exclude<EventListState, 'unconfigured'>;

type Key = KeyOf<typeof eventListMessages>;

/** The SDK operations the widget uses: its bundle carries only these. */
const eventListResources = { events: eventsResource };
type EventsClient = ClientOf<typeof eventListResources>;

/** What the draft remembers: which event's form was open, and what was typed in it. */
interface Draft {
  eventId: string;
  values: SignUpValues;
}

/** Sign-ups go on the waitlist when every seat is taken or others are already waiting. */
const waitlistOnly = (event: EventPublic) => event.seatsLeft === 0 || event.waitlisted > 0;

/**
 * @summary The community's upcoming activities — the weekly parent-child reading, health checks, talks —
 * with date, place, audience and seats left. Residents sign up (name, phone, how many, children's ages
 * where asked), join the waitlist when an event is full, add an event to their calendar (`.ics`), and
 * look up or cancel a sign-up with its code and their phone.
 *
 * @slot heading - Replaces the heading text ("社区活动").
 * @slot intro - Replaces the introduction under the heading.
 *
 * @event ds-event-registered - A sign-up was accepted. `detail` is the `EventRegistrationPublic` (`status` confirmed or waitlisted, `code`).
 * @event ds-event-registration-cancelled - A sign-up was cancelled. `detail` is the cancelled `EventRegistrationPublic`.
 * @event ds-error - Loading or sending failed. `detail` is `{ phase: 'load' | 'submit', error }` (an SDK error).
 *
 * @csspart base - The card around everything.
 * @csspart header - The heading and introduction.
 * @csspart title - The heading.
 * @csspart intro - The introduction.
 * @csspart list - The list of events.
 * @csspart event - Each event.
 * @csspart event-title - Each event's title.
 * @csspart seats - The seats-left (or full / waitlist) line of an event.
 * @csspart badge - The "cancelled" / "closed" / "full" badge.
 * @csspart form - Each `<form>` (sign-up; look-up).
 * @csspart field - Each label + hint + error + control group.
 * @csspart label - Each label.
 * @csspart hint - Each hint.
 * @csspart input - Text and phone inputs.
 * @csspart select - The number of people.
 * @csspart field-error - An inline error message.
 * @csspart error-summary - The problems shown at the top after a failed submit.
 * @csspart error-link - Each link in the error summary.
 * @csspart alert - A failure message.
 * @csspart button - Every button.
 * @csspart signup-button - The "sign up" / "join the waitlist" buttons.
 * @csspart calendar-button - The "add to calendar" buttons.
 * @csspart submit-button - The buttons that send (sign up, look up, cancel).
 * @csspart retry-button - The retry buttons.
 * @csspart loading - The loading message.
 * @csspart notice - Informational messages (nothing planned, waitlist notice, not configured).
 * @csspart success - The confirmation (signed up, waitlisted, cancelled).
 * @csspart code - The registration code.
 * @csspart details - The summary of a sign-up.
 * @csspart manage - The check-or-cancel panel.
 *
 * @cssprop --ds-font-size-body - Text size (16px; 20px elder).
 * @cssprop --ds-font-size-title - The heading (22px; 28px elder).
 * @cssprop --ds-color-primary - Buttons, links and the accent bar.
 * @cssprop --ds-color-danger - Errors, "cancelled".
 * @cssprop --ds-color-success - Seats left, the confirmation.
 * @cssprop --ds-target-size - Minimum height of every control (44px; 60px elder).
 * @cssprop --ds-form-max-width - Widest the card grows.
 *
 * @example
 * <ds-event-list api-base="https://portal.example.cn/api" area="c-1"></ds-event-list>
 */
export class DsEventList extends DoorstepElement<Key, typeof eventListResources> {
  static override styles = eventListStyles;
  protected readonly tagLabel = 'ds-event-list';
  protected override readonly messages = eventListMessages;
  protected override readonly resources = eventListResources;

  /** An area id: events for it, for the areas above it and below it. All events when absent. */
  @property({ reflect: true }) area?: string;

  @state() private phase: Phase = 'loading';
  @state() private events: EventPublic[] = [];
  @state() private selectedId?: string;
  @state() private values: SignUpValues = { ...EMPTY_SIGNUP };
  @state() private errors: FieldError<SignUpField | ManageField>[] = [];
  @state() private failure?: string;
  @state() private registration?: EventRegistrationPublic;
  @state() private announcement = '';
  @state() private calendarNotes: Record<string, 'saved' | 'failed'> = {};

  @state() private manageCode = '';
  @state() private managePhone = '';
  @state() private manageBusy = false;
  @state() private confirmingCancel = false;
  @state() private manageFailure?: string;

  private loadedClient?: EventsClient;
  private loadAbort?: AbortController;
  private pendingSubmission?: { key: string; payload: string };
  private draft?: DraftController<Draft>;
  private restoredDraft?: Draft;

  /** Where the widget is. Also reflected as the `state` attribute. */
  get state(): EventListState {
    return this.client ? this.phase : 'unconfigured';
  }

  /** The event whose sign-up form is open (or whose sign-up just succeeded). */
  get selectedEvent(): EventPublic | undefined {
    return this.events.find((event) => event.id === this.selectedId);
  }

  /** What the resident has entered in the sign-up form so far (a copy). */
  get formValues(): SignUpValues {
    return { ...this.values };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.draft) {
      this.draft = new DraftController<Draft>(this, { key: `event-list:${this.area ?? ''}`, version: 1 });
      this.restoredDraft = this.draft.restore();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadAbort?.abort();
    this.loadedClient = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const client = this.client;
    if (client && client !== this.loadedClient) void this.load(client);
    if (changed.has('area') && changed.get('area') !== undefined && client) void this.load(client);
    this.setAttribute('state', this.state);
  }

  // ── data ────────────────────────────────────────────────────────────────────────────────────────

  private async load(client: EventsClient): Promise<void> {
    this.loadedClient = client;
    this.loadAbort?.abort();
    const abort = (this.loadAbort = new AbortController());
    if (this.phase === 'load-error' || this.phase === 'empty') this.phase = 'loading';
    try {
      const events = await client.events.list({ signal: abort.signal, ...(this.area ? { area: this.area } : {}) });
      if (abort.signal.aborted) return;
      this.events = events;
      if (this.phase === 'loading') {
        this.phase = events.length === 0 ? 'empty' : 'list';
        // A sign-up typed before a reload (or a crash) opens again where it was.
        const draft = this.restoredDraft;
        this.restoredDraft = undefined;
        const event = draft && events.find((candidate) => candidate.id === draft.eventId && candidate.registrationOpen);
        if (draft && event) {
          this.selectedId = event.id;
          this.values = { ...EMPTY_SIGNUP, ...draft.values };
          this.phase = 'form';
        }
      }
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

  /** Fetches the list again in the background (seats change as others sign up and cancel). */
  private refresh(): void {
    const client = this.client;
    if (client) void this.load(client);
  }

  private failureText(error: unknown): string {
    const kind = failureKindOf(error);
    return kind === 'rejected' ? this.t('failure.rejected', { message: (error as ApiError).message }) : this.t(`failure.${kind}`);
  }

  private errorFor(field: SignUpField | ManageField): string | undefined {
    return this.errors.find((error) => error.field === field)?.message;
  }

  // ── calendar ────────────────────────────────────────────────────────────────────────────────────

  private async addToCalendar(event: EventPublic): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      const ics = await client.events.calendar(event.id, { locale: this.locale });
      saveFile(this.renderRoot, ics, `${event.id}.ics`, 'text/calendar');
      this.calendarNotes = { ...this.calendarNotes, [event.id]: 'saved' };
    } catch (error) {
      this.calendarNotes = { ...this.calendarNotes, [event.id]: 'failed' };
      this.emit('ds-error', { phase: 'load', error });
    }
  }

  // ── sign-up ─────────────────────────────────────────────────────────────────────────────────────

  private async openForm(event: EventPublic): Promise<void> {
    this.selectedId = event.id;
    this.errors = [];
    this.failure = undefined;
    this.pendingSubmission = undefined;
    this.values = { ...EMPTY_SIGNUP, name: this.values.name, phone: this.values.phone, people: '1', ages: '' };
    this.phase = 'form';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#form-heading')?.focus();
  }

  private backToList = async (): Promise<void> => {
    const from = this.selectedId;
    this.phase = this.events.length === 0 ? 'empty' : 'list';
    this.errors = [];
    this.failure = undefined;
    this.registration = undefined;
    this.draft?.clear();
    this.refresh();
    await this.updateComplete;
    // Back where the resident left: on the event's own sign-up button, or the list.
    const button = from ? this.renderRoot.querySelector<HTMLElement>(`#signup-${CSS.escape(from)}`) : null;
    (button ?? this.renderRoot.querySelector<HTMLElement>('[part~="list"]'))?.focus();
  };

  private handleInput = (event: Event): void => {
    const control = event.target as HTMLInputElement | HTMLSelectElement;
    this.values = { ...this.values, [control.name]: control.value };
    if (this.selectedId) this.draft?.save({ eventId: this.selectedId, values: this.values });
  };

  private handleSubmit = (event: Event): void => {
    event.preventDefault();
    void this.submit();
  };

  /** Validates and signs up; safe to call again after a failure (the same sign-up reuses its idempotency key). */
  async submit(): Promise<void> {
    const client = this.client;
    const selected = this.selectedEvent;
    if (!client || !selected || (this.phase !== 'form' && this.phase !== 'submit-error')) return;
    const checked = checkSignUp(this.values, selected, this.locale);
    if (!checked.ok) {
      void this.showErrors(checked.errors);
      return;
    }
    this.errors = [];
    this.failure = undefined;
    this.phase = 'submitting';
    const payload = `${selected.id}\n${JSON.stringify(checked.input)}`;
    if (this.pendingSubmission?.payload !== payload) this.pendingSubmission = { key: newIdempotencyKey(), payload };
    try {
      const registration = await client.events.register(selected.id, checked.input, { idempotencyKey: this.pendingSubmission.key });
      this.pendingSubmission = undefined;
      this.draft?.clear();
      this.registration = registration;
      this.phase = 'registered';
      this.announcement =
        registration.status === 'waitlisted'
          ? this.t('success.announceWaitlisted', { count: registration.waitlistPosition ?? 0, code: registration.code })
          : this.t('success.announceConfirmed', { code: registration.code });
      this.emit('ds-event-registered', registration);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.success')?.focus();
    } catch (error) {
      this.emit('ds-error', { phase: 'submit', error });
      const fieldErrors = fieldErrorsOf(error, signUpFieldOf, (field, issue) => signUpMessage(field, issue, this.values, this.locale));
      if (fieldErrors.length > 0) {
        this.pendingSubmission = undefined;
        this.phase = 'form';
        void this.showErrors(orderErrors(fieldErrors, SIGNUP_FIELDS));
        return;
      }
      this.phase = 'submit-error';
      this.failure = this.failureText(error);
    }
  }

  private async showErrors(errors: FieldError<SignUpField | ManageField>[]): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
  }

  private focusField = (field: string): void => focusControl(this.renderRoot, field);

  // ── look up and cancel ──────────────────────────────────────────────────────────────────────────

  private openManage = async (): Promise<void> => {
    this.manageCode = '';
    this.managePhone = '';
    this.registration = undefined;
    this.errors = [];
    this.manageFailure = undefined;
    this.confirmingCancel = false;
    this.phase = 'manage';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#manage-heading')?.focus();
  };

  private handleManageInput = (event: Event): void => {
    const control = event.target as HTMLInputElement;
    if (control.name === 'code') this.manageCode = control.value;
    else this.managePhone = control.value;
  };

  private handleLookup = async (event: Event): Promise<void> => {
    event.preventDefault();
    const client = this.client;
    if (!client || this.manageBusy) return;
    const checked = checkLookup(this.manageCode, this.managePhone, this.locale);
    if (!checked.ok) return this.showErrors(orderErrors(checked.errors, MANAGE_FIELDS));
    this.errors = [];
    this.manageFailure = undefined;
    this.confirmingCancel = false;
    this.manageBusy = true;
    try {
      this.registration = await client.events.registration(checked.code);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#found-heading')?.focus();
    } catch (error) {
      this.emit('ds-error', { phase: 'submit', error });
      this.registration = undefined;
      if (error instanceof ApiError && error.status === 404) void this.showErrors([{ field: 'manage-code', message: error.message }]);
      else this.manageFailure = this.failureText(error);
    } finally {
      this.manageBusy = false;
    }
  };

  private startCancel = async (): Promise<void> => {
    this.confirmingCancel = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#confirm-cancel')?.focus();
  };

  private keepRegistration = async (): Promise<void> => {
    this.confirmingCancel = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#found-heading')?.focus();
  };

  private confirmCancel = async (): Promise<void> => {
    const client = this.client;
    const registration = this.registration;
    if (!client || !registration || this.manageBusy) return;
    this.errors = [];
    this.manageFailure = undefined;
    this.manageBusy = true;
    try {
      const cancelled = await client.events.cancelRegistration(registration.code, { phone: this.managePhone });
      this.registration = cancelled;
      this.phase = 'cancelled';
      this.announcement = this.t('cancelled.announce', { code: cancelled.code });
      this.emit('ds-event-registration-cancelled', cancelled);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.success')?.focus();
    } catch (error) {
      this.emit('ds-error', { phase: 'submit', error });
      const fieldErrors = fieldErrorsOf(error, (path) => (path === 'phone' ? ('manage-phone' as const) : undefined), () => this.t('error.invalid'));
      if (fieldErrors.length > 0) void this.showErrors(fieldErrors);
      else this.manageFailure = this.failureText(error);
    } finally {
      this.manageBusy = false;
    }
  };

  // ── render ──────────────────────────────────────────────────────────────────────────────────────

  protected override render() {
    const busy = this.state === 'loading' || this.state === 'submitting' || this.manageBusy;
    return renderCard(
      { locale: this.locale, busy, heading: this.t('events.heading'), intro: this.t('events.intro'), announcement: this.announcement },
      html`<div class="body">${this.renderBody()}</div>`,
    );
  }

  private renderBody() {
    switch (this.state) {
      case 'unconfigured':
        return this.renderNotConfigured();
      case 'loading':
        return renderLoading(this.t('events.loading'));
      case 'load-error':
        return renderAlert(this.t('events.loadFailed'), { label: this.t('events.reload'), run: this.retryLoad });
      case 'empty':
        return html`<div part="notice" class="notice notice--info" role="status"><p>${this.t('events.empty')}</p></div>
          ${this.renderManageLink()}`;
      case 'list':
        return html`${this.renderList()} ${this.renderManageLink()}`;
      case 'registered':
        return this.renderRegistered();
      case 'manage':
        return this.renderManage();
      case 'cancelled':
        return this.renderCancelled();
      default:
        return this.renderForm();
    }
  }

  private renderManageLink() {
    return html`<p class="manage-link">
      <button part="button" class="link-button" type="button" @click=${() => this.openManage()}>${this.t('manage.open')}</button>
    </p>`;
  }

  private when(startsAt: string, endsAt: string): string {
    return `${formatDay(this.locale, communityDate(startsAt))} ${formatTimeRange(this.locale, startsAt, endsAt)}`;
  }

  private renderList() {
    return html`<p class="count" id="events-count">${this.t('events.count', { count: this.events.length })}</p>
      <ul part="list" class="events" aria-labelledby="events-count" tabindex="-1">
        ${this.events.map((event) => html`<li>${this.renderEvent(event)}</li>`)}
      </ul>`;
  }

  private renderEvent(event: EventPublic) {
    const title = localize(event.title, this.locale);
    const titleId = `event-${event.id}-title`;
    const waiting = waitlistOnly(event);
    const note = this.calendarNotes[event.id];
    let badge: TemplateResult | typeof nothing = nothing;
    if (event.status === 'cancelled') badge = html`<span part="badge" class="badge badge--cancelled">${this.t('event.cancelled')}</span>`;
    else if (!event.registrationOpen) badge = html`<span part="badge" class="badge">${this.t('event.closed')}</span>`;
    else if (waiting) badge = html`<span part="badge" class="badge badge--full">${this.t('event.full')}</span>`;
    return html`<article part="event" class="event ${event.status === 'cancelled' ? 'event--cancelled' : ''}" aria-labelledby=${titleId}>
      <h3 part="event-title" class="event-title" id=${titleId}>${title}</h3>
      ${badge}
      <dl class="details details--event">
        <dt>${this.t('event.when')}</dt>
        <dd>${this.when(event.startsAt, event.endsAt)}</dd>
        <dt>${this.t('event.place')}</dt>
        <dd>${localize(event.place, this.locale)}</dd>
        <dt>${this.t('event.audience')}</dt>
        <dd>${localize(event.audience, this.locale)}</dd>
        ${event.status === 'scheduled'
          ? html`<dt>${this.t('event.seats')}</dt>
              <dd part="seats" class="seats ${waiting ? 'seats--full' : ''}">
                ${waiting
                  ? html`${this.t('event.full')}${event.waitlisted > 0 ? html` · ${this.t('event.waiting', { count: event.waitlisted })}` : nothing}`
                  : this.t('event.seatsLeft', { count: event.seatsLeft, capacity: event.capacity })}
              </dd>`
          : nothing}
      </dl>
      ${event.description ? html`<p class="event-description">${localize(event.description, this.locale)}</p>` : nothing}
      <div class="event-actions">
        ${event.registrationOpen
          ? html`<button
              part="button signup-button"
              class="button button--primary"
              id="signup-${event.id}"
              type="button"
              aria-label=${this.t(waiting ? 'event.joinWaitlistFor' : 'event.signUpFor', { title })}
              @click=${() => this.openForm(event)}
            >
              ${this.t(waiting ? 'event.joinWaitlist' : 'event.signUp')}
            </button>`
          : nothing}
        ${event.status === 'scheduled'
          ? html`<button
              part="button calendar-button"
              class="button button--secondary"
              type="button"
              aria-label=${this.t('event.calendarFor', { title })}
              aria-describedby=${note ? `calendar-note-${event.id}` : nothing}
              @click=${() => this.addToCalendar(event)}
            >
              ${this.t('event.calendar')}
            </button>`
          : nothing}
      </div>
      <p class="calendar-note ${note === 'failed' ? 'calendar-note--failed' : ''}" id="calendar-note-${event.id}" role="status">
        ${note ? this.t(note === 'saved' ? 'event.calendarSaved' : 'event.calendarFailed') : nothing}
      </p>
    </article>`;
  }

  private renderForm() {
    const event = this.selectedEvent;
    if (!event) return nothing;
    const submitting = this.state === 'submitting';
    const waiting = waitlistOnly(event);
    const title = localize(event.title, this.locale);
    return html`<section class="signup" aria-labelledby="form-heading">
      <h3 class="section-heading" id="form-heading" tabindex="-1">${this.t(waiting ? 'event.joinWaitlistFor' : 'event.signUpFor', { title })}</h3>
      <dl part="details" class="details">
        <dt>${this.t('event.when')}</dt>
        <dd>${this.when(event.startsAt, event.endsAt)}</dd>
        <dt>${this.t('event.place')}</dt>
        <dd>${localize(event.place, this.locale)}</dd>
      </dl>
      ${waiting ? html`<p part="notice" class="notice notice--info">${this.t('form.waitlistNotice')}</p>` : nothing}
      ${renderErrorSummary(this.errors, this.t('summary.heading'), this.focusField)}
      <form part="form" class="form" novalidate @submit=${this.handleSubmit}>
        <div class="grid grid--two">
          ${this.renderField({
            field: 'name',
            label: this.t('field.name'),
            control: (describedBy, invalid) => html`<input
              part="input"
              class="control"
              id="name"
              name="name"
              type="text"
              autocomplete="name"
              aria-invalid=${invalid}
              aria-describedby=${describedBy || nothing}
              .value=${this.values.name}
              @input=${this.handleInput}
            />`,
          })}
          ${this.renderField({
            field: 'phone',
            label: this.t('field.phone'),
            hint: this.t('field.phone.hint'),
            control: (describedBy, invalid) => html`<input
              part="input"
              class="control"
              id="phone"
              name="phone"
              type="tel"
              inputmode="tel"
              autocomplete="tel"
              aria-invalid=${invalid}
              aria-describedby=${describedBy || nothing}
              .value=${this.values.phone}
              @input=${this.handleInput}
            />`,
          })}
        </div>
        ${this.renderField({
          field: 'people',
          label: this.t('field.people'),
          hint: this.t('field.people.hint', { count: event.maxPartySize }),
          control: (describedBy, invalid) => html`<select
            part="select"
            class="control control--narrow"
            id="people"
            name="people"
            aria-invalid=${invalid}
            aria-describedby=${describedBy || nothing}
            @change=${this.handleInput}
          >
            ${Array.from({ length: event.maxPartySize }, (_, index) => String(index + 1)).map(
              (count) => html`<option value=${count} ?selected=${count === this.values.people}>${count}</option>`,
            )}
          </select>`,
        })}
        ${event.asksChildrenAges
          ? this.renderField({
              field: 'ages',
              label: this.t('field.ages'),
              hint: this.t('field.ages.hint'),
              control: (describedBy, invalid) => html`<input
                part="input"
                class="control control--narrow"
                id="ages"
                name="ages"
                type="text"
                inputmode="numeric"
                autocomplete="off"
                aria-invalid=${invalid}
                aria-describedby=${describedBy || nothing}
                .value=${this.values.ages}
                @input=${this.handleInput}
              />`,
            })
          : nothing}
        ${this.state === 'submit-error' && this.failure
          ? renderAlert(this.failure, { label: this.t('form.retry'), run: () => this.submit() })
          : nothing}
        <div class="actions">
          <button part="button submit-button" class="button button--primary" type="submit" aria-disabled=${submitting ? 'true' : 'false'}>
            ${submitting ? html`<span class="spinner spinner--on-primary" aria-hidden="true"></span>` : nothing}
            ${this.t(submitting ? 'form.submitting' : waiting ? 'form.submitWaitlist' : 'form.submit')}
          </button>
          <button part="button" class="button button--secondary" type="button" @click=${this.backToList}>${this.t('form.back')}</button>
        </div>
      </form>
    </section>`;
  }

  /** Label, hint, inline error and control, wired together with ids for `aria-describedby`. */
  private renderField(options: {
    field: SignUpField | ManageField;
    label: string;
    hint?: string;
    control: (describedBy: string, invalid: 'true' | 'false') => TemplateResult;
  }) {
    const { field, label, hint, control } = options;
    const error = this.errorFor(field);
    const describedBy = [hint ? `${field}-hint` : '', error ? `${field}-error` : ''].filter(Boolean).join(' ');
    return html`<div part="field" class="field ${error ? 'field--invalid' : ''}">
      <label part="label" class="label" for=${field}>${label}</label>
      ${hint ? html`<p part="hint" class="hint" id="${field}-hint">${hint}</p>` : nothing}
      ${error ? renderFieldError(field, error, this.t('error.prefix')) : nothing}
      ${control(describedBy, error ? 'true' : 'false')}
    </div>`;
  }

  private statusText(registration: EventRegistrationPublic): string {
    return registration.status === 'waitlisted'
      ? this.t('status.waitlisted', { count: registration.waitlistPosition ?? 0 })
      : this.t(`status.${registration.status}`);
  }

  private renderRegistrationDetails(registration: EventRegistrationPublic) {
    return html`<dl part="details" class="details">
      <dt>${this.t('detail.event')}</dt>
      <dd>${localize(registration.eventTitle, this.locale)}</dd>
      <dt>${this.t('detail.when')}</dt>
      <dd>${this.when(registration.startsAt, registration.endsAt)}</dd>
      <dt>${this.t('detail.place')}</dt>
      <dd>${localize(registration.place, this.locale)}</dd>
      <dt>${this.t('detail.people')}</dt>
      <dd>${registration.people}</dd>
      <dt>${this.t('detail.status')}</dt>
      <dd>${this.statusText(registration)}</dd>
    </dl>`;
  }

  private renderRegistered() {
    const registration = this.registration!;
    const waitlisted = registration.status === 'waitlisted';
    const event = this.selectedEvent;
    const note = event ? this.calendarNotes[event.id] : undefined;
    return html`<div part="success" class="success ${waitlisted ? 'success--neutral' : ''}" tabindex="-1" aria-labelledby="success-heading">
      ${waitlisted
        ? nothing
        : html`<svg class="success-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z" fill="currentColor"></path>
          </svg>`}
      <h3 id="success-heading" class="success-heading">
        ${waitlisted ? this.t('success.waitlisted', { count: registration.waitlistPosition ?? 0 }) : this.t('success.confirmed')}
      </h3>
      <p class="code-label" id="code-label">${this.t('success.codeLabel')}</p>
      <p part="code" class="code" aria-describedby="code-label">${registration.code}</p>
      <p class="success-body">${this.t('success.body')}</p>
      ${waitlisted ? html`<p class="success-body">${this.t('success.waitlistBody')}</p>` : nothing}
      ${this.renderRegistrationDetails(registration)}
      <div class="actions actions--plain">
        ${event
          ? html`<button
              part="button calendar-button"
              class="button button--secondary"
              type="button"
              aria-describedby=${note ? `calendar-note-${event.id}` : nothing}
              @click=${() => this.addToCalendar(event)}
            >
              ${this.t('event.calendar')}
            </button>`
          : nothing}
        <button part="button" class="button button--secondary" type="button" @click=${this.backToList}>${this.t('success.back')}</button>
      </div>
      ${event
        ? html`<p class="calendar-note ${note === 'failed' ? 'calendar-note--failed' : ''}" id="calendar-note-${event.id}" role="status">
            ${note ? this.t(note === 'saved' ? 'event.calendarSaved' : 'event.calendarFailed') : nothing}
          </p>`
        : nothing}
    </div>`;
  }

  private renderManage() {
    const busy = this.manageBusy;
    const registration = this.registration;
    return html`<section part="manage" class="manage" aria-labelledby="manage-heading">
      <h3 class="section-heading" id="manage-heading" tabindex="-1">${this.t('manage.heading')}</h3>
      ${renderErrorSummary(this.errors, this.t('summary.heading'), this.focusField)}
      <form part="form" class="form" novalidate @submit=${this.handleLookup}>
        <p class="hint">${this.t('manage.intro')}</p>
        <div class="grid grid--two">
          ${this.renderField({
            field: 'manage-code',
            label: this.t('field.code'),
            hint: this.t('field.code.hint'),
            control: (describedBy, invalid) => html`<input
              part="input"
              class="control control--code"
              id="manage-code"
              name="code"
              type="text"
              autocomplete="off"
              autocapitalize="characters"
              spellcheck="false"
              aria-invalid=${invalid}
              aria-describedby=${describedBy || nothing}
              .value=${this.manageCode}
              @input=${this.handleManageInput}
            />`,
          })}
          ${this.renderField({
            field: 'manage-phone',
            label: this.t('field.managePhone'),
            control: (describedBy, invalid) => html`<input
              part="input"
              class="control"
              id="manage-phone"
              name="phone"
              type="tel"
              inputmode="tel"
              autocomplete="tel"
              aria-invalid=${invalid}
              aria-describedby=${describedBy || nothing}
              .value=${this.managePhone}
              @input=${this.handleManageInput}
            />`,
          })}
        </div>
        ${!registration && this.manageFailure ? renderAlert(this.manageFailure) : nothing}
        <div class="actions">
          ${registration
            ? // Another element, not a restyled one: a colour transition would pass through unreadable shades.
              html`<button part="button" class="button button--secondary" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
                ${this.t('manage.find')}
              </button>`
            : html`<button part="button submit-button" class="button button--primary" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
                ${busy ? html`<span class="spinner spinner--on-primary" aria-hidden="true"></span>` : nothing}
                ${this.t(busy ? 'manage.finding' : 'manage.find')}
              </button>`}
          <button part="button" class="button button--secondary" type="button" @click=${this.backToList}>${this.t('manage.back')}</button>
        </div>
      </form>
      ${registration ? this.renderFound(registration) : nothing}
    </section>`;
  }

  private renderFound(registration: EventRegistrationPublic) {
    const busy = this.manageBusy;
    const open = registration.status !== 'cancelled';
    return html`<section class="found" aria-labelledby="found-heading">
      <h4 class="section-heading" id="found-heading" tabindex="-1">${this.t('manage.foundHeading')} · ${registration.code}</h4>
      ${this.renderRegistrationDetails(registration)}
      ${open ? nothing : html`<p class="notice notice--info">${this.t('manage.settled')}</p>`}
      ${open && !this.confirmingCancel
        ? html`<div class="actions actions--plain">
            <button part="button" class="button button--secondary button--danger-outline" type="button" @click=${this.startCancel}>
              ${this.t('manage.cancel')}
            </button>
          </div>`
        : nothing}
      ${open && this.confirmingCancel
        ? html`<div class="confirm" role="group" aria-labelledby="confirm-cancel">
            <p id="confirm-cancel" tabindex="-1" class="confirm-text">${this.t('manage.confirmCancel')}</p>
            ${this.manageFailure ? renderAlert(this.manageFailure) : nothing}
            <div class="actions actions--plain">
              <button part="button submit-button" class="button button--danger" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${this.confirmCancel}>
                ${busy ? html`<span class="spinner spinner--on-primary" aria-hidden="true"></span>` : nothing}
                ${this.t(busy ? 'manage.working' : 'manage.confirmCancel.yes')}
              </button>
              <button part="button" class="button button--secondary" type="button" @click=${this.keepRegistration}>
                ${this.t('manage.confirmCancel.no')}
              </button>
            </div>
          </div>`
        : nothing}
    </section>`;
  }

  private renderCancelled() {
    const registration = this.registration!;
    return html`<div part="success" class="success success--neutral" tabindex="-1" aria-labelledby="success-heading">
      <h3 id="success-heading" class="success-heading">${this.t('cancelled.heading')}</h3>
      <p class="success-body">${this.t('cancelled.body')}</p>
      <p part="code" class="code">${registration.code}</p>
      ${this.renderRegistrationDetails(registration)}
      <div class="actions actions--plain">
        <button part="button" class="button button--secondary" type="button" @click=${this.backToList}>${this.t('manage.back')}</button>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ds-event-list': DsEventList;
  }
  interface GlobalEventHandlersEventMap {
    'ds-event-registered': CustomEvent<EventRegistrationPublic>;
    'ds-event-registration-cancelled': CustomEvent<EventRegistrationPublic>;
  }
}
