import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localize, type HoursQuery, type HoursSummary } from '@doorstep/sdk';
import { volunteeringResource } from '@doorstep/sdk/resources/volunteering.js';
import type { ClientOf } from '../base/api-client.js';
import { DoorstepElement } from '../base/doorstep-element.js';
import { DEV, warnOnce } from '../base/dev.js';
import { PollController } from '../base/poll-controller.js';
import type { KeyOf } from '../locales/index.js';
import { communityToday } from '../shared/format.js';
import { teamBars, trendLine, type ChartRow } from './charts.js';
import { CountUpController } from './count-up.js';
import { serviceHoursMessages } from './service-hours.messages.js';
import { serviceHoursStyles } from './service-hours.styles.js';
import { renderAlert } from '../shared/card.js';

const serviceHoursResources = { volunteering: volunteeringResource };

/** What the counter shows. `empty`: loaded, and no approved hours in the period. */
export type ServiceHoursState = 'unconfigured' | 'loading' | 'load-error' | 'ready' | 'empty';

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

/** Noon UTC of a `YYYY-MM-DD` (or the 1st of a `YYYY-MM`): formatting in UTC never slips a day. */
const anchor = (date: string) => new Date(`${date.length === 7 ? `${date}-01` : date}T12:00:00Z`);

/**
 * @summary The volunteer hours a community, team or volunteer served — "本月 412 / 550 小时" — counted
 * from the hours staff approved, counting up when it appears, with progress toward a goal, the split by
 * team and a 12-month trend. Stays current while it is on screen.
 *
 * @slot heading - Replaces the heading text ("志愿服务时长"; "志愿服务" in the compact variant).
 *
 * @event ds-hours-updated - The figures arrived or changed; `detail` is the `HoursSummary`.
 * @event ds-error - Loading failed; `detail` is `{ phase: 'load', error }` (an SDK error).
 *
 * @csspart base - The card (or, compact, the strip) around everything.
 * @csspart title - The heading.
 * @csspart period - The period under the heading ("2026年11月").
 * @csspart total - The total: number and unit.
 * @csspart number - The number that counts up.
 * @csspart meta - Volunteers and activities counted.
 * @csspart goal - The goal progress: bar and text.
 * @csspart goal-bar - The progress bar's track.
 * @csspart goal-fill - The progress bar's fill.
 * @csspart chart - Each chart's figure.
 * @csspart bar - A team's bar.
 * @csspart line - The trend line.
 * @csspart table - A chart's table.
 * @csspart button - Every button.
 * @csspart toggle-button - "Show as a table" / "Show as a chart".
 * @csspart retry-button - Try again after a failed load.
 * @csspart alert - The failed-load message, with its retry button.
 * @csspart notice - "No volunteer, team or community given", "not configured".
 *
 * @cssprop --ds-color-primary - The number, bars, trend line and goal fill.
 * @cssprop --ds-color-surface - Bar tracks and the goal track.
 * @cssprop --ds-color-success - The goal fill once the goal is reached.
 * @cssprop --ds-font-size-title - The size the number is drawn from (×2; ×1.2 compact).
 * @cssprop --ds-target-size - Height of the buttons (44px; 60px elder).
 *
 * @example
 * <ds-service-hours community="c-1" period="month"></ds-service-hours>
 * <ds-service-hours community="c-1" variant="compact" goal="550"></ds-service-hours>
 */
export class DsServiceHours extends DoorstepElement<KeyOf<typeof serviceHoursMessages>, typeof serviceHoursResources> {
  static override styles = serviceHoursStyles;
  protected readonly tagLabel = 'ds-service-hours';
  protected override readonly messages = serviceHoursMessages;
  protected override readonly resources = serviceHoursResources;

  /** Count a community (its id, e.g. `c-1`). One of `community`, `team`, `volunteer`. */
  @property({ reflect: true }) community = '';

  /** Count one team (its id, e.g. `elder-visits`). */
  @property({ reflect: true }) team = '';

  /** Count one volunteer (their number, e.g. `V-ZHXY-8K6M`). */
  @property({ reflect: true }) volunteer = '';

  /** `month` (default) or `year` — the current one, in the community's time zone — or `all`. `from`/`to` override it. */
  @property({ reflect: true }) period: 'month' | 'year' | 'all' = 'month';

  /** First day counted (`YYYY-MM-DD`), for a range of your own. */
  @property({ reflect: true }) from = '';

  /** Last day counted (`YYYY-MM-DD`, inclusive). */
  @property({ reflect: true }) to = '';

