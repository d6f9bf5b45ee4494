import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  ApiError,
  HOME_VISIT_MAX_DAYS_AHEAD,
  addDays,
  localize,
  newIdempotencyKey,
  type AppointmentPublic,
  type AppointmentService,
  type AppointmentSlot,
} from '@doorstep/sdk';
import { appointmentsResource } from '@doorstep/sdk/resources/appointments.js';
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
import { communityDate, communityToday, formatDay, formatLongDay, formatTimeRange } from '../shared/format.js';
import { appointmentBookingMessages } from './appointment-booking.messages.js';
import { appointmentBookingStyles } from './appointment-booking.styles.js';
import {
  BOOKING_FIELDS,
  EMPTY_BOOKING,
  EMPTY_MANAGE,
  MANAGE_FIELDS,
  bookingFieldOf,
  bookingMessage,
  checkBooking,
  checkLookup,
  manageFieldOf,
  type BookingField,
  type BookingValues,
  type ManageField,
  type ManageValues,
} from './validation.js';
import { renderAlert, renderCard, renderLoading } from '../shared/card.js';

/** Where the widget is: what it shows and what it accepts. Reflected as the `state` attribute. */
export type AppointmentBookingState =
  | 'unconfigured'
  | 'loading'
  | 'load-error'
  | 'empty'
  | 'ready'
  | 'submitting'
  | 'submit-error'
  | 'success'
  | 'manage'
  | 'cancelled'
  | 'rescheduled';

type Phase = Exclude<AppointmentBookingState, 'unconfigured'>;

interface SlotList {
  serviceId: string;
  status: 'loading' | 'error' | 'ready';
  slots: AppointmentSlot[];
}

interface Day {
  date: string;
  remaining: number;
  slots: AppointmentSlot[];
}

/** Slots grouped by their community date, in order. */
function daysOf(slots: readonly AppointmentSlot[]): Day[] {
  const days = new Map<string, Day>();
  for (const slot of slots) {
    const date = communityDate(slot.startsAt);
    const day = days.get(date) ?? { date, remaining: 0, slots: [] };
    day.remaining += slot.remaining;
    day.slots.push(slot);
    days.set(date, day);
  }
  return [...days.values()];
}

type Key = KeyOf<typeof appointmentBookingMessages>;

/** The SDK operations the widget uses: its bundle carries only these. */
const bookingResources = { appointments: appointmentsResource };
type BookingClient = ClientOf<typeof bookingResources>;

/**
 * @summary Residents book a time for a service at the community service station (the veteran
 * preferential card, the yearly pension check…) or ask for a home visit, see what to bring, and get a
 * confirmation code; with the code and their phone they move or cancel it later.
 *
 * Full times cannot be overbooked — the server enforces capacity in its database; if a time fills up while
 * the resident is choosing, the form says so on the time and shows the fresh list. Nothing typed is lost:
 * the form is kept as a draft on the device until it is sent, and a retry after a network failure never
 * books twice.
 *
 * @slot heading - Replaces the heading text ("预约办事").
 * @slot intro - Replaces the introduction under the heading.
 *
 * @event ds-appointment-booked - A booking was made. `detail` is the `AppointmentPublic` with its confirmation `code`.
 * @event ds-appointment-cancelled - An appointment was cancelled. `detail` is the cancelled `AppointmentPublic`.
 * @event ds-appointment-rescheduled - An appointment was moved. `detail` is the moved `AppointmentPublic`.
 * @event ds-error - Loading or sending failed. `detail` is `{ phase: 'load' | 'submit', error }` (an SDK error).
 *
 * @csspart base - The card around everything.
 * @csspart header - The heading and introduction.
 * @csspart title - The heading.
 * @csspart intro - The introduction.
 * @csspart form - Each `<form>` (booking; look-up).
 * @csspart fieldset - Each group of choices or fields.
 * @csspart legend - The legend of a group.
 * @csspart field - Each label + hint + error + control group.
 * @csspart label - Each label.
 * @csspart hint - Each hint.
 * @csspart input - Text, phone and date inputs.
 * @csspart textarea - The reason for a home visit.
 * @csspart choice - Each selectable row (service, mode, day, time).
 * @csspart materials - The panel listing what to bring.
 * @csspart field-error - An inline error message.
 * @csspart error-summary - The list of problems shown at the top after a failed submit.
 * @csspart error-link - Each link in the error summary.
 * @csspart alert - A failure message with its retry button.
 * @csspart button - Every button.
 * @csspart submit-button - The buttons that send (book, find, cancel, move).
 * @csspart retry-button - The retry buttons.
 * @csspart loading - The loading message.
 * @csspart notice - The "not configured" and "nothing to book" messages.
 * @csspart success - The confirmation (booked, cancelled, moved).
 * @csspart code - The confirmation code.
 * @csspart details - The summary of an appointment (service, time, place).
 * @csspart manage - The move-or-cancel panel.
 *
 * @cssprop --ds-font-size-body - Text size of labels, inputs and buttons (16px; 20px elder).
 * @cssprop --ds-font-size-title - The heading (22px; 28px elder).
 * @cssprop --ds-font-size-code - The confirmation code (28px; 34px elder).
 * @cssprop --ds-color-primary - Buttons, links, the selected choice and the accent bar.
 * @cssprop --ds-color-danger - Errors and the cancel button.
 * @cssprop --ds-color-success - The confirmation.
 * @cssprop --ds-color-focus - The focus ring.
 * @cssprop --ds-target-size - Minimum height of every control and choice (44px; 60px elder).
 * @cssprop --ds-form-max-width - Widest the card grows.
 *
 * @example
 * <ds-appointment-booking api-base="https://portal.example.cn/api" area="c-1"></ds-appointment-booking>
 */
