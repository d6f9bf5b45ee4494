/**
 * The fake API's volunteering (see fake-api.ts): the server's sample teams, volunteers and year of hours,
 * totals computed here the way the server does (approved minutes only, community-time months), a
 * volunteer's log and certificate behind the demo access key, and the staff review queue, in memory.
 */
import {
  COMMUNITY_TIME_ZONE,
  addDays,
  calendarDateOf,
  toZonedIso,
  zonedInstant,
  type HoursCertificate,
  type HoursEntry,
  type HoursSummary,
  type StaffHoursEntry,
  type VolunteerSelf,
  type VolunteerTeam,
} from '@doorstep/sdk';
import {
  DEMO_VOLUNTEER,
  SEED_AREAS,
  SEED_VOLUNTEER_GOALS,
  SEED_VOLUNTEER_TEAMS,
  sampleEntries,
  sampleVolunteers,
  type SeedArea,
} from '@doorstep/server/sample-data';
import { maskPhone } from '@doorstep/server/mask';
import { json, type FakeRoute } from './fake-http.js';

/** `community="live"` answers a total that grows every few seconds (the live-update story). */
export const LIVE_COMMUNITY = 'live';
/** `community="unavailable"` fails (the load-error story). */
export const UNAVAILABLE_COMMUNITY = 'unavailable';
/** The demo volunteer's key (published in the docs and on the demo page). */
export const DEMO_ACCESS_KEY = DEMO_VOLUNTEER.accessKey;
/** A staff token the fake accepts, and one without the volunteering role. */
export const STAFF_TOKEN = 'storybook-volunteering-staff-token';
export const NO_ROLE_TOKEN = 'storybook-token-without-the-role';
/** A phone number the fake says is already signed up (the conflict story). */
export const TAKEN_PHONE = '13800000000';

const today = calendarDateOf(new Date());
const volunteers = sampleVolunteers();
const teams: VolunteerTeam[] = SEED_VOLUNTEER_TEAMS.map((team) => ({
  id: team.id,
  communityId: team.communityId,
  name: team.name,
  description: team.description,
  activityTypes: team.activityTypes,
  memberCount: volunteers.filter((volunteer) => volunteer.teamIds.includes(team.id)).length,
}));
const teamById = new Map(teams.map((team) => [team.id, team]));

function pathOf(id: string | null): string[] {
  const walk = (nodes: SeedArea[], path: string[]): string[] | undefined => {
    for (const node of nodes) {
      const here = [...path, node.name];
      if (node.id === id) return here;
      const found = node.children && walk(node.children, here);
      if (found) return found;
    }
    return undefined;
  };
  return id === null ? [] : (walk(SEED_AREAS, []) ?? []);
}

interface Row {
  entry: HoursEntry;
  volunteerCode: string;
  history: StaffHoursEntry['history'];
  reviewedBy: string | null;
}

let sequence = 0;
const rows: Row[] = sampleEntries(today, volunteers).map((seed) => {
  const team = teamById.get(seed.teamId)!;
  const startedAt = seed.startTime ? zonedInstant(seed.date, seed.startTime) : null;
  const logged = toZonedIso(zonedInstant(seed.date, '21:30'));
  const reviewed = seed.status === 'pending' ? null : toZonedIso(zonedInstant(addDays(seed.date, 1), '10:00'));
  const entry: HoursEntry = {
    id: `e-${++sequence}`,
    team: { id: team.id, name: team.name },
    activityType: team.activityTypes.find((type) => type.key === seed.activityType)!,
    date: seed.date,
    startedAt: startedAt && toZonedIso(startedAt),
    endedAt: startedAt && toZonedIso(new Date(startedAt.getTime() + seed.minutes * 60_000)),
    minutes: seed.minutes,
    areaId: seed.areaId,
    areaPath: pathOf(seed.areaId),
    servedGroup: seed.servedGroup,
    servedCount: seed.servedCount,
    note: seed.note,
    status: seed.status,
    rejectReason: seed.rejectReason,
    reviewedAt: reviewed,
    createdAt: logged,
    updatedAt: reviewed ?? logged,
    version: seed.status === 'pending' ? 1 : 2,
  };
  return { entry, volunteerCode: seed.volunteerCode, history: [], reviewedBy: reviewed ? '社区志愿服务站' : null };
});

