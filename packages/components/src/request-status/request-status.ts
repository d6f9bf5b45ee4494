import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  ApiError,
  NOTE_MAX_LENGTH,
  NetworkError,
  RATING_COMMENT_MAX_LENGTH,
  TimeoutError,
  TrackingCode,
  canTransition,
  localize,
  newIdempotencyKey,
  normalizeTrackingCode,
  type Category,
  type RequestStatus,
  type ServiceRequestPublic,
  type TimelineEntry,
} from '@doorstep/sdk';
import { categoriesResource } from '@doorstep/sdk/resources/categories.js';
import { requestsResource } from '@doorstep/sdk/resources/requests.js';
import type { ClientOf } from '../base/api-client.js';
import { DoorstepElement } from '../base/doorstep-element.js';
import { PollController } from '../base/poll-controller.js';
import type { KeyOf } from '../locales/index.js';
import { requestStatusMessages } from './request-status.messages.js';
import { requestStatusStyles } from './request-status.styles.js';
import { renderAlert, renderCard, renderLoading } from '../shared/card.js';

/**
 * What the widget shows. The first six are the lookup; the rest are what the resident is doing with a
 * shown request (rating it, reopening it).
 */
export type RequestStatusState =
  | 'unconfigured'
  | 'idle'
  | 'loading'
  | 'not-found'
  | 'load-error'
  | 'shown'
  | 'rating-submitting'
  | 'rating-submitted'
  | 'rating-error'
  | 'reopen-form'
  | 'reopen-submitting'
  | 'reopened'
  | 'reopen-error';

type Action = Exclude<RequestStatusState, 'unconfigured' | 'idle' | 'loading' | 'not-found' | 'load-error' | 'shown'>;

/** The shortest reopen reason the server accepts (see `ReopenCreate`). */
const REOPEN_REASON_MIN_LENGTH = 2;

/** The five steps every request goes through; the fourth ends as resolved or rejected. */
const STEPS = ['submitted', 'accepted', 'in_progress', 'outcome', 'closed'] as const;
type Step = (typeof STEPS)[number];
const STEP_OF: Record<RequestStatus, Step> = {
  submitted: 'submitted',
  accepted: 'accepted',
  in_progress: 'in_progress',
  resolved: 'outcome',
  rejected: 'outcome',
  closed: 'closed',
};

/** Timeline kinds that move a request to another status (the others are notes, assignments, ratings…). */
const STATUS_KINDS: ReadonlySet<TimelineEntry['kind']> = new Set([
  'submitted',
  'accepted',
  'started',
  'resolved',
  'rejected',
  'closed',
  'reopened',
  'merged',
]);

/** The SDK operations the status view uses. */
const requestStatusResources = { requests: requestsResource, categories: categoriesResource };
type RequestStatusClient = ClientOf<typeof requestStatusResources>;

// The category names, once per `categories` resource (widgets under one provider share it); the
// public view carries only the id.
const categoryLists = new WeakMap<RequestStatusClient['categories'], Promise<Category[]>>();
function loadCategories({ categories }: RequestStatusClient): Promise<Category[]> {
  let list = categoryLists.get(categories);
  if (!list) {
    list = categories.list();
    categoryLists.set(categories, list);
    list.catch(() => categoryLists.delete(categories));
  }
  return list;
}

