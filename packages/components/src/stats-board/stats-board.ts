import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localize, type CommunityStats } from '@doorstep/sdk';
import { statsResource } from '@doorstep/sdk/resources/stats.js';
import type { ClientOf } from '../base/api-client.js';
import { DoorstepElement } from '../base/doorstep-element.js';
import { PollController } from '../base/poll-controller.js';
import type { KeyOf } from '../locales/index.js';
import { periodLabel, periodRange, type PeriodRange, type StatsPeriod } from './period.js';
import { statsBoardMessages } from './stats-board.messages.js';
import { statsBoardStyles } from './stats-board.styles.js';

const statsBoardResources = { stats: statsResource };

/** What the board shows. */
export type StatsBoardState = 'unconfigured' | 'loading' | 'load-error' | 'ready';

/**
 * @summary The figures a community publishes — requests collected and resolved, the resolution rate and
 * time to resolve, the most reported problems, volunteer hours, elders served, events and participants —
 * for an area and a period, computed by the server from the stored records and kept current while open.
 *
 * @slot heading - Replaces the heading text ("社区服务数据").
 *
 * @event ds-stats-loaded - The figures arrived or changed; `detail` is the `CommunityStats`.
 * @event ds-error - Loading failed; `detail` is `{ phase: 'load', error }` (an SDK error).
 *
 * @csspart board - The card around everything.
 * @csspart title - The heading.
 * @csspart figures - The list of figures.
 * @csspart figure - One figure (label and value).
 * @csspart value - A figure's number.
 * @csspart chart - The chart of the most reported problems.
 * @csspart bar - One bar of a chart.
 *
 * @cssprop --ds-color-primary - The bars and the resolution-rate fill.
 * @cssprop --ds-color-surface - Chart tracks and figure tiles.
 */
export class DsStatsBoard extends DoorstepElement<KeyOf<typeof statsBoardMessages>, typeof statsBoardResources> {
  static override styles = statsBoardStyles;
  protected readonly tagLabel = 'ds-stats-board';
  protected override readonly messages = statsBoardMessages;
  protected override readonly resources = statsBoardResources;

  /** An area id (a community, a compound…); its figures include everything inside it. All areas when empty. */
  @property({ reflect: true }) area = '';

  /** `month` (default), `last-month`, `year` or `all`, in the community's time zone. `from`/`to` override it. */
  @property({ reflect: true }) period: StatsPeriod = 'month';

  /** First day of a custom period (`YYYY-MM-DD`); use with `to`. */
  @property({ reflect: true }) from = '';

  /** Last day of a custom period (`YYYY-MM-DD`, inclusive). */
  @property({ reflect: true }) to = '';

  /** `full` (default): every figure with charts. `compact`: one strip of the headline figures for a page header. */
  @property({ reflect: true }) variant: 'full' | 'compact' = 'full';

  /** Milliseconds between checks for new figures while the board is on screen (default 60 000). */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 60_000;

  @state() private stats?: CommunityStats;
  @state() private failed = false;
  @state() private announcement = '';

  private loadedKey?: string;
  private loadAbort?: AbortController;
  private poller?: PollController;

  /** What the board shows now. */
  get state(): StatsBoardState {
    if (!this.client) return 'unconfigured';
    if (this.failed && !this.stats) return 'load-error';
    return this.stats ? 'ready' : 'loading';
  }

  /** The figures shown, as the API last sent them. */
  get figures(): CommunityStats | undefined {
    return this.stats;
  }

