import {
  createClient,
  type AreaNode,
  type Category,
  type CategoryQuestionInput,
  type PhotoRef,
  type RequestSummary,
  type ServiceRequestPublic,
} from '@doorstep/sdk';

/**
 * What the fake server does with the next write: succeed, refuse (400), fail (500), drop the connection,
 * wait for `release()`, or do it and then drop the connection before answering (`lost`).
 */
export type WriteMode = 'ok' | 'validation' | 'server' | 'network' | 'slow' | 'lost';
/** @deprecated Use {@link WriteMode}. */
export type CreateMode = WriteMode;

export interface ReceivedRequest {
  method: string;
  path: string;
  /** The query string (the form's fake records it; other fakes may leave it out). */
  search?: URLSearchParams;
  headers: Headers;
  /** JSON bodies parsed; a photo upload's body as a `Blob`. */
  body: unknown;
}

export const AREAS: AreaNode[] = [
  {
    id: 'd-1',
    parentId: null,
    level: 'district',
    name: '和平区',
    children: [
      {
        id: 's-1',
        parentId: 'd-1',
        level: 'subdistrict',
        name: '新华街道',
        children: [
          {
            id: 'c-1',
            parentId: 's-1',
            level: 'community',
            name: '幸福社区',
            children: [
              {
                id: 'p-1',
                parentId: 'c-1',
                level: 'compound',
                name: '阳光小区',
                children: [
                  { id: 'b-1', parentId: 'p-1', level: 'building', name: '1号楼', children: [] },
                  {
                    id: 'b-2',
                    parentId: 'p-1',
                    level: 'building',
                    name: '2号楼',
                    children: [{ id: 'u-2-1', parentId: 'b-2', level: 'unit', name: '1单元', children: [] }],
                  },
                ],
              },
            ],
          },
          {
            id: 'c-2',
            parentId: 's-1',
            level: 'community',
            name: '光明社区',
            children: [
              {
                id: 'p-2',
                parentId: 'c-2',
                level: 'compound',
                name: '春晖苑',
                children: [{ id: 'b-3', parentId: 'p-2', level: 'building', name: '3号楼', children: [] }],
              },
            ],
          },
        ],
      },
    ],
  },
];

const text = (zhCN: string, en: string) => ({ 'zh-CN': zhCN, 'zh-TW': zhCN, en });

/** Questions of every datatype (the water-leak category asks them all). */
export const WATER_LEAK_QUESTIONS: CategoryQuestionInput[] = [
  { code: 'notice', datatype: 'string', required: false, variable: false, order: 0, prompt: text('水流很大时请先关闭总水阀', 'If water is pouring in, turn off the main valve first') },
  {
    code: 'source',
    datatype: 'singlevaluelist',
    required: true,
    order: 1,
    prompt: text('水从哪里漏出来？', 'Where is the water coming from?'),
    values: [
      { key: 'ceiling', name: text('天花板', 'Ceiling') },
      { key: 'pipe', name: text('水管', 'A pipe') },
    ],
  },
  {
    code: 'rooms',
    datatype: 'multivaluelist',
    required: true,
    order: 2,
    prompt: text('哪些房间受影响？', 'Which rooms are affected?'),
    values: [
      { key: 'kitchen', name: text('厨房', 'Kitchen') },
      { key: 'bathroom', name: text('卫生间', 'Bathroom') },
      { key: 'bedroom', name: text('卧室', 'Bedroom') },
    ],
  },
  { code: 'floor', datatype: 'number', required: true, order: 3, prompt: text('在几楼？', 'Which floor?'), hint: text('地下一层填 -1', 'Basement: -1') },
  { code: 'since', datatype: 'datetime', required: false, order: 4, prompt: text('什么时候开始漏的？', 'When did it start?') },
  { code: 'details', datatype: 'text', required: false, order: 5, prompt: text('还有什么要说明的？', 'Anything else?') },
  { code: 'neighbour', datatype: 'string', required: false, order: 6, prompt: text('楼上住户门牌号', 'Flat number above') },
  {
    code: 'material',
    datatype: 'singlevaluelist',
    required: false,
    order: 7,
    prompt: text('墙面是什么材料？', 'What is the wall made of?'),
    values: ['paint', 'tile', 'wallpaper', 'wood', 'stone', 'other'].map((key) => ({ key, name: text(key, key) })),
  },
];

