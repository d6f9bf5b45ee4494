import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  DIET_TAGS,
  addDays,
  localize,
  weekStartOf,
  type Canteen,
  type CanteenDay,
  type CanteenDish,
  type CanteenMeal,
  type CanteenWeekMenu,
  type DietTag,
} from '@doorstep/sdk';
import { canteenResource } from '@doorstep/sdk/resources/canteen.js';
import type { ClientOf } from '../base/api-client.js';
import { DoorstepElement } from '../base/doorstep-element.js';
import type { KeyOf } from '../locales/index.js';
import { communityToday, formatDay, formatMoney, formatWeekday } from '../shared/format.js';
import { canteenMenuMessages } from './canteen-menu.messages.js';
import { canteenMenuStyles } from './canteen-menu.styles.js';
import { renderAlert, renderCard, renderLoading } from '../shared/card.js';

/** Where the widget is. Reflected as the `state` attribute. */
export type CanteenMenuState = 'unconfigured' | 'loading' | 'load-error' | 'no-canteen' | 'unpublished' | 'menu';

type Phase = Exclude<CanteenMenuState, 'unconfigured'>;
type Key = KeyOf<typeof canteenMenuMessages>;

/** The SDK operations the widget uses: its bundle carries only these. */
const canteenMenuResources = { canteen: canteenResource };
type CanteenClient = ClientOf<typeof canteenMenuResources>;

/** Whether a dish has every one of the wanted tags. */
const matches = (dish: CanteenDish, wanted: ReadonlySet<DietTag>) => [...wanted].every((tag) => dish.tags.includes(tag));

/**
 * @summary What the community canteen (长者食堂 / 便民餐厅) serves this week: each day's meals with their
 * serving hours, the dishes with diet tags (low-salt, soft, halal, vegetarian), the price and the elder
 * price with its subsidy. Residents move between weeks and can show only the dishes that suit them.
 *
 * On a narrow widget (a phone, a side column) the days stack with **today first** and the days already
 * past at the end; wider, the week reads Monday to Sunday. The layout follows the widget's own width
 * (container queries), not the screen's.
 *
 * @slot heading - Replaces the heading text ("社区食堂菜单").
 * @slot intro - Replaces the introduction under the heading.
 *
 * @event ds-error - Loading failed. `detail` is `{ phase: 'load', error }` (an SDK error).
 *
 * @csspart base - The card around everything.
 * @csspart header - The heading and introduction.
 * @csspart title - The heading.
 * @csspart intro - The introduction.
 * @csspart canteen - The canteen's name, place, phone and note.
 * @csspart select - The canteen choice (when the area has several).
 * @csspart subsidy - Who pays the elder price.
 * @csspart week-nav - The week navigation.
 * @csspart week-label - The week's dates.
 * @csspart button - Every button.
 * @csspart retry-button - Try again after a failed load.
 * @csspart filter - The diet filter.
 * @csspart legend - The diet filter's label.
 * @csspart days - The days of the week.
 * @csspart day - Each day.
 * @csspart day-heading - Each day's heading.
 * @csspart today - The "today" badge.
 * @csspart meal - Each meal.
 * @csspart hours - A meal's serving hours.
 * @csspart dish - Each dish.
 * @csspart tag - Each diet tag.
 * @csspart price - The full price.
 * @csspart elder-price - The elder price and subsidy.
 * @csspart loading - The loading message.
 * @csspart alert - A failure message with its retry button.
 * @csspart notice - "Not published yet", "no canteen", "not configured".
 *
 * @cssprop --ds-font-size-body - Text size (16px; 20px elder).
 * @cssprop --ds-color-primary - Buttons, the accent bar, today's day.
 * @cssprop --ds-color-success - The elder price.
 * @cssprop --ds-color-surface - Day and meal panels.
 * @cssprop --ds-target-size - Minimum height of buttons and checkboxes (44px; 60px elder).
 *
 * @example
 * <ds-canteen-menu api-base="https://portal.example.cn/api" area="c-1"></ds-canteen-menu>
 */
