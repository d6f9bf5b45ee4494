import { createClient, type Category, type ServiceRequestPublic, type TimelineEntry } from '@doorstep/sdk';

/** Where a sample request has got to. `rated` is resolved and rated; `merged` was closed as a duplicate. */
export type SampleStage = 'submitted' | 'accepted' | 'in_progress' | 'resolved' | 'rejected' | 'closed' | 'rated' | 'merged';

export const STATUS_CODE = 'DS-7K2M-9QX4';
export const MERGED_INTO_CODE = 'DS-H3NP-4TWX';

const DAY = 86_400_000;

/** A 1×1 PNG, so thumbnails load without a server. */
export const SAMPLE_PHOTO_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export const STATUS_CATEGORIES: Category[] = [
  { id: 'public-light', name: { 'zh-CN': '公共照明', 'zh-TW': '公共照明', en: 'Public lighting' }, allowAnonymous: true },
];

/** An ISO time (UTC, as the server writes it) `days` before `now`, at `hour` o'clock Beijing time. */
function daysAgo(now: number, days: number, hour: number): string {
  const at = new Date(now - days * DAY);
  at.setUTCHours(hour - 8, 0, 0, 0);
  return at.toISOString();
}

/**
 * A request at `stage`, as `GET /v1/requests/{code}` describes it: a stair light reported five days ago,
 * accepted and assigned, fixed two days ago (with a photo), and so on. Times are relative to `now`, so
 * the reopen window is open whatever day the tests run.
 */
export function sampleRequest(stage: SampleStage, now = Date.now(), code = STATUS_CODE): ServiceRequestPublic {
  const timeline: TimelineEntry[] = [];
  const entry = (kind: TimelineEntry['kind'], status: TimelineEntry['status'], at: string, extra: Partial<TimelineEntry> = {}) =>
    timeline.push({
      id: `e-${timeline.length + 1}`,
      at,
      kind,
      status,
      actor: { kind: 'staff', name: '王芳' },
      note: null,
      visibility: 'public',
      ...extra,
    });
  entry('submitted', 'submitted', daysAgo(now, 5, 9), { actor: { kind: 'resident', name: null } });
  const reached = (...stages: SampleStage[]) => stages.includes(stage);
  let status: ServiceRequestPublic['status'] = 'submitted';
  let expectedDate: string | null = null;
  let assignedTo: string | null = null;
  let resolvedAt: string | null = null;

  if (stage === 'rejected') {
    entry('rejected', 'rejected', daysAgo(now, 4, 10), { note: '该路灯属于市政管理，已转市政热线 12319 处理。' });
    status = 'rejected';
  }
  if (reached('accepted', 'in_progress', 'resolved', 'closed', 'rated')) {
    entry('accepted', 'accepted', daysAgo(now, 4, 10), { note: '已收到，安排物业电工查看。' });
    entry('assigned', 'accepted', daysAgo(now, 4, 10), { assignedTo: '物业维修组' });
    assignedTo = '物业维修组';
    status = 'accepted';
  }
  if (reached('in_progress', 'resolved', 'closed', 'rated')) {
    expectedDate = new Date(now + 2 * DAY).toISOString().slice(0, 10);
    entry('started', 'in_progress', daysAgo(now, 3, 14));
    entry('expected_date_set', 'in_progress', daysAgo(now, 3, 14), { expectedDate });
    status = 'in_progress';
  }
  if (reached('resolved', 'closed', 'rated')) {
    resolvedAt = daysAgo(now, 2, 16);
    entry('resolved', 'resolved', resolvedAt, { note: '已更换 3 单元 5 楼的声控灯，测试正常。' });
    status = 'resolved';
  }
  if (stage === 'closed') {
    entry('closed', 'closed', daysAgo(now, 1, 9), { actor: { kind: 'system', name: null } });
    status = 'closed';
  }
  if (stage === 'rated') {
    entry('rated', 'resolved', daysAgo(now, 1, 20), { actor: { kind: 'resident', name: null }, score: 5, note: '修得很快，谢谢！' });
  }
  let mergedInto: string | null = null;
  if (stage === 'merged') {
    entry('merged', 'closed', daysAgo(now, 4, 11), { relatedCode: MERGED_INTO_CODE, note: '同一盏灯已有居民反映，合并处理。' });
    status = 'closed';
    mergedInto = MERGED_INTO_CODE;
  }

  const resolved = resolvedAt !== null;
  const reopenableUntil = resolved ? new Date(Date.parse(resolvedAt!) + 14 * DAY).toISOString() : null;
  return {
    code,
    categoryId: 'public-light',
    areaId: 'u-1-1',
    areaPath: ['幸福区', '和平街道', '幸福里社区', '幸福花园', '1号楼', '1单元'],
    description: '3单元5楼楼道灯不亮，晚上上下楼很不方便。',
    status,
    contactName: '张**',
    contactPhone: '138****5678',
    createdAt: timeline[0]!.at,
    updatedAt: timeline.at(-1)!.at,
    onBehalfOf: null,
    location: null,
    address: '5楼楼梯口',
    photos: resolved
      ? [
          { id: 'ph-1', contentType: 'image/png', byteSize: 68, url: SAMPLE_PHOTO_URL },
          { id: 'ph-2', contentType: 'image/png', byteSize: 68, url: SAMPLE_PHOTO_URL },
        ]
      : [],
    timeline,
    assignedTo,
    expectedDate: resolved ? null : expectedDate,
    supportCount: stage === 'submitted' ? 0 : 2,
    resolvedAt,
    reopenableUntil: stage === 'merged' ? null : reopenableUntil,
    ratable: resolved && stage !== 'rated',
    rating: stage === 'rated' ? { score: 5, comment: '修得很快，谢谢！', ratedAt: timeline.at(-1)!.at } : null,
    mergedInto,
  };
}

