import * as z from 'zod/mini';
import { Id, IsoDateTime, LocalizedText } from './common.js';
import { RequestFigures, RequestStatsQuery } from './stats.js';

/** `GET /v1/stats/summary?area=&from=&to=` — the same area and period rules as the request figures. */
export const CommunityStatsQuery = RequestStatsQuery;
export type CommunityStatsQuery = z.input<typeof CommunityStatsQuery>;

const count = z.number().check(z.int(), z.gte(0));

/**
 * The figures a community publishes for an area and a period, each computed by the server from the
 * stored records when asked (never typed in): service requests, volunteer hours, elder-care recipients
 * served, and community events.
 */
export const CommunityStats = z.object({
  area: z.nullable(Id),
  from: z.nullable(IsoDateTime),
  to: z.nullable(IsoDateTime),
  requests: z.object({
    ...RequestFigures.shape,
    /** The categories with the most requests collected in the period (up to 5, most first; none with 0). */
    topCategories: z.array(z.object({ categoryId: Id, name: LocalizedText, collected: count, resolved: count })),
  }),
  volunteering: z.object({
    /** Approved service hours served in the period (days in China Standard Time), to one decimal. */
    hours: z.number().check(z.gte(0)),
    /** Volunteers with at least one approved entry in the period. */
    volunteers: count,
  }),
  eldercare: z.object({
    /** Elders with an approved application whose service had started by the end of the period. */
    recipients: count,
  }),
  events: z.object({
    /** Events that took place in the period (started, not cancelled). */
    held: count,
    /** People registered (not waitlisted, not cancelled) for those events. */
    participants: count,
  }),
});
export type CommunityStats = z.infer<typeof CommunityStats>;
