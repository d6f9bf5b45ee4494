import { CommunityStatsQuery, type CommunityStats } from '@doorstep/sdk';
import { Hono } from 'hono';
import { findArea } from '../db/areas.js';
import { communityStats } from '../db/community-stats.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { notFound } from '../errors.js';
import { conditionalJson } from '../etag.js';
import { readPeriod } from '../period.js';
import { parseOrThrow } from '../validation.js';

/**
 * `GET /v1/stats/summary?area=&from=&to=`: every figure of a stats board in one answer, computed in SQL
 * on each call and sent with an ETag, so a board that polls mostly gets `304`.
 */
export function communityStatsRoutes(db: Database, clock: Clock): Hono {
  return new Hono().get('/v1/stats/summary', async (c) => {
    const query = parseOrThrow(CommunityStatsQuery, c.req.query());
    if (query.area !== undefined && !(await findArea(db, query.area))) throw notFound('area_not_found');
    const period = readPeriod(query.from, query.to);
    const stats: CommunityStats = {
      area: query.area ?? null,
      from: period.start?.toISOString() ?? null,
      to: period.end?.toISOString() ?? null,
      ...(await communityStats(db, query.area ?? null, period, clock())),
    };
    return conditionalJson(c, stats, { shared: true });
  });
}
