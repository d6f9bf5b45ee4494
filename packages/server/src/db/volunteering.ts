import type {
  ActivityType,
  HoursEntryStatus,
  HoursServedGroup,
  LocalizedText,
  VolunteerAvailability,
  VolunteerSkill,
} from '@doorstep/sdk';
import type { Queryable } from './database.js';

// SQL for volunteer service hours. Dates are read as text (`YYYY-MM-DD`) so no driver turns a calendar
// day into a midnight in some time zone; sums and counts are cast to int (they fit: 2^31 minutes is
// four thousand years of service).

export interface TeamRow {
  id: string;
  communityId: string;
  name: LocalizedText;
  description: LocalizedText | null;
  activityTypes: ActivityType[];
  active: boolean;
  memberCount: number;
}

const TEAM_COLUMNS = `t.id, t.community_id AS "communityId", t.name, t.description, t.activity_types AS "activityTypes",
  t.active, (SELECT count(*)::int FROM volunteer_memberships m WHERE m.team_id = t.id) AS "memberCount"`;

/** Active teams, of one community or all, in display order. */
export async function listTeams(db: Queryable, communityId?: string): Promise<TeamRow[]> {
  return communityId === undefined
    ? db.query<TeamRow>(`SELECT ${TEAM_COLUMNS} FROM volunteer_teams t WHERE t.active ORDER BY t.community_id, t.sort_order, t.id`)
    : db.query<TeamRow>(`SELECT ${TEAM_COLUMNS} FROM volunteer_teams t WHERE t.active AND t.community_id = $1 ORDER BY t.sort_order, t.id`, [
        communityId,
      ]);
}

export async function findTeams(db: Queryable, ids: readonly string[]): Promise<TeamRow[]> {
  return db.query<TeamRow>(`SELECT ${TEAM_COLUMNS} FROM volunteer_teams t WHERE t.id = ANY($1::text[]) ORDER BY t.sort_order, t.id`, [ids]);
}

export async function findTeam(db: Queryable, id: string): Promise<TeamRow | undefined> {
  return (await findTeams(db, [id]))[0];
}

export interface NewTeam {
  id: string;
  communityId: string;
  name: LocalizedText;
  description: LocalizedText | null;
  activityTypes: ActivityType[];
  sortOrder?: number;
}

/** Inserts a team; `undefined` when the id is taken. */
export async function insertTeam(db: Queryable, team: NewTeam): Promise<TeamRow | undefined> {
  const inserted = await db.query(
    `INSERT INTO volunteer_teams (id, community_id, name, description, activity_types, sort_order)
     VALUES ($1, $2, $3::text::jsonb, $4::text::jsonb, $5::text::jsonb,
             COALESCE($6, (SELECT COALESCE(max(sort_order), 0) + 1 FROM volunteer_teams WHERE community_id = $2)))
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      team.id,
      team.communityId,
      JSON.stringify(team.name),
      team.description === null ? null : JSON.stringify(team.description),
      JSON.stringify(team.activityTypes),
      team.sortOrder ?? null,
    ],
  );
  return inserted.length > 0 ? findTeam(db, team.id) : undefined;
}

// ── volunteers ──────────────────────────────────────────────────────────────────────────────────────

export interface VolunteerRow {
  id: string;
  code: string;
  communityId: string;
  name: string;
  phone: string;
  availability: VolunteerAvailability[];
  skills: VolunteerSkill[];
  skillsNote: string | null;
  note: string | null;
  createdAt: Date;
}

const VOLUNTEER_COLUMNS = `v.id, v.code, v.community_id AS "communityId", v.name, v.phone, v.availability, v.skills,
  v.skills_note AS "skillsNote", v.note, v.created_at AS "createdAt"`;

export interface NewVolunteer {
  id: string;
  communityId: string;
  name: string;
  phone: string;
  phoneKey: string;
  availability: readonly string[];
  skills: readonly string[];
  skillsNote: string | null;
  note: string | null;
  accessKeyDigest: string;
  teamIds: readonly string[];
  createdAt?: Date;
}

export type InsertVolunteerResult = { kind: 'created'; volunteer: VolunteerRow } | { kind: 'code-taken' } | { kind: 'phone-taken' };

/**
 * Stores a volunteer with their memberships. A taken code is reported (the caller draws another) and
 * so is a phone already signed up in the community, without aborting the transaction.
 */
export async function insertVolunteer(db: Queryable, code: string, volunteer: NewVolunteer): Promise<InsertVolunteerResult> {
  const [taken] = await db.query<{ code: boolean; phone: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM volunteers WHERE code = $1) AS code,
            EXISTS (SELECT 1 FROM volunteers WHERE community_id = $2 AND phone_key = $3) AS phone`,
    [code, volunteer.communityId, volunteer.phoneKey],
  );
  if (taken?.phone) return { kind: 'phone-taken' };
  if (taken?.code) return { kind: 'code-taken' };
  const createdAt = volunteer.createdAt ?? new Date();
  await db.query(
    `INSERT INTO volunteers (id, code, community_id, name, phone, phone_key, availability, skills, skills_note, note,
                             consent_at, access_key_sha256, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8::text::jsonb, $9, $10, $11, $12, $11)`,
    [
      volunteer.id,
      code,
      volunteer.communityId,
      volunteer.name,
      volunteer.phone,
      volunteer.phoneKey,
      JSON.stringify(volunteer.availability),
      JSON.stringify(volunteer.skills),
      volunteer.skillsNote,
      volunteer.note,
      createdAt,
      volunteer.accessKeyDigest,
    ],
  );
  await db.query(
    `INSERT INTO volunteer_memberships (volunteer_id, team_id, joined_at) SELECT $1, unnest($2::text[]), $3`,
    [volunteer.id, volunteer.teamIds, createdAt],
  );
  const row = await findVolunteerById(db, volunteer.id);
  return { kind: 'created', volunteer: row! };
}