export const CATEGORIES: Category[] = [
  {
    id: 'public-light',
    name: { 'zh-CN': '公共照明', 'zh-TW': '公共照明', en: 'Public lighting' },
    allowAnonymous: true,
    questions: [
      {
        code: 'fault',
        datatype: 'singlevaluelist',
        required: false,
        variable: true,
        order: 1,
        prompt: text('灯怎么了？', "What's wrong with it?"),
        values: [
          { key: 'out', name: text('不亮', 'Out') },
          { key: 'flickering', name: text('一闪一闪', 'Flickering') },
        ],
      },
    ],
  },
  { id: 'door-lock', name: { 'zh-CN': '门禁门锁', 'zh-TW': '門禁門鎖', en: 'Door locks' }, allowAnonymous: true, questions: [] },
  {
    id: 'water-leak',
    name: { 'zh-CN': '漏水渗水', en: 'Water leak' },
    allowAnonymous: true,
    questions: WATER_LEAK_QUESTIONS.map((question) => ({ variable: true, values: [], ...question })),
  },
  {
    id: 'neighbour-dispute',
    name: { 'zh-CN': '邻里纠纷', 'zh-TW': '鄰里糾紛', en: 'Neighbour dispute' },
    allowAnonymous: false,
    questions: [],
  },
];

export const TRACKING_CODE = 'DS-7K2M-9QX4';
const NOW = '2026-11-23T09:30:00+08:00';

/** An open request in b-2 of the public-light category, for the duplicates lookup. */
export const OPEN_REQUEST: RequestSummary = {
  code: 'DS-ABCD-EFGH',
  categoryId: 'public-light',
  areaId: 'b-2',
  areaPath: ['和平区', '新华街道', '幸福社区', '阳光小区', '2号楼'],
  description: '2号楼3单元楼道灯不亮',
  status: 'accepted',
  supportCount: 2,
  createdAt: '2026-11-20T08:00:00+08:00',
};

function publicView(code: string, body: Record<string, unknown>): ServiceRequestPublic {
  const name = typeof body.contactName === 'string' ? body.contactName : '';
  const phone = typeof body.contactPhone === 'string' ? body.contactPhone : '';
  return {
    code,
    categoryId: String(body.categoryId),
    areaId: String(body.areaId),
    areaPath: ['和平区', '新华街道', '幸福社区'],
    description: String(body.description),
    status: 'submitted',
    contactName: name ? `${name.slice(0, 1)}**` : null,
    contactPhone: phone ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : null,
    createdAt: NOW,
    updatedAt: NOW,
    onBehalfOf: null,
    location: null,
    address: null,
    photos: [],
    timeline: [],
    assignedTo: null,
    expectedDate: null,
    supportCount: 1,
    resolvedAt: null,
    reopenableUntil: null,
    ratable: false,
    rating: null,
    mergedInto: null,
  };
}

/**
 * A small in-memory Doorstep API behind a `fetch`: the areas tree, categories with questions, request
 * creation, photo uploads, the duplicates lookup and support — each write switchable (refused, 500,
 * network error, slow), idempotent on `Idempotency-Key` like the real server, and recorded.
 */
export class FakeApi {
  createMode: WriteMode = 'ok';
  photoMode: WriteMode | 'too-large' = 'ok';
  supportMode: WriteMode = 'ok';
  /** Delay (ms) for the lists; large values keep a widget in its loading state. */
  listDelayMs = 0;
  /** When set, the lists fail with this status. */
  listFailure?: number;
  /** The field errors a `validation` create answers with. */
  validationFields: Record<string, string> = { contactPhone: '该号码已停机', description: '描述包含不允许的内容' };
  /** What the duplicates lookup answers (filtered by category). */
  openRequests: RequestSummary[] = [];
  readonly received: ReceivedRequest[] = [];
  /** Requests actually filed: one per idempotency key, however often it was sent. */
  readonly filed = new Map<string, ServiceRequestPublic>();
  /** Photos actually stored, by idempotency key. */
  readonly stored = new Map<string, { ref: PhotoRef; blob: Blob }>();
  private readonly supports = new Map<string, { code: string; supportCount: number }>();
  private releaseSlow: Array<() => void> = [];

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const isJson = request.headers.get('content-type')?.includes('json');
    const body = request.method !== 'POST' ? undefined : isJson ? await request.clone().json() : await request.clone().blob();
    this.received.push({ method: request.method, path: url.pathname, search: url.searchParams, headers: request.headers, body });
    const key = request.headers.get('idempotency-key') ?? '';

