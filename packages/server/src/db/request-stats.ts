import type { RequestFigures } from '@doorstep/sdk';
import type { Queryable } from './database.js';
import { periodCondition, type Period } from '../period.js';

type FiguresRow = RequestFigures & { categoryId: string | null };

/**
 * The figures of the requests reported in `period` in `areaId` (and everything inside it), in total
 * and per category, computed by PostgreSQL from the stored requests:
 * - collected: reported in the period, except duplicates merged into another request (they count
 *   there, as support);
 * - resolved: those with a resolution time (resolved now, or closed after a resolution; a reopen
 *   clears it until the next resolution);
 * - resolution rate: resolved / collected, rounded half away from zero to 3 decimals;
 * - median time to resolve: `percentile_cont(0.5)` of (resolved_at − created_at), in whole seconds.
 * Every category is listed, also with nothing collected.
 */
export async function requestFigures(
  db: Queryable,
  areaId: string | null,
  period: Period,
): Promise<{ total: RequestFigures; byCategory: Array<RequestFigures & { categoryId: string }> }> {
  const params: unknown[] = [areaId];
  const inPeriod = periodCondition('r.created_at', period, params);
  const rows = await db.query<FiguresRow>(
    `WITH RECURSIVE within AS (
       SELECT id FROM areas WHERE id = $1
       UNION ALL SELECT a.id FROM areas a JOIN within ON a.parent_id = within.id
     ), scope AS (
       SELECT r.category_id, r.created_at, r.resolved_at FROM service_requests r
       WHERE r.merged_into IS NULL
         AND ($1::text IS NULL OR r.area_id IN (SELECT id FROM within))${inPeriod}
     )
     SELECT c.id AS "categoryId",
       count(s.category_id)::int AS collected,
       count(s.resolved_at)::int AS resolved,
       round(count(s.resolved_at)::numeric / nullif(count(s.category_id), 0), 3)::float8 AS "resolutionRate",
       round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.resolved_at - s.created_at)::float8))::numeric)::float8
         AS "medianResolutionSeconds"
     FROM categories c LEFT JOIN scope s ON s.category_id = c.id
     GROUP BY GROUPING SETS ((c.id, c.sort_order), ())
     ORDER BY c.sort_order NULLS FIRST, c.id NULLS FIRST`,
    params,
  );
  const [totalRow, ...categoryRows] = rows;
  const figures = ({ collected, resolved, resolutionRate, medianResolutionSeconds }: FiguresRow): RequestFigures => ({
    collected,
    resolved,
    resolutionRate,
    medianResolutionSeconds,
  });
  return {
    total: totalRow ? figures(totalRow) : { collected: 0, resolved: 0, resolutionRate: null, medianResolutionSeconds: null },
    byCategory: categoryRows.map((row) => ({ categoryId: row.categoryId!, ...figures(row) })),
  };
}