/** Keys of volunteers who signed up in this session, and the demo volunteer's. */
const keys = new Map<string, string>([[DEMO_ACCESS_KEY, DEMO_VOLUNTEER.code]]);
const people = new Map(volunteers.map((volunteer) => [volunteer.code, { ...volunteer, joinedAt: toZonedIso(zonedInstant(addDays(today, -400), '09:00')) }]));

/** `json` with headers (the counter's ETag). */
const withHeaders = (response: Response, headers: Record<string, string>) => {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
};

const error = (status: number, code: string, message: string, fields?: Record<string, string>) =>
  json(status, { error: { code, message, ...(fields ? { fields } : {}) } });

const monthOf = (date: string) => date.slice(0, 7);
function lastDay(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(year, number, 0)).getUTCDate()).padStart(2, '0')}`;
}
function monthsBack(month: string, count: number): string[] {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const at = year * 12 + number - 1 - (count - 1 - index);
    return `${Math.floor(at / 12)}-${String((at % 12) + 1).padStart(2, '0')}`;
  });
}

function summary(url: URL): Response {
  const params = url.searchParams;
  const kind = (['community', 'team', 'volunteer'] as const).find((name) => params.has(name));
  if (!kind) return error(400, 'validation_failed', '请指定一个范围：社区（community）、服务队（team）或志愿者（volunteer），只能选一个。');
  const id = params.get(kind)!;
  if (id === UNAVAILABLE_COMMUNITY) throw new TypeError('Failed to fetch');
  const live = id === LIVE_COMMUNITY;
  const scopeId = live ? 'c-1' : id;
  const inScope = (row: Row) =>
    row.entry.status === 'approved' &&
    (kind === 'community' ? teamById.get(row.entry.team.id)?.communityId === scopeId : kind === 'team' ? row.entry.team.id === scopeId : row.volunteerCode === scopeId);
  const from = params.get('from');
  const to = params.get('to');
  const period = params.get('period') ?? 'month';
  const span =
    from || to
      ? { kind: 'range' as const, from, to }
      : period === 'year'
        ? { kind: 'year' as const, from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` }
        : period === 'all'
          ? { kind: 'all' as const, from: null, to: null }
          : { kind: 'month' as const, from: `${monthOf(today)}-01`, to: lastDay(monthOf(today)) };
  const inPeriod = (date: string) => (!span.from || date >= span.from) && (!span.to || date <= span.to);
  const approved = rows.filter(inScope);
  const counted = approved.filter((row) => inPeriod(row.entry.date));
  // The live story's total grows by an hour every four seconds.
  const tick = live ? Math.floor(Date.now() / 4000) % 1000 : 0;
  const minutes = counted.reduce((sum, row) => sum + row.entry.minutes, 0) + tick * 60;
  const goal = span.kind === 'month' && kind !== 'volunteer' ? SEED_VOLUNTEER_GOALS.find((candidate) => candidate.kind === kind && candidate.id === scopeId) : undefined;
  const include = new Set(params.get('include')?.split(',') ?? []);
  const end = span.to && monthOf(span.to) < monthOf(today) ? monthOf(span.to) : monthOf(today);
  const body: HoursSummary = {
    scope: { kind, id },
    period: span,
    timeZone: COMMUNITY_TIME_ZONE,
    minutes,
    entries: counted.length,
    volunteers: new Set(counted.map((row) => row.volunteerCode)).size,
    goal: goal ? { minutes: goal.hours * 60, period: 'month' } : null,
  };
  if (include.has('teams')) {
    const shown = kind === 'community' ? teams.filter((team) => team.communityId === scopeId) : [...new Set(counted.map((row) => row.entry.team.id))].map((teamId) => teamById.get(teamId)!);
    body.teams = shown
      .map((team) => ({ team: { id: team.id, name: team.name }, minutes: counted.filter((row) => row.entry.team.id === team.id).reduce((sum, row) => sum + row.entry.minutes, 0) }))
      .sort((a, b) => b.minutes - a.minutes);
    if (live && body.teams[0]) body.teams[0] = { ...body.teams[0], minutes: body.teams[0].minutes + tick * 60 };
  }
  if (include.has('trend')) {
    body.trend = monthsBack(end, 12).map((month) => ({
      month,
      minutes: approved.filter((row) => monthOf(row.entry.date) === month).reduce((sum, row) => sum + row.entry.minutes, 0) + (month === monthOf(today) ? tick * 60 : 0),
    }));
  }
  const text = JSON.stringify(body);
  // A cheap stand-in for the server's revision ETag: the answer's length and total.
  const etag = `"${text.length}.${minutes}.${rows.length}"`;
  return withHeaders(json(200, body), { etag, 'cache-control': 'no-cache' });
}