/**
 * @summary Follow a reported problem by its tracking code: where it stands, what staff did and said, the
 * photos, the expected date — and, once resolved, rate it or reopen it. Stays current while open.
 *
 * Looks up the `code` attribute, or what the resident types. While a request is shown it polls the API
 * (a conditional GET: unchanged answers are tiny `304`s) and announces changes politely.
 *
 * @slot heading - Replaces the heading text ("查询处理进度").
 * @slot intro - Replaces the introduction under the heading.
 *
 * @event ds-loaded - A request was shown, or changed while shown. `detail` is the `ServiceRequestPublic`.
 * @event ds-rated - The resident's rating was accepted. `detail` is the updated `ServiceRequestPublic` (with `rating`).
 * @event ds-reopened - The resident reopened the request. `detail` is the updated `ServiceRequestPublic`.
 * @event ds-error - Looking up, rating or reopening failed. `detail` is `{ phase: 'load' | 'submit', error }` (an SDK error).
 *
 * @csspart base - The card around everything.
 * @csspart header - The heading and introduction.
 * @csspart title - The heading.
 * @csspart intro - The introduction.
 * @csspart lookup - The tracking-code form.
 * @csspart label - Each label.
 * @csspart hint - Each hint.
 * @csspart input - The tracking-code input.
 * @csspart textarea - The comment and reason boxes.
 * @csspart field-error - An inline error message.
 * @csspart button - Every button.
 * @csspart retry-button - "Try again" after a failed lookup.
 * @csspart loading - The "looking it up" message.
 * @csspart alert - Not found, a failed lookup or a failed action, with what to do.
 * @csspart notice - The "not configured" message.
 * @csspart request - The shown request.
 * @csspart code - The tracking code.
 * @csspart status - The current status badge.
 * @csspart facts - Where, what, when, expected date, support.
 * @csspart steps - The five-step progress list.
 * @csspart step - One step.
 * @csspart timeline - The history list.
 * @csspart entry - One history entry.
 * @csspart photos - The photo thumbnails.
 * @csspart photo - One thumbnail link.
 * @csspart rating - The rating form or the given rating.
 * @csspart star - One star choice.
 * @csspart reopen - The reopen offer or form.
 * @csspart confirmation - "Thank you" / "reopened" messages.
 *
 * @cssprop --ds-font-size-body - Body text (16px; 20px elder).
 * @cssprop --ds-font-size-small - Times and hints (14px; 18px elder).
 * @cssprop --ds-font-size-title - The heading (22px; 28px elder).
 * @cssprop --ds-font-size-code - The tracking code.
 * @cssprop --ds-color-primary - Buttons, links, the current step.
 * @cssprop --ds-color-success - Done steps and confirmations.
 * @cssprop --ds-color-danger - Errors and the rejected outcome.
 * @cssprop --ds-color-surface - Tinted panels.
 * @cssprop --ds-color-focus - The focus ring.
 * @cssprop --ds-target-size - Minimum height of controls and buttons (44px; 60px elder).
 * @cssprop --ds-form-max-width - Widest the card grows.
 *
 * @example
 * <ds-request-status api-base="https://portal.example.cn/api" code="DS-7K2M-9QX4"></ds-request-status>
 */
export class DsRequestStatus extends DoorstepElement<KeyOf<typeof requestStatusMessages>, typeof requestStatusResources> {
  static override styles = requestStatusStyles;
  protected readonly tagLabel = 'ds-request-status';
  protected override readonly messages = requestStatusMessages;
  protected override readonly resources = requestStatusResources;

  /** The tracking code to show (case and spacing are forgiven). Set by the widget, too, when the resident looks one up. */
  @property({ reflect: true }) code = '';

  /** Milliseconds between checks for news while a request is shown (default 30 000). */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 30_000;

  @state() private phase: 'idle' | 'loading' | 'not-found' | 'load-error' | 'shown' = 'idle';
  @state() private action?: Action;
  @state() private request?: ServiceRequestPublic;
  @state() private categories: Category[] = [];
  @state() private codeInput = '';
  @state() private codeError = '';
  @state() private loadError = '';
  @state() private announcement = '';
  @state() private score = 0;
  @state() private comment = '';
  @state() private reason = '';
  @state() private fieldErrors: Partial<Record<'score' | 'comment' | 'reason', string>> = {};
  @state() private actionError = '';
  /** Why a rating or reopen was refused because the request had moved on (shown until the next action). */
  @state() private conflictMessage = '';

  private loadedClient?: RequestStatusClient;
  private loadedCode?: string;
  private loadAbort?: AbortController;
  private poller?: PollController;
  private pollerInterval?: number;
  /** The key of the last rating or reopen that got no answer, and what was sent under it. */
  private pending?: { key: string; payload: string };

  /** What the widget shows now. Also reflected as the `state` attribute. */
  get state(): RequestStatusState {
    if (!this.client) return 'unconfigured';
    return this.phase === 'shown' && this.action ? this.action : this.phase;
  }

  /** The request shown, as the API last described it. */
  get current(): ServiceRequestPublic | undefined {
    return this.request;
  }

  /** Looks the request up again now (also what "try again" does). */
  async refresh(): Promise<void> {
    const client = this.client;
    if (client && this.code) await this.load(client, this.code);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadAbort?.abort();
    this.loadedClient = undefined;
    this.loadedCode = undefined;
  }

