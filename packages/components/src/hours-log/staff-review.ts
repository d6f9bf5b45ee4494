import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import {
  ApiError,
  HOURS_ENTRY_STATUSES,
  HOURS_REVIEW_REASON_MIN_LENGTH,
  HOURS_STEP,
  HOURS_MAX,
  localize,
  newIdempotencyKey,
  type HoursEntryChange,
  type HoursEntryStatus,
  type Locale,
  type StaffHoursEntry,
  type VolunteerTeam,
} from '@doorstep/sdk';
import type { volunteeringResource } from '@doorstep/sdk/resources/volunteering.js';
import type { MessageParams } from '../locales/index.js';
import { saveFile } from '../shared/save-file.js';
import type { hoursLogMessages } from './hours-log.messages.js';
import { renderLoading } from '../shared/card.js';

type Key = keyof (typeof hoursLogMessages)['zh-CN'];
type Volunteering = ReturnType<typeof volunteeringResource>;

/** The element the review lives in. */
export type ReviewHost = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/** What the review reads from that element, as functions (so they always see its current state). */
export interface ReviewIO {
  volunteering(): Volunteering | undefined;
  locale(): Locale;
  say(key: Key, params?: MessageParams): string;
  /** "错误：", read before an inline error. */
  errorPrefix(): string;
  hoursText(minutes: number): string;
  dateText(date: string): string;
  timeText(iso: string): string;
  failed(error: unknown): void;
}

export type ReviewPhase = 'loading' | 'load-error' | 'forbidden' | 'ready';

interface Editing {
  id: string;
  kind: 'reject' | 'edit';
  reason: string;
  hours: string;
  date: string;
  note: string;
  error?: string;
  /** The idempotency key of this action, reused if it is sent again. */
  key: string;
}

const byStatus = (status: string): status is HoursEntryStatus => (HOURS_ENTRY_STATUSES as readonly string[]).includes(status);

/**
 * The staff side of `<ds-hours-log mode="staff">`: the review queue with filters, approve / reject with a
 * reason / edit with a reason, each entry's history, and the CSV exports. Every action names the entry's
 * `version`, so two reviewers cannot overwrite each other: a 409 reloads the entry and says so.
 */
export class StaffReview implements ReactiveController {
  phase: ReviewPhase = 'loading';
  private entries: StaffHoursEntry[] = [];
  private total = 0;
  private teams: VolunteerTeam[] = [];
  private status: '' | HoursEntryStatus = 'pending';
  private team = '';
  private editing?: Editing;
  private busy?: string;
  private notices = new Map<string, string>();
  private announcement = '';
  private loadAbort?: AbortController;
  private loaded?: Volunteering;

  constructor(
    private readonly host: ReviewHost,
    private readonly io: ReviewIO,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.loadAbort?.abort();
    this.loaded = undefined;
  }