export class DsAppointmentBooking extends DoorstepElement<Key, typeof bookingResources> {
  static override styles = appointmentBookingStyles;
  protected readonly tagLabel = 'ds-appointment-booking';
  protected override readonly messages = appointmentBookingMessages;
  protected override readonly resources = bookingResources;

  /** An area id: only services offered there (and in the areas above and below it) are listed. */
  @property({ reflect: true }) area?: string;

  /** A service id to choose at the start, e.g. `pension-check`. */
  @property({ reflect: true }) service?: string;

  @state() private phase: Phase = 'loading';
  @state() private services: AppointmentService[] = [];
  @state() private values: BookingValues = { ...EMPTY_BOOKING };
  @state() private errors: FieldError<BookingField>[] = [];
  @state() private failure?: string;
  @state() private result?: AppointmentPublic;
  @state() private slotList?: SlotList;
  @state() private announcement = '';

  @state() private manageValues: ManageValues = { ...EMPTY_MANAGE };
  @state() private manageErrors: FieldError<ManageField>[] = [];
  @state() private manageStep: 'lookup' | 'found' | 'confirm-cancel' | 'reschedule' = 'lookup';
  @state() private manageBusy = false;
  @state() private manageFailure?: string;
  @state() private found?: AppointmentPublic;

  private loadedClient?: BookingClient;
  private loadAbort?: AbortController;
  private slotsAbort?: AbortController;
  /** The key of the last booking that got no answer, and what was sent under it: a retry reuses the key. */
  private pendingSubmission?: { key: string; payload: string };
  private draft?: DraftController<BookingValues>;

  /** Where the widget is. Also reflected as the `state` attribute. */
  get state(): AppointmentBookingState {
    return this.client ? this.phase : 'unconfigured';
  }

  /** What the resident has entered in the booking form so far (a copy). */
  get formValues(): BookingValues {
    return { ...this.values };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.draft) {
      // One draft per area: a portal page for another community keeps its own.
      this.draft = new DraftController<BookingValues>(this, { key: `appointment-booking:${this.area ?? ''}`, version: 1 });
      const restored = this.draft.restore();
      if (restored) this.values = { ...EMPTY_BOOKING, ...restored };
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadAbort?.abort();
    this.slotsAbort?.abort();
    this.loadedClient = undefined;
    this.slotList = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const client = this.client;
    if (client && client !== this.loadedClient) void this.load(client);
    if (changed.has('area') && changed.get('area') !== undefined && client) void this.load(client);
    const wanted = this.wantedSlotsService();
    if (client && wanted && this.slotList?.serviceId !== wanted) void this.loadSlots(client, wanted);
    this.setAttribute('state', this.state);
  }

  // ── data ────────────────────────────────────────────────────────────────────────────────────────