export interface ReceivedCall {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

type Failure = number | 'network';

/**
 * The request-status part of the API behind a `fetch`: `GET /v1/requests/{code}` with a strong ETag
 * and `304` on a match (like the server), rating once, reopening while the window is open, and
 * idempotent retries. Requests can be changed between polls with {@link update}.
 */
export class FakeStatusApi {
  readonly requests = new Map<string, ServiceRequestPublic>();
  readonly received: ReceivedCall[] = [];
  /** GETs wait for {@link release}. */
  holdReads = false;
  /** Rating and reopen wait for {@link release}. */
  holdWrites = false;
  /** Every GET fails like this while set. */
  readFailure?: Failure;
  /** Every rating or reopen fails like this while set. */
  writeFailure?: Failure;
  private versions = new Map<string, number>();
  private byKey = new Map<string, { status: number; body: unknown }>();
  private waiting: Array<() => void> = [];

  constructor(...requests: ServiceRequestPublic[]) {
    for (const request of requests) this.put(request);
  }

  put(request: ServiceRequestPublic): void {
    this.requests.set(request.code, request);
    this.versions.set(request.code, (this.versions.get(request.code) ?? 0) + 1);
  }

  /** Changes a request as staff would; the next poll sees a new ETag. */
  update(code: string, change: (request: ServiceRequestPublic) => Partial<ServiceRequestPublic>): void {
    const request = this.requests.get(code)!;
    this.put({ ...request, ...change(request) });
  }

  release(): void {
    this.holdReads = false;
    this.holdWrites = false;
    this.waiting.splice(0).forEach((resolve) => resolve());
  }

  /** The GETs of one request, and how many of them were answered `304 Not Modified`. */
  get reads(): ReceivedCall[] {
    return this.received.filter((call) => call.method === 'GET' && call.path.startsWith('/v1/requests/'));
  }
  notModified = 0;

