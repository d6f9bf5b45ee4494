import { randomUUID } from 'node:crypto';
import {
  COMMUNITY_TIME_ZONE,
  HoursCertificateQuery,
  HoursEntriesExportQuery,
  HoursEntryApprove,
  HoursEntryCreate,
  HoursEntryEdit,
  HoursEntryListQuery,
  HoursEntryReject,
  HoursGoalSet,
  HoursQuery,
  HoursTotalsExportQuery,
  REPORTABLE_AREA_LEVELS,
  StaffHoursEntryListQuery,
  VolunteerAccessKey,
  VolunteerCode,
  VolunteerSignup,
  VolunteerTeamCreate,
  VolunteerTeamListQuery,
  localize,
  normalizeVolunteerAccessKey,
  normalizeVolunteerCode,
  toZonedIso,
  type HoursCertificate,
  type HoursEntry,
  type HoursEntryChange,
  type HoursEntryStatus,
  type HoursTotalsGroup,
  type StaffHoursEntry,
  type StaffVolunteer,
  type VolunteerSelf,
  type VolunteerTeam,
} from '@doorstep/sdk';
import { Hono, type MiddlewareHandler } from 'hono';
import type * as z from 'zod/mini';
import { requireStaff, type StaffEnv } from '../auth.js';
import type { ServerConfig } from '../config.js';
import { csvHeaders, toCsv, type CsvCell } from '../csv.js';
import { findArea, listAreas } from '../db/areas.js';
import type { Database, Queryable } from '../db/database.js';
import {
  countEntries,
  entryHistories,
  findEntry,
  findMonthGoal,
  findTeam,
  findTeams,
  findVolunteerByCode,
  findVolunteerByKeyDigest,
  groupedTotals,
  insertEntry,
  insertEntryChange,
  insertTeam,
  insertVolunteer,
  listEntries,
  listTeams,
  listVolunteers,
  membershipsOf,
  setAccessKeyDigest,
  setMonthGoal,
  updateEntry,
  volunteerTotals,
  type EntryChangeRow,
  type EntryFields,
  type EntryRow,
  type TeamRow,
  type VolunteerRow,
} from '../db/volunteering.js';
import { ApiError, notFound, unprocessable, validationFailed, type FieldMessages } from '../errors.js';
import { negotiateLocale, translate, type MessageKey } from '../i18n.js';
import { idempotentCreate } from '../idempotent-create.js';
import { readJsonBody } from '../json-body.js';
import { maskPhone } from '../mask.js';
import { phoneKey } from '../phone-key.js';
import { parseOrThrow } from '../validation.js';
import { digestAccessKey, generateAccessKey, generateVolunteerCode } from '../volunteering/codes.js';
import { lastDayOfMonth, monthOf, todayIn } from '../volunteering/periods.js';
import { hoursSummaries } from '../volunteering/summary.js';
import { diffFields, editedTiming, resolveTiming, type Clock, type Timing } from '../volunteering/timing.js';

export interface VolunteeringOptions {
  /** The community's time zone: "this month", dates of entries and certificates follow it. */
  timeZone?: string;
  /** The clock (tests set it to a month's edge). */
  now?: () => Date;
}

type VolunteerEnv = { Variables: { volunteer: VolunteerRow } };

const CODE_ATTEMPTS = 5;

// ── views ───────────────────────────────────────────────────────────────────────────────────────────

/** Area names from the district down, for every area, read once per request. */
async function areaPaths(db: Queryable): Promise<(id: string | null) => string[]> {
  const areas = await listAreas(db);
  const byId = new Map(areas.map((area) => [area.id, area]));
  return (id) => {
    const path: string[] = [];
    for (let area = id === null ? undefined : byId.get(id); area; area = area.parentId === null ? undefined : byId.get(area.parentId)) {
      path.unshift(area.name);
    }
    return path;
  };
}

function toTeam(row: TeamRow): VolunteerTeam {
  return {
    id: row.id,
    communityId: row.communityId,
    name: row.name,
    description: row.description,
    activityTypes: row.activityTypes,
    memberCount: row.memberCount,
  };
}

function activityOf(row: Pick<EntryRow, 'activityType' | 'teamActivityTypes'>) {
  // A type the team no longer lists keeps its key as its name, rather than failing the whole list.
  return row.teamActivityTypes.find((type) => type.key === row.activityType) ?? { key: row.activityType, name: { 'zh-CN': row.activityType } };
}