export class DsCanteenMenu extends DoorstepElement<Key, typeof canteenMenuResources> {
  static override styles = canteenMenuStyles;
  protected readonly tagLabel = 'ds-canteen-menu';
  protected override readonly messages = canteenMenuMessages;
  protected override readonly resources = canteenMenuResources;

  /** The canteen's id. Without it, the first canteen of `area` (with a choice when there are several). */
  @property({ reflect: true }) canteen?: string;

  /** An area id, to find its canteens when `canteen` is not given. */
  @property({ reflect: true }) area?: string;

  /** Any day of the week to show (`YYYY-MM-DD`, community date); default this week. Follows the week navigation. */
  @property({ reflect: true }) week?: string;

  @state() private phase: Phase = 'loading';
  @state() private canteens: Canteen[] = [];
  @state() private menu?: CanteenWeekMenu;
  @state() private wanted = new Set<DietTag>();
  @state() private announcement = '';

  private loadedKey?: string;
  private loadAbort?: AbortController;
  private loadedClient?: CanteenClient;

  /** Where the widget is. Also reflected as the `state` attribute. */
  get state(): CanteenMenuState {
    return this.client ? this.phase : 'unconfigured';
  }

  /** The week on screen (its Monday). */
  get weekStart(): string {
    return weekStartOf(this.week ?? communityToday());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadAbort?.abort();
    this.loadedKey = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const client = this.client;
    const key = `${this.canteen ?? ''}|${this.area ?? ''}|${this.weekStart}`;
    if (client && (client !== this.loadedClient || key !== this.loadedKey)) void this.load(client, key);
    this.setAttribute('state', this.state);
  }

  // ── data ────────────────────────────────────────────────────────────────────────────────────────

  private async load(client: CanteenClient, key: string): Promise<void> {
    this.loadedClient = client;
    this.loadedKey = key;
    this.loadAbort?.abort();
    const abort = (this.loadAbort = new AbortController());
    this.phase = 'loading';
    try {
      let canteenId = this.canteen;
      if (!canteenId) {
        this.canteens = await client.canteen.list({ signal: abort.signal, ...(this.area ? { area: this.area } : {}) });
        if (abort.signal.aborted) return;
        canteenId = this.canteens[0]?.id;
        if (!canteenId) {
          this.menu = undefined;
          this.phase = 'no-canteen';
          return;
        }
      }
      const menu = await client.canteen.menu(canteenId, { signal: abort.signal, week: this.weekStart });
      if (abort.signal.aborted) return;
      this.menu = menu;
      this.phase = menu.published ? 'menu' : 'unpublished';
    } catch (error) {
      if (abort.signal.aborted) return;
      this.phase = 'load-error';
      this.emit('ds-error', { phase: 'load', error });
    }
  }

  private retry = (): void => {
    const client = this.client;
    if (client) void this.load(client, `${this.canteen ?? ''}|${this.area ?? ''}|${this.weekStart}`);
  };

  // ── input ───────────────────────────────────────────────────────────────────────────────────────

  private goToWeek(weekStart: string): void {
    this.week = weekStart;
    const label = this.weekRange(weekStart);
    this.announcement = this.t('week.announce', label);
  }

  private chooseCanteen = (event: Event): void => {
    this.canteen = (event.target as HTMLSelectElement).value;
  };

  private toggleTag = (event: Event): void => {
    const box = event.target as HTMLInputElement;
    const next = new Set(this.wanted);
    if (box.checked) next.add(box.value as DietTag);
    else next.delete(box.value as DietTag);
    this.wanted = next;
    this.announcement = next.size > 0 ? this.t('filter.count', { count: this.matchingDishes() }) : '';
  };

  private matchingDishes(): number {
    return (this.menu?.days ?? []).flatMap((day) => day.meals.flatMap((meal) => meal.dishes)).filter((dish) => matches(dish, this.wanted)).length;
  }

  private weekRange(weekStart: string): { from: string; to: string } {
    return { from: formatDay(this.locale, weekStart), to: formatDay(this.locale, addDays(weekStart, 6)) };
  }

  // ── render ──────────────────────────────────────────────────────────────────────────────────────

