import { CommunityStats, CommunityStatsQuery, RequestStats, RequestStatsQuery } from '../schemas/index.js';
import { check, signalOf, type CallOptions, type Transport } from '../transport.js';

/** The query as search parameters, without the parts left out. */
function searchParamsOf(query: RequestStatsQuery): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as Record<string, string>;
}

export function statsResource({ callCached }: Transport) {
  return {
    /**
     * Everything a stats board shows for an area (with everything inside it) and a period: requests
     * (with the top categories), volunteer hours, elder-care recipients, events held and participants.
     * Repeated calls send the ETag and resolve to the same object while nothing changed.
     */
    async summary(query: CommunityStatsQuery = {}, opts: CallOptions = {}): Promise<CommunityStats> {
      const checked = check(CommunityStatsQuery, query, 'request');
      return callCached(CommunityStats, 'v1/stats/summary', { ...signalOf(opts), searchParams: searchParamsOf(checked) });
    },
    /**
     * Requests collected and resolved, the resolution rate and the median time to resolve, in total
     * and per category, for an area (with everything inside it) and a period. Repeated calls send the
     * ETag and resolve to the same object while nothing changed.
     */
    async requests(query: RequestStatsQuery = {}, opts: CallOptions = {}): Promise<RequestStats> {
      const checked = check(RequestStatsQuery, query, 'request');
      return callCached(RequestStats, 'v1/stats/requests', { ...signalOf(opts), searchParams: searchParamsOf(checked) });
    },
  };
}