  /** A goal in hours for the period, e.g. `550`. Without it, the goal staff set for the month (if any) is shown. */
  @property({ type: Number, reflect: true }) goal?: number;

  /** `full` (default): the total, goal, split by team and trend. `compact`: one line for a page header. */
  @property({ reflect: true }) variant: 'full' | 'compact' = 'full';

  /** Milliseconds between checks for new hours while the counter is on screen (default 30 000; 0 = never). */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 30_000;

  @state() private summary?: HoursSummary;
  @state() private failed = false;
  @state() private announcement = '';
  @state() private tables = { teams: false, trend: false };

  private readonly counter = new CountUpController(this);
  private loadedKey?: string;
  private loadAbort?: AbortController;
  private poller?: PollController;

  /** What the counter shows now; also the `state` attribute. */
  get state(): ServiceHoursState {
    if (!this.client || !this.query()) return 'unconfigured';
    if (this.failed && !this.summary) return 'load-error';
    if (!this.summary) return 'loading';
    return this.summary.minutes === 0 ? 'empty' : 'ready';
  }

  /** The figures shown, as the API last sent them. */
  get figures(): HoursSummary | undefined {
    return this.summary;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadAbort?.abort();
    this.loadedKey = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.client;
    const query = this.query();
    const key = JSON.stringify(query ?? null);
    if (client && query && key !== this.loadedKey) {
      this.loadedKey = key;
      this.summary = undefined;
      void this.load(client, query);
    }
    if (changed.has('pollInterval') && this.poller) {
      this.poller.stop();
      this.removeController(this.poller);
      this.poller = undefined;
      if (this.summary) this.follow();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.setAttribute('state', this.state);
    if (DEV && this.client && !this.query()) {
      warnOnce(`<ds-service-hours> needs exactly one of community="…", team="…" or volunteer="…" to know what to count.`);
    }
  }

  /** The question for the API, or `undefined` without exactly one scope. */
  private query(): HoursQuery | undefined {
    const scopes = (['community', 'team', 'volunteer'] as const).filter((name) => this[name].trim());
    if (scopes.length !== 1) return undefined;
    const scope = scopes[0]!;
    const range = this.from || this.to;
    // A team's split by team is that team alone; the compact strip shows no charts at all.
    const include = this.variant === 'compact' ? undefined : scope === 'team' ? 'trend' : 'teams,trend';
    return {
      [scope]: this[scope].trim(),
      ...(range ? { ...(this.from ? { from: this.from } : {}), ...(this.to ? { to: this.to } : {}) } : { period: this.period }),
      ...(include ? { include } : {}),
    };
  }

  private async load(client: ClientOf<typeof serviceHoursResources>, query: HoursQuery): Promise<void> {
    this.loadAbort?.abort();
    const abort = (this.loadAbort = new AbortController());
    this.failed = false;
    try {
      const summary = await client.volunteering.hours(query, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.show(summary);
      this.follow();
    } catch (error) {
      if (abort.signal.aborted) return;
      this.failed = true;
      this.emit('ds-error', { phase: 'load', error });
    }
  }

  private show(summary: HoursSummary): void {
    this.summary = summary;
    this.counter.to(summary.minutes / 60);
    this.emit('ds-hours-updated', summary);
  }

  private follow(): void {
    if (this.pollInterval <= 0) return;
    this.poller ??= new PollController(this, { intervalMs: this.pollInterval, poll: (signal) => this.poll(signal) });
    if (!this.poller.active) this.poller.start();
  }

  private async poll(signal: AbortSignal): Promise<void> {
    const client = this.client;
    const query = this.query();
    const previous = this.summary;
    if (!client || !query || !previous) return;
    const next = await client.volunteering.hours(query, { signal });
    // A 304 resolves to the very same object: nothing changed, nothing to draw or say.
    if (next === previous || this.summary !== previous || signal.aborted) return;
    this.show(next);
    // Said once, politely, and only when the total itself moved — never frame by frame.
    if (next.minutes !== previous.minutes) {
      this.announcement = this.t('hours.updated', { period: this.periodLabel(next), hours: this.hoursText(next.minutes) });
    }
  }

  private readonly retry = () => {
    const client = this.client;
    const query = this.query();
    if (client && query) void this.load(client, query);
  };

  // ── formatting ──────────────────────────────────────────────────────────────────────────────────

  /** Hours as the locale writes them, at most one decimal: 1,234.5. */
  private number(hours: number): string {
    return numberFormat(this.locale, { maximumFractionDigits: 1 }).format(Math.round(hours * 10) / 10);
  }

  private hoursText(minutes: number): string {
    const hours = Math.round((minutes / 60) * 10) / 10;
    return this.t('hours.unit', { count: this.number(hours) });
  }

  private percent(fraction: number): string {
    return numberFormat(this.locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
  }

  private date(date: string, options: Intl.DateTimeFormatOptions): string {
    return new Intl.DateTimeFormat(this.locale, { timeZone: 'UTC', ...options }).format(anchor(date));
  }

  /** "2026年11月" / "November 2026", "2026年", "累计", or the range's days. */
  private periodLabel({ period }: HoursSummary): string {
    const day = (date: string) => this.date(date, { dateStyle: 'medium' });
    switch (period.kind) {
      case 'month':
        return this.variant === 'compact' ? this.t('period.thisMonth') : this.t('period.month', { month: this.date(period.from!, { year: 'numeric', month: 'long' }) });
      case 'year':
        return this.variant === 'compact' ? this.t('period.thisYear') : this.t('period.year', { year: this.date(period.from!, { year: 'numeric' }) });
      case 'all':
        return this.t('period.all');
      case 'range':
        if (period.from && period.to) return this.t('period.range', { from: day(period.from), to: day(period.to) });
        return period.from ? this.t('period.since', { from: day(period.from) }) : this.t('period.until', { to: day(period.to!) });
    }
  }

  /** The goal in minutes: the page's `goal` attribute, else the one staff set for this month. */
  private goalMinutes(summary: HoursSummary): number | undefined {
    if (this.goal !== undefined && Number.isFinite(this.goal) && this.goal > 0) return Math.round(this.goal * 60);
    return summary.goal?.minutes;
  }

  // ── rendering ───────────────────────────────────────────────────────────────────────────────────

  protected override render() {
    const state = this.state;
    const compact = this.variant === 'compact';
    const busy = state === 'loading' ? 'true' : 'false';
    const live = html`<div class="visually-hidden" aria-live="polite" aria-atomic="true">${this.announcement}</div>`;
    if (compact) {
      return html`<div part="base" class="strip" role="group" aria-labelledby="title" aria-busy=${busy}>
        <span id="title" part="title" class="strip-title"><slot name="heading">${this.t('hours.headingCompact')}</slot></span>
        ${this.renderCompactBody(state)} ${live}
      </div>`;
    }
    return html`<section part="base" class="card" aria-labelledby="title" aria-busy=${busy}>
      <header class="header">
        <h2 id="title" part="title" class="title"><slot name="heading">${this.t('hours.heading')}</slot></h2>
        ${this.summary ? html`<p part="period" class="period">${this.periodLabel(this.summary)}</p>` : nothing}
      </header>
      ${this.renderBody(state)} ${live}
    </section>`;
  }

  private renderStatus(state: ServiceHoursState) {
    switch (state) {
      case 'unconfigured':
        return this.client ? html`<p part="notice" class="notice" role="status">${this.t('hours.noScope')}</p>` : this.renderNotConfigured();
      case 'loading':
        return html`<p class="status" role="status"><span class="spinner" aria-hidden="true"></span>${this.t('hours.loading')}</p>`;
      case 'load-error':
        return renderAlert(this.t('hours.failed'), { label: this.t('hours.retry'), run: this.retry });
      default:
        return undefined;
    }
  }

  /** The number as it counts, bigger than its unit; the final figure for screen readers beside it. */
  private renderTotal(summary: HoursSummary) {
    const shown = this.number(this.counter.value);
    const text = this.t('hours.unit', { count: shown });
    const at = text.indexOf(shown);
    return html`<p part="total" class="total">
      <span aria-hidden="true"
        >${text.slice(0, at)}<span part="number" class="number">${shown}</span><span class="unit">${text.slice(at + shown.length)}</span></span
      ><span class="visually-hidden">${this.t('hours.total', { period: this.periodLabel(summary), hours: this.hoursText(summary.minutes) })}</span>
    </p>`;
  }

  private renderGoal(summary: HoursSummary) {
    const goal = this.goalMinutes(summary);
    if (goal === undefined) return nothing;
    const fraction = summary.minutes / goal;
    const reached = summary.minutes >= goal;
    const label = reached
      ? this.t('goal.reached', { goal: this.hoursText(goal), over: this.hoursText(summary.minutes - goal) })
      : this.t('goal.text', { goal: this.hoursText(goal), percent: this.percent(fraction) });
    return html`<div part="goal" class="goal ${reached ? 'goal--reached' : ''}">
      <div
        part="goal-bar"
        class="goal-track"
        role="progressbar"
        aria-label=${this.t('goal.label')}
        aria-valuemin="0"
        aria-valuemax=${Math.round(goal / 6) / 10}
        aria-valuenow=${Math.min(Math.round(summary.minutes / 6) / 10, Math.round(goal / 6) / 10)}
        aria-valuetext=${this.t('goal.value', { hours: this.hoursText(summary.minutes), goal: this.hoursText(goal), percent: this.percent(fraction) })}
      >
        <span part="goal-fill" class="goal-fill" style="inline-size: ${Math.min(100, fraction * 100)}%"></span>
      </div>
      <p class="goal-text">${label}</p>
    </div>`;
  }

  private renderBody(state: ServiceHoursState) {
    const status = this.renderStatus(state);
    if (status) return status;
    const summary = this.summary!;
    const goal = this.goalMinutes(summary);
    return html`${this.renderTotal(summary)}
      <p part="meta" class="meta">
        ${this.t('hours.people', { count: summary.volunteers })}<span aria-hidden="true"> · </span
        ><span class="visually-hidden">，</span>${this.t('hours.entries', { count: summary.entries })}
      </p>
      ${this.renderGoal(summary)} ${state === 'empty' ? html`<p class="empty">${this.t('hours.empty')}</p>` : nothing}
      <div class="charts">${this.renderTeams(summary)} ${this.renderTrend(summary, goal)}</div>
      <p class="source">${this.t('hours.source')}</p>`;
  }

  private renderCompactBody(state: ServiceHoursState) {
    const status = this.renderStatus(state);
    if (status) return status;
    const summary = this.summary!;
    return html`<span class="strip-period">${this.periodLabel(summary)}</span>
      ${this.renderTotal(summary)}${this.renderGoal(summary)}`;
  }

  private toggle(chart: 'teams' | 'trend'): () => void {
    return () => {
      this.tables = { ...this.tables, [chart]: !this.tables[chart] };
    };
  }

  private chartText(caption: string, labelHeading: string, asTable: boolean) {
    return { caption, labelHeading, valueHeading: this.t('chart.hours'), toggle: this.t(asTable ? 'chart.showChart' : 'chart.showTable') };
  }

  private renderTeams(summary: HoursSummary) {
    if (!summary.teams || summary.teams.length < 2) return nothing;
    const rows: ChartRow[] = summary.teams.map(({ team, minutes }) => {
      const name = localize(team.name, this.locale);
      return { label: name, fullLabel: name, value: minutes / 60, shown: this.number(minutes / 60) };
    });
    return teamBars('teams', this.chartText(this.t('chart.teams'), this.t('chart.team'), this.tables.teams), rows, this.tables.teams, this.toggle('teams'));
  }

  private renderTrend(summary: HoursSummary, goal: number | undefined) {
    if (!summary.trend) return nothing;
    // The trend ends with this month while it is still under way (then its figure is "so far"), or
    // with a month already over when the period is in the past.
    const thisMonth = communityToday().slice(0, 7);
    const rows: ChartRow[] = summary.trend.map(({ month, minutes }) => {
      const name = this.date(month, { year: 'numeric', month: 'long' });
      const current = month === thisMonth;
      return {
        label: this.date(month, { month: 'short' }),
        fullLabel: current ? this.t('chart.soFar', { month: name }) : name,
        value: minutes / 60,
        shown: this.number(minutes / 60),
        current,
      };
    });
    // A monthly goal is a line across the monthly trend; a goal for a year or range would not fit it.
    const monthlyGoal = summary.period.kind === 'month' && goal !== undefined ? goal / 60 : undefined;
    return trendLine(
      'trend',
      {
        ...this.chartText(this.t('chart.trend'), this.t('chart.month'), this.tables.trend),
        ...(monthlyGoal === undefined ? {} : { goalLegend: this.t('chart.goalLine', { goal: this.hoursText(goal!) }) }),
        partialLegend: this.t('chart.partialLine'),
      },
      rows,
      monthlyGoal,
      this.tables.trend,
      this.toggle('trend'),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ds-service-hours': DsServiceHours;
  }
  interface GlobalEventHandlersEventMap {
    'ds-hours-updated': CustomEvent<HoursSummary>;
  }
}