  protected override render() {
    return renderCard(
      {
        locale: this.locale,
        busy: this.state === 'loading',
        heading: this.t('menu.heading'),
        intro: this.t('menu.intro'),
        announcement: this.announcement,
      },
      html`<div class="body">${this.renderBody()}</div>`,
    );
  }

  private renderBody() {
    switch (this.state) {
      case 'unconfigured':
        return this.renderNotConfigured();
      case 'no-canteen':
        return html`<div part="notice" class="notice notice--info" role="status"><p>${this.t('menu.noCanteen')}</p></div>`;
      case 'load-error':
        return html`${this.renderCanteenChoice()} ${renderAlert(this.t('menu.loadFailed'), { label: this.t('menu.reload'), run: this.retry })}`;
      default:
        return this.renderMenu();
    }
  }

  private renderCanteenChoice() {
    if (this.canteens.length < 2) return nothing;
    const selected = this.canteen ?? this.canteens[0]?.id;
    return html`<div class="field field--inline">
      <label part="label" class="label" for="canteen">${this.t('canteen.choose')}</label>
      <select part="select" class="control control--narrow" id="canteen" @change=${this.chooseCanteen}>
        ${this.canteens.map((canteen) => html`<option value=${canteen.id} ?selected=${canteen.id === selected}>${localize(canteen.name, this.locale)}</option>`)}
      </select>
    </div>`;
  }

  private renderMenu() {
    const menu = this.menu;
    const loading = this.state === 'loading';
    const weekStart = this.weekStart;
    const thisWeek = weekStartOf(communityToday());
    const range = this.weekRange(weekStart);
    return html`
      ${this.renderCanteenChoice()}
      ${menu ? this.renderCanteen(menu.canteen) : nothing}
      ${menu?.subsidyNote && !loading
        ? html`<section part="subsidy" class="panel subsidy" aria-labelledby="subsidy-heading">
            <h3 class="panel-heading" id="subsidy-heading">${this.t('subsidy.heading')}</h3>
            <p>${localize(menu.subsidyNote, this.locale)}</p>
          </section>`
        : nothing}
      <nav part="week-nav" class="week-nav" aria-label=${this.t('week.label', range)}>
        <button part="button" class="button button--secondary" type="button" @click=${() => this.goToWeek(addDays(weekStart, -7))}>
          <span aria-hidden="true">‹</span> ${this.t('week.previous')}
        </button>
        <p part="week-label" class="week-label">${this.t('week.label', range)}</p>
        <button part="button" class="button button--secondary" type="button" @click=${() => this.goToWeek(addDays(weekStart, 7))}>
          ${this.t('week.next')} <span aria-hidden="true">›</span>
        </button>
        ${weekStart !== thisWeek
          ? html`<button part="button" class="link-button" type="button" @click=${() => this.goToWeek(thisWeek)}>${this.t('week.current')}</button>`
          : nothing}
      </nav>
      ${loading
        ? renderLoading(this.t('menu.loading'))
        : this.state === 'unpublished'
          ? html`<div part="notice" class="notice notice--info" role="status"><p>${this.t('menu.unpublished')}</p></div>`
          : menu
            ? html`${menu.note ? html`<p class="week-note">${localize(menu.note, this.locale)}</p>` : nothing} ${this.renderFilter()}
              ${this.renderDays(menu.days)}`
            : nothing}
    `;
  }

  private renderCanteen(canteen: Canteen) {
    const today = this.menu?.days.find((day) => day.date === communityToday());
    return html`<div part="canteen" class="canteen">
      <h3 class="canteen-name">${localize(canteen.name, this.locale)}</h3>
      <p class="canteen-place">${localize(canteen.place, this.locale)}</p>
      ${canteen.phone
        ? html`<p>
            ${this.t('canteen.phone')}<a href="tel:${canteen.phone.replace(/[^\d+]/g, '')}" aria-label=${this.t('canteen.call', { phone: canteen.phone })}
              >${canteen.phone}</a
            >
          </p>`
        : nothing}
      ${today && today.meals.length > 0
        ? html`<p class="today-hours">
            ${this.t('day.hours')}${today.meals.map((meal) => `${this.t(`meal.${meal.meal}`)} ${meal.opens}–${meal.closes}`).join(' · ')}
          </p>`
        : nothing}
      ${canteen.note ? html`<p class="hint">${localize(canteen.note, this.locale)}</p>` : nothing}
    </div>`;
  }