function self(code: string): VolunteerSelf {
  const person = people.get(code)!;
  const mine = rows.filter((row) => row.volunteerCode === code);
  const sum = (filter: (row: Row) => boolean) => mine.filter(filter).reduce((total, row) => total + row.entry.minutes, 0);
  return {
    code,
    name: person.name,
    phone: maskPhone(person.phone),
    communityId: person.communityId,
    teams: person.teamIds.map((id) => ({ id, name: teamById.get(id)!.name })),
    availability: person.availability,
    skills: person.skills,
    joinedAt: person.joinedAt,
    totals: {
      approvedMinutes: sum((row) => row.entry.status === 'approved'),
      monthMinutes: sum((row) => row.entry.status === 'approved' && monthOf(row.entry.date) === monthOf(today)),
      yearMinutes: sum((row) => row.entry.status === 'approved' && row.entry.date.startsWith(today.slice(0, 4))),
      pendingMinutes: sum((row) => row.entry.status === 'pending'),
    },
  };
}

function staffView(row: Row): StaffHoursEntry {
  const person = people.get(row.volunteerCode)!;
  return {
    ...row.entry,
    volunteer: { code: person.code, name: person.name, phone: person.phone },
    reviewedBy: row.reviewedBy,
    history: row.history.length > 0 ? row.history : [{ at: row.entry.createdAt, actor: person.code, action: 'created', changes: {}, reason: null }],
  };
}

let keySequence = 0;
const KEY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function newKey(): string {
  keySequence++;
  return Array.from({ length: 5 }, (_, group) => Array.from({ length: 4 }, (_, index) => KEY_ALPHABET[(keySequence * 7 + group * 11 + index * 5) % 32]).join('')).join('-');
}