  // Loads start here rather than in updated(): the state they set then renders in this same update.
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const client = this.client;
    if (client && (client !== this.loadedClient || this.code !== this.loadedCode)) {
      this.loadedClient = client;
      this.loadedCode = this.code;
      void loadCategories(client).then(
        (categories) => {
          if (client === this.client) this.categories = categories;
        },
        () => {
          // Without names the request is titled by its code; nothing else depends on them.
        },
      );
      if (this.code) void this.load(client, this.code);
      else this.showIdle();
    }
    if (changed.has('pollInterval') && this.poller) this.followUpdates();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.setAttribute('state', this.state);
  }

  // ── lookup ──────────────────────────────────────────────────────────────────────────────────────

  private showIdle(): void {
    this.stopFollowing();
    this.request = undefined;
    this.action = undefined;
    this.phase = 'idle';
  }

  /** Shows the request with code `raw`; `announceFound` says so even when it is the one already shown. */
  private async load(client: RequestStatusClient, raw: string, announceFound = false): Promise<void> {
    const code = normalizeTrackingCode(raw);
    this.codeInput = code;
    if (!TrackingCode.safeParse(code).success) {
      // A malformed code from the page: show it in the box with the reason, as if the resident typed it.
      this.showIdle();
      this.codeError = this.t('lookup.error.format');
      return;
    }
    this.codeError = '';
    this.loadAbort?.abort();
    const abort = (this.loadAbort = new AbortController());
    const sameRequest = this.request?.code === code;
    if (!sameRequest) {
      this.stopFollowing();
      this.request = undefined;
      this.action = undefined;
      this.conflictMessage = '';
      // What was typed for another request does not belong to this one.
      this.score = 0;
      this.comment = '';
      this.reason = '';
      this.fieldErrors = {};
      this.phase = 'loading';
    }
    try {
      const request = await client.requests.get(code, { signal: abort.signal });
      if (abort.signal.aborted) return;
      const previous = this.request;
      this.show(request);
      if (!sameRequest || announceFound) {
        this.announce(this.t('announce.found', { code: request.code, status: this.t(`state.${request.status}`) }));
      } else if (previous) {
        this.announceChange(previous, request);
      }
    } catch (error) {
      if (abort.signal.aborted) return;
      this.stopFollowing();
      this.request = undefined;
      this.action = undefined;
      if (error instanceof ApiError && error.status === 404) {
        this.phase = 'not-found';
      } else {
        this.phase = 'load-error';
        this.loadError = this.t(error instanceof NetworkError || error instanceof TimeoutError ? 'loadError.network' : 'loadError.server');
      }
      this.emit('ds-error', { phase: 'load', error });
    }
  }

  private show(request: ServiceRequestPublic): void {
    this.request = request;
    this.phase = 'shown';
    if (this.code !== request.code) {
      this.code = request.code;
      this.loadedCode = request.code;
    }
    this.emit('ds-loaded', request);
    this.followUpdates();
  }

  private handleLookup = (event: Event): void => {
    event.preventDefault();
    const typed = this.codeInput.trim();
    const code = normalizeTrackingCode(typed);
    if (!typed) this.codeError = this.t('lookup.error.required');
    else if (!TrackingCode.safeParse(code).success) this.codeError = this.t('lookup.error.format');
    else this.codeError = '';
    if (this.codeError) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#code')?.focus());
      return;
    }
    const client = this.client;
    if (!client) return;
    this.code = code;
    this.loadedCode = code;
    void this.load(client, code, true);
  };

  // ── live updates ────────────────────────────────────────────────────────────────────────────────

  /** Polls while the request can still change; a closed request past its reopen window cannot. */
  private followUpdates(): void {
    const request = this.request;
    if (!request || (request.status === 'closed' && !request.reopenableUntil)) {
      this.stopFollowing();
      return;
    }
    if (this.poller && this.pollerInterval !== this.pollInterval) this.stopFollowing();
    if (!this.poller) {
      this.pollerInterval = this.pollInterval;
      this.poller = new PollController(this, { intervalMs: this.pollInterval, poll: (signal) => this.poll(signal) });
    }
    if (!this.poller.active) this.poller.start();
  }

  private stopFollowing(): void {
    if (!this.poller) return;
    this.poller.stop();
    this.removeController(this.poller);
    this.poller = undefined;
  }

  private async poll(signal: AbortSignal): Promise<void> {
    const client = this.client;
    const previous = this.request;
    if (!client || !previous) return;
    const next = await client.requests.get(previous.code, { signal });
    // The SDK hands back the very same object when the server answered 304 Not Modified.
    if (next === previous || this.request !== previous || signal.aborted) return;
    if (JSON.stringify(next) === JSON.stringify(previous)) {
      this.request = next;
      return;
    }
    this.announceChange(previous, next);
    // A thank-you or "reopened" note is about the request as it was; a new status replaces it.
    if (next.status !== previous.status && (this.action === 'rating-submitted' || this.action === 'reopened')) {
      this.action = undefined;
    }
    this.show(next);
  }

  private announceChange(previous: ServiceRequestPublic, next: ServiceRequestPublic): void {
    const added = next.timeline.filter((entry) => !previous.timeline.some((seen) => seen.id === entry.id));
    if (next.status !== previous.status) {
      this.announce(this.t('announce.status', { code: next.code, status: this.t(`state.${next.status}`) }));
    } else if (added.length > 0) {
      this.announce(this.t('announce.entry', { code: next.code, entry: this.entryTitle(added.at(-1)!) }));
    } else if (JSON.stringify(next) !== JSON.stringify(previous)) {
      this.announce(this.t('announce.other', { code: next.code }));
    }
  }

  private announce(message: string): void {
    // The same words twice in a row would not be read again; an invisible change makes them new.
    this.announcement = this.announcement === message ? `${message}\u00a0` : message;
  }

  // ── rating and reopening ────────────────────────────────────────────────────────────────────────

  private handleRate = async (event: Event): Promise<void> => {
    event.preventDefault();
    const request = this.request;
    const client = this.client;
    if (!request || !client || this.action === 'rating-submitting') return;
    const errors: typeof this.fieldErrors = {};
    if (this.score < 1 || this.score > 5) errors.score = this.t('rating.error.score');
    const comment = this.comment.trim();
    if (comment.length > RATING_COMMENT_MAX_LENGTH) errors.comment = this.t('rating.error.comment', { count: RATING_COMMENT_MAX_LENGTH });
    if (!(await this.showFieldErrors(errors))) return;
    const input = { score: this.score, ...(comment ? { comment } : {}) };
    this.action = 'rating-submitting';
    this.actionError = '';
    this.conflictMessage = '';
    try {
      const updated = await client.requests.rate(request.code, input, { idempotencyKey: this.keyFor('rate', input) });
      this.pending = undefined;
      this.request = updated;
      this.action = 'rating-submitted';
      this.announce(this.t('rating.thanks'));
      this.emit('ds-rated', updated);
      await this.focusSoon('.rating-confirmation');
    } catch (error) {
      await this.handleActionFailure('rating-error', error);
    }
  };

  private startReopen = async (): Promise<void> => {
    this.action = 'reopen-form';
    this.conflictMessage = '';
    this.fieldErrors = {};
    this.actionError = '';
    await this.focusSoon('#reason');
  };

  private cancelReopen = async (): Promise<void> => {
    this.action = undefined;
    this.fieldErrors = {};
    this.actionError = '';
    await this.focusSoon('.reopen-start');
  };

  private handleReopen = async (event: Event): Promise<void> => {
    event.preventDefault();
    const request = this.request;
    const client = this.client;
    if (!request || !client || this.action === 'reopen-submitting') return;
    const reason = this.reason.trim();
    const errors: typeof this.fieldErrors = {};
    if (!reason) errors.reason = this.t('reopen.error.required');
    else if (reason.length < REOPEN_REASON_MIN_LENGTH || reason.length > NOTE_MAX_LENGTH) {
      errors.reason = this.t('reopen.error.length', { min: REOPEN_REASON_MIN_LENGTH, max: NOTE_MAX_LENGTH });
    }
    if (!(await this.showFieldErrors(errors))) return;
    const input = { reason };
    this.action = 'reopen-submitting';
    this.actionError = '';
    this.conflictMessage = '';
    try {
      const updated = await client.requests.reopen(request.code, input, { idempotencyKey: this.keyFor('reopen', input) });
      this.pending = undefined;
      this.reason = '';
      this.request = updated;
      this.action = 'reopened';
      this.announce(this.t('reopen.done'));
      this.emit('ds-reopened', updated);
      this.followUpdates();
      await this.focusSoon('.reopen-confirmation');
    } catch (error) {
      await this.handleActionFailure('reopen-error', error);
    }
  };

  /** The same submission keeps its idempotency key across retries, so the server never records it twice. */
  private keyFor(kind: string, input: object): string {
    const payload = `${kind}:${this.request?.code}:${JSON.stringify(input)}`;
    if (this.pending?.payload !== payload) this.pending = { key: newIdempotencyKey(), payload };
    return this.pending.key;
  }

  private async showFieldErrors(errors: typeof this.fieldErrors): Promise<boolean> {
    this.fieldErrors = errors;
    const first = (['score', 'comment', 'reason'] as const).find((field) => errors[field]);
    if (!first) return true;
    const target = first === 'score' ? 'input[name="score"]' : `#${first}`;
    await this.focusSoon(target);
    return false;
  }

  private async handleActionFailure(failed: 'rating-error' | 'reopen-error', error: unknown): Promise<void> {
    this.emit('ds-error', { phase: 'submit', error });
    if (error instanceof ApiError && (error.status === 409 || error.status === 422)) {
      // The request moved on (rated in another tab, the window closed): say why, and show what is true now.
      this.pending = undefined;
      this.action = undefined;
      this.fieldErrors = {};
      await this.refresh();
      this.conflictMessage = this.t('action.error.rejected', { message: error.message });
      await this.focusSoon('.conflict-alert');
      return;
    }
    if (error instanceof ApiError && error.status === 400 && Object.keys(error.fields).length > 0) {
      this.pending = undefined;
      const message = Object.values(error.fields)[0]!;
      this.action = failed === 'rating-error' ? undefined : 'reopen-form';
      await this.showFieldErrors(failed === 'rating-error' ? { comment: message } : { reason: message });
      return;
    }
    this.action = failed;
    this.actionError =
      error instanceof NetworkError || error instanceof TimeoutError
        ? this.t('action.error.network')
        : error instanceof ApiError && error.status < 500 && error.message
          ? this.t('action.error.rejected', { message: error.message })
          : this.t('action.error.server');
    await this.focusSoon('.action-alert');
  }

  private async focusSoon(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  // ── formatting ──────────────────────────────────────────────────────────────────────────────────

  private dateTime(iso: string): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  /** Month, day and time, for the narrow steps (the history below has the full date). */
  private shortDateTime(iso: string): string {
    return new Intl.DateTimeFormat(this.locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  }

  /** A calendar day (`2026-11-30`) or the day of a moment, without shifting it through time zones. */
  private date(isoDate: string): string {
    if (/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) {
      return new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
    }
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'long' }).format(new Date(isoDate));
  }

  private entryTitle(entry: TimelineEntry): string {
    switch (entry.kind) {
      case 'merged':
      case 'duplicate_merged':
        return this.t(`kind.${entry.kind}`, { code: entry.relatedCode ?? '' });
      case 'assigned':
        return entry.assignedTo ? this.t('kind.assigned', { name: entry.assignedTo }) : this.t('kind.unassigned');
      case 'expected_date_set':
        return entry.expectedDate ? this.t('kind.expected_date_set', { date: this.date(entry.expectedDate) }) : this.t('kind.expectedCleared');
      case 'rated':
        return this.t('kind.rated', { score: entry.score ?? '' });
      default:
        return this.t(`kind.${entry.kind}`);
    }
  }

  private actorText(entry: TimelineEntry): string {
    if (entry.actor.kind === 'staff') return entry.actor.name ? this.t('actor.staffNamed', { name: entry.actor.name }) : this.t('actor.staff');
    return this.t(entry.actor.kind === 'resident' ? 'actor.resident' : 'actor.system');
  }

  private categoryName(request: ServiceRequestPublic): string {
    const category = this.categories.find((candidate) => candidate.id === request.categoryId);
    return category ? localize(category.name, this.locale) : this.t('request.untitled');
  }

  /** Whether the API offers a reopen now (and the offer has not run out while the page was open). */
  private canReopen(request: ServiceRequestPublic): boolean {
    return (
      request.reopenableUntil !== null &&
      canTransition(request.status, 'reopen') &&
      new Date(request.reopenableUntil).getTime() > Date.now()
    );
  }

  // ── render ──────────────────────────────────────────────────────────────────────────────────────

  protected override render() {
    const state = this.state;
    return renderCard(
      { locale: this.locale, busy: state === 'loading', heading: this.t('status.heading'), intro: this.t('status.intro'), announcement: this.announcement },
      state === 'unconfigured' ? this.renderNotConfigured() : html`${this.renderLookup()}${this.renderBody()}`,
    );
  }

  private renderLookup() {
    const error = this.codeError;
    return html`<form part="lookup" class="lookup" novalidate @submit=${this.handleLookup}>
      <div class="field ${error ? 'field--invalid' : ''}">
        <label part="label" class="label" for="code">${this.t('lookup.label')}</label>
        <p part="hint" class="hint" id="code-hint">${this.t('lookup.hint')}</p>
        ${error
          ? html`<p part="field-error" class="field-error" id="code-error">
              <span class="visually-hidden">${this.t('error.prefix')}</span>${error}
            </p>`
          : nothing}
        <div class="lookup-row">
          <input
            part="input"
            class="control code-input"
            id="code"
            name="code"
            type="text"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? 'code-hint code-error' : 'code-hint'}
            .value=${this.codeInput}
            @input=${(event: Event) => {
              this.codeInput = (event.target as HTMLInputElement).value;
            }}
          />
          <button part="button" class="button button--primary" type="submit">${this.t('lookup.submit')}</button>
        </div>
      </div>
    </form>`;
  }

  private renderBody() {
    switch (this.phase) {
      case 'idle':
        return nothing;
      case 'loading':
        return renderLoading(this.t('lookup.loading'));
      case 'not-found':
        return html`<div part="alert" class="alert" role="alert">
          <p class="alert-heading"><strong>${this.t('notFound.heading')}</strong></p>
          <p>${this.t('notFound.body', { code: this.code })}</p>
        </div>`;
      case 'load-error':
        return renderAlert(this.loadError, { label: this.t('loadError.retry'), run: () => this.refresh() });
      case 'shown':
        return this.request ? this.renderRequest(this.request) : nothing;
    }
  }

  private renderRequest(request: ServiceRequestPublic) {
    return html`<article part="request" class="request" aria-labelledby="request-heading">
      <header class="request-header">
        <h3 class="request-heading" id="request-heading">
          <span>${this.categoryName(request)}</span>
          <span part="code" class="code">${request.code}</span>
        </h3>
        <p part="status" class="status status--${request.status}">
          ${this.statusIcon(request.status)}
          <span>${this.t('request.current')}<strong>${this.t(`state.${request.status}`)}</strong></span>
        </p>
      </header>
      ${request.mergedInto ? this.renderMerged(request.mergedInto) : nothing} ${this.renderFacts(request)}
      ${this.renderSteps(request)} ${this.renderPhotos(request)} ${this.renderTimeline(request)}
      ${this.renderRating(request)} ${this.renderReopen(request)}
      ${this.conflictMessage
        ? html`<div part="alert" class="alert conflict-alert" role="alert" tabindex="-1"><p>${this.conflictMessage}</p></div>`
        : nothing}
      ${this.poller?.active ? html`<p class="live-hint">${this.t('live.hint')}</p>` : nothing}
    </article>`;
  }

  private statusIcon(status: RequestStatus) {
    const path =
      status === 'resolved' || status === 'closed'
        ? 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z'
        : status === 'rejected'
          ? 'M18.3 5.7 12 12l6.3 6.3-1.4 1.4L10.6 13.4 4.3 19.7l-1.4-1.4L9.2 12 2.9 5.7l1.4-1.4 6.3 6.3 6.3-6.3z'
          : 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 5v5.6l4 2.4-.8 1.3-4.7-2.8V7z';
    return html`<svg class="status-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d=${path} fill="currentColor"></path>
    </svg>`;
  }

  private renderMerged(into: string) {
    return html`<div part="notice" class="notice">
      <p>${this.t('merged.body', { code: into })}</p>
      <button
        part="button"
        class="button button--secondary"
        type="button"
        @click=${() => {
          this.code = into;
        }}
      >
        ${this.t('merged.view', { code: into })}
      </button>
    </div>`;
  }

  private renderFacts(request: ServiceRequestPublic) {
    const fact = (label: string, value: unknown) =>
      html`<div class="fact">
        <dt>${label}</dt>
        <dd>${value}</dd>
      </div>`;
    return html`<dl part="facts" class="facts">
      ${request.areaPath.length ? fact(this.t('fact.place'), request.areaPath.join(' › ')) : nothing}
      ${request.address ? fact(this.t('fact.address'), request.address) : nothing}
      ${fact(this.t('fact.description'), request.description)}
      ${fact(this.t('fact.reported'), html`<time datetime=${request.createdAt}>${this.dateTime(request.createdAt)}</time>`)}
      ${request.expectedDate
        ? fact(this.t('fact.expected'), html`<time datetime=${request.expectedDate}>${this.date(request.expectedDate)}</time>`)
        : nothing}
      ${request.assignedTo ? fact(this.t('fact.assigned'), request.assignedTo) : nothing}
      ${request.supportCount > 0 ? fact(this.t('fact.support'), this.t('support.count', { count: request.supportCount })) : nothing}
    </dl>`;
  }

  private renderSteps(request: ServiceRequestPublic) {
    const currentIndex = STEPS.indexOf(STEP_OF[request.status]);
    // The outcome step is named by how it ended: the later of the last resolution and the last rejection.
    const lastOf = (kind: TimelineEntry['kind']) => request.timeline.findLastIndex((entry) => entry.kind === kind);
    const rejected = request.status === 'rejected' || (request.status === 'closed' && lastOf('rejected') > lastOf('resolved'));
    return html`<ol part="steps" class="steps" aria-label=${this.t('steps.label')}>
      ${STEPS.map((step, index) => {
        const status: RequestStatus = step === 'outcome' ? (rejected ? 'rejected' : 'resolved') : step;
        const reached = request.timeline.findLast((entry) => entry.status === status && STATUS_KINDS.has(entry.kind));
        const progress =
          index === currentIndex ? 'current' : index > currentIndex ? 'upcoming' : reached || index === 0 ? 'done' : 'skipped';
        return html`<li
          part="step"
          class="step step--${progress} ${status === 'rejected' ? 'step--rejected' : ''}"
          aria-current=${progress === 'current' ? 'step' : nothing}
        >
          <span class="step-marker" aria-hidden="true">${progress === 'done' ? '✓' : progress === 'skipped' ? '–' : index + 1}</span>
          <span class="step-text">
            <span class="step-label">${this.t(`state.${status}`)}</span>
            <span class="visually-hidden">（${this.t(`step.${progress}`)}）</span>
            ${reached && index <= currentIndex
              ? html`<time class="step-time" datetime=${reached.at}>${this.shortDateTime(reached.at)}</time>`
              : nothing}
          </span>
        </li>`;
      })}
    </ol>`;
  }

  private renderPhotos(request: ServiceRequestPublic) {
    const count = request.photos.length;
    if (count === 0) return nothing;
    return html`<section class="section" aria-labelledby="photos-heading">
      <h4 class="section-heading" id="photos-heading">${this.t('photos.heading')}</h4>
      <ul part="photos" class="photos">
        ${request.photos.map(
          (photo, index) =>
            html`<li>
              <a part="photo" class="photo" href=${photo.url} target="_blank" rel="noopener">
                <img src=${photo.url} alt=${this.t('photos.alt', { index: index + 1, count })} loading="lazy" decoding="async" />
                <span class="visually-hidden">${this.t('photos.open')}</span>
              </a>
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderTimeline(request: ServiceRequestPublic) {
    if (request.timeline.length === 0) return nothing;
    return html`<section class="section" aria-labelledby="history-heading">
      <h4 class="section-heading" id="history-heading">${this.t('history.heading')}</h4>
      <ol part="timeline" class="timeline">
        ${request.timeline.map(
          (entry) =>
            html`<li part="entry" class="entry entry--${entry.kind}">
              <p class="entry-head">
                <strong class="entry-title">${this.entryTitle(entry)}</strong>
                <span class="entry-meta">
                  <time datetime=${entry.at}>${this.dateTime(entry.at)}</time>
                  · ${this.actorText(entry)}
                </span>
              </p>
              ${entry.note ? html`<p class="entry-note">${entry.note}</p>` : nothing}
            </li>`,
        )}
      </ol>
    </section>`;
  }

  private renderRating(request: ServiceRequestPublic) {
    if (request.rating) {
      const { score, comment } = request.rating;
      return html`<section part="rating" class="section rating" aria-labelledby="rating-heading">
        <h4 class="section-heading" id="rating-heading">${this.t('rating.yours')}</h4>
        ${this.action === 'rating-submitted'
          ? html`<p part="confirmation" class="confirmation rating-confirmation" tabindex="-1">${this.t('rating.thanks')}</p>`
          : nothing}
        <p class="given">
          <span class="stars-shown" aria-hidden="true">${'★'.repeat(score)}${'☆'.repeat(5 - score)}</span>
          <span>${this.t(`rating.star.${score as 1 | 2 | 3 | 4 | 5}`)}</span>
        </p>
        ${comment ? html`<p class="given-comment">${comment}</p>` : nothing}
      </section>`;
    }
    if (!request.ratable) return nothing;
    const submitting = this.action === 'rating-submitting';
    const scoreError = this.fieldErrors.score;
    const commentError = this.fieldErrors.comment;
    return html`<section part="rating" class="section rating" aria-labelledby="rating-heading">
      <h4 class="section-heading" id="rating-heading">${this.t('rating.heading')}</h4>
      <form class="action-form" novalidate @submit=${this.handleRate}>
        <fieldset
          class="stars ${scoreError ? 'field--invalid' : ''}"
          aria-describedby=${scoreError ? 'rating-once score-error' : 'rating-once'}
        >
          <legend class="label">${this.t('rating.legend')}</legend>
          <p part="hint" class="hint" id="rating-once">${this.t('rating.once')}</p>
          ${scoreError ? this.renderFieldError('score', scoreError) : nothing}
          <div class="star-options">
            ${([1, 2, 3, 4, 5] as const).map(
              (score) =>
                html`<label part="star" class="star ${this.score >= score ? 'star--on' : ''}">
                  <input
                    type="radio"
                    name="score"
                    .value=${String(score)}
                    .checked=${this.score === score}
                    @change=${() => {
                      this.score = score;
                    }}
                  />
                  <span class="star-glyph" aria-hidden="true">${this.score >= score ? '★' : '☆'}</span>
                  <span class="star-text">${this.t(`rating.star.${score}`)}</span>
                </label>`,
            )}
          </div>
        </fieldset>
        <div class="field ${commentError ? 'field--invalid' : ''}">
          <label part="label" class="label" for="comment">${this.t('rating.comment')}</label>
          <p part="hint" class="hint" id="comment-hint">${this.t('rating.commentHint', { count: RATING_COMMENT_MAX_LENGTH })}</p>
          ${commentError ? this.renderFieldError('comment', commentError) : nothing}
          <textarea
            part="textarea"
            class="control textarea"
            id="comment"
            rows="3"
            aria-invalid=${commentError ? 'true' : 'false'}
            aria-describedby=${commentError ? 'comment-hint comment-error' : 'comment-hint'}
            .value=${this.comment}
            @input=${(event: Event) => {
              this.comment = (event.target as HTMLTextAreaElement).value;
            }}
          ></textarea>
        </div>
        ${this.action === 'rating-error' ? this.renderActionError() : nothing}
        <div class="actions">
          <button part="button" class="button button--primary" type="submit" aria-disabled=${submitting ? 'true' : 'false'}>
            ${submitting ? html`<span class="spinner spinner--on-primary" aria-hidden="true"></span>` : nothing}
            ${this.t(submitting ? 'rating.submitting' : 'rating.submit')}
          </button>
        </div>
      </form>
    </section>`;
  }

  private renderReopen(request: ServiceRequestPublic) {
    if (this.action === 'reopened') {
      return html`<section part="reopen" class="section reopen">
        <p part="confirmation" class="confirmation reopen-confirmation" tabindex="-1">${this.t('reopen.done')}</p>
      </section>`;
    }
    const inForm = this.action === 'reopen-form' || this.action === 'reopen-submitting' || this.action === 'reopen-error';
    if (!this.canReopen(request) && !inForm) return nothing;
    const until = request.reopenableUntil ? this.date(request.reopenableUntil) : '';
    if (!inForm) {
      return html`<section part="reopen" class="section reopen" aria-labelledby="reopen-heading">
        <h4 class="section-heading" id="reopen-heading">${this.t('reopen.heading')}</h4>
        <p>${this.t('reopen.body', { date: until })}</p>
        <button part="button" class="button button--secondary reopen-start" type="button" @click=${this.startReopen}>
          ${this.t('reopen.start')}
        </button>
      </section>`;
    }
    const submitting = this.action === 'reopen-submitting';
    const error = this.fieldErrors.reason;
    return html`<section part="reopen" class="section reopen" aria-labelledby="reopen-heading">
      <h4 class="section-heading" id="reopen-heading">${this.t('reopen.heading')}</h4>
      <p>${this.t('reopen.body', { date: until })}</p>
      <form class="action-form" novalidate @submit=${this.handleReopen}>
        <div class="field ${error ? 'field--invalid' : ''}">
          <label part="label" class="label" for="reason">${this.t('reopen.reason')}</label>
          <p part="hint" class="hint" id="reason-hint">
            ${this.t('reopen.reasonHint', { min: REOPEN_REASON_MIN_LENGTH, max: NOTE_MAX_LENGTH })}
          </p>
          ${error ? this.renderFieldError('reason', error) : nothing}
          <textarea
            part="textarea"
            class="control textarea"
            id="reason"
            rows="3"
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? 'reason-hint reason-error' : 'reason-hint'}
            .value=${this.reason}
            @input=${(event: Event) => {
              this.reason = (event.target as HTMLTextAreaElement).value;
            }}
          ></textarea>
        </div>
        ${this.action === 'reopen-error' ? this.renderActionError() : nothing}
        <div class="actions">
          <button part="button" class="button button--primary" type="submit" aria-disabled=${submitting ? 'true' : 'false'}>
            ${submitting ? html`<span class="spinner spinner--on-primary" aria-hidden="true"></span>` : nothing}
            ${this.t(submitting ? 'reopen.submitting' : 'reopen.submit')}
          </button>
          <button part="button" class="button button--secondary" type="button" @click=${this.cancelReopen}>
            ${this.t('reopen.cancel')}
          </button>
        </div>
      </form>
    </section>`;
  }

  private renderActionError() {
    return html`<div part="alert" class="alert action-alert" role="alert" tabindex="-1">
      <p>${this.actionError}</p>
    </div>`;
  }

  private renderFieldError(field: string, message: string) {
    return html`<p part="field-error" class="field-error" id="${field}-error">
      <span class="visually-hidden">${this.t('error.prefix')}</span>${message}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ds-request-status': DsRequestStatus;
  }
  interface GlobalEventHandlersEventMap {
    'ds-loaded': CustomEvent<ServiceRequestPublic>;
    'ds-rated': CustomEvent<ServiceRequestPublic>;
    'ds-reopened': CustomEvent<ServiceRequestPublic>;
  }
}
