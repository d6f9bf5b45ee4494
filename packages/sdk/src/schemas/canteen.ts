import * as z from 'zod/mini';
import { Id, IsoDateTime, LocalizedText } from './common.js';
import { CalendarDate, WallTime } from './community-calendar.js';
// The meals of a day (breakfast, lunch, dinner) are the ones elder-care meal assistance uses too.
import { MEALS } from './eldercare-programs.js';

/** Diet tags a dish may carry: 少盐, 软烂易嚼, 清真, 素食. */
export const DIET_TAGS = ['low_salt', 'soft', 'halal', 'vegetarian'] as const;
export type DietTag = (typeof DIET_TAGS)[number];


export const DISH_PRICE_MAX_FEN = 100_000;
export const DISHES_PER_MEAL_MAX = 30;

/** A community canteen (便民餐厅 / 长者食堂). */
export const Canteen = z.object({
  id: Id,
  areaId: Id,
  name: LocalizedText,
  place: LocalizedText,
  /** The canteen's own phone (for orders and delivery), not a resident's. */
  phone: z.nullable(z.string()),
  /** Standing information, e.g. "送餐请提前一天电话预约". */
  note: z.optional(LocalizedText),
});
export type Canteen = z.infer<typeof Canteen>;

/** `GET /v1/canteens` */
export const CanteenListResponse = z.object({ canteens: z.array(Canteen) });

/** One dish: its price and, where elders are subsidized, what they pay. Money is integer fen (1/100 yuan). */
export const CanteenDish = z.object({
  name: LocalizedText,
  tags: z.array(z.enum(DIET_TAGS)).check(z.maxLength(DIET_TAGS.length)),
  priceFen: z.int().check(z.nonnegative(), z.maximum(DISH_PRICE_MAX_FEN)),
  /** What an eligible elder pays after the subsidy (≤ `priceFen`); absent when there is no subsidy. */
  elderPriceFen: z.optional(z.int().check(z.nonnegative(), z.maximum(DISH_PRICE_MAX_FEN))),
});
export type CanteenDish = z.infer<typeof CanteenDish>;

/** One meal of a day, with the hours it is served (community wall-clock time). */
export const CanteenMeal = z.object({
  meal: z.enum(MEALS),
  opens: WallTime,
  closes: WallTime,
  dishes: z.array(CanteenDish).check(z.minLength(1), z.maxLength(DISHES_PER_MEAL_MAX)),
});
export type CanteenMeal = z.infer<typeof CanteenMeal>;

/** One day of a menu. No meals: the canteen is closed that day. */
export const CanteenDay = z.object({
  date: CalendarDate,
  meals: z.array(CanteenMeal).check(z.maxLength(MEALS.length)),
});
export type CanteenDay = z.infer<typeof CanteenDay>;

/**
 * `PUT /v1/staff/canteens/{id}/menus/{weekStart}`: a week's menu (Monday to Sunday). Days left out are
 * closed. Publishing the same week again replaces it.
 */
export const CanteenWeekPublish = z.object({
  days: z.array(CanteenDay).check(z.maxLength(7)),
  /** Who gets the elder price and how, e.g. "本社区 60 岁以上居民凭长者卡享受补贴价". */
  subsidyNote: z.optional(LocalizedText),
  /** Anything else about this week, e.g. "周三冬至，午餐加饺子". */
  note: z.optional(LocalizedText),
});
export type CanteenWeekPublish = z.input<typeof CanteenWeekPublish>;

/**
 * `GET /v1/canteens/{id}/menu`: a week as residents see it. Always the seven days from Monday (meals
 * empty on closed days, or all week while nothing is published: `published: false`).
 */
export const CanteenWeekMenu = z.object({
  canteen: Canteen,
  /** The Monday of the week (community date). */
  weekStart: CalendarDate,
  published: z.boolean(),
  publishedAt: z.nullable(IsoDateTime),
  days: z.array(CanteenDay).check(z.length(7)),
  subsidyNote: z.nullable(LocalizedText),
  note: z.nullable(LocalizedText),
});
export type CanteenWeekMenu = z.infer<typeof CanteenWeekMenu>;

/** The menu as staff see it after publishing: who published it and how many times. */
export const StaffCanteenWeekMenu = z.object({
  ...CanteenWeekMenu.shape,
  publishedBy: z.nullable(z.string()),
  revision: z.int().check(z.nonnegative()),
});
export type StaffCanteenWeekMenu = z.infer<typeof StaffCanteenWeekMenu>;