function toEntry(row: EntryRow, pathOf: (id: string | null) => string[], timeZone: string): HoursEntry {
  return {
    id: row.id,
    team: { id: row.teamId, name: row.teamName },
    activityType: activityOf(row),
    date: row.date,
    startedAt: row.startedAt && toZonedIso(row.startedAt, timeZone),
    endedAt: row.endedAt && toZonedIso(row.endedAt, timeZone),
    minutes: row.minutes,
    areaId: row.areaId,
    areaPath: pathOf(row.areaId),
    servedGroup: row.servedGroup,
    servedCount: row.servedCount,
    note: row.note,
    status: row.status,
    rejectReason: row.rejectReason,
    reviewedAt: row.reviewedAt && toZonedIso(row.reviewedAt, timeZone),
    createdAt: toZonedIso(row.createdAt, timeZone),
    updatedAt: toZonedIso(row.updatedAt, timeZone),
    version: row.version,
  };
}

function toChange(row: EntryChangeRow, timeZone: string): HoursEntryChange {
  return { at: toZonedIso(row.at, timeZone), actor: row.actor, action: row.action, changes: row.changes, reason: row.reason };
}

function toStaffEntry(row: EntryRow, history: EntryChangeRow[], pathOf: (id: string | null) => string[], timeZone: string): StaffHoursEntry {
  return {
    ...toEntry(row, pathOf, timeZone),
    volunteer: { code: row.volunteerCode, name: row.volunteerName, phone: row.volunteerPhone },
    reviewedBy: row.reviewedBy,
    history: history.map((change) => toChange(change, timeZone)),
  };
}

function fieldsOf(row: EntryRow): EntryFields {
  return {
    teamId: row.teamId,
    activityType: row.activityType,
    date: row.date,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    minutes: row.minutes,
    areaId: row.areaId,
    servedGroup: row.servedGroup,
    servedCount: row.servedCount,
    note: row.note,
  };
}

// ── rules ───────────────────────────────────────────────────────────────────────────────────────────

/** The team exists, is active and belongs to `communityId`; the activity is one it logs. */
async function checkTeamAndActivity(
  db: Queryable,
  teamId: string,
  activityType: string,
  communityId: string,
  fields: FieldMessages,
): Promise<void> {
  const team = await findTeam(db, teamId);
  if (!team || !team.active || team.communityId !== communityId) fields.teamId = { key: 'volunteering_field_team_unknown' };
  else if (!team.activityTypes.some((type) => type.key === activityType)) fields.activityType = { key: 'volunteering_field_activity_unknown' };
}

/** Where it happened: an existing community, compound, building or unit. */
async function checkArea(db: Queryable, areaId: string | null, fields: FieldMessages): Promise<void> {
  if (areaId === null) return;
  const area = await findArea(db, areaId);
  if (!area) fields.areaId = { key: 'field_unknown_area' };
  else if (!REPORTABLE_AREA_LEVELS.includes(area.level)) fields.areaId = { key: 'field_area_too_broad' };
}

/** Parses like `parseOrThrow`, but words the problems the generic messages say badly. */
function parseWithMessages<S extends z.ZodMiniType>(schema: S, input: unknown, messages: Record<string, MessageKey>): z.output<S> {
  try {
    return parseOrThrow(schema, input);
  } catch (error) {
    if (error instanceof ApiError && error.fields) {
      for (const [field, key] of Object.entries(messages)) {
        if (error.fields[field] && error.fields[field].key !== 'field_required') error.fields[field] = { key };
      }
    }
    throw error;
  }
}

function requireVolunteer(db: Database): MiddlewareHandler<VolunteerEnv> {
  return async (c, next) => {
    const match = /^Volunteer\s+(.+)$/i.exec(c.req.header('authorization')?.trim() ?? '');
    const key = match ? normalizeVolunteerAccessKey(match[1]!) : undefined;
    const volunteer =
      key !== undefined && VolunteerAccessKey.safeParse(key).success ? await findVolunteerByKeyDigest(db, digestAccessKey(key)) : undefined;
    if (!volunteer) {
      c.header('WWW-Authenticate', 'Volunteer realm="doorstep"');
      throw new ApiError(401, 'unauthorized', 'volunteering_unauthorized');
    }
    c.set('volunteer', volunteer);
    await next();
  };
}

