import { RequestStatsQuery, type RequestStats } from '@doorstep/sdk';
import { Hono } from 'hono';
import { findArea } from '../db/areas.js';
import type { Database } from '../db/database.js';
import { requestFigures } from '../db/request-stats.js';
import { notFound } from '../errors.js';
import { conditionalJson } from '../etag.js';
import { readPeriod } from '../period.js';
import { parseOrThrow } from '../validation.js';

/**
 * `GET /v1/stats/requests?area=&from=&to=`: public figures for a stats board, computed in SQL on each
 * call (a few index scans) and sent with an ETag, so a board that polls mostly gets `304`.
 */
export function requestStatsRoutes(db: Database): Hono {
  return new Hono().get('/v1/stats/requests', async (c) => {
    const query = parseOrThrow(RequestStatsQuery, c.req.query());
    if (query.area !== undefined && !(await findArea(db, query.area))) throw notFound('area_not_found');
    const period = readPeriod(query.from, query.to);
    const { total, byCategory } = await requestFigures(db, query.area ?? null, period);
    const stats: RequestStats = {
      area: query.area ?? null,
      from: period.start?.toISOString() ?? null,
      to: period.end?.toISOString() ?? null,
      ...total,
      byCategory,
    };
    return conditionalJson(c, stats, { shared: true });
  });
}
