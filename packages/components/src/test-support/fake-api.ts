import { createClient, type AreaNode, type Category, type ServiceRequestPublic } from '@doorstep/sdk';

/** What the fake server does with the next `POST /v1/requests`. */
export type CreateMode = 'ok' | 'validation' | 'server' | 'network' | 'slow';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: Headers;
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
                  { id: 'b-2', parentId: 'p-1', level: 'building', name: '2号楼', children: [] },
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

export const CATEGORIES: Category[] = [
  { id: 'public-light', name: { 'zh-CN': '公共照明', 'zh-TW': '公共照明', en: 'Public lighting' }, allowAnonymous: true },
  { id: 'door-lock', name: { 'zh-CN': '门禁门锁', 'zh-TW': '門禁門鎖', en: 'Door locks' }, allowAnonymous: true },
  { id: 'water-leak', name: { 'zh-CN': '漏水渗水', en: 'Water leak' }, allowAnonymous: true },
  {
    id: 'neighbour-dispute',
    name: { 'zh-CN': '邻里纠纷', 'zh-TW': '鄰里糾紛', en: 'Neighbour dispute' },
    allowAnonymous: false,
  },
];

export const TRACKING_CODE = 'DS-7K2M-9QX4';

/**
 * A small in-memory Doorstep API behind a `fetch`: the areas tree, categories, and a create whose
 * behaviour is switchable (validation failure, 500, network error, slow), recording what it received.
 */
export class FakeApi {
  createMode: CreateMode = 'ok';
  /** Delay (ms) for the lists; large values keep a widget in its loading state. */
  listDelayMs = 0;
  /** When set, the lists fail with this status. */
  listFailure?: number;
  readonly received: ReceivedRequest[] = [];
  private releaseSlow: Array<() => void> = [];

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = request.method === 'POST' ? await request.clone().json() : undefined;
    this.received.push({ method: request.method, path: url.pathname, headers: request.headers, body });

    if (request.method === 'GET' && (url.pathname === '/v1/areas' || url.pathname === '/v1/categories')) {
      if (this.listDelayMs) await new Promise((resolve) => setTimeout(resolve, this.listDelayMs));
      if (this.listFailure) return json(this.listFailure, { error: { code: 'internal', message: 'Boom' } });
      return url.pathname === '/v1/areas' ? json(200, { areas: AREAS }) : json(200, { categories: CATEGORIES });
    }
    if (request.method === 'POST' && url.pathname === '/v1/requests') return this.create(body as Record<string, string>);
    return json(404, { error: { code: 'not_found', message: 'Not found' } });
  };

  /** The POSTs to /v1/requests received so far. */
  get creates(): ReceivedRequest[] {
    return this.received.filter((request) => request.method === 'POST');
  }

  /** Lets a `slow` create answer. */
  release(): void {
    this.releaseSlow.splice(0).forEach((release) => release());
  }

  private async create(body: Record<string, string>): Promise<Response> {
    switch (this.createMode) {
      case 'network':
        throw new TypeError('Failed to fetch');
      case 'server':
        return json(500, { error: { code: 'internal', message: 'Internal error' } });
      case 'validation':
        return json(400, {
          error: {
            code: 'validation_failed',
            message: 'Invalid request',
            fields: { contactPhone: '该号码已停机', description: '描述包含不允许的内容' },
          },
        });
      case 'slow':
        await new Promise<void>((resolve) => this.releaseSlow.push(resolve));
        break;
      case 'ok':
        break;
    }
    const now = '2026-11-23T09:30:00+08:00';
    const created: ServiceRequestPublic = {
      code: TRACKING_CODE,
      categoryId: body.categoryId!,
      areaId: body.areaId!,
      areaPath: ['和平区', '新华街道', '幸福社区'],
      description: body.description!,
      status: 'submitted',
      contactName: body.contactName ? `${body.contactName.slice(0, 1)}**` : null,
      contactPhone: body.contactPhone ? `${body.contactPhone.slice(0, 3)}****${body.contactPhone.slice(-4)}` : null,
      createdAt: now,
      updatedAt: now,
    };
    return json(201, created);
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
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
