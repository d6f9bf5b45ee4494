import type { CommunityStats } from '@doorstep/sdk';
import { periodCondition, type Period } from '../period.js';
import { AREA_AND_BELOW } from './area-scope.js';
import type { Queryable } from './database.js';
import { requestFigures } from './request-stats.js';

const TOP_CATEGORIES = 5;

/** `$1` is the area (or null for everywhere); `within` holds it and everything below it. */
const inArea = (column: string) => `($1::text IS NULL OR ${column} IN (SELECT id FROM within))`;

/**
 * The calendar days of `period` in China Standard Time as a half-open range of dates, for tables that
 * store the day something happened (`served_on`) rather than an instant.
 */
function dayCondition(column: string, period: Period, params: unknown[]): string {
  const day = (instant: Date) => new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  let sql = '';
  if (period.start) {
    params.push(day(period.start));
    sql += ` AND ${column} >= $${params.length}::date`;
  }
  if (period.end) {
    // The end is exclusive: the last day counted is the one containing the instant just before it.
    params.push(day(new Date(period.end.getTime() - 1)));
    sql += ` AND ${column} <= $${params.length}::date`;
  }
  return sql;
}

async function requests(db: Queryable, areaId: string | null, period: Period): Promise<CommunityStats['requests']> {
  const { total, byCategory } = await requestFigures(db, areaId, period);
  const top = byCategory
    .filter((category) => category.collected > 0)
    .sort((a, b) => b.collected - a.collected)
    .slice(0, TOP_CATEGORIES);
  const names = new Map(
    (await db.query<{ id: string; name: CommunityStats['requests']['topCategories'][number]['name'] }>(
      `SELECT id, name FROM categories WHERE id = ANY($1::text[])`,
      [top.map((category) => category.categoryId)],
    )).map((row) => [row.id, row.name]),
  );
  return {
    ...total,
    topCategories: top.map(({ categoryId, collected, resolved }) => ({ categoryId, name: names.get(categoryId)!, collected, resolved })),
  };
}

async function volunteering(db: Queryable, areaId: string | null, period: Period): Promise<CommunityStats['volunteering']> {
  const params: unknown[] = [areaId];
  const inPeriod = dayCondition('e.served_on', period, params);
  // An entry counts for its team's community (as the volunteer counter counts it), and for the place it
  // happened when one was given — so a building's figures show the hours served there.
  const [row] = await db.query<{ minutes: number; volunteers: number }>(
    `${AREA_AND_BELOW}
     SELECT COALESCE(sum(e.minutes), 0)::int AS minutes, count(DISTINCT e.volunteer_id)::int AS volunteers
     FROM volunteer_entries e JOIN volunteer_teams t ON t.id = e.team_id
     WHERE e.status = 'approved' AND (${inArea('t.community_id')} OR e.area_id IN (SELECT id FROM within))${inPeriod}`,
    params,
  );
  return { hours: Math.round(((row?.minutes ?? 0) / 60) * 10) / 10, volunteers: row?.volunteers ?? 0 };
}

async function eldercare(db: Queryable, areaId: string | null, period: Period): Promise<CommunityStats['eldercare']> {
  const params: unknown[] = [areaId];
  let started = '';
  if (period.end) {
    params.push(new Date(period.end.getTime() - 1 + 8 * 3600_000).toISOString().slice(0, 10));
    started = ` AND start_date <= $${params.length}::date`;
  }
  const [row] = await db.query<{ recipients: number }>(
    `${AREA_AND_BELOW}
     SELECT count(*)::int AS recipients FROM eldercare_applications
     WHERE status = 'approved' AND ${inArea('area_id')}${started}`,
    params,
  );
  return { recipients: row?.recipients ?? 0 };
}

async function events(db: Queryable, areaId: string | null, period: Period, now: Date): Promise<CommunityStats['events']> {
  const params: unknown[] = [areaId, now];
  const inPeriod = periodCondition('starts_at', period, params);
  // Held: started by now and not called off. Participants: the seats confirmed registrations took
  // (a parent with a child is two); the waitlisted and the cancelled did not take part.
  const [row] = await db.query<{ held: number; participants: number }>(
    `${AREA_AND_BELOW}
     SELECT count(*)::int AS held, COALESCE(sum(seats_taken), 0)::int AS participants FROM events
     WHERE status = 'scheduled' AND starts_at <= $2 AND ${inArea('area_id')}${inPeriod}`,
    params,
  );
  return { held: row?.held ?? 0, participants: row?.participants ?? 0 };
}

/**
 * Every figure of a community's stats board for `areaId` (and everything inside it) and `period`,
 * computed from the stored records by the queries above; nothing is kept as a running count.
 */
export async function communityStats(
  db: Queryable,
  areaId: string | null,
  period: Period,
  now: Date,
): Promise<Omit<CommunityStats, 'area' | 'from' | 'to'>> {
  return {
    requests: await requests(db, areaId, period),
    volunteering: await volunteering(db, areaId, period),
    eldercare: await eldercare(db, areaId, period),
    events: await events(db, areaId, period, now),
  };
}
