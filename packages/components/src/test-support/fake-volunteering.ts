import {
  createClient,
  type HoursCertificate,
  type HoursEntry,
  type HoursSummary,
  type StaffHoursEntry,
  type VolunteerSelf,
  type VolunteerTeam,
} from '@doorstep/sdk';
import type { ReceivedRequest } from './fake-api.js';
import { FakeAreasApi } from './fake-areas.js';

/** What the fake does with the next write: succeed, refuse a field (422), fail (500), drop the connection, or wait. */
export type VolunteeringWriteMode = 'ok' | 'validation' | 'conflict' | 'server' | 'network' | 'slow';

export const ACCESS_KEY = 'ZHXY-DEMA-KEYS-2345-6789';
export const VOLUNTEER_CODE = 'V-ZHXY-8K6M';

const text = (zhCN: string, zhTW: string, en: string) => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

export const TEAMS: VolunteerTeam[] = [
  {
    id: 'elder-visits',
    communityId: 'c-1',
    name: text('助老服务队', '助老服務隊', 'Elder visiting team'),
    description: text('探访独居老人', '探訪獨居長者', 'Visits older people living alone'),
    activityTypes: [
      { key: 'home-visit', name: text('上门探访', '上門探訪', 'Home visit') },
      { key: 'escort', name: text('陪同就医', '陪同就醫', 'Escort to the doctor') },
    ],
    memberCount: 12,
  },
  {
    id: 'safety-patrol',
    communityId: 'c-1',
    name: text('平安巡逻队', '平安巡邏隊', 'Neighbourhood patrol'),
    description: null,
    activityTypes: [{ key: 'patrol', name: text('治安巡逻', '治安巡邏', 'Patrol') }],
    memberCount: 8,
  },
];

const MONTHS = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];

