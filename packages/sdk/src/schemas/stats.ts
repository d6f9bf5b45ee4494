import * as z from 'zod/mini';
import { Id, IsoDateTime } from './common.js';

/**
 * A day (`2026-11-01`, read as that day in China Standard Time, +08:00) or an exact date-time with
 * an offset. As `from` a day means its start; as `to` its end (so `from=2026-11-01&to=2026-11-30` is all of November).
 */
export const DayOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** `GET /v1/stats/requests?area=&from=&to=` */
export const RequestStatsQuery = z.object({
  /** An area id; its descendants count too. All areas when absent. */
  area: z.optional(Id),
  from: z.optional(DayOrDateTime),
  to: z.optional(DayOrDateTime),
});
export type RequestStatsQuery = z.input<typeof RequestStatsQuery>;

/** Figures for one set of requests (all, or one category's). */
export const RequestFigures = z.object({
  /** Requests reported in the period (duplicates merged into another are counted there, as support). */
  collected: z.number().check(z.int(), z.gte(0)),
  /** Of those, how many have been resolved (resolved now, or closed after a resolution). */
  resolved: z.number().check(z.int(), z.gte(0)),
  /** `resolved / collected`, rounded to 3 decimals (0.902 = 90.2%); null when nothing was collected. */
  resolutionRate: z.nullable(z.number()),
  /** Median time from report to resolution, in whole seconds; null when nothing was resolved. */
  medianResolutionSeconds: z.nullable(z.number()),
});
export type RequestFigures = z.infer<typeof RequestFigures>;

export const RequestStats = z.object({
  ...RequestFigures.shape,
  area: z.nullable(Id),
  /** The period as the server read it, `from` inclusive and `to` exclusive (a day's `to` is the next midnight); null for an open end. */
  from: z.nullable(IsoDateTime),
  to: z.nullable(IsoDateTime),
  /** Every category, in display order, with its own figures. */
  byCategory: z.array(z.object({ categoryId: Id, ...RequestFigures.shape })),
});
export type RequestStats = z.infer<typeof RequestStats>;