  private async load(client: BookingClient): Promise<void> {
    this.loadedClient = client;
    this.loadAbort?.abort();
    const abort = (this.loadAbort = new AbortController());
    if (this.phase === 'load-error' || this.phase === 'empty') this.phase = 'loading';
    try {
      const services = await client.appointments.services({ signal: abort.signal, ...(this.area ? { area: this.area } : {}) });
      if (abort.signal.aborted) return;
      this.services = services;
      const known = (id: string | undefined) => id !== undefined && services.some((service) => service.id === id);
      if (!known(this.values.service)) {
        const preset = known(this.service) ? this.service! : services.length === 1 ? services[0]!.id : '';
        this.values = { ...this.values, service: preset, mode: preset ? this.values.mode : '' };
      }
      if (this.phase === 'loading') this.phase = services.length === 0 ? 'empty' : 'ready';
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

  /** The service whose slots are on screen: the one being booked on site, or the one being moved. */
  private wantedSlotsService(): string | undefined {
    if (this.phase === 'manage') {
      return this.manageStep === 'reschedule' && this.found?.mode === 'on_site' ? this.found.serviceId : undefined;
    }
    if (this.phase === 'ready' || this.phase === 'submit-error') {
      return this.values.mode === 'on_site' && this.values.service ? this.values.service : undefined;
    }
    return undefined;
  }

  private async loadSlots(client: BookingClient, serviceId: string): Promise<void> {
    this.slotsAbort?.abort();
    const abort = (this.slotsAbort = new AbortController());
    this.slotList = { serviceId, status: 'loading', slots: this.slotList?.serviceId === serviceId ? this.slotList.slots : [] };
    try {
      const slots = await client.appointments.slots(serviceId, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.slotList = { serviceId, status: 'ready', slots };
      this.dropUnavailableChoices();
    } catch (error) {
      if (abort.signal.aborted) return;
      this.slotList = { serviceId, status: 'error', slots: [] };
      this.emit('ds-error', { phase: 'load', error });
    }
  }

  private reloadSlots = (): void => {
    const client = this.client;
    const serviceId = this.slotList?.serviceId;
    if (client && serviceId) void this.loadSlots(client, serviceId);
  };

  /** A chosen time that is gone or full (a draft from last week, a place taken meanwhile) is unchosen. */
  private dropUnavailableChoices(): void {
    const slots = this.slotList?.slots ?? [];
    const open = (id: string) => slots.some((slot) => slot.id === id && slot.remaining > 0);
    if (this.values.slot && !open(this.values.slot)) this.values = { ...this.values, slot: '' };
    if (this.manageValues.slot && !open(this.manageValues.slot)) this.manageValues = { ...this.manageValues, slot: '' };
  }

  // ── derived ─────────────────────────────────────────────────────────────────────────────────────

  private get selectedService(): AppointmentService | undefined {
    return this.services.find((service) => service.id === this.values.service);
  }

  private errorFor(field: BookingField | ManageField): string | undefined {
    return [...this.errors, ...this.manageErrors].find((error) => error.field === field)?.message;
  }

  private failureText(error: unknown): string {
    const kind = failureKindOf(error);
    return kind === 'rejected' ? this.t('failure.rejected', { message: (error as ApiError).message }) : this.t(`failure.${kind}`);
  }

  // ── booking ─────────────────────────────────────────────────────────────────────────────────────

  private handleInput = (event: Event): void => {
    const control = event.target as HTMLInputElement | HTMLTextAreaElement;
    const field = control.name as keyof BookingValues;
    const next = { ...this.values, [field]: control.value } as BookingValues;
    // A different service or mode makes the times chosen for the old one meaningless.
    if (field === 'service') Object.assign(next, { mode: '', day: '', slot: '' });
    if (field === 'mode') Object.assign(next, { day: '', slot: '' });
    if (field === 'day') next.slot = '';
    this.values = next;
    this.draft?.save(next);
  };

  private handleSubmit = (event: Event): void => {
    event.preventDefault();
    void this.submit();
  };

  /** Validates and books; safe to call again after a failure (the same booking reuses its idempotency key). */
  async submit(): Promise<void> {
    const client = this.client;
    if (!client || (this.phase !== 'ready' && this.phase !== 'submit-error')) return;
    const checked = checkBooking(this.values, this.locale, communityToday());
    if (!checked.ok) {
      void this.showErrors(checked.errors);
      return;
    }
    this.errors = [];
    this.failure = undefined;
    this.phase = 'submitting';
    const payload = JSON.stringify(checked.input);
    if (this.pendingSubmission?.payload !== payload) this.pendingSubmission = { key: newIdempotencyKey(), payload };
    try {
      const result = await client.appointments.create(checked.input, { idempotencyKey: this.pendingSubmission.key });
      this.pendingSubmission = undefined;
      this.draft?.clear();
      this.result = result;
      this.phase = 'success';
      this.announcement = this.t('success.announce', { code: result.code });
      this.emit('ds-appointment-booked', result);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.success')?.focus();
    } catch (error) {
      this.emit('ds-error', { phase: 'submit', error });
      const fieldErrors = fieldErrorsOf(error, bookingFieldOf, (field, issue) => bookingMessage(field, issue, this.values, this.locale));
      if (fieldErrors.length > 0) {
        // Refused as it stands: nothing to retry until the resident changes something.
        this.pendingSubmission = undefined;
        this.phase = 'ready';
        if (error instanceof ApiError && error.status === 409 && error.fields.slotId) {
          // Taken while the resident was choosing: show the fresh list, with that time now full.
          this.values = { ...this.values, slot: '' };
          this.reloadSlots();
        }
        void this.showErrors(orderErrors(fieldErrors, BOOKING_FIELDS));
        return;
      }
      this.phase = 'submit-error';
      this.failure = this.failureText(error);
    }
  }

  private async showErrors(errors: FieldError<BookingField>[]): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
  }

  private focusField = (field: string): void => focusControl(this.renderRoot, field);

  private bookAnother = async (): Promise<void> => {
    // Same person, most likely: keep the contact, clear the rest.
    this.values = { ...EMPTY_BOOKING, name: this.values.name, phone: this.values.phone };
    this.result = undefined;
    this.announcement = '';
    this.phase = 'ready';
    this.slotList = undefined;
    await this.updateComplete;
    this.focusField('service');
  };

  // ── manage ──────────────────────────────────────────────────────────────────────────────────────

  private openManage = async (prefill?: AppointmentPublic): Promise<void> => {
    this.manageValues = { ...EMPTY_MANAGE, code: prefill?.code ?? '', phone: prefill ? this.values.phone : '' };
    this.manageErrors = [];
    this.manageFailure = undefined;
    this.manageStep = 'lookup';
    this.found = undefined;
    this.announcement = '';
    this.phase = 'manage';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#manage-heading')?.focus();
  };

  private backToBooking = async (): Promise<void> => {
    this.phase = this.services.length === 0 ? 'empty' : 'ready';
    this.result = undefined;
    this.manageErrors = [];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.title')?.scrollIntoView?.({ block: 'nearest' });
  };

  private handleManageInput = (event: Event): void => {
    const control = event.target as HTMLInputElement;
    const field = control.name as keyof ManageValues;
    const next = { ...this.manageValues, [field]: control.value };
    if (field === 'day') next.slot = '';
    this.manageValues = next;
  };

  private async showManageErrors(errors: FieldError<ManageField>[]): Promise<void> {
    this.manageErrors = orderErrors(errors, MANAGE_FIELDS);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
  }

  private handleLookup = async (event: Event): Promise<void> => {
    event.preventDefault();
    const client = this.client;
    if (!client || this.manageBusy) return;
    const checked = checkLookup(this.manageValues, this.locale);
    if (!checked.ok) return this.showManageErrors(checked.errors);
    this.manageErrors = [];
    this.manageFailure = undefined;
    this.manageBusy = true;
    try {
      this.found = await client.appointments.get(checked.code);
      this.manageStep = 'found';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#found-heading')?.focus();
    } catch (error) {
      this.emit('ds-error', { phase: 'submit', error });
      this.found = undefined;
      if (error instanceof ApiError && error.status === 404) {
        void this.showManageErrors([{ field: 'manage-code', message: error.message }]);
      } else {
        this.manageFailure = this.failureText(error);
      }
    } finally {
      this.manageBusy = false;
    }
  };

  private startCancel = async (): Promise<void> => {
    this.manageStep = 'confirm-cancel';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#confirm-cancel')?.focus();
  };

  private startReschedule = async (): Promise<void> => {
    this.manageValues = { ...this.manageValues, day: '', slot: '', date: '' };
    this.manageStep = 'reschedule';
    await this.updateComplete;
    focusControl(this.renderRoot, this.found?.mode === 'home_visit' ? 'new-date' : 'new-day');
  };

  private stepBack = async (): Promise<void> => {
    this.manageStep = 'found';
    this.manageErrors = [];
    this.manageFailure = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#found-heading')?.focus();
  };

  private confirmCancel = (): Promise<void> =>
    this.act('cancel', (client, code, phone) => client.appointments.cancel(code, { phone }));

  private confirmReschedule = async (event: Event): Promise<void> => {
    event.preventDefault();
    const found = this.found;
    if (!found) return;
    const { day, slot, date } = this.manageValues;
    const today = communityToday();
    if (found.mode === 'on_site' && !slot) {
      return this.showManageErrors([{ field: day ? 'new-slot' : 'new-day', message: this.t(day ? 'error.slot.required' : 'error.day.required') }]);
    }
    if (found.mode === 'home_visit' && (!date || date <= today || date > addDays(today, HOME_VISIT_MAX_DAYS_AHEAD))) {
      const message = date ? this.t('error.date.range', { count: HOME_VISIT_MAX_DAYS_AHEAD }) : this.t('error.date.required');
      return this.showManageErrors([{ field: 'new-date', message }]);
    }
    return this.act('reschedule', (client, code, phone) =>
      client.appointments.reschedule(code, found.mode === 'on_site' ? { phone, slotId: slot } : { phone, preferredDate: date }),
    );
  };

  /** Sends a cancellation or a move, and shows what came of it. */
  private async act(
    kind: 'cancel' | 'reschedule',
    send: (client: BookingClient, code: string, phone: string) => Promise<AppointmentPublic>,
  ): Promise<void> {
    const client = this.client;
    const found = this.found;
    if (!client || !found || this.manageBusy) return;
    this.manageErrors = [];
    this.manageFailure = undefined;
    this.manageBusy = true;
    try {
      const result = await send(client, found.code, this.manageValues.phone);
      this.found = result;
      this.phase = kind === 'cancel' ? 'cancelled' : 'rescheduled';
      this.announcement = this.t(kind === 'cancel' ? 'cancelled.announce' : 'rescheduled.announce', { code: result.code });
      this.emit(kind === 'cancel' ? 'ds-appointment-cancelled' : 'ds-appointment-rescheduled', result);
      this.slotList = undefined;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.success')?.focus();
    } catch (error) {
      this.emit('ds-error', { phase: 'submit', error });
      const fieldErrors = fieldErrorsOf(error, manageFieldOf, () => this.t('error.invalid'));
      if (fieldErrors.length > 0) {
        if (error instanceof ApiError && error.status === 409) {
          this.manageValues = { ...this.manageValues, slot: '' };
          this.reloadSlots();
        }
        // A wrong phone is fixed in the look-up fields above; the chosen action stays open.
        void this.showManageErrors(fieldErrors);
      } else {
        this.manageFailure = this.failureText(error);
      }
    } finally {
      this.manageBusy = false;
    }
  }

  // ── render ──────────────────────────────────────────────────────────────────────────────────────

  protected override render() {
    const busy = this.state === 'loading' || this.state === 'submitting' || this.manageBusy;
    return renderCard(
      { locale: this.locale, busy, heading: this.t('booking.heading'), intro: this.t('booking.intro'), announcement: this.announcement },
      html`<div class="body">${this.renderBody()}</div>`,
    );
  }

  private renderBody() {
    switch (this.state) {
      case 'unconfigured':
        return this.renderNotConfigured();
      case 'loading':
        return renderLoading(this.t('booking.loading'));
      case 'load-error':
        return renderAlert(this.t('booking.loadFailed'), { label: this.t('booking.reload'), run: this.retryLoad });
      case 'empty':
        return html`<div part="notice" class="notice notice--info" role="status"><p>${this.t('booking.empty')}</p></div>
          ${this.renderManageLink()}`;
      case 'success':
        return this.renderSuccess();
      case 'manage':
        return this.renderManage();
      case 'cancelled':
      case 'rescheduled':
        return this.renderManaged();
      default:
        return this.renderForm();
    }
  }

  private renderManageLink() {
    return html`<p class="manage-link">
      <button part="button" class="link-button" type="button" @click=${() => this.openManage()}>${this.t('manage.open')}</button>
    </p>`;
  }

  private renderForm() {
    const submitting = this.state === 'submitting';
    const service = this.selectedService;
    return html`
      ${renderErrorSummary(this.errors, this.t('summary.heading'), this.focusField)}
      <form part="form" class="form" novalidate @submit=${this.handleSubmit}>
        ${this.renderChoiceGroup({
          field: 'service',
          legend: this.t('field.service'),
          options: this.services.map((option) => ({
            value: option.id,
            title: localize(option.name, this.locale),
            note: option.description ? localize(option.description, this.locale) : undefined,
          })),
          selected: this.values.service,
          onChange: this.handleInput,
        })}
        ${service ? this.renderMaterials(service) : nothing}
        ${service
          ? this.renderChoiceGroup({
              field: 'mode',
              legend: this.t('field.mode'),
              options: [
                { value: 'on_site', title: this.t('mode.onSite'), note: this.t('mode.onSite.note') },
                ...(service.homeVisit ? [{ value: 'home_visit', title: this.t('mode.homeVisit'), note: this.t('mode.homeVisit.note') }] : []),
              ],
              selected: this.values.mode,
              onChange: this.handleInput,
            })
          : nothing}
        ${service && this.values.mode === 'on_site'
          ? this.renderSlotPicker({ dayField: 'day', slotField: 'slot', values: this.values, onChange: this.handleInput, homeVisitHint: service.homeVisit })
          : nothing}
        ${service && this.values.mode === 'home_visit' ? this.renderHomeVisitFields() : nothing}
        ${service && this.values.mode ? this.renderContactFields() : nothing}
        ${this.state === 'submit-error' && this.failure
          ? renderAlert(this.failure, { label: this.t('booking.retry'), run: () => this.submit() })
          : nothing}
        <div class="actions">
          <button part="button submit-button" class="button button--primary" type="submit" aria-disabled=${submitting ? 'true' : 'false'}>
            ${submitting ? html`<span class="spinner spinner--on-primary" aria-hidden="true"></span>` : nothing}
            ${this.t(submitting ? 'booking.submitting' : 'booking.submit')}
          </button>
        </div>
      </form>
      ${this.renderManageLink()}
    `;
  }

  private renderMaterials(service: AppointmentService) {
    return html`<section part="materials" class="panel" aria-labelledby="materials-heading">
      <h3 class="panel-heading" id="materials-heading">${this.t('materials.heading')}</h3>
      <ul class="list">
        ${service.materials.map((item) => html`<li>${localize(item, this.locale)}</li>`)}
      </ul>
      <p class="hint">${this.t('materials.place', { place: localize(service.place, this.locale) })}</p>
    </section>`;
  }

  /** A fieldset of radio rows; the group's error sits under the legend and the radios point to it. */
  private renderChoiceGroup(options: {
    field: string;
    legend: string;
    hint?: string;
    options: { value: string; title: string; note?: string | undefined; disabled?: boolean }[];
    selected: string;
    name?: string;
    onChange: (event: Event) => void;
  }) {
    const { field, legend, hint, selected, onChange } = options;
    const error = this.errorFor(field as BookingField);
    const describedBy = [hint ? `${field}-hint` : '', error ? `${field}-error` : ''].filter(Boolean).join(' ');
    return html`<fieldset
      part="fieldset"
      class="fieldset ${error ? 'field--invalid' : ''}"
      id=${field}
      aria-describedby=${describedBy || nothing}
    >
      <legend part="legend" class="legend">${legend}</legend>
      ${hint ? html`<p part="hint" class="hint" id="${field}-hint">${hint}</p>` : nothing}
      ${error ? renderFieldError(field, error, this.t('error.prefix')) : nothing}
      <div class="choices choices--${field}">
        ${options.options.map(
          (option) => html`<label part="choice" class="choice">
            <input
              type="radio"
              name=${options.name ?? field}
              .value=${option.value}
              .checked=${option.value === selected}
              ?disabled=${option.disabled ?? false}
              aria-invalid=${error ? 'true' : 'false'}
              @change=${onChange}
            />
            <span class="choice-text">
              <span class="choice-title">${option.title}</span>
              ${option.note ? html`<span class="choice-note">${option.note}</span>` : nothing}
            </span>
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  /** Day, then time: the days with their free places, and the chosen day's times. */
  private renderSlotPicker(options: {
    dayField: 'day' | 'new-day';
    slotField: 'slot' | 'new-slot';
    values: { day: string; slot: string };
    onChange: (event: Event) => void;
    homeVisitHint: boolean;
    currentSlotId?: string | undefined;
  }) {
    const list = this.slotList;
    if (!list || list.status === 'loading') return renderLoading(this.t('slots.loading'));
    if (list.status === 'error') {
      return renderAlert(this.t('slots.failed'), { label: this.t('slots.retry'), run: this.reloadSlots });
    }
    const slots = list.slots.filter((slot) => slot.id !== options.currentSlotId);
    if (slots.length === 0) {
      return html`<div part="notice" class="notice notice--info" role="status" id=${options.dayField}>
        <p>${this.t(options.homeVisitHint ? 'slots.emptyHomeVisit' : 'slots.empty')}</p>
      </div>`;
    }
    const days = daysOf(slots);
    const chosenDay = options.values.day || (options.values.slot ? communityDate(slots.find((s) => s.id === options.values.slot)?.startsAt ?? '') : '');
    const day = days.find((candidate) => candidate.date === chosenDay);
    return html`
      ${this.renderChoiceGroup({
        field: options.dayField,
        name: 'day',
        legend: this.t('field.day'),
        options: days.map((candidate) => ({
          value: candidate.date,
          title: formatDay(this.locale, candidate.date),
          note: candidate.remaining > 0 ? this.t('day.remaining', { count: candidate.remaining }) : this.t('day.full'),
          disabled: candidate.remaining === 0,
        })),
        selected: chosenDay,
        onChange: options.onChange,
      })}
      ${day
        ? this.renderChoiceGroup({
            field: options.slotField,
            name: 'slot',
            legend: this.t('field.slot'),
            options: day.slots.map((slot) => ({
              value: slot.id,
              title: formatTimeRange(this.locale, slot.startsAt, slot.endsAt),
              note: slot.remaining > 0 ? this.t('slot.remaining', { count: slot.remaining }) : this.t('slot.full'),
              disabled: slot.remaining === 0,
            })),
            selected: options.values.slot,
            onChange: options.onChange,
          })
        : nothing}
    `;
  }

  private renderHomeVisitFields() {
    const today = communityToday();
    return html`<fieldset part="fieldset" class="fieldset">
      <legend part="legend" class="legend">${this.t('mode.homeVisit')}</legend>
      <div class="grid">
        ${this.renderField({
          field: 'date',
          label: this.t('field.date'),
          hint: this.t('field.date.hint', { count: HOME_VISIT_MAX_DAYS_AHEAD }),
          control: (describedBy, invalid) => html`<input
            part="input"
            class="control control--date"
            id="date"
            name="date"
            type="date"
            min=${addDays(today, 1)}
            max=${addDays(today, HOME_VISIT_MAX_DAYS_AHEAD)}
            aria-invalid=${invalid}
            aria-describedby=${describedBy || nothing}
            .value=${this.values.date}
            @input=${this.handleInput}
            @change=${this.handleInput}
          />`,
        })}
        ${this.renderField({
          field: 'address',
          label: this.t('field.address'),
          hint: this.t('field.address.hint'),
          control: (describedBy, invalid) => html`<input
            part="input"
            class="control"
            id="address"
            name="address"
            type="text"
            autocomplete="street-address"
            aria-invalid=${invalid}
            aria-describedby=${describedBy || nothing}
            .value=${this.values.address}
            @input=${this.handleInput}
          />`,
        })}
        ${this.renderField({
          field: 'reason',
          label: this.t('field.reason'),
          hint: this.t('field.reason.hint'),
          control: (describedBy, invalid) => html`<textarea
            part="textarea"
            class="control textarea"
            id="reason"
            name="reason"
            rows="3"
            aria-invalid=${invalid}
            aria-describedby=${describedBy || nothing}
            .value=${this.values.reason}
            @input=${this.handleInput}
          ></textarea>`,
        })}
      </div>
    </fieldset>`;
  }

  private renderContactFields() {
    return html`<fieldset part="fieldset" class="fieldset" aria-describedby="contact-hint">
      <legend part="legend" class="legend">${this.t('field.contact')}</legend>
      <p part="hint" class="hint" id="contact-hint">${this.t('field.contact.hint')}</p>
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
    </fieldset>`;
  }

  /** Label, hint, inline error and control, wired together with ids for `aria-describedby`. */
  private renderField(options: {
    field: BookingField | ManageField;
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

  private renderDetails(appointment: AppointmentPublic, withStatus = false) {
    const when =
      appointment.slot !== null
        ? `${formatDay(this.locale, communityDate(appointment.slot.startsAt))} ${formatTimeRange(this.locale, appointment.slot.startsAt, appointment.slot.endsAt)}`
        : appointment.preferredDate
          ? formatLongDay(this.locale, appointment.preferredDate)
          : '';
    return html`<dl part="details" class="details">
      <dt>${this.t('detail.service')}</dt>
      <dd>${localize(appointment.serviceName, this.locale)}</dd>
      <dt>${this.t(appointment.mode === 'home_visit' ? 'detail.visitDate' : 'detail.time')}</dt>
      <dd>${when}</dd>
      ${appointment.place
        ? html`<dt>${this.t('detail.place')}</dt>
            <dd>${localize(appointment.place, this.locale)}</dd>`
        : nothing}
      ${withStatus
        ? html`<dt>${this.t('detail.status')}</dt>
            <dd>${this.t(`status.${appointment.status}`)}</dd>`
        : nothing}
    </dl>`;
  }

  private renderSuccess() {
    const result = this.result!;
    const home = result.mode === 'home_visit';
    return html`<div part="success" class="success" tabindex="-1" aria-labelledby="success-heading">
      <svg class="success-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z" fill="currentColor"></path>
      </svg>
      <h3 id="success-heading" class="success-heading">${this.t(home ? 'success.homeHeading' : 'success.heading')}</h3>
      <p class="code-label" id="code-label">${this.t('success.codeLabel')}</p>
      <p part="code" class="code" aria-describedby="code-label">${result.code}</p>
      <p class="success-body">${this.t('success.body')}</p>
      ${home ? html`<p class="success-body">${this.t('success.homeBody')}</p>` : nothing}
      ${this.renderDetails(result)}
      ${!home && result.materials.length > 0
        ? html`<section part="materials" class="panel panel--on-success" aria-labelledby="success-materials">
            <h4 class="panel-heading" id="success-materials">${this.t('materials.heading')}</h4>
            <ul class="list">
              ${result.materials.map((item) => html`<li>${localize(item, this.locale)}</li>`)}
            </ul>
          </section>`
        : nothing}
      <div class="actions actions--plain">
        <button part="button" class="button button--secondary" type="button" @click=${this.bookAnother}>${this.t('success.another')}</button>
        <button part="button" class="button button--secondary" type="button" @click=${() => this.openManage(result)}>
          ${this.t('success.manage')}
        </button>
      </div>
    </div>`;
  }

  private renderManage() {
    const busy = this.manageBusy;
    const found = this.found;
    return html`<section part="manage" class="manage" aria-labelledby="manage-heading">
      <h3 class="section-heading" id="manage-heading" tabindex="-1">${this.t('manage.heading')}</h3>
      ${renderErrorSummary(this.manageErrors, this.t('summary.heading'), this.focusField, 'manage-')}
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
              .value=${this.manageValues.code}
              @input=${this.handleManageInput}
            />`,
          })}
          ${this.renderField({
            field: 'manage-phone',
            label: this.t('field.managePhone'),
            hint: this.t('field.managePhone.hint'),
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
              .value=${this.manageValues.phone}
              @input=${this.handleManageInput}
            />`,
          })}
        </div>
        ${this.manageStep === 'lookup' ? this.renderManageFailure() : nothing}
        <div class="actions">
          ${this.manageStep === 'lookup'
            ? html`<button part="button submit-button" class="button button--primary" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
                ${busy ? html`<span class="spinner spinner--on-primary" aria-hidden="true"></span>` : nothing}
                ${this.t(busy ? 'manage.finding' : 'manage.find')}
              </button>`
            : html`<button part="button" class="button button--secondary" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
                ${this.t('manage.find')}
              </button>`}
          <button part="button" class="button button--secondary" type="button" @click=${this.backToBooking}>${this.t('manage.bookInstead')}</button>
        </div>
      </form>
      ${found && this.manageStep !== 'lookup' ? this.renderFound(found) : nothing}
    </section>`;
  }

  private renderManageFailure() {
    return this.manageFailure
      ? renderAlert(this.manageFailure)
      : nothing;
  }

  private renderFound(found: AppointmentPublic) {
    const busy = this.manageBusy;
    const open = found.status === 'booked';
    return html`<section class="found" aria-labelledby="found-heading">
      <h4 class="section-heading" id="found-heading" tabindex="-1">${this.t('manage.foundHeading')} · ${found.code}</h4>
      ${this.renderDetails(found, true)}
      ${!open ? html`<p class="notice notice--info">${this.t('manage.settled', { status: this.t(`status.${found.status}`) })}</p>` : nothing}
      ${open && this.manageStep === 'found'
        ? html`<div class="actions actions--plain">
            <button part="button" class="button button--secondary" type="button" @click=${this.startReschedule}>${this.t('manage.reschedule')}</button>
            <button part="button" class="button button--secondary button--danger-outline" type="button" @click=${this.startCancel}>
              ${this.t('manage.cancel')}
            </button>
          </div>`
        : nothing}
      ${open && this.manageStep === 'confirm-cancel'
        ? html`<div class="confirm" role="group" aria-labelledby="confirm-cancel">
            <p id="confirm-cancel" tabindex="-1" class="confirm-text">${this.t('manage.confirmCancel')}</p>
            ${this.renderManageFailure()}
            <div class="actions actions--plain">
              <button part="button submit-button" class="button button--danger" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${this.confirmCancel}>
                ${busy ? html`<span class="spinner spinner--on-primary" aria-hidden="true"></span>` : nothing}
                ${this.t(busy ? 'manage.working' : 'manage.confirmCancel.yes')}
              </button>
              <button part="button" class="button button--secondary" type="button" @click=${this.stepBack}>${this.t('manage.confirmCancel.no')}</button>
            </div>
          </div>`
        : nothing}
      ${open && this.manageStep === 'reschedule' ? this.renderRescheduleForm(found) : nothing}
    </section>`;
  }

  private renderRescheduleForm(found: AppointmentPublic) {
    const busy = this.manageBusy;
    const today = communityToday();
    return html`<form part="form" class="form" novalidate @submit=${this.confirmReschedule}>
      ${found.mode === 'on_site'
        ? this.renderSlotPicker({
            dayField: 'new-day',
            slotField: 'new-slot',
            values: this.manageValues,
            onChange: this.handleManageInput,
            homeVisitHint: false,
            currentSlotId: found.slot?.id,
          })
        : this.renderField({
            field: 'new-date',
            label: this.t('manage.newDate'),
            hint: this.t('field.date.hint', { count: HOME_VISIT_MAX_DAYS_AHEAD }),
            control: (describedBy, invalid) => html`<input
              part="input"
              class="control control--date"
              id="new-date"
              name="date"
              type="date"
              min=${addDays(today, 1)}
              max=${addDays(today, HOME_VISIT_MAX_DAYS_AHEAD)}
              aria-invalid=${invalid}
              aria-describedby=${describedBy || nothing}
              .value=${this.manageValues.date}
              @input=${this.handleManageInput}
              @change=${this.handleManageInput}
            />`,
          })}
      ${this.renderManageFailure()}
      <div class="actions actions--plain">
        <button part="button submit-button" class="button button--primary" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
          ${busy ? html`<span class="spinner spinner--on-primary" aria-hidden="true"></span>` : nothing}
          ${this.t(busy ? 'manage.working' : 'manage.confirmReschedule')}
        </button>
        <button part="button" class="button button--secondary" type="button" @click=${this.stepBack}>${this.t('manage.back')}</button>
      </div>
    </form>`;
  }

  private renderManaged() {
    const found = this.found!;
    const cancelled = this.state === 'cancelled';
    return html`<div part="success" class="success ${cancelled ? 'success--neutral' : ''}" tabindex="-1" aria-labelledby="success-heading">
      <h3 id="success-heading" class="success-heading">${this.t(cancelled ? 'cancelled.heading' : 'rescheduled.heading')}</h3>
      <p class="success-body">${this.t(cancelled ? 'cancelled.body' : 'rescheduled.body')}</p>
      <p part="code" class="code">${found.code}</p>
      ${this.renderDetails(found, true)}
      <div class="actions actions--plain">
        <button part="button" class="button button--secondary" type="button" @click=${this.bookAnother}>${this.t('success.another')}</button>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ds-appointment-booking': DsAppointmentBooking;
  }
  interface GlobalEventHandlersEventMap {
    'ds-appointment-booked': CustomEvent<AppointmentPublic>;
    'ds-appointment-cancelled': CustomEvent<AppointmentPublic>;
    'ds-appointment-rescheduled': CustomEvent<AppointmentPublic>;
  }
}