    if (request.method === 'GET' && (url.pathname === '/v1/areas' || url.pathname === '/v1/categories')) {
      if (this.listDelayMs) await new Promise((resolve) => setTimeout(resolve, this.listDelayMs));
      if (this.listFailure) return json(this.listFailure, { error: { code: 'internal', message: 'Boom' } });
      return url.pathname === '/v1/areas' ? json(200, { areas: AREAS }) : json(200, { categories: CATEGORIES });
    }
    if (request.method === 'GET' && url.pathname === '/v1/requests') {
      const category = url.searchParams.get('category');
      return json(200, { requests: this.openRequests.filter((open) => open.categoryId === category) });
    }
    const support = /^\/v1\/requests\/([^/]+)\/support$/.exec(url.pathname);
    if (request.method === 'POST' && support) return this.support(decodeURIComponent(support[1]!), key);
    if (request.method === 'POST' && url.pathname === '/v1/requests') return this.create(body as Record<string, unknown>, key);
    if (request.method === 'POST' && url.pathname === '/v1/photos') return this.photo(body as Blob, key);
    const status = /^\/v1\/requests\/([^/]+)$/.exec(url.pathname);
    if (request.method === 'GET' && status) {
      const code = decodeURIComponent(status[1]!);
      const found = [...this.filed.values()].find((filed) => filed.code === code);
      return found ? json(200, found) : json(404, { error: { code: 'not_found', message: 'No such request' } });
    }
    return json(404, { error: { code: 'not_found', message: 'Not found' } });
  };

  /** The POSTs to /v1/requests received so far (every attempt, replays included). */
  get creates(): ReceivedRequest[] {
    return this.received.filter((request) => request.method === 'POST' && request.path === '/v1/requests');
  }

  /** The photo uploads received so far (every attempt). */
  get uploads(): ReceivedRequest[] {
    return this.received.filter((request) => request.method === 'POST' && request.path === '/v1/photos');
  }

  /** The duplicates lookups received so far. */
  get lookups(): ReceivedRequest[] {
    return this.received.filter((request) => request.method === 'GET' && request.path === '/v1/requests');
  }

  /** The support POSTs received so far. */
  get supportPosts(): ReceivedRequest[] {
    return this.received.filter((request) => request.method === 'POST' && request.path.endsWith('/support'));
  }

  /** Lets `slow` writes answer. */
  release(): void {
    this.releaseSlow.splice(0).forEach((release) => release());
  }

  /** The shared part of every write mode; `undefined` means "go on and do it". */
  private async failure(mode: WriteMode | 'too-large'): Promise<Response | undefined> {
    switch (mode) {
      case 'network':
        throw new TypeError('Failed to fetch');
      case 'server':
        return json(500, { error: { code: 'internal', message: 'Internal error' } });
      case 'too-large':
        return json(413, { error: { code: 'payload_too_large', message: 'Photo too large' } });
      case 'slow':
        await new Promise<void>((resolve) => this.releaseSlow.push(resolve));
        return undefined;
      default:
        return undefined;
    }
  }

  private async create(body: Record<string, unknown>, key: string): Promise<Response> {
    if (this.createMode === 'validation') {
      return json(400, {
        error: {
          code: 'validation_failed',
          message: 'Invalid request',
          fields: this.validationFields,
        },
      });
    }
    const failed = await this.failure(this.createMode);
    if (failed) return failed;
    const replay = this.filed.get(key);
    if (replay) return json(201, replay, { 'idempotent-replayed': 'true' });
    const created = publicView(this.filed.size === 0 ? TRACKING_CODE : `DS-7K2M-9QX${this.filed.size + 4}`, body);
    this.filed.set(key, created);
    if (this.createMode === 'lost') throw new TypeError('Failed to fetch');
    return json(201, created);
  }

  private async photo(blob: Blob, key: string): Promise<Response> {
    const failed = await this.failure(this.photoMode);
    if (failed) return failed;
    const replay = this.stored.get(key);
    if (replay) return json(201, replay.ref);
    const id = `ph-${this.stored.size + 1}`;
    const ref: PhotoRef = { id, contentType: 'image/jpeg', byteSize: blob.size, url: `http://doorstep.test/v1/photos/${id}` };
    this.stored.set(key, { ref, blob });
    return json(201, ref);
  }

  private async support(code: string, key: string): Promise<Response> {
    const failed = await this.failure(this.supportMode);
    if (failed) return failed;
    const open = this.openRequests.find((candidate) => candidate.code === code);
    if (!open) return json(404, { error: { code: 'not_found', message: 'No such request' } });
    let answer = this.supports.get(key);
    if (!answer) {
      open.supportCount += 1;
      this.supports.set(key, (answer = { code, supportCount: open.supportCount }));
    }
    return json(200, answer);
  }
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A client for the fake API, with retries off so failures show at once. */
export function fakeClient(api: FakeApi, locale?: string) {
  return createClient({
    baseUrl: 'http://doorstep.test',
    fetch: api.fetch as typeof fetch,
    retry: 0,
    ...(locale ? { locale } : {}),
  });
}