/** A month's counter answer for 幸福里社区: `minutes` in total, split 3:1 between the two teams. */
export function fakeSummary(minutes: number, options: { goalMinutes?: number | null; volunteers?: number; entries?: number } = {}): HoursSummary {
  const goal = options.goalMinutes === undefined ? 33_000 : options.goalMinutes;
  return {
    scope: { kind: 'community', id: 'c-1' },
    period: { kind: 'month', from: '2026-11-01', to: '2026-11-30' },
    timeZone: 'Asia/Shanghai',
    minutes,
    entries: options.entries ?? Math.round(minutes / 120),
    volunteers: options.volunteers ?? 31,
    goal: goal === null ? null : { minutes: goal, period: 'month' },
    teams: [
      { team: { id: TEAMS[0]!.id, name: TEAMS[0]!.name }, minutes: Math.round(minutes * 0.75) },
      { team: { id: TEAMS[1]!.id, name: TEAMS[1]!.name }, minutes: minutes - Math.round(minutes * 0.75) },
    ],
    trend: MONTHS.map((month, index) => ({ month, minutes: index === 11 ? minutes : 30_000 + index * 600 })),
  };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

const error = (status: number, code: string, message: string, fields?: Record<string, string>) =>
  json(status, { error: { code, message, ...(fields ? { fields } : {}) } });

function entry(id: string, date: string, minutes: number, status: HoursEntry['status'], extra: Partial<HoursEntry> = {}): HoursEntry {
  return {
    id,
    team: { id: TEAMS[0]!.id, name: TEAMS[0]!.name },
    activityType: TEAMS[0]!.activityTypes[0]!,
    date,
    startedAt: null,
    endedAt: null,
    minutes,
    areaId: 'b-1',
    areaPath: ['幸福区', '和平街道', '幸福里社区', '幸福花园', '1号楼'],
    servedGroup: 'elders-alone',
    servedCount: 1,
    note: null,
    status,
    rejectReason: status === 'rejected' ? '同一次探访已由队友登记' : null,
    reviewedAt: status === 'pending' ? null : `${date}T20:00:00+08:00`,
    createdAt: `${date}T19:00:00+08:00`,
    updatedAt: `${date}T19:00:00+08:00`,
    version: status === 'pending' ? 1 : 2,
    ...extra,
  };
}

/**
 * An in-memory volunteering API behind a `fetch`: the counter (with ETags and 304s, and a total the test
 * can change), teams, sign-up, a volunteer's record, entries and certificate behind the access key, and
 * the staff review queue. Unknown paths go to a {@link FakeAreasApi} (for the area picker).
 */
export class FakeVolunteeringApi {
  readonly areas = new FakeAreasApi();
  readonly received: ReceivedRequest[] = [];
  /** What `GET /v1/volunteering/hours` answers; {@link setMinutes} changes it. */
  summary: HoursSummary = fakeSummary(24_720);
  private etag = '"1"';
  /** When set, the counter fails with this status (`'network'`: the connection drops). */
  hoursFailure?: number | 'network';
  /** Counter answers wait for {@link release}. */
  holdHours = false;
  teams: VolunteerTeam[] = TEAMS;
  teamsFailure?: number;
  accessKey = ACCESS_KEY;
  volunteer: VolunteerSelf = {
    code: VOLUNTEER_CODE,
    name: '张秀英',
    phone: '139****1234',
    communityId: 'c-1',
    teams: [{ id: TEAMS[0]!.id, name: TEAMS[0]!.name }],
    availability: ['weekday-morning'],
    skills: ['elder-care'],
    joinedAt: '2025-10-01T09:00:00+08:00',
    totals: { approvedMinutes: 5_430, monthMinutes: 600, yearMinutes: 4_200, pendingMinutes: 90 },
  };
  entries: HoursEntry[] = [
    entry('e-3', '2026-11-20', 90, 'pending'),
    entry('e-2', '2026-11-12', 120, 'approved'),
    entry('e-1', '2026-11-03', 60, 'rejected'),
  ];
  logMode: VolunteeringWriteMode = 'ok';
  signupMode: VolunteeringWriteMode = 'ok';
  staffMode: VolunteeringWriteMode = 'ok';
  /** The staff queue (pending entries with their volunteer). */
  staffEntries: StaffHoursEntry[] = [
    {
      ...entry('s-1', '2026-11-21', 120, 'pending', { note: '陪王奶奶去社区医院复查' }),
      volunteer: { code: VOLUNTEER_CODE, name: '张秀英', phone: '13900001234' },
      reviewedBy: null,
      history: [{ at: '2026-11-21T19:00:00+08:00', actor: VOLUNTEER_CODE, action: 'created', changes: {}, reason: null }],
    },
    {
      ...entry('s-2', '2026-11-22', 150, 'pending', { team: { id: TEAMS[1]!.id, name: TEAMS[1]!.name }, activityType: TEAMS[1]!.activityTypes[0]!, servedGroup: 'residents' }),
      volunteer: { code: 'V-WJGK-3M7P', name: '王建国', phone: '13900005678' },
      reviewedBy: null,
      history: [{ at: '2026-11-22T21:30:00+08:00', actor: 'V-WJGK-3M7P', action: 'created', changes: {}, reason: null }],
    },
  ];
  private waiting: Array<() => void> = [];
  private sequence = 10;

  /** Changes the counter's total (a new answer and a new ETag). */
  setMinutes(minutes: number): void {
    this.summary = { ...fakeSummary(minutes, { goalMinutes: this.summary.goal?.minutes ?? null }) };
    this.etag = `"${Number(this.etag.slice(1, -1)) + 1}"`;
  }

  /** How many counter requests arrived, and how many of them were answered 304. */
  get hoursCalls(): { total: number; conditional: number } {
    const calls = this.received.filter((request) => request.path === '/v1/volunteering/hours');
    return { total: calls.length, conditional: calls.filter((request) => request.headers.get('if-none-match') === this.etag).length };
  }

  release(): void {
    this.holdHours = false;
    this.waiting.splice(0).forEach((resolve) => resolve());
  }

  private async hold(): Promise<void> {
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = request.method === 'POST' ? await request.clone().json().catch(() => undefined) : undefined;
    this.received.push({ method: request.method, path: url.pathname, search: url.searchParams, headers: request.headers, body });
    const path = url.pathname;
    const method = request.method;

    if (method === 'GET' && path === '/v1/volunteering/hours') return this.hours(request);
    if (method === 'GET' && path === '/v1/volunteering/teams') {
      if (this.teamsFailure) return error(this.teamsFailure, 'internal', 'Boom');
      const community = url.searchParams.get('community');
      return json(200, { teams: this.teams.filter((team) => !community || team.communityId === community) });
    }
    if (method === 'POST' && path === '/v1/volunteering/volunteers') return this.signup(body as Record<string, unknown>);
    if (path.startsWith('/v1/volunteering/me')) {
      if (request.headers.get('authorization') !== `Volunteer ${this.accessKey}`) {
        return error(401, 'unauthorized', '请先输入您的志愿者密钥（报名时发放；遗失可请社区志愿服务站重新发放）。');
      }
      if (method === 'GET' && path === '/v1/volunteering/me') return json(200, this.volunteer);
      if (method === 'GET' && path === '/v1/volunteering/me/entries') return json(200, { entries: this.entries });
      if (method === 'POST' && path === '/v1/volunteering/me/entries') return this.log(body as Record<string, unknown>);
      if (method === 'GET' && path === '/v1/volunteering/me/certificate') return this.certificate(url.searchParams);
    }
    if (path.startsWith('/v1/staff/volunteering/')) return this.staff(request, url, body as Record<string, unknown>);
    return this.areas.fetch(input, init);
  };

  private async hours(request: Request): Promise<Response> {
    if (this.holdHours) await this.hold();
    if (this.hoursFailure === 'network') throw new TypeError('Failed to fetch');
    if (this.hoursFailure) return error(this.hoursFailure, 'internal', 'Boom');
    const headers = { etag: this.etag, 'cache-control': 'no-cache' };
    if (request.headers.get('if-none-match') === this.etag) return new Response(null, { status: 304, headers });
    return json(200, this.summary, headers);
  }

  private async write(mode: VolunteeringWriteMode, fields: Record<string, string>): Promise<Response | undefined> {
    switch (mode) {
      case 'network':
        throw new TypeError('Failed to fetch');
      case 'server':
        return error(500, 'internal', 'Internal error');
      case 'validation':
        return error(422, 'unprocessable', '提交的内容无法处理，请检查标出的项目。', fields);
      case 'conflict':
        return error(409, 'conflict', '这个电话号码已经登记为本社区的志愿者。如果找不到志愿者密钥，请联系社区志愿服务站重新发放。');
      case 'slow':
        await this.hold();
        return undefined;
      case 'ok':
        return undefined;
    }
  }

  private async signup(body: Record<string, unknown>): Promise<Response> {
    const refused = await this.write(this.signupMode, { phone: '这个号码无法接收短信，请换一个号码。' });
    if (refused) return refused;
    const teams = this.teams.filter((team) => (body.teamIds as string[]).includes(team.id)).map(({ id, name }) => ({ id, name }));
    const phone = String(body.phone);
    const volunteer: VolunteerSelf = {
      ...this.volunteer,
      name: String(body.name),
      phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      teams,
      totals: { approvedMinutes: 0, monthMinutes: 0, yearMinutes: 0, pendingMinutes: 0 },
    };
    this.volunteer = volunteer;
    return json(201, { volunteer, accessKey: this.accessKey });
  }

  private async log(body: Record<string, unknown>): Promise<Response> {
    const refused = await this.write(this.logMode, { date: '这一天你已经登记过这项服务了。' });
    if (refused) return refused;
    const team = this.teams.find((candidate) => candidate.id === body.teamId) ?? TEAMS[0]!;
    const minutes =
      typeof body.hours === 'number'
        ? Math.round(body.hours * 60)
        : Math.round((Date.parse(String(body.endedAt)) - Date.parse(String(body.startedAt))) / 60_000);
    const date = typeof body.date === 'string' ? body.date : String(body.startedAt).slice(0, 10);
    const created: HoursEntry = {
      ...entry(`e-${++this.sequence}`, date, minutes, 'pending'),
      team: { id: team.id, name: team.name },
      activityType: team.activityTypes.find((type) => type.key === body.activityType) ?? team.activityTypes[0]!,
      startedAt: (body.startedAt as string | undefined) ?? null,
      endedAt: (body.endedAt as string | undefined) ?? null,
      areaId: (body.areaId as string | undefined) ?? null,
      areaPath: [],
      servedGroup: (body.servedGroup as HoursEntry['servedGroup'] | undefined) ?? null,
      servedCount: (body.servedCount as number | undefined) ?? null,
      note: (body.note as string | undefined) ?? null,
    };
    this.entries = [created, ...this.entries];
    this.volunteer = {
      ...this.volunteer,
      totals: { ...this.volunteer.totals, pendingMinutes: this.volunteer.totals.pendingMinutes + minutes },
    };
    return json(201, created);
  }

  private certificate(params: URLSearchParams): Response {
    const from = params.get('from')!;
    const to = params.get('to')!;
    const approved = this.entries.filter((item) => item.status === 'approved' && item.date >= from && item.date <= to);
    const certificate: HoursCertificate = {
      volunteer: { code: this.volunteer.code, name: this.volunteer.name },
      community: { id: 'c-1', name: '幸福里社区' },
      teams: this.volunteer.teams,
      from,
      to,
      minutes: approved.reduce((sum, item) => sum + item.minutes, 0),
      entries: approved.map((item) => ({ date: item.date, team: item.team, activityType: item.activityType, minutes: item.minutes })),
      issuedOn: '2026-11-23',
      timeZone: 'Asia/Shanghai',
    };
    return json(200, certificate);
  }

  private async staff(request: Request, url: URL, body: Record<string, unknown> | undefined): Promise<Response> {
    if (!request.headers.get('authorization')?.startsWith('Bearer ')) {
      return error(401, 'unauthorized', '需要工作人员登录：请在 Authorization 头中提供有效的令牌（Bearer）。');
    }
    if (request.headers.get('authorization') === 'Bearer wrong-role-token-xxxxxxxxxxxx') {
      return error(403, 'forbidden', '这个令牌没有 volunteering 的权限。');
    }
    const path = url.pathname;
    if (request.method === 'GET' && path === '/v1/staff/volunteering/entries') {
      const status = url.searchParams.get('status');
      const team = url.searchParams.get('team');
      const entries = this.staffEntries.filter((item) => (!status || item.status === status) && (!team || item.team.id === team));
      return json(200, { entries, total: entries.length });
    }
    if (request.method === 'GET' && path.startsWith('/v1/staff/volunteering/export/')) {
      return new Response('\uFEFF记录编号,服务日期\r\ns-1,2026-11-21\r\n', { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8' } });
    }
    const match = /^\/v1\/staff\/volunteering\/entries\/([^/]+)(?:\/(approve|reject|edit))?$/.exec(path);
    const found = match && this.staffEntries.find((item) => item.id === match[1]);
    if (!match || !found) return error(404, 'not_found', '没有找到这条服务记录。');
    if (request.method === 'GET') return json(200, found);
    const refused = await this.write(this.staffMode, { hours: '请按 0.25 小时（15 分钟）为单位填写，最多 24 小时。' });
    if (refused) {
      return this.staffMode === 'conflict' ? error(409, 'conflict', '这条记录刚被其他人修改过，请刷新后再试。') : refused;
    }
    const at = '2026-11-23T10:00:00+08:00';
    let next: StaffHoursEntry = found;
    if (match[2] === 'approve') {
      next = { ...found, status: 'approved', reviewedBy: '王主任', reviewedAt: at, version: found.version + 1 };
      next.history = [...found.history, { at, actor: '王主任', action: 'approved', changes: { status: { from: found.status, to: 'approved' } }, reason: null }];
    } else if (match[2] === 'reject') {
      const reason = String(body?.reason ?? '');
      next = { ...found, status: 'rejected', rejectReason: reason, reviewedBy: '王主任', reviewedAt: at, version: found.version + 1 };
      next.history = [...found.history, { at, actor: '王主任', action: 'rejected', changes: { status: { from: found.status, to: 'rejected' } }, reason }];
    } else if (match[2] === 'edit') {
      const minutes = typeof body?.hours === 'number' ? Math.round(body.hours * 60) : found.minutes;
      const note = body && 'note' in body ? ((body.note as string | null) ?? null) : found.note;
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      if (minutes !== found.minutes) changes.minutes = { from: found.minutes, to: minutes };
      if (note !== found.note) changes.note = { from: found.note, to: note };
      next = { ...found, minutes, note, version: found.version + 1 };
      next.history = [...found.history, { at, actor: '王主任', action: 'edited', changes, reason: String(body?.reason ?? '') }];
    }
    this.staffEntries = this.staffEntries.map((item) => (item.id === found.id ? next : item));
    return json(200, next);
  }
}

/** A client for the fake (retries off, so failures show at once); `token` for the staff view. */
export function fakeVolunteeringClient(api: FakeVolunteeringApi, token?: string) {
  return createClient({ baseUrl: 'http://doorstep.test', fetch: api.fetch as typeof fetch, retry: 0, ...(token ? { token } : {}) });
}
