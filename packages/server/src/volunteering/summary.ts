import { createHash } from 'node:crypto';
import type { HoursQuery, HoursSummary } from '@doorstep/sdk';
import type * as z from 'zod/mini';
import { findArea } from '../db/areas.js';
import type { Database } from '../db/database.js';
import {
  aggregateHours,
  findMonthGoal,
  findTeam,
  findTeams,
  findVolunteerByCode,
  listTeams,
  volunteeringRevision,
  type HoursScope,
  type TeamRow,
} from '../db/volunteering.js';
import { ApiError, notFound, validationFailed } from '../errors.js';
import { matchesIfNoneMatch } from '../etag.js';
import { monthsSpan, resolvePeriod, todayIn, trendMonths } from './periods.js';

/** How many different counters (scope × period × parts) keep their last answer in memory. */
const MEMO_ENTRIES = 256;

export type HoursAnswer = { status: 304; etag: string } | { status: 200; etag: string; body: string };

/**
 * The public counter (`GET /v1/volunteering/hours`), made cheap to poll and exact:
 *
 * - Totals are computed from approved entries in SQL on every miss (never kept as counters).
 * - The answer's ETag is the revision of the volunteering tables — which triggers change in the same
 *   transaction as any write — plus a digest of what was asked (scope, resolved days, parts, zone).
 *   So a poll whose ETag still matches is answered `304` after one primary-key read, and any change to
 *   entries, teams, volunteers or goals, however it was made (API, SQL console), changes every ETag.
 * - The last answer per question is memoized under its revision; it is reused only while the revision is
 *   the same, so it can never be stale. A new day (a new "this month") is a new question.
 * - The miss path reads the revision and the data in one REPEATABLE READ snapshot, so the revision in
 *   the ETag is exactly the one the numbers were computed at.
 */
export function hoursSummaries(db: Database, options: { timeZone: string; now: () => Date }) {
  const memo = new Map<string, { revision: string; etag: string; body: string }>();

  function remember(key: string, value: { revision: string; etag: string; body: string }): void {
    memo.delete(key);
    memo.set(key, value);
    if (memo.size > MEMO_ENTRIES) memo.delete(memo.keys().next().value!);
  }

  return async function answer(query: z.output<typeof HoursQuery>, ifNoneMatch: string | undefined): Promise<HoursAnswer> {
    const scopes = (['community', 'team', 'volunteer'] as const).filter((kind) => query[kind] !== undefined);
    if (scopes.length !== 1) throw new ApiError(400, 'validation_failed', 'volunteering_scope_required');
    if (query.period !== undefined && (query.from !== undefined || query.to !== undefined)) {
      throw new ApiError(400, 'validation_failed', 'volunteering_period_with_range');
    }
    if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
      throw validationFailed({ from: { key: 'volunteering_field_from_after_to' } });
    }
    const kind = scopes[0]!;
    const id = query[kind]!;
    const today = todayIn(options.timeZone, options.now());
    const period = resolvePeriod(query, today);
    const include = new Set(query.include?.split(',') ?? []);
    const months = include.has('trend') ? trendMonths(period, today) : null;
    const key = JSON.stringify([kind, id, period, include.has('teams'), months?.[0] ?? null, options.timeZone]);
    const digest = createHash('sha256').update(key).digest('base64url').slice(0, 22);
    const etagAt = (revision: string) => `"${revision}.${digest}"`;

    const revision = await volunteeringRevision(db);
    if (matchesIfNoneMatch(ifNoneMatch, etagAt(revision))) return { status: 304, etag: etagAt(revision) };
    const memoized = memo.get(key);
    if (memoized?.revision === revision) return { status: 200, etag: memoized.etag, body: memoized.body };

    const computed = await db.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const snapshotRevision = await volunteeringRevision(tx);
      let scope: HoursScope;
      let scopeTeams: TeamRow[] = [];
      if (kind === 'community') {
        const area = await findArea(tx, id);
        if (area?.level !== 'community') throw notFound('volunteering_community_not_found');
        scope = { kind, id };
        scopeTeams = await listTeams(tx, id);
      } else if (kind === 'team') {
        const team = await findTeam(tx, id);
        if (!team) throw notFound('volunteering_team_not_found');
        scope = { kind, id };
        scopeTeams = [team];
      } else {
        const volunteer = await findVolunteerByCode(tx, id);
        if (!volunteer) throw notFound('volunteering_volunteer_not_found');
        scope = { kind, id: volunteer.id };
      }
      const aggregate = await aggregateHours(tx, scope, period, {
        byTeam: include.has('teams'),
        trend: months ? monthsSpan(months) : null,
      });
      const goalMinutes = period.kind === 'month' && kind !== 'volunteer' ? await findMonthGoal(tx, { kind, id }) : undefined;
      const summary: HoursSummary = {
        scope: { kind, id },
        period,
        timeZone: options.timeZone,
        minutes: aggregate.minutes,
        entries: aggregate.entries,
        volunteers: aggregate.volunteers,
        goal: goalMinutes === undefined ? null : { minutes: goalMinutes, period: 'month' },
      };
      if (include.has('teams')) {
        // A community's inactive teams still show when they served in the period.
        const known = new Set(scopeTeams.map((team) => team.id));
        const missing = [...aggregate.byTeam.keys()].filter((teamId) => !known.has(teamId));
        const teams = [...scopeTeams, ...(missing.length > 0 ? await findTeams(tx, missing) : [])];
        summary.teams = teams
          .map((team, order) => ({ team: { id: team.id, name: team.name }, minutes: aggregate.byTeam.get(team.id) ?? 0, order }))
          .sort((a, b) => b.minutes - a.minutes || a.order - b.order)
          .map(({ team, minutes }) => ({ team, minutes }));
      }
      if (months) summary.trend = months.map((month) => ({ month, minutes: aggregate.byMonth.get(month) ?? 0 }));
      return { revision: snapshotRevision, body: JSON.stringify(summary) };
    });
    const etag = etagAt(computed.revision);
    remember(key, { revision: computed.revision, etag, body: computed.body });
    return { status: 200, etag, body: computed.body };
  };
}