  /** Loads the queue when the client is new (first render, a new provider). */
  follow(): void {
    const volunteering = this.io.volunteering();
    if (volunteering && volunteering !== this.loaded) {
      this.loaded = volunteering;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    const volunteering = this.io.volunteering();
    if (!volunteering) return;
    this.loadAbort?.abort();
    const abort = (this.loadAbort = new AbortController());
    this.phase = 'loading';
    this.host.requestUpdate();
    try {
      const [teams, list] = await Promise.all([
        this.teams.length > 0 ? Promise.resolve(this.teams) : volunteering.teams({}, { signal: abort.signal }),
        volunteering.staff.entries({ ...(this.status ? { status: this.status } : {}), ...(this.team ? { team: this.team } : {}), limit: 200 }, { signal: abort.signal }),
      ]);
      if (abort.signal.aborted) return;
      this.teams = teams;
      this.entries = list.entries;
      this.total = list.total;
      this.phase = 'ready';
    } catch (error) {
      if (abort.signal.aborted) return;
      this.phase = error instanceof ApiError && (error.status === 401 || error.status === 403) ? 'forbidden' : 'load-error';
      this.io.failed(error);
    }
    this.host.requestUpdate();
  }

  private replace(entry: StaffHoursEntry): void {
    this.entries = this.entries.map((item) => (item.id === entry.id ? entry : item));
  }

  private async focusEntry(id: string, selector = `#entry-${id}-title`): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private async act(entry: StaffHoursEntry, run: (volunteering: Volunteering, key: string) => Promise<StaffHoursEntry>, key: string, done: Key): Promise<void> {
    const volunteering = this.io.volunteering();
    if (!volunteering || this.busy) return;
    this.busy = entry.id;
    this.notices.delete(entry.id);
    this.host.requestUpdate();
    try {
      const updated = await run(volunteering, key);
      this.replace(updated);
      this.editing = undefined;
      this.announcement = this.io.say(done, { name: updated.volunteer.name, hours: this.io.hoursText(updated.minutes) });
    } catch (error) {
      this.io.failed(error);
      if (error instanceof ApiError && error.status === 409) {
        // Someone else got there first: show what is there now and let the reviewer decide again.
        this.editing = undefined;
        this.notices.set(entry.id, this.io.say('staff.conflict'));
        try {
          this.replace(await volunteering.staff.entry(entry.id));
        } catch {
          // The notice stands; a refresh brings the rest.
        }
      } else if (error instanceof ApiError && error.status === 422 && this.editing) {
        this.editing = { ...this.editing, error: Object.values(error.fields)[0] ?? error.message };
      } else {
        this.notices.set(entry.id, this.io.say('staff.failed', { message: error instanceof Error ? error.message : String(error) }));
      }
    } finally {
      this.busy = undefined;
      this.host.requestUpdate();
    }
    await this.focusEntry(entry.id);
  }

  private approve(entry: StaffHoursEntry): void {
    void this.act(entry, (v, key) => v.staff.approve(entry.id, { version: entry.version }, { idempotencyKey: key }), newIdempotencyKey(), 'staff.done.approved');
  }

  private async open(entry: StaffHoursEntry, kind: Editing['kind']): Promise<void> {
    this.editing = {
      id: entry.id,
      kind,
      reason: '',
      hours: String(entry.minutes / 60),
      date: entry.date,
      note: entry.note ?? '',
      key: newIdempotencyKey(),
    };
    this.host.requestUpdate();
    await this.focusEntry(entry.id, kind === 'reject' ? `#reason-${entry.id}` : `#hours-${entry.id}`);
  }

  private submit(entry: StaffHoursEntry): void {
    const editing = this.editing;
    if (!editing || editing.id !== entry.id) return;
    const reason = editing.reason.trim();
    if (Array.from(reason).length < HOURS_REVIEW_REASON_MIN_LENGTH) {
      this.editing = { ...editing, error: this.io.say('staff.reasonRequired', { count: HOURS_REVIEW_REASON_MIN_LENGTH }) };
      this.host.requestUpdate();
      void this.focusEntry(entry.id, `#reason-${entry.id}`);
      return;
    }
    if (editing.kind === 'reject') {
      void this.act(entry, (v, key) => v.staff.reject(entry.id, { version: entry.version, reason }, { idempotencyKey: key }), editing.key, 'staff.done.rejected');
      return;
    }
    const hours = Number(editing.hours);
    const changes = {
      ...(hours * 60 !== entry.minutes ? { hours } : {}),
      ...(editing.date !== entry.date ? { date: editing.date } : {}),
      ...(editing.note.trim() !== (entry.note ?? '') ? { note: editing.note.trim() || null } : {}),
    };
    if (!Number.isFinite(hours) || hours < HOURS_STEP || hours > HOURS_MAX || !Number.isInteger(hours / HOURS_STEP)) {
      this.editing = { ...editing, error: this.io.say('error.hours.invalid') };
      this.host.requestUpdate();
      return;
    }
    void this.act(entry, (v, key) => v.staff.edit(entry.id, { version: entry.version, reason, ...changes }, { idempotencyKey: key }), editing.key, 'staff.done.edited');
  }

  private async export(kind: 'entries' | 'totals'): Promise<void> {
    const volunteering = this.io.volunteering();
    if (!volunteering) return;
    const filter = { ...(this.team ? { team: this.team } : {}) };
    try {
      const csv =
        kind === 'entries'
          ? await volunteering.staff.exportEntries({ ...filter, ...(this.status ? { status: this.status } : {}) })
          : await volunteering.staff.exportTotals(filter);
      const file = `volunteer-${kind}.csv`;
      // The SDK hands text without the byte-order mark; put it back so Excel and WPS read UTF-8.
      saveFile(this.host.renderRoot, `\uFEFF${csv}`, file, 'text/csv;charset=utf-8');
      this.announcement = this.io.say('staff.exported', { file });
    } catch (error) {
      this.io.failed(error);
      this.announcement = this.io.say('staff.exportFailed');
    }
    this.host.requestUpdate();
  }

  // ── render ──────────────────────────────────────────────────────────────────────────────────────

  render(): TemplateResult {
    return html`<div class="review">
      ${this.renderBody()}
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    </div>`;
  }

  private renderBody() {
    const say = this.io.say;
    switch (this.phase) {
      case 'forbidden':
        return html`<div part="alert" class="alert" role="alert"><p>${say('staff.forbidden')}</p></div>`;
      case 'load-error':
        return html`<div part="alert" class="alert" role="alert">
          <p>${say('log.loadFailed')}</p>
          <button part="button retry-button" type="button" class="button button--secondary" @click=${() => void this.load()}>${say('log.retry')}</button>
        </div>`;
      default:
        return html`${this.renderToolbar()}
          ${this.phase === 'loading'
            ? renderLoading(say('log.loading'))
            : this.renderList()}`;
    }
  }

  private renderToolbar() {
    const say = this.io.say;
    const onStatus = (event: Event) => {
      const value = (event.target as HTMLSelectElement).value;
      this.status = byStatus(value) ? value : '';
      void this.load();
    };
    const onTeam = (event: Event) => {
      this.team = (event.target as HTMLSelectElement).value;
      void this.load();
    };
    return html`<div part="toolbar" class="toolbar">
      <div class="field">
        <label class="label" for="review-status">${say('staff.status')}</label>
        <select part="select" class="control" id="review-status" @change=${onStatus}>
          ${HOURS_ENTRY_STATUSES.map((status) => html`<option value=${status} ?selected=${this.status === status}>${say(`status.${status}`)}</option>`)}
          <option value="" ?selected=${this.status === ''}>${say('staff.status.all')}</option>
        </select>
      </div>
      <div class="field">
        <label class="label" for="review-team">${say('staff.team')}</label>
        <select part="select" class="control" id="review-team" @change=${onTeam}>
          <option value="" ?selected=${this.team === ''}>${say('staff.team.all')}</option>
          ${this.teams.map((team) => html`<option value=${team.id} ?selected=${this.team === team.id}>${localize(team.name, this.io.locale())}</option>`)}
        </select>
      </div>
      <div class="toolbar-actions">
        <button part="button" type="button" class="button button--secondary" @click=${() => void this.load()}>${say('staff.refresh')}</button>
        <button part="button" type="button" class="button button--secondary" @click=${() => void this.export('entries')}>${say('staff.exportEntries')}</button>
        <button part="button" type="button" class="button button--secondary" @click=${() => void this.export('totals')}>${say('staff.exportTotals')}</button>
      </div>
    </div>`;
  }

  private renderList() {
    const say = this.io.say;
    if (this.entries.length === 0) return html`<p part="notice" class="notice" role="status">${say('staff.empty')}</p>`;
    return html`<p class="count" role="status">${say('staff.count', { count: this.total })}</p>
      <ul class="review-list">
        ${this.entries.map((entry) => html`<li>${this.renderEntry(entry)}</li>`)}
      </ul>`;
  }

  private renderEntry(entry: StaffHoursEntry) {
    const say = this.io.say;
    const locale = this.io.locale();
    const busy = this.busy === entry.id;
    const editing = this.editing?.id === entry.id ? this.editing : undefined;
    const notice = this.notices.get(entry.id);
    return html`<article part="review-entry" class="review-entry" aria-labelledby="entry-${entry.id}-title">
      <h3 class="review-title" id="entry-${entry.id}-title" tabindex="-1">
        ${entry.volunteer.name}（${entry.volunteer.code}）· ${this.io.hoursText(entry.minutes)}
      </h3>
      <p class="badge badge--${entry.status}">${say(`status.${entry.status}`)}</p>
      <dl class="details">
        <dt>${say('field.date')}</dt>
        <dd>${this.io.dateText(entry.date)}${entry.startedAt && entry.endedAt ? ` ${this.io.timeText(entry.startedAt)}–${this.io.timeText(entry.endedAt)}` : ''}</dd>
        <dt>${say('field.activity')}</dt>
        <dd>${localize(entry.team.name, locale)} · ${localize(entry.activityType.name, locale)}</dd>
        ${entry.areaPath.length > 0 ? html`<dt>${say('field.area')}</dt><dd>${entry.areaPath.slice(2).join(' › ')}</dd>` : nothing}
        ${entry.servedGroup
          ? html`<dt>${say('field.servedGroup')}</dt>
              <dd>${say(`served.${entry.servedGroup}`)}${entry.servedCount ? ` × ${entry.servedCount}` : ''}</dd>`
          : nothing}
        ${entry.note ? html`<dt>${say('field.note')}</dt><dd>${entry.note}</dd>` : nothing}
        <dt>${say('staff.phone')}</dt>
        <dd>${entry.volunteer.phone}</dd>
      </dl>
      <p class="review-meta">
        ${say('staff.loggedAt', { time: this.io.timeText(entry.createdAt) })}${entry.reviewedBy && entry.reviewedAt
          ? html`<span aria-hidden="true"> · </span><span class="visually-hidden">；</span>${say('staff.reviewedBy', {
                name: entry.reviewedBy,
                time: this.io.timeText(entry.reviewedAt),
              })}`
          : nothing}
      </p>
      ${entry.rejectReason ? html`<p class="reason">${say('status.reason', { reason: entry.rejectReason })}</p>` : nothing}
      ${notice ? html`<p part="alert" class="alert" role="alert">${notice}</p>` : nothing}
      ${editing ? this.renderEditor(entry, editing) : this.renderActions(entry, busy)}
      ${this.renderHistory(entry)}
    </article>`;
  }

  private renderActions(entry: StaffHoursEntry, busy: boolean) {
    const say = this.io.say;
    const label = (action: string) => `${action}：${entry.volunteer.name} ${this.io.dateText(entry.date)}`;
    return html`<div class="review-actions">
      ${entry.status !== 'approved'
        ? html`<button
            part="button approve-button"
            type="button"
            class="button button--primary"
            aria-disabled=${busy ? 'true' : 'false'}
            aria-label=${label(say('staff.approve'))}
            @click=${() => this.approve(entry)}
          >
            ${say('staff.approve')}
          </button>`
        : nothing}
      ${entry.status !== 'rejected'
        ? html`<button part="button reject-button" type="button" class="button button--secondary" aria-label=${label(say('staff.reject'))} @click=${() => void this.open(entry, 'reject')}>
            ${say('staff.reject')}
          </button>`
        : nothing}
      <button part="button edit-button" type="button" class="button button--secondary" aria-label=${label(say('staff.edit'))} @click=${() => void this.open(entry, 'edit')}>
        ${say('staff.edit')}
      </button>
    </div>`;
  }

  private renderEditor(entry: StaffHoursEntry, editing: Editing) {
    const say = this.io.say;
    const set = (patch: Partial<Editing>) => {
      this.editing = { ...editing, ...patch };
      this.host.requestUpdate();
    };
    const value = (event: Event) => (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    const busy = this.busy === entry.id;
    const errorId = `reason-${entry.id}-error`;
    return html`<form
      class="review-editor"
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        this.submit(entry);
      }}
    >
      ${editing.kind === 'edit'
        ? html`<div class="grid grid--two">
              <div class="field">
                <label class="label" for="hours-${entry.id}">${say('field.hours')}</label>
                <input class="control" id="hours-${entry.id}" type="number" inputmode="decimal" step="0.25" min="0.25" max="24" .value=${editing.hours} @input=${(event: Event) => set({ hours: value(event) })} />
              </div>
              <div class="field">
                <label class="label" for="date-${entry.id}">${say('field.date')}</label>
                <input class="control" id="date-${entry.id}" type="date" .value=${editing.date} @input=${(event: Event) => set({ date: value(event) })} />
              </div>
            </div>
            <div class="field">
              <label class="label" for="note-${entry.id}">${say('field.note')}</label>
              <textarea class="control textarea" id="note-${entry.id}" rows="2" .value=${editing.note} @input=${(event: Event) => set({ note: value(event) })}></textarea>
            </div>`
        : nothing}
      <div class="field ${editing.error ? 'field--invalid' : ''}">
        <label class="label" for="reason-${entry.id}">${say(editing.kind === 'reject' ? 'staff.rejectReason' : 'staff.editReason')}</label>
        ${editing.error ? html`<p class="field-error" id=${errorId}><span class="visually-hidden">${this.io.errorPrefix()}</span>${editing.error}</p>` : nothing}
        <textarea
          class="control textarea"
          id="reason-${entry.id}"
          rows="2"
          aria-invalid=${editing.error ? 'true' : 'false'}
          aria-describedby=${editing.error ? errorId : nothing}
          .value=${editing.reason}
          @input=${(event: Event) => set({ reason: value(event), error: undefined })}
        ></textarea>
      </div>
      <div class="review-actions">
        <button part="button" type="submit" class="button ${editing.kind === 'reject' ? 'button--danger' : 'button--primary'}" aria-disabled=${busy ? 'true' : 'false'}>
          ${say(editing.kind === 'reject' ? 'staff.confirmReject' : 'staff.save')}
        </button>
        <button
          part="button"
          type="button"
          class="button button--secondary"
          @click=${() => {
            this.editing = undefined;
            this.host.requestUpdate();
            void this.focusEntry(entry.id);
          }}
        >
          ${say('staff.cancel')}
        </button>
      </div>
    </form>`;
  }

  private changeText(change: HoursEntryChange): string {
    const say = this.io.say;
    const shown = (value: unknown) => (value === null || value === undefined || value === '' ? say('staff.none') : String(value));
    const parts = Object.entries(change.changes).map(([field, { from, to }]) => {
      const key = `staff.field.${field}` as Key;
      const label = key in HISTORY_FIELDS ? say(key) : field;
      return say('staff.change', { field: label, from: shown(from), to: shown(to) });
    });
    return parts.join('；');
  }

  private renderHistory(entry: StaffHoursEntry) {
    const say = this.io.say;
    if (entry.history.length === 0) return nothing;
    return html`<details class="history">
      <summary>${say('staff.history', { count: entry.history.length })}</summary>
      <ol class="history-list">
        ${entry.history.map(
          (change) => html`<li>
            <span class="history-when">${this.io.timeText(change.at)}</span>
            <strong>${say(`staff.action.${change.action}`)}</strong> · ${change.actor}
            ${Object.keys(change.changes).length > 0 ? html`<br /><span>${this.changeText(change)}</span>` : nothing}
            ${change.reason ? html`<br /><span>${say('status.reason', { reason: change.reason })}</span>` : nothing}
          </li>`,
        )}
      </ol>
    </details>`;
  }
}

/** The fields a history entry may name (the rest are shown by their key). */
const HISTORY_FIELDS: Partial<Record<Key, true>> = {
  'staff.field.minutes': true,
  'staff.field.date': true,
  'staff.field.note': true,
  'staff.field.teamId': true,
  'staff.field.activityType': true,
  'staff.field.startedAt': true,
  'staff.field.endedAt': true,
  'staff.field.areaId': true,
  'staff.field.servedGroup': true,
  'staff.field.servedCount': true,
  'staff.field.status': true,
  'staff.field.rejectReason': true,
};