  /** The days shown, as sent to the server. */
  get range(): PeriodRange {
    return this.from || this.to ? { ...(this.from ? { from: this.from } : {}), ...(this.to ? { to: this.to } : {}) } : periodRange(this.period);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadAbort?.abort();
    this.loadedKey = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.client;
    const key = JSON.stringify([this.area, this.range]);
    if (client && key !== this.loadedKey) {
      this.loadedKey = key;
      this.stats = undefined;
      void this.load(client);
    }
    if (changed.has('pollInterval') && this.poller) {
      this.poller.stop();
      this.removeController(this.poller);
      this.poller = undefined;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.setAttribute('state', this.state);
  }

  private query() {
    return { ...(this.area ? { area: this.area } : {}), ...this.range };
  }

  private async load(client: ClientOf<typeof statsBoardResources>): Promise<void> {
    this.loadAbort?.abort();
    const abort = (this.loadAbort = new AbortController());
    this.failed = false;
    try {
      const stats = await client.stats.summary(this.query(), { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.stats = stats;
      this.emitLoaded(stats);
      this.follow();
    } catch (error) {
      if (abort.signal.aborted) return;
      this.failed = true;
      this.emit('ds-error', { phase: 'load', error });
    }
  }

  private follow(): void {
    this.poller ??= new PollController(this, { intervalMs: this.pollInterval, poll: (signal) => this.poll(signal) });
    if (!this.poller.active) this.poller.start();
  }

  private async poll(signal: AbortSignal): Promise<void> {
    const client = this.client;
    const previous = this.stats;
    if (!client || !previous) return;
    const next = await client.stats.summary(this.query(), { signal });
    // The SDK answers 304 Not Modified with the very same object: nothing changed, nothing to say.
    if (next === previous || this.stats !== previous || signal.aborted) return;
    this.stats = next;
    this.announcement = this.t('board.updated');
    this.emitLoaded(next);
  }

  private emitLoaded(stats: CommunityStats): void {
    this.emit('ds-stats-loaded', stats);
  }

  private readonly retry = () => {
    const client = this.client;
    if (client) void this.load(client);
  };

  // ── formatting ──────────────────────────────────────────────────────────────────────────────────

  private number(value: number, fractionDigits = 0): string {
    return new Intl.NumberFormat(this.locale, { maximumFractionDigits: fractionDigits }).format(value);
  }

  private rate(value: number | null): string {
    if (value === null) return this.t('none');
    return new Intl.NumberFormat(this.locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  }

  /** A median time to resolve in the unit that reads best: hours under two days, days beyond. */
  private duration(seconds: number | null): string {
    if (seconds === null) return this.t('none');
    const hours = seconds / 3600;
    const [value, unit] = hours < 48 ? [hours, 'hour'] : [hours / 24, 'day'];
    return new Intl.NumberFormat(this.locale, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 }).format(value);
  }

  // ── rendering ───────────────────────────────────────────────────────────────────────────────────

  protected override render() {
    const state = this.state;
    const label = periodLabel(this.locale, this.range) ?? this.t('period.all');
    return html`<section part="board" class="card ${this.variant}" aria-labelledby="title" aria-busy=${state === 'loading' ? 'true' : 'false'}>
      <header class="header">
        <h2 id="title" part="title" class="title"><slot name="heading">${this.t('board.heading')}</slot></h2>
        <p class="period">${label}</p>
      </header>
      ${state === 'unconfigured'
        ? this.renderNotConfigured()
        : state === 'loading'
          ? html`<p class="status" role="status">${this.t('board.loading')}</p>`
          : state === 'load-error'
            ? html`<div class="alert" role="alert">
                <p>${this.t('board.failed')}</p>
                <button type="button" class="button button--secondary" @click=${this.retry}>${this.t('board.retry')}</button>
              </div>`
            : this.variant === 'compact'
              ? this.renderStrip(this.stats!)
              : this.renderBoard(this.stats!)}
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    </section>`;
  }

  private figure(label: string, value: string, extra: TemplateResult | typeof nothing = nothing) {
    return html`<div part="figure" class="figure">
      <dt>${label}</dt>
      <dd><span part="value" class="value">${value}</span>${extra}</dd>
    </div>`;
  }

  private renderStrip({ requests, volunteering }: CommunityStats) {
    return html`<dl part="figures" class="figures">
      ${this.figure(this.t('figure.collected'), this.number(requests.collected))}
      ${this.figure(this.t('figure.resolved'), this.number(requests.resolved))}
      ${this.figure(this.t('figure.rate'), this.rate(requests.resolutionRate))}
      ${this.figure(this.t('figure.hours'), this.t('unit.hours', { count: this.number(volunteering.hours, 1) }))}
    </dl>`;
  }

  private renderBoard(stats: CommunityStats) {
    const { requests, volunteering, eldercare, events } = stats;
    return html`<dl part="figures" class="figures">
        ${this.figure(this.t('figure.collected'), this.number(requests.collected))}
        ${this.figure(this.t('figure.resolved'), this.number(requests.resolved))}
        ${this.figure(this.t('figure.rate'), this.rate(requests.resolutionRate), this.renderRateBar(stats))}
        ${this.figure(this.t('figure.median'), this.duration(requests.medianResolutionSeconds))}
        ${this.figure(this.t('figure.hours'), this.t('unit.hours', { count: this.number(volunteering.hours, 1) }))}
        ${this.figure(this.t('figure.volunteers'), this.t('unit.people', { count: this.number(volunteering.volunteers) }))}
        ${this.figure(this.t('figure.recipients'), this.t('unit.people', { count: this.number(eldercare.recipients) }))}
        ${this.figure(this.t('figure.events'), this.t('unit.events', { count: this.number(events.held) }))}
        ${this.figure(this.t('figure.participants'), this.t('unit.times', { count: this.number(events.participants) }))}
      </dl>
      ${this.renderCategories(stats)}
      <p class="source">${this.t('board.source')}</p>`;
  }

  /** The resolution rate as a filled bar; its text alternative says what the fill means. */
  private renderRateBar({ requests }: CommunityStats) {
    if (requests.resolutionRate === null) return nothing;
    const label = this.t('chart.rate', { resolved: this.number(requests.resolved), collected: this.number(requests.collected) });
    return html`<span class="rate-track" role="img" aria-label=${label}>
      <span part="bar" class="rate-fill" style="inline-size: ${Math.min(100, requests.resolutionRate * 100)}%"></span>
    </span>`;
  }

  /**
   * The most reported problems as horizontal bars (collected, with the resolved share darker). The bars
   * are hidden from assistive technology; the table beside them holds the same numbers for it.
   */
  private renderCategories({ requests }: CommunityStats) {
    const caption = this.t('chart.categories');
    if (requests.topCategories.length === 0) {
      return html`<figure part="chart" class="chart"><figcaption>${caption}</figcaption><p class="empty">${this.t('chart.empty')}</p></figure>`;
    }
    const max = Math.max(...requests.topCategories.map((category) => category.collected));
    const rows = requests.topCategories.map((category) => ({ ...category, label: localize(category.name, this.locale) }));
    return html`<figure part="chart" class="chart">
      <figcaption>${caption}</figcaption>
      <div class="bars" aria-hidden="true">
        ${rows.map(
          (row) => html`<div class="bar-row">
            <span class="bar-label">${row.label}</span>
            <span class="bar-track">
              <span part="bar" class="bar" style="inline-size: ${(row.collected / max) * 100}%">
                <span class="bar-resolved" style="inline-size: ${row.collected ? (row.resolved / row.collected) * 100 : 0}%"></span>
              </span>
            </span>
            <span class="bar-value">${this.number(row.collected)}</span>
          </div>`,
        )}
      </div>
      <table class="visually-hidden">
        <caption>${caption}</caption>
        <thead>
          <tr><th scope="col">${this.t('chart.category')}</th><th scope="col">${this.t('chart.collected')}</th><th scope="col">${this.t('chart.resolved')}</th></tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) => html`<tr><th scope="row">${row.label}</th><td>${this.number(row.collected)}</td><td>${this.number(row.resolved)}</td></tr>`,
          )}
        </tbody>
      </table>
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ds-stats-board': DsStatsBoard;
  }
  interface GlobalEventHandlersEventMap {
    'ds-stats-loaded': CustomEvent<CommunityStats>;
  }
}