  private renderFilter() {
    const count = this.matchingDishes();
    return html`<fieldset part="filter" class="fieldset filter" aria-describedby="filter-hint">
      <legend part="legend" class="legend">${this.t('filter.legend')}</legend>
      <p class="hint" id="filter-hint">${this.t('filter.hint')}</p>
      <div class="filter-options">
        ${DIET_TAGS.map(
          (tag) => html`<label class="choice choice--check">
            <input type="checkbox" name="tag" .value=${tag} .checked=${this.wanted.has(tag)} @change=${this.toggleTag} />
            <span class="choice-title">${this.t(`tag.${tag}`)}</span>
          </label>`,
        )}
      </div>
      ${this.wanted.size > 0
        ? html`<p class="filter-count">${count > 0 ? this.t('filter.count', { count }) : this.t('filter.none')}</p>`
        : nothing}
    </fieldset>`;
  }

  private renderDays(days: readonly CanteenDay[]) {
    const today = communityToday();
    return html`<div part="days" class="days">
      ${days.map((day) => {
        const isToday = day.date === today;
        const id = `day-${day.date}`;
        // Articles, not sections: seven named regions would crowd a screen reader's list of landmarks.
        return html`<article
          part="day"
          class="day ${isToday ? 'day--today' : ''} ${day.date < today ? 'day--past' : ''}"
          aria-labelledby=${id}
        >
          <h3 part="day-heading" class="day-heading" id=${id}>
            <span class="weekday">${formatWeekday(this.locale, day.date)}</span>
            <span class="date">${formatDay(this.locale, day.date)}</span>
            ${isToday ? html`<span part="today" class="today">${this.t('day.today')}</span>` : nothing}
          </h3>
          ${day.meals.length === 0
            ? html`<p class="closed">${this.t('day.closed')}</p>`
            : day.meals.map((meal) => this.renderMeal(meal))}
        </article>`;
      })}
    </div>`;
  }

  private renderMeal(meal: CanteenMeal) {
    const dishes = meal.dishes.filter((dish) => matches(dish, this.wanted));
    return html`<div part="meal" class="meal">
      <h4 class="meal-heading">
        ${this.t(`meal.${meal.meal}`)} <span part="hours" class="hours">${meal.opens}–${meal.closes}</span>
      </h4>
      ${dishes.length === 0
        ? html`<p class="hint">${this.t('filter.none')}</p>`
        : html`<ul class="dishes">
            ${dishes.map((dish) => this.renderDish(dish))}
          </ul>`}
    </div>`;
  }

  private renderDish(dish: CanteenDish) {
    const subsidized = dish.elderPriceFen !== undefined && dish.elderPriceFen < dish.priceFen;
    return html`<li part="dish" class="dish">
      <span class="dish-name">${localize(dish.name, this.locale)}</span>
      ${dish.tags.length > 0
        ? html`<span class="tags"
            ><span class="visually-hidden">${this.t('tags.label')}</span>${dish.tags.map(
              (tag) => html`<span part="tag" class="tag tag--${tag}">${this.t(`tag.${tag}`)}</span>`,
            )}</span
          >`
        : nothing}
      <span class="prices">
        <span part="price" class="price">${this.t('price.full', { price: formatMoney(this.locale, dish.priceFen) })}</span>
        ${subsidized
          ? html`<span part="elder-price" class="elder-price"
              >${this.t('price.elder', { price: formatMoney(this.locale, dish.elderPriceFen!) })}
              <span class="subsidy">${this.t('price.subsidy', { amount: formatMoney(this.locale, dish.priceFen - dish.elderPriceFen!) })}</span></span
            >`
          : nothing}
      </span>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ds-canteen-menu': DsCanteenMenu;
  }
}