async function staffRoutes(request: Request, url: URL): Promise<Response> {
  const auth = request.headers.get('authorization');
  if (!auth?.startsWith('Bearer ')) return error(401, 'unauthorized', '需要工作人员登录：请在 Authorization 头中提供有效的令牌（Bearer）。');
  if (auth === `Bearer ${NO_ROLE_TOKEN}`) return error(403, 'forbidden', '这个令牌没有 volunteering 的权限。');
  const path = url.pathname;
  if (request.method === 'GET' && path === '/v1/staff/volunteering/entries') {
    const status = url.searchParams.get('status');
    const team = url.searchParams.get('team');
    const matching = rows.filter((row) => (!status || row.entry.status === status) && (!team || row.entry.team.id === team));
    const ordered = status === 'pending' ? matching : [...matching].reverse();
    return json(200, { entries: ordered.slice(0, Number(url.searchParams.get('limit') ?? 50)).map(staffView), total: matching.length });
  }
  if (request.method === 'GET' && path.startsWith('/v1/staff/volunteering/export/')) {
    return new Response('\uFEFF记录编号,服务日期,时长（分钟）\r\n' + rows.slice(0, 3).map((row) => `${row.entry.id},${row.entry.date},${row.entry.minutes}`).join('\r\n') + '\r\n', {
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
  }
  const match = /^\/v1\/staff\/volunteering\/entries\/([^/]+)(?:\/(approve|reject|edit))?$/.exec(path);
  const row = match ? rows.find((candidate) => candidate.entry.id === match[1]) : undefined;
  if (!match || !row) return error(404, 'not_found', '没有找到这条服务记录。');
  if (request.method === 'GET') return json(200, staffView(row));
  const body = (await request.json()) as { version?: number; reason?: string; hours?: number; date?: string; note?: string | null };
  if (body.version !== undefined && body.version !== row.entry.version) return error(409, 'conflict', '这条记录刚被其他人修改过，请刷新后再试。');
  const at = toZonedIso(new Date());
  const actor = '王主任';
  const before = row.entry;
  if (row.history.length === 0) row.history = staffView(row).history;
  if (match[2] === 'approve' && before.status !== 'approved') {
    row.entry = { ...before, status: 'approved', rejectReason: null, reviewedAt: at, updatedAt: at, version: before.version + 1 };
    row.history.push({ at, actor, action: 'approved', changes: { status: { from: before.status, to: 'approved' } }, reason: null });
    row.reviewedBy = actor;
  } else if (match[2] === 'reject') {
    row.entry = { ...before, status: 'rejected', rejectReason: body.reason ?? '', reviewedAt: at, updatedAt: at, version: before.version + 1 };
    row.history.push({ at, actor, action: 'rejected', changes: { status: { from: before.status, to: 'rejected' } }, reason: body.reason ?? null });
    row.reviewedBy = actor;
  } else if (match[2] === 'edit') {
    const minutes = body.hours === undefined ? before.minutes : Math.round(body.hours * 60);
    const next = { ...before, minutes, date: body.date ?? before.date, note: body.note === undefined ? before.note : body.note, updatedAt: at, version: before.version + 1 };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of ['minutes', 'date', 'note'] as const) if (next[field] !== before[field]) changes[field] = { from: before[field], to: next[field] };
    row.entry = next;
    row.history.push({ at, actor, action: 'edited', changes, reason: body.reason ?? null });
  }
  return json(200, staffView(row));
}

export const volunteeringRoutes: FakeRoute = async (request, url) => {
  const path = url.pathname;
  const method = request.method;
  if (!path.startsWith('/v1/volunteering/') && !path.startsWith('/v1/staff/volunteering/')) return undefined;
  if (method === 'GET' && path === '/v1/volunteering/hours') {
    const answer = summary(url);
    if (answer.ok && request.headers.get('if-none-match') === answer.headers.get('etag')) {
      return new Response(null, { status: 304, headers: { etag: answer.headers.get('etag')! } });
    }
    return answer;
  }
  if (method === 'GET' && path === '/v1/volunteering/teams') {
    const community = url.searchParams.get('community');
    if (community === UNAVAILABLE_COMMUNITY) throw new TypeError('Failed to fetch');
    return json(200, { teams: teams.filter((team) => !community || team.communityId === community) });
  }
  if (method === 'POST' && path === '/v1/volunteering/volunteers') {
    const body = (await request.json()) as { name: string; phone: string; teamIds: string[]; availability?: string[]; skills?: string[] };
    if (body.phone.replace(/\D/g, '').endsWith(TAKEN_PHONE)) {
      return error(409, 'conflict', '这个电话号码已经登记为本社区的志愿者。如果找不到志愿者密钥，请联系社区志愿服务站重新发放。');
    }
    const code = `V-NEW${String.fromCharCode(65 + (keySequence % 26))}-${String(2345 + keySequence).slice(-4).replace(/[01]/g, '9')}`;
    const accessKey = newKey();
    keys.set(accessKey, code);
    people.set(code, {
      code,
      communityId: teamById.get(body.teamIds[0]!)?.communityId ?? 'c-1',
      name: body.name,
      phone: body.phone,
      teamIds: body.teamIds,
      availability: (body.availability ?? []) as VolunteerSelf['availability'],
      skills: (body.skills ?? []) as VolunteerSelf['skills'],
      joinedAt: toZonedIso(new Date()),
    });
    return json(201, { volunteer: self(code), accessKey });
  }
  if (path.startsWith('/v1/volunteering/me')) {
    const key = /^Volunteer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
    const code = key ? keys.get(key) : undefined;
    if (!code) return error(401, 'unauthorized', '请先输入您的志愿者密钥（报名时发放；遗失可请社区志愿服务站重新发放）。');
    if (method === 'GET' && path === '/v1/volunteering/me') return json(200, self(code));
    if (method === 'GET' && path === '/v1/volunteering/me/entries') {
      return json(200, { entries: rows.filter((row) => row.volunteerCode === code).map((row) => row.entry).reverse() });
    }
    if (method === 'POST' && path === '/v1/volunteering/me/entries') {
      const body = (await request.json()) as Record<string, unknown>;
      const team = teamById.get(String(body.teamId))!;
      const startedAt = typeof body.startedAt === 'string' ? body.startedAt : null;
      const endedAt = typeof body.endedAt === 'string' ? body.endedAt : null;
      const minutes = typeof body.hours === 'number' ? Math.round(body.hours * 60) : Math.round((Date.parse(endedAt!) - Date.parse(startedAt!)) / 60_000);
      const now = toZonedIso(new Date());
      const entry: HoursEntry = {
        id: `e-${++sequence}`,
        team: { id: team.id, name: team.name },
        activityType: team.activityTypes.find((type) => type.key === body.activityType) ?? team.activityTypes[0]!,
        date: typeof body.date === 'string' ? body.date : calendarDateOf(new Date(startedAt!)),
        startedAt,
        endedAt,
        minutes,
        areaId: (body.areaId as string | undefined) ?? null,
        areaPath: pathOf((body.areaId as string | undefined) ?? null),
        servedGroup: (body.servedGroup as HoursEntry['servedGroup']) ?? null,
        servedCount: (body.servedCount as number | undefined) ?? null,
        note: (body.note as string | undefined) ?? null,
        status: 'pending',
        rejectReason: null,
        reviewedAt: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      rows.push({ entry, volunteerCode: code, history: [], reviewedBy: null });
      return json(201, entry);
    }
    if (method === 'GET' && path === '/v1/volunteering/me/certificate') {
      const from = url.searchParams.get('from')!;
      const to = url.searchParams.get('to')!;
      const approved = rows.filter((row) => row.volunteerCode === code && row.entry.status === 'approved' && row.entry.date >= from && row.entry.date <= to);
      const person = people.get(code)!;
      const certificate: HoursCertificate = {
        volunteer: { code, name: person.name },
        community: { id: person.communityId, name: pathOf(person.communityId).at(-1) ?? person.communityId },
        teams: [...new Set(approved.map((row) => row.entry.team.id))].map((id) => ({ id, name: teamById.get(id)!.name })),
        from,
        to,
        minutes: approved.reduce((sum, row) => sum + row.entry.minutes, 0),
        entries: approved.map((row) => ({ date: row.entry.date, team: row.entry.team, activityType: row.entry.activityType, minutes: row.entry.minutes })),
        issuedOn: today,
        timeZone: COMMUNITY_TIME_ZONE,
      };
      return json(200, certificate);
    }
  }
  if (path.startsWith('/v1/staff/volunteering/')) return staffRoutes(request, url);
  return undefined;
};