export async function findVolunteerById(db: Queryable, id: string): Promise<VolunteerRow | undefined> {
  const [row] = await db.query<VolunteerRow>(`SELECT ${VOLUNTEER_COLUMNS} FROM volunteers v WHERE v.id = $1`, [id]);
  return row;
}

export async function findVolunteerByCode(db: Queryable, code: string): Promise<VolunteerRow | undefined> {
  const [row] = await db.query<VolunteerRow>(`SELECT ${VOLUNTEER_COLUMNS} FROM volunteers v WHERE v.code = $1`, [code]);
  return row;
}

export async function findVolunteerByKeyDigest(db: Queryable, digest: string): Promise<VolunteerRow | undefined> {
  const [row] = await db.query<VolunteerRow>(`SELECT ${VOLUNTEER_COLUMNS} FROM volunteers v WHERE v.access_key_sha256 = $1`, [digest]);
  return row;
}

export async function setAccessKeyDigest(db: Queryable, volunteerId: string, digest: string): Promise<void> {
  await db.query(`UPDATE volunteers SET access_key_sha256 = $2 WHERE id = $1`, [volunteerId, digest]);
}

/** Volunteers of a community or team (or all), by name, with their approved minutes. */
export async function listVolunteers(
  db: Queryable,
  filter: { communityId?: string | undefined; teamId?: string | undefined },
): Promise<Array<VolunteerRow & { approvedMinutes: number }>> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filter.communityId !== undefined) {
    params.push(filter.communityId);
    conditions.push(`v.community_id = $${params.length}`);
  }
  if (filter.teamId !== undefined) {
    params.push(filter.teamId);
    conditions.push(`EXISTS (SELECT 1 FROM volunteer_memberships m WHERE m.volunteer_id = v.id AND m.team_id = $${params.length})`);
  }
  return db.query(
    `SELECT ${VOLUNTEER_COLUMNS},
            COALESCE((SELECT sum(e.minutes) FROM volunteer_entries e WHERE e.volunteer_id = v.id AND e.status = 'approved'), 0)::int
              AS "approvedMinutes"
     FROM volunteers v ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
     ORDER BY v.name, v.code`,
    params,
  );
}