  get writes(): ReceivedCall[] {
    return this.received.filter((call) => call.method === 'POST');
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = request.method === 'POST' ? await request.clone().json() : undefined;
    this.received.push({ method: request.method, path: url.pathname, headers: request.headers, body });
    if (request.method === 'GET' && url.pathname === '/v1/categories') return json(200, { categories: STATUS_CATEGORIES });

    const match = /^\/v1\/requests\/([^/]+)(?:\/(rating|reopen))?$/.exec(url.pathname);
    if (!match) return json(404, { error: { code: 'not_found', message: 'Not found' } });
    const code = decodeURIComponent(match[1]!);
    const action = match[2];

    if (request.method === 'GET' && !action) {
      if (this.holdReads) await this.wait(request.signal);
      if (this.readFailure) return failure(this.readFailure);
      const found = this.requests.get(code);
      if (!found) return json(404, { error: { code: 'not_found', message: '没有找到这个问题' } });
      const etag = `"${code}-v${this.versions.get(code)}"`;
      if (request.headers.get('if-none-match') === etag) {
        this.notModified++;
        return new Response(null, { status: 304, headers: { etag } });
      }
      return json(200, found, { etag, 'cache-control': 'no-cache' });
    }
    if (request.method === 'POST' && action) {
      if (this.holdWrites) await this.wait(request.signal);
      if (this.writeFailure) return failure(this.writeFailure);
      const key = `${request.headers.get('idempotency-key')} ${url.pathname}`;
      const replay = this.byKey.get(key);
      if (replay) return json(replay.status, replay.body);
      const answer = action === 'rating' ? this.rate(code, body as { score: number; comment?: string }) : this.reopen(code, body as { reason: string });
      if (answer.status < 300) this.byKey.set(key, answer);
      return json(answer.status, answer.body);
    }
    return json(405, { error: { code: 'validation_failed', message: 'Method not allowed' } });
  };

  private rate(code: string, input: { score: number; comment?: string }): { status: number; body: unknown } {
    const request = this.requests.get(code);
    if (!request) return { status: 404, body: { error: { code: 'not_found', message: '没有找到这个问题' } } };
    if (request.rating) return { status: 409, body: { error: { code: 'conflict', message: '这个问题已经评价过了' } } };
    if (!request.ratable) return { status: 409, body: { error: { code: 'conflict', message: '这个问题还不能评价' } } };
    const at = new Date().toISOString();
    this.update(code, (current) => ({
      rating: { score: input.score, comment: input.comment ?? null, ratedAt: at },
      ratable: false,
      updatedAt: at,
      timeline: [
        ...current.timeline,
        {
          id: `e-${current.timeline.length + 1}`,
          at,
          kind: 'rated',
          status: current.status,
          actor: { kind: 'resident', name: null },
          note: input.comment ?? null,
          visibility: 'public',
          score: input.score,
        },
      ],
    }));
    return { status: 201, body: this.requests.get(code) };
  }

  private reopen(code: string, input: { reason: string }): { status: number; body: unknown } {
    const request = this.requests.get(code);
    if (!request) return { status: 404, body: { error: { code: 'not_found', message: '没有找到这个问题' } } };
    if (!request.reopenableUntil || Date.parse(request.reopenableUntil) < Date.now()) {
      return { status: 409, body: { error: { code: 'conflict', message: '已超过 14 天，不能再重新打开' } } };
    }
    const at = new Date().toISOString();
    this.update(code, (current) => ({
      status: 'in_progress',
      reopenableUntil: null,
      updatedAt: at,
      timeline: [
        ...current.timeline,
        {
          id: `e-${current.timeline.length + 1}`,
          at,
          kind: 'reopened',
          status: 'in_progress',
          actor: { kind: 'resident', name: null },
          note: input.reason,
          visibility: 'public',
        },
      ],
    }));
    return { status: 200, body: this.requests.get(code) };
  }

  private wait(signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push(resolve);
      signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
    });
  }
}

function failure(kind: Failure): Response {
  if (kind === 'network') throw new TypeError('Failed to fetch');
  return json(kind, { error: { code: 'internal', message: 'Internal error' } });
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A client for the fake, with retries off so failures show at once. */
export function fakeStatusClient(api: FakeStatusApi, locale?: string) {
  return createClient({
    baseUrl: 'http://doorstep.test',
    fetch: api.fetch as typeof fetch,
    retry: 0,
    ...(locale ? { locale } : {}),
  });
}