function staffEntryFilter(query: z.output<typeof StaffHoursEntryListQuery> | z.output<typeof HoursEntriesExportQuery>, volunteerId?: string) {
  return {
    ...(query.status === undefined ? {} : { status: query.status }),
    ...(query.team === undefined ? {} : { teamId: query.team }),
    ...(query.community === undefined ? {} : { communityId: query.community }),
    ...(volunteerId === undefined ? {} : { volunteerId }),
    ...(query.from === undefined ? {} : { from: query.from }),
    ...(query.to === undefined ? {} : { to: query.to }),
  };
}

const hoursOf = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;

// ── routes ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * Volunteer service hours. Public: teams, the counter, sign-up. A volunteer (`Authorization: Volunteer
 * <access key>`): their record, entries, logging, certificate. Staff (`volunteering` role): the review
 * queue, approve / reject / edit with history, volunteers, teams, goals, CSV exports.
 */
export function volunteeringRoutes(db: Database, config: ServerConfig, options: VolunteeringOptions = {}): Hono {
  const timeZone = options.timeZone ?? COMMUNITY_TIME_ZONE;
  const now = options.now ?? (() => new Date());
  const clock = (): Clock => {
    const instant = now();
    return { now: instant, today: todayIn(timeZone, instant), timeZone };
  };
  const summaries = hoursSummaries(db, { timeZone, now });
  const staff = requireStaff(config.staffTokens, 'volunteering');
  const volunteerAuth = requireVolunteer(db);

  async function selfView(tx: Queryable, volunteer: VolunteerRow): Promise<VolunteerSelf> {
    const today = clock().today;
    const month = monthOf(today);
    const totals = await volunteerTotals(
      tx,
      volunteer.id,
      { from: `${month}-01`, to: lastDayOfMonth(month) },
      { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` },
    );
    const teams = (await membershipsOf(tx, [volunteer.id])).get(volunteer.id) ?? [];
    return {
      code: volunteer.code,
      name: volunteer.name,
      phone: maskPhone(volunteer.phone),
      communityId: volunteer.communityId,
      teams,
      availability: volunteer.availability,
      skills: volunteer.skills,
      joinedAt: toZonedIso(volunteer.createdAt, timeZone),
      totals,
    };
  }

  async function staffEntryView(tx: Queryable, id: string): Promise<StaffHoursEntry> {
    const row = await findEntry(tx, id);
    if (!row) throw notFound('volunteering_entry_not_found');
    const history = (await entryHistories(tx, [id])).get(id) ?? [];
    return toStaffEntry(row, history, await areaPaths(tx), timeZone);
  }

  /** Loads an entry for a staff action, locked for the transaction, checking the version when one is given. */
  async function entryForAction(tx: Queryable, id: string, version: number | undefined): Promise<EntryRow> {
    const row = await findEntry(tx, id, { forUpdate: true });
    if (!row) throw notFound('volunteering_entry_not_found');
    if (version !== undefined && version !== row.version) throw new ApiError(409, 'conflict', 'volunteering_version_conflict');
    return row;
  }

  const publicRoutes = new Hono()
    .get('/v1/volunteering/teams', async (c) => {
      const query = parseOrThrow(VolunteerTeamListQuery, c.req.query());
      return c.json({ teams: (await listTeams(db, query.community)).map(toTeam) });
    })
    .get('/v1/volunteering/hours', async (c) => {
      const query = parseOrThrow(HoursQuery, c.req.query());
      const answer = await summaries(query, c.req.header('if-none-match'));
      // `no-cache`: any cache may keep the answer but must ask again each time; the ETag makes asking
      // cheap (a 304 after one primary-key read), and no one ever sees a total older than the last poll.
      const headers = { etag: answer.etag, 'cache-control': 'no-cache' };
      if (answer.status === 304) return c.body(null, 304, headers);
      return c.body(answer.body, 200, { ...headers, 'content-type': 'application/json' });
    })
    .post('/v1/volunteering/volunteers', async (c) => {
      const input = parseWithMessages(VolunteerSignup, await readJsonBody(c), { consent: 'volunteering_field_consent' });
      return idempotentCreate(c, db, 'POST /v1/volunteering/volunteers', input, async (tx) => {
        const teamIds = [...new Set(input.teamIds)];
        const teams = await findTeams(tx, teamIds);
        const fields: FieldMessages = {};
        if (teams.length !== teamIds.length || teams.some((team) => !team.active)) fields.teamIds = { key: 'volunteering_field_team_unknown' };
        else if (new Set(teams.map((team) => team.communityId)).size > 1) fields.teamIds = { key: 'volunteering_field_teams_one_community' };
        if (Object.keys(fields).length > 0) throw unprocessable(fields);
        const accessKey = generateAccessKey();
        const volunteer = {
          id: randomUUID(),
          communityId: teams[0]!.communityId,
          name: input.name,
          phone: input.phone,
          phoneKey: phoneKey(input.phone),
          availability: input.availability,
          skills: input.skills,
          skillsNote: input.skillsNote || null,
          note: input.note || null,
          accessKeyDigest: digestAccessKey(accessKey),
          teamIds,
        };
        for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
          const result = await insertVolunteer(tx, generateVolunteerCode(), volunteer);
          if (result.kind === 'phone-taken') throw new ApiError(409, 'conflict', 'volunteering_already_registered');
          if (result.kind === 'created') return { status: 201, body: { volunteer: await selfView(tx, result.volunteer), accessKey } };
        }
        throw new Error(`No free volunteer code after ${CODE_ATTEMPTS} attempts`);
      });
    });

  const volunteerRoutes = new Hono<VolunteerEnv>()
    .use('/v1/volunteering/me', volunteerAuth)
    .use('/v1/volunteering/me/*', volunteerAuth)
    .get('/v1/volunteering/me', async (c) => c.json(await selfView(db, c.get('volunteer'))))
    .get('/v1/volunteering/me/entries', async (c) => {
      const query = parseOrThrow(HoursEntryListQuery, c.req.query());
      const rows = await listEntries(db, { volunteerId: c.get('volunteer').id, ...query }, { order: 'recent', limit: 1000 });
      const pathOf = await areaPaths(db);
      return c.json({ entries: rows.map((row) => toEntry(row, pathOf, timeZone)) });
    })
    .post('/v1/volunteering/me/entries', async (c) => {
      const volunteer = c.get('volunteer');
      const input = parseWithMessages(HoursEntryCreate, await readJsonBody(c), { hours: 'volunteering_field_hours' });
      // The key is the volunteer's own: two volunteers may happen to send the same key.
      return idempotentCreate(c, db, `POST /v1/volunteering/me/entries ${volunteer.id}`, input, async (tx) => {
        const fields: FieldMessages = {};
        const { timing, fields: timingFields } = resolveTiming(
          { date: input.date, minutes: input.hours === undefined ? undefined : Math.round(input.hours * 60), startedAt: input.startedAt, endedAt: input.endedAt },
          clock(),
        );
        Object.assign(fields, timingFields);
        await checkTeamAndActivity(tx, input.teamId, input.activityType, volunteer.communityId, fields);
        await checkArea(tx, input.areaId ?? null, fields);
        if (Object.keys(fields).length > 0 || !timing) throw unprocessable(fields);
        const id = randomUUID();
        await insertEntry(tx, {
          id,
          volunteerId: volunteer.id,
          teamId: input.teamId,
          activityType: input.activityType,
          ...timing,
          areaId: input.areaId ?? null,
          servedGroup: input.servedGroup ?? null,
          servedCount: input.servedCount ?? null,
          note: input.note || null,
        });
        await insertEntryChange(tx, { entryId: id, actor: volunteer.code, action: 'created', changes: {}, reason: null });
        return { status: 201, body: toEntry((await findEntry(tx, id))!, await areaPaths(tx), timeZone) };
      });
    })
    .get('/v1/volunteering/me/certificate', async (c) => {
      const volunteer = c.get('volunteer');
      const { from, to } = parseOrThrow(HoursCertificateQuery, c.req.query());
      if (from > to) throw validationFailed({ from: { key: 'volunteering_field_from_after_to' } });
      const rows = await listEntries(db, { volunteerId: volunteer.id, status: 'approved', from, to }, { order: 'chronological' });
      const community = await findArea(db, volunteer.communityId);
      const teamIds = [...new Set(rows.map((row) => row.teamId))];
      const teams =
        teamIds.length > 0
          ? (await findTeams(db, teamIds)).map((team) => ({ id: team.id, name: team.name }))
          : ((await membershipsOf(db, [volunteer.id])).get(volunteer.id) ?? []);
      const certificate: HoursCertificate = {
        volunteer: { code: volunteer.code, name: volunteer.name },
        community: { id: volunteer.communityId, name: community?.name ?? volunteer.communityId },
        teams,
        from,
        to,
        minutes: rows.reduce((sum, row) => sum + row.minutes, 0),
        entries: rows.map((row) => ({ date: row.date, team: { id: row.teamId, name: row.teamName }, activityType: activityOf(row), minutes: row.minutes })),
        issuedOn: clock().today,
        timeZone,
      };
      return c.json(certificate);
    });

  const staffRoutes = new Hono<StaffEnv>()
    .use('/v1/staff/volunteering/*', staff)
    .get('/v1/staff/volunteering/entries', async (c) => {
      const query = parseOrThrow(StaffHoursEntryListQuery, c.req.query());
      let volunteerId: string | undefined;
      if (query.volunteer !== undefined) {
        const volunteer = await findVolunteerByCode(db, query.volunteer);
        if (!volunteer) return c.json({ entries: [], total: 0 });
        volunteerId = volunteer.id;
      }
      const filter = staffEntryFilter(query, volunteerId);
      const rows = await listEntries(db, filter, {
        order: query.status === 'pending' ? 'queue' : 'recent',
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      const histories = await entryHistories(db, rows.map((row) => row.id));
      const pathOf = await areaPaths(db);
      return c.json({
        entries: rows.map((row) => toStaffEntry(row, histories.get(row.id) ?? [], pathOf, timeZone)),
        total: await countEntries(db, filter),
      });
    })
    .get('/v1/staff/volunteering/entries/:id', async (c) => c.json(await staffEntryView(db, c.req.param('id'))))
    .post('/v1/staff/volunteering/entries/:id/approve', async (c) => {
      const id = c.req.param('id');
      const input = parseOrThrow(HoursEntryApprove, await readJsonBody(c));
      const actor = c.get('staff').name;
      return idempotentCreate(c, db, `POST /v1/staff/volunteering/entries/${id}/approve`, input, async (tx) => {
        const row = await entryForAction(tx, id, input.version);
        // Approving an approved entry again changes nothing (and records nothing).
        if (row.status !== 'approved') {
          await updateEntry(tx, id, { ...fieldsOf(row), status: 'approved', rejectReason: null, reviewedBy: actor, reviewedAt: new Date() });
          await insertEntryChange(tx, { entryId: id, actor, action: 'approved', changes: { status: { from: row.status, to: 'approved' } }, reason: null });
        }
        return { status: 200, body: await staffEntryView(tx, id) };
      });
    })
    .post('/v1/staff/volunteering/entries/:id/reject', async (c) => {
      const id = c.req.param('id');
      const input = parseOrThrow(HoursEntryReject, await readJsonBody(c));
      const actor = c.get('staff').name;
      return idempotentCreate(c, db, `POST /v1/staff/volunteering/entries/${id}/reject`, input, async (tx) => {
        const row = await entryForAction(tx, id, input.version);
        const changes: EntryChangeRow['changes'] = {};
        if (row.status !== 'rejected') changes.status = { from: row.status, to: 'rejected' };
        if (row.rejectReason !== input.reason) changes.rejectReason = { from: row.rejectReason, to: input.reason };
        if (Object.keys(changes).length > 0) {
          await updateEntry(tx, id, { ...fieldsOf(row), status: 'rejected', rejectReason: input.reason, reviewedBy: actor, reviewedAt: new Date() });
          await insertEntryChange(tx, { entryId: id, actor, action: 'rejected', changes, reason: input.reason });
        }
        return { status: 200, body: await staffEntryView(tx, id) };
      });
    })
    .post('/v1/staff/volunteering/entries/:id/edit', async (c) => {
      const id = c.req.param('id');
      const input = parseWithMessages(HoursEntryEdit, await readJsonBody(c), { hours: 'volunteering_field_hours' });
      const actor = c.get('staff').name;
      return idempotentCreate(c, db, `POST /v1/staff/volunteering/entries/${id}/edit`, input, async (tx) => {
        const row = await entryForAction(tx, id, input.version);
        const before = fieldsOf(row);
        const fields: FieldMessages = {};
        let timing: Timing = { date: row.date, startedAt: row.startedAt, endedAt: row.endedAt, minutes: row.minutes };
        const timingInput = editedTiming(timing, input);
        if (timingInput) {
          const resolved = resolveTiming(timingInput, clock());
          Object.assign(fields, resolved.fields);
          if (resolved.timing) timing = resolved.timing;
        }
        const after: EntryFields = {
          teamId: input.teamId ?? row.teamId,
          activityType: input.activityType ?? row.activityType,
          ...timing,
          areaId: input.areaId === undefined ? row.areaId : input.areaId,
          servedGroup: input.servedGroup === undefined ? row.servedGroup : input.servedGroup,
          servedCount: input.servedCount === undefined ? row.servedCount : input.servedCount,
          note: input.note === undefined ? row.note : input.note || null,
        };
        if (input.teamId !== undefined || input.activityType !== undefined) {
          const team = await findTeam(tx, row.teamId);
          await checkTeamAndActivity(tx, after.teamId, after.activityType, team?.communityId ?? '', fields);
        }
        if (input.areaId !== undefined) await checkArea(tx, after.areaId, fields);
        if (Object.keys(fields).length > 0) throw unprocessable(fields);
        const changes = diffFields(before, after, timeZone);
        if (Object.keys(changes).length === 0) throw new ApiError(422, 'unprocessable', 'volunteering_edit_nothing');
        // The review state stays: an approved entry stays approved, and the totals follow its new minutes.
        await updateEntry(tx, id, { ...after, status: row.status, rejectReason: row.rejectReason, reviewedBy: row.reviewedBy, reviewedAt: row.reviewedAt });
        await insertEntryChange(tx, { entryId: id, actor, action: 'edited', changes, reason: input.reason });
        return { status: 200, body: await staffEntryView(tx, id) };
      });
    })
    .get('/v1/staff/volunteering/volunteers', async (c) => {
      const query = parseOrThrow(VolunteerTeamListQuery, { community: c.req.query('community') });
      const team = c.req.query('team');
      const rows = await listVolunteers(db, { communityId: query.community, teamId: team });
      const memberships = await membershipsOf(db, rows.map((row) => row.id));
      const volunteers: StaffVolunteer[] = rows.map((row) => ({
        id: row.id,
        code: row.code,
        name: row.name,
        phone: row.phone,
        communityId: row.communityId,
        teams: memberships.get(row.id) ?? [],
        availability: row.availability,
        skills: row.skills,
        skillsNote: row.skillsNote,
        note: row.note,
        joinedAt: toZonedIso(row.createdAt, timeZone),
        approvedMinutes: row.approvedMinutes,
      }));
      return c.json({ volunteers });
    })
    .post('/v1/staff/volunteering/volunteers/:code/access-key', async (c) => {
      const code = normalizeVolunteerCode(c.req.param('code'));
      const volunteer = VolunteerCode.safeParse(code).success ? await findVolunteerByCode(db, code) : undefined;
      if (!volunteer) throw notFound('volunteering_volunteer_not_found');
      return idempotentCreate(c, db, `POST /v1/staff/volunteering/volunteers/${code}/access-key`, {}, async (tx) => {
        const accessKey = generateAccessKey();
        await setAccessKeyDigest(tx, volunteer.id, digestAccessKey(accessKey));
        return { status: 200, body: { code, accessKey } };
      });
    })
    .post('/v1/staff/volunteering/teams', async (c) => {
      const input = parseOrThrow(VolunteerTeamCreate, await readJsonBody(c));
      return idempotentCreate(c, db, 'POST /v1/staff/volunteering/teams', input, async (tx) => {
        const community = await findArea(tx, input.communityId);
        if (community?.level !== 'community') throw unprocessable({ communityId: { key: 'volunteering_field_not_community' } });
        const team = await insertTeam(tx, {
          id: input.id,
          communityId: input.communityId,
          name: input.name,
          description: input.description ?? null,
          activityTypes: input.activityTypes,
        });
        if (!team) throw new ApiError(409, 'conflict', 'volunteering_team_exists');
        return { status: 201, body: toTeam(team) };
      });
    })
    .post('/v1/staff/volunteering/goals', async (c) => {
      const input = parseWithMessages(HoursGoalSet, await readJsonBody(c), { hours: 'volunteering_field_hours' });
      if ((input.community === undefined) === (input.team === undefined)) throw new ApiError(400, 'validation_failed', 'volunteering_goal_scope');
      const scope = input.community !== undefined ? { kind: 'community' as const, id: input.community } : { kind: 'team' as const, id: input.team! };
      return idempotentCreate(c, db, 'POST /v1/staff/volunteering/goals', input, async (tx) => {
        if (scope.kind === 'community' && (await findArea(tx, scope.id))?.level !== 'community') throw notFound('volunteering_community_not_found');
        if (scope.kind === 'team' && !(await findTeam(tx, scope.id))) throw notFound('volunteering_team_not_found');
        await setMonthGoal(tx, scope, input.hours === null ? null : Math.round(input.hours * 60), c.get('staff').name);
        const minutes = await findMonthGoal(tx, scope);
        return { status: 200, body: { scope, goal: minutes === undefined ? null : { minutes, period: 'month' } } };
      });
    })
    .get('/v1/staff/volunteering/export/entries.csv', async (c) => {
      const query = parseOrThrow(HoursEntriesExportQuery, c.req.query());
      const locale = negotiateLocale(c.req.header('accept-language'));
      const rows = await listEntries(db, staffEntryFilter(query), { order: 'chronological' });
      const pathOf = await areaPaths(db);
      const say = (key: MessageKey) => translate(locale, { key });
      const header = (
        [
          'entry', 'date', 'volunteer_code', 'volunteer_name', 'phone', 'team', 'activity', 'started', 'ended', 'minutes', 'hours',
          'area', 'served_group', 'served_count', 'note', 'status', 'reviewed_by', 'reviewed_at', 'reject_reason', 'logged_at',
        ] as const
      ).map((column) => say(`volunteering_csv_${column}`));
      const body = rows.map((row): CsvCell[] => [
        row.id,
        row.date,
        row.volunteerCode,
        row.volunteerName,
        row.volunteerPhone,
        localize(row.teamName, locale),
        localize(activityOf(row).name, locale),
        row.startedAt && toZonedIso(row.startedAt, timeZone),
        row.endedAt && toZonedIso(row.endedAt, timeZone),
        row.minutes,
        hoursOf(row.minutes),
        pathOf(row.areaId).slice(2).join(' '),
        row.servedGroup && say(`volunteering_served_${row.servedGroup}`),
        row.servedCount,
        row.note,
        say(`volunteering_status_${row.status}` as `volunteering_status_${HoursEntryStatus}`),
        row.reviewedBy,
        row.reviewedAt && toZonedIso(row.reviewedAt, timeZone),
        row.rejectReason,
        toZonedIso(row.createdAt, timeZone),
      ]);
      return c.body(toCsv(header, body), 200, csvHeaders(`volunteer-entries-${clock().today}.csv`));
    })
    .get('/v1/staff/volunteering/export/totals.csv', async (c) => {
      const query = parseOrThrow(HoursTotalsExportQuery, c.req.query());
      const locale = negotiateLocale(c.req.header('accept-language'));
      const groups = (query.by?.split(',') ?? ['volunteer', 'team', 'month']) as HoursTotalsGroup[];
      const rows = await groupedTotals(db, staffEntryFilter(query), groups);
      const say = (key: MessageKey) => translate(locale, { key });
      const has = (group: HoursTotalsGroup) => groups.includes(group);
      const header = [
        ...(has('month') ? [say('volunteering_csv_month')] : []),
        ...(has('team') ? [say('volunteering_csv_team')] : []),
        ...(has('volunteer') ? [say('volunteering_csv_volunteer_code'), say('volunteering_csv_volunteer_name')] : []),
        say('volunteering_csv_entries'),
        say('volunteering_csv_minutes'),
        say('volunteering_csv_hours'),
      ];
      const body = rows.map((row): CsvCell[] => [
        ...(has('month') ? [row.month] : []),
        ...(has('team') ? [row.teamName && localize(row.teamName, locale)] : []),
        ...(has('volunteer') ? [row.volunteerCode, row.volunteerName] : []),
        row.entries,
        row.minutes,
        hoursOf(row.minutes),
      ]);
      return c.body(toCsv(header, body), 200, csvHeaders(`volunteer-totals-${clock().today}.csv`));
    });

  return new Hono().route('/', publicRoutes).route('/', volunteerRoutes).route('/', staffRoutes);
}