/** The teams each volunteer belongs to, by volunteer id. */
export async function membershipsOf(db: Queryable, volunteerIds: readonly string[]): Promise<Map<string, Array<{ id: string; name: LocalizedText }>>> {
  const rows = await db.query<{ volunteerId: string; id: string; name: LocalizedText }>(
    `SELECT m.volunteer_id AS "volunteerId", t.id, t.name
     FROM volunteer_memberships m JOIN volunteer_teams t ON t.id = m.team_id
     WHERE m.volunteer_id = ANY($1::text[]) ORDER BY t.sort_order, t.id`,
    [volunteerIds],
  );
  const byVolunteer = new Map<string, Array<{ id: string; name: LocalizedText }>>();
  for (const { volunteerId, ...team } of rows) {
    const list = byVolunteer.get(volunteerId) ?? [];
    list.push(team);
    byVolunteer.set(volunteerId, list);
  }
  return byVolunteer;
}

/** A volunteer's approved minutes (all time, this month, this year) and pending minutes. */
export async function volunteerTotals(
  db: Queryable,
  volunteerId: string,
  month: { from: string; to: string },
  year: { from: string; to: string },
): Promise<{ approvedMinutes: number; monthMinutes: number; yearMinutes: number; pendingMinutes: number }> {
  const [row] = await db.query<{ approvedMinutes: number; monthMinutes: number; yearMinutes: number; pendingMinutes: number }>(
    `SELECT COALESCE(sum(minutes) FILTER (WHERE status = 'approved'), 0)::int AS "approvedMinutes",
            COALESCE(sum(minutes) FILTER (WHERE status = 'approved' AND served_on BETWEEN $2::date AND $3::date), 0)::int AS "monthMinutes",
            COALESCE(sum(minutes) FILTER (WHERE status = 'approved' AND served_on BETWEEN $4::date AND $5::date), 0)::int AS "yearMinutes",
            COALESCE(sum(minutes) FILTER (WHERE status = 'pending'), 0)::int AS "pendingMinutes"
     FROM volunteer_entries WHERE volunteer_id = $1`,
    [volunteerId, month.from, month.to, year.from, year.to],
  );
  return row ?? { approvedMinutes: 0, monthMinutes: 0, yearMinutes: 0, pendingMinutes: 0 };
}

// ── entries ─────────────────────────────────────────────────────────────────────────────────────────

export interface EntryRow {
  id: string;
  volunteerId: string;
  volunteerCode: string;
  volunteerName: string;
  volunteerPhone: string;
  teamId: string;
  teamName: LocalizedText;
  teamActivityTypes: ActivityType[];
  activityType: string;
  date: string;
  startedAt: Date | null;
  endedAt: Date | null;
  minutes: number;
  areaId: string | null;
  servedGroup: HoursServedGroup | null;
  servedCount: number | null;
  note: string | null;
  status: HoursEntryStatus;
  rejectReason: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const ENTRY_SELECT = `SELECT e.id, e.volunteer_id AS "volunteerId", v.code AS "volunteerCode", v.name AS "volunteerName",
    v.phone AS "volunteerPhone", e.team_id AS "teamId", t.name AS "teamName", t.activity_types AS "teamActivityTypes",
    e.activity_type AS "activityType", e.served_on::text AS date, e.started_at AS "startedAt", e.ended_at AS "endedAt",
    e.minutes, e.area_id AS "areaId", e.served_group AS "servedGroup", e.served_count AS "servedCount", e.note, e.status,
    e.reject_reason AS "rejectReason", e.reviewed_by AS "reviewedBy", e.reviewed_at AS "reviewedAt", e.version,
    e.created_at AS "createdAt", e.updated_at AS "updatedAt"
  FROM volunteer_entries e
  JOIN volunteer_teams t ON t.id = e.team_id
  JOIN volunteers v ON v.id = e.volunteer_id`;

/** The fields of an entry that its volunteer or staff set (the rest is review state). */
export interface EntryFields {
  teamId: string;
  activityType: string;
  date: string;
  startedAt: Date | null;
  endedAt: Date | null;
  minutes: number;
  areaId: string | null;
  servedGroup: string | null;
  servedCount: number | null;
  note: string | null;
}

export async function insertEntry(
  db: Queryable,
  entry: EntryFields & { id: string; volunteerId: string; status?: HoursEntryStatus },
): Promise<void> {
  await db.query(
    `INSERT INTO volunteer_entries (id, volunteer_id, team_id, activity_type, served_on, started_at, ended_at, minutes,
                                    area_id, served_group, served_count, note, status)
     VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      entry.id,
      entry.volunteerId,
      entry.teamId,
      entry.activityType,
      entry.date,
      entry.startedAt,
      entry.endedAt,
      entry.minutes,
      entry.areaId,
      entry.servedGroup,
      entry.servedCount,
      entry.note,
      entry.status ?? 'pending',
    ],
  );
}

export async function findEntry(db: Queryable, id: string, options: { forUpdate?: boolean } = {}): Promise<EntryRow | undefined> {
  const [row] = await db.query<EntryRow>(`${ENTRY_SELECT} WHERE e.id = $1${options.forUpdate ? ' FOR UPDATE OF e' : ''}`, [id]);
  return row;
}

export interface EntryFilter {
  volunteerId?: string | undefined;
  teamId?: string | undefined;
  communityId?: string | undefined;
  status?: HoursEntryStatus | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function entryConditions(filter: EntryFilter): { where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(`$${params.length}`));
  };
  if (filter.volunteerId !== undefined) add((n) => `e.volunteer_id = ${n}`, filter.volunteerId);
  if (filter.teamId !== undefined) add((n) => `e.team_id = ${n}`, filter.teamId);
  if (filter.communityId !== undefined) add((n) => `t.community_id = ${n}`, filter.communityId);
  if (filter.status !== undefined) add((n) => `e.status = ${n}`, filter.status);
  if (filter.from !== undefined) add((n) => `e.served_on >= ${n}::date`, filter.from);
  if (filter.to !== undefined) add((n) => `e.served_on <= ${n}::date`, filter.to);
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/**
 * Entries matching `filter`. `order`: `recent` (the day it happened, newest first) or `queue`
 * (oldest logged first — the order staff review in) or `chronological` (oldest day first).
 */
export async function listEntries(
  db: Queryable,
  filter: EntryFilter,
  options: { order: 'recent' | 'queue' | 'chronological'; limit?: number; offset?: number },
): Promise<EntryRow[]> {
  const { where, params } = entryConditions(filter);
  const order = {
    recent: 'e.served_on DESC, e.created_at DESC, e.id',
    queue: 'e.created_at, e.id',
    chronological: 'e.served_on, e.created_at, e.id',
  }[options.order];
  const page = options.limit === undefined ? '' : ` LIMIT ${Math.floor(options.limit)} OFFSET ${Math.floor(options.offset ?? 0)}`;
  return db.query<EntryRow>(`${ENTRY_SELECT} ${where} ORDER BY ${order}${page}`, params);
}

export async function countEntries(db: Queryable, filter: EntryFilter): Promise<number> {
  const { where, params } = entryConditions(filter);
  const [row] = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM volunteer_entries e JOIN volunteer_teams t ON t.id = e.team_id ${where}`,
    params,
  );
  return row?.count ?? 0;
}

/** Writes an entry's fields and review state, bumping its version. */
export async function updateEntry(
  db: Queryable,
  id: string,
  next: EntryFields & {
    status: HoursEntryStatus;
    rejectReason: string | null;
    reviewedBy: string | null;
    reviewedAt: Date | null;
  },
): Promise<void> {
  await db.query(
    `UPDATE volunteer_entries SET team_id = $2, activity_type = $3, served_on = $4::date, started_at = $5, ended_at = $6,
       minutes = $7, area_id = $8, served_group = $9, served_count = $10, note = $11, status = $12, reject_reason = $13,
       reviewed_by = $14, reviewed_at = $15, version = version + 1, updated_at = now()
     WHERE id = $1`,
    [
      id,
      next.teamId,
      next.activityType,
      next.date,
      next.startedAt,
      next.endedAt,
      next.minutes,
      next.areaId,
      next.servedGroup,
      next.servedCount,
      next.note,
      next.status,
      next.rejectReason,
      next.reviewedBy,
      next.reviewedAt,
    ],
  );
}

export interface EntryChangeRow {
  entryId: string;
  at: Date;
  actor: string;
  action: 'created' | 'edited' | 'approved' | 'rejected';
  changes: Record<string, { from: unknown; to: unknown }>;
  reason: string | null;
}

export async function insertEntryChange(db: Queryable, change: Omit<EntryChangeRow, 'at'> & { at?: Date }): Promise<void> {
  await db.query(
    `INSERT INTO volunteer_entry_changes (entry_id, at, actor, action, changes, reason)
     VALUES ($1, COALESCE($2, now()), $3, $4, $5::text::jsonb, $6)`,
    [change.entryId, change.at ?? null, change.actor, change.action, JSON.stringify(change.changes), change.reason],
  );
}

/** The history of each entry, oldest change first, by entry id. */
export async function entryHistories(db: Queryable, entryIds: readonly string[]): Promise<Map<string, EntryChangeRow[]>> {
  const rows = await db.query<EntryChangeRow>(
    `SELECT entry_id AS "entryId", at, actor, action, changes, reason
     FROM volunteer_entry_changes WHERE entry_id = ANY($1::text[]) ORDER BY id`,
    [entryIds],
  );
  const byEntry = new Map<string, EntryChangeRow[]>();
  for (const row of rows) byEntry.set(row.entryId, [...(byEntry.get(row.entryId) ?? []), row]);
  return byEntry;
}

// ── goals ───────────────────────────────────────────────────────────────────────────────────────────

export type GoalScope = { kind: 'community' | 'team'; id: string };

export async function findMonthGoal(db: Queryable, scope: GoalScope): Promise<number | undefined> {
  const [row] = await db.query<{ minutes: number }>(
    `SELECT month_minutes AS minutes FROM volunteer_goals WHERE scope_kind = $1 AND scope_id = $2`,
    [scope.kind, scope.id],
  );
  return row?.minutes;
}

export async function setMonthGoal(db: Queryable, scope: GoalScope, minutes: number | null, actor: string): Promise<void> {
  if (minutes === null) {
    await db.query(`DELETE FROM volunteer_goals WHERE scope_kind = $1 AND scope_id = $2`, [scope.kind, scope.id]);
    return;
  }
  await db.query(
    `INSERT INTO volunteer_goals (scope_kind, scope_id, month_minutes, updated_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (scope_kind, scope_id) DO UPDATE SET month_minutes = $3, updated_by = $4, updated_at = now()`,
    [scope.kind, scope.id, minutes, actor],
  );
}

// ── totals ──────────────────────────────────────────────────────────────────────────────────────────

/** The revision of the volunteering tables: it changes in the same transaction as any of their data. */
export async function volunteeringRevision(db: Queryable): Promise<string> {
  const [row] = await db.query<{ revision: string }>(`SELECT revision::text AS revision FROM volunteering_revision`);
  return row?.revision ?? '0';
}

export type HoursScope = { kind: 'community'; id: string } | { kind: 'team'; id: string } | { kind: 'volunteer'; id: string };

export interface DaySpan {
  from: string | null;
  to: string | null;
}

export interface HoursAggregate {
  minutes: number;
  entries: number;
  volunteers: number;
  /** Minutes per team id (teams with none are absent). */
  byTeam: Map<string, number>;
  /** Minutes per `YYYY-MM` within the trend span (months with none are absent). */
  byMonth: Map<string, number>;
}

/**
 * Approved minutes for a scope: the total, entries and distinct volunteers in `period`, and — when
 * asked — per team (in `period`) and per month (in `trend`), in **one** query over the approved-only
 * indexes (GROUPING SETS: one pass, one row per group; the team and month groups are small enough to
 * compute whether or not they are asked for).
 */
export async function aggregateHours(
  db: Queryable,
  scope: HoursScope,
  period: DaySpan,
  options: { byTeam: boolean; trend: DaySpan | null },
): Promise<HoursAggregate> {
  const params: unknown[] = [scope.id];
  const scopeSql = {
    community: `e.team_id IN (SELECT id FROM volunteer_teams WHERE community_id = $1)`,
    team: `e.team_id = $1`,
    volunteer: `e.volunteer_id = $1`,
  }[scope.kind];
  const span = (days: DaySpan): string => {
    const parts: string[] = [];
    if (days.from !== null) {
      params.push(days.from);
      parts.push(`e.served_on >= $${params.length}::date`);
    }
    if (days.to !== null) {
      params.push(days.to);
      parts.push(`e.served_on <= $${params.length}::date`);
    }
    return parts.length > 0 ? parts.join(' AND ') : 'true';
  };
  const inPeriod = span(period);
  const inTrend = options.trend ? span(options.trend) : 'false';
  const rows = await db.query<{ kind: 'total' | 'team' | 'month'; teamId: string | null; month: string | null; minutes: number; entries: number; volunteers: number }>(
    `SELECT CASE WHEN GROUPING(team_id) = 0 THEN 'team' WHEN GROUPING(month) = 0 THEN 'month' ELSE 'total' END AS kind,
            team_id AS "teamId", month,
            CASE WHEN GROUPING(month) = 0 THEN COALESCE(sum(minutes) FILTER (WHERE in_trend), 0)
                 ELSE COALESCE(sum(minutes) FILTER (WHERE in_period), 0) END::int AS minutes,
            count(*) FILTER (WHERE in_period)::int AS entries,
            count(DISTINCT volunteer_id) FILTER (WHERE in_period)::int AS volunteers
     FROM (
       SELECT e.team_id, e.volunteer_id, e.minutes, to_char(e.served_on, 'YYYY-MM') AS month,
              (${inPeriod}) AS in_period, (${inTrend}) AS in_trend
       FROM volunteer_entries e
       WHERE e.status = 'approved' AND ${scopeSql} AND ((${inPeriod}) OR (${inTrend}))
     ) approved
     GROUP BY GROUPING SETS ((), (team_id), (month))`,
    params,
  );
  const result: HoursAggregate = { minutes: 0, entries: 0, volunteers: 0, byTeam: new Map(), byMonth: new Map() };
  for (const row of rows) {
    if (row.kind === 'total') Object.assign(result, { minutes: row.minutes, entries: row.entries, volunteers: row.volunteers });
    else if (row.kind === 'team' && options.byTeam && row.minutes > 0) result.byTeam.set(row.teamId!, row.minutes);
    else if (row.kind === 'month' && row.minutes > 0) result.byMonth.set(row.month!, row.minutes);
  }
  return result;
}

/** Approved minutes and entry counts grouped by any of volunteer, team and month, for the totals export. */
export async function groupedTotals(
  db: Queryable,
  filter: EntryFilter,
  groups: ReadonlyArray<'volunteer' | 'team' | 'month'>,
): Promise<
  Array<{ month: string | null; volunteerCode: string | null; volunteerName: string | null; teamId: string | null; teamName: LocalizedText | null; minutes: number; entries: number }>
> {
  const { where, params } = entryConditions({ ...filter, status: 'approved' });
  const columns = {
    month: { select: `to_char(e.served_on, 'YYYY-MM')`, as: 'month', group: [`to_char(e.served_on, 'YYYY-MM')`] },
    volunteer: { select: `v.code AS "volunteerCode", v.name`, as: 'volunteerName', group: ['v.code', 'v.name'] },
    team: { select: `t.id AS "teamId", t.name`, as: 'teamName', group: ['t.id', 't.name', 't.sort_order'] },
  };
  const order = (['month', 'team', 'volunteer'] as const).filter((group) => groups.includes(group));
  const select = [
    groups.includes('month') ? `${columns.month.select} AS month` : `NULL AS month`,
    groups.includes('volunteer') ? `${columns.volunteer.select} AS "volunteerName"` : `NULL AS "volunteerCode", NULL AS "volunteerName"`,
    groups.includes('team') ? `${columns.team.select} AS "teamName"` : `NULL AS "teamId", NULL AS "teamName"`,
  ];
  const groupBy = order.flatMap((group) => columns[group].group);
  const orderBy = order.map((group) => ({ month: 'month', team: 't.sort_order, t.id', volunteer: 'v.name, v.code' })[group]);
  return db.query(
    `SELECT ${select.join(', ')}, sum(e.minutes)::int AS minutes, count(*)::int AS entries
     FROM volunteer_entries e JOIN volunteer_teams t ON t.id = e.team_id JOIN volunteers v ON v.id = e.volunteer_id
     ${where}
     ${groupBy.length > 0 ? `GROUP BY ${groupBy.join(', ')}` : ''}
     ${orderBy.length > 0 ? `ORDER BY ${orderBy.join(', ')}` : ''}`,
    params,
  );
}
