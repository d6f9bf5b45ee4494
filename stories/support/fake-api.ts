/**
 * An in-memory stand-in for the Doorstep API, so stories render without a server. It answers the
 * paths the SDK calls (`/v1/areas`, `/v1/categories`, `/v1/requests`) with data shaped like the
 * reference server's seed, and can be told to be slow or to fail, to show the loading and error states.
 */
import { createClient, type AreaNode, type Category, type DoorstepClient, type ServiceRequestPublic } from '@doorstep/sdk';

export type FakeApiMode =
  /** Answers everything at once (after a short, realistic delay). */
  | 'ok'
  /** Categories and areas never arrive: the form stays in its loading state. */
  | 'loading'
  /** Reads work; creating a request answers 500 with the API's error body. */
  | 'server-error'
  /** Reads work; creating a request fails as if the connection dropped. */
  | 'network-error';

export interface FakeApiOptions {
  mode?: FakeApiMode;
  /** Milliseconds every answer waits (default 150). */
  latencyMs?: number;
}

export const BASE_URL = 'http://storybook.test';

// A copy of the reference server's seed (packages/server/src/seed.ts), trimmed: same ids and names,
// so a story and the demo show the same choices.
export const categories: Category[] = [
  {
    id: 'public-light',
    name: { 'zh-CN': '公共照明', 'zh-TW': '公共照明', en: 'Public lighting' },
    description: { 'zh-CN': '楼道灯、路灯不亮或常亮', 'zh-TW': '樓道燈、路燈不亮或常亮', en: 'Stairwell or street light out or always on' },
    allowAnonymous: true,
  },
  {
    id: 'door-lock',
    name: { 'zh-CN': '门禁/单元门', 'zh-TW': '門禁/單元門', en: 'Door entry and locks' },
    description: { 'zh-CN': '单元门、门禁损坏或关不上', 'zh-TW': '單元門、門禁損壞或關不上', en: 'Building door or entry system broken or not closing' },
    allowAnonymous: true,
  },
  {
    id: 'water-leak',
    name: { 'zh-CN': '漏水', 'zh-TW': '漏水', en: 'Water leak' },
    description: {
      'zh-CN': '屋顶、管道或楼上渗漏（需要入户查看，请留联系方式）',
      'zh-TW': '屋頂、管道或樓上滲漏（需要入戶查看，請留聯絡方式）',
      en: 'Leaking roof, pipes or flat above (staff need to visit, so leave a phone number)',
    },
    allowAnonymous: false,
  },
  {
    id: 'sanitation',
    name: { 'zh-CN': '环境卫生', 'zh-TW': '環境衛生', en: 'Sanitation' },
    description: { 'zh-CN': '垃圾堆放、清运不及时、楼道杂物', 'zh-TW': '垃圾堆放、清運不及時、樓道雜物', en: 'Rubbish piling up, missed collections, clutter in stairwells' },
    allowAnonymous: true,
  },
  {
    id: 'other',
    name: { 'zh-CN': '其他', 'zh-TW': '其他', en: 'Other' },
    description: { 'zh-CN': '以上都不是', 'zh-TW': '以上都不是', en: 'Anything else' },
    allowAnonymous: true,
  },
];

const LEVELS: AreaNode['level'][] = ['district', 'subdistrict', 'community', 'compound', 'building', 'unit'];
type Seed = [id: string, name: string, children?: Seed[]];

function tree(seeds: Seed[], parentId: string | null = null, depth = 0): AreaNode[] {
  return seeds.map(([id, name, children = []]) => ({
    id,
    parentId,
    level: LEVELS[depth]!,
    name,
    children: tree(children, id, depth + 1),
  }));
}

export const areaTree: AreaNode[] = tree([
  ['d-1', '幸福区', [
    ['sd-1', '和平街道', [
      ['c-1', '幸福里社区', [
        ['cp-1', '幸福花园', [['b-1', '1号楼'], ['b-2', '2号楼'], ['b-3', '3号楼']]],
        ['cp-2', '阳光小区', [['b-4', '1号楼'], ['b-5', '2号楼']]],
      ]],
      ['c-2', '光明社区', [
        ['cp-4', '光明新村', [['b-9', '1号楼'], ['b-10', '2号楼']]],
      ]],
    ]],
  ]],
]);

function flatten(nodes: AreaNode[], path: string[] = []): Map<string, { node: AreaNode; path: string[] }> {
  const byId = new Map<string, { node: AreaNode; path: string[] }>();
  for (const area of nodes) {
    const here = [...path, area.name];
    byId.set(area.id, { node: area, path: here });
    for (const [id, entry] of flatten(area.children, here)) byId.set(id, entry);
  }
  return byId;
}
const areasById = flatten(areaTree);

/** 张三 → 张*, 欧阳娜娜 → 欧***: what a public read shows. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length === 0 ? '' : chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** 13812345678 → 138****5678. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : '****';
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function wait(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    });
  });
}

let sequence = 0;
function trackingCode(): string {
  // Deterministic per page load, so screenshots of the success story do not change run to run.
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const seed = 0x5eed + sequence++ * 7919;
  const chars = Array.from({ length: 8 }, (_, index) => alphabet[(seed * (index + 3) + index * 31) % alphabet.length]);
  return `DS-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** A `fetch` that answers like the Doorstep API. */
export function createFakeFetch({ mode = 'ok', latencyMs = 150 }: FakeApiOptions = {}): typeof fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const method = request.method.toUpperCase();

    if (mode === 'loading' && method === 'GET') {
      // Never answers (until the story unmounts and the widget aborts).
      await new Promise<never>((_, reject) =>
        request.signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))),
      );
    }
    await wait(latencyMs, request.signal);

    if (method === 'GET' && url.pathname === '/v1/categories') return json(200, { categories });
    if (method === 'GET' && url.pathname === '/v1/areas') {
      const parent = url.searchParams.get('parent');
      if (parent === null) return json(200, { areas: areaTree });
      const children = areasById.get(parent)?.node.children ?? [];
      return json(200, { areas: children.map(({ children: _children, ...area }) => area) });
    }
    if (method === 'POST' && url.pathname === '/v1/requests') {
      if (mode === 'network-error') throw new TypeError('Failed to fetch');
      if (mode === 'server-error') {
        return json(500, { error: { code: 'internal', message: 'The server could not save the request.' } });
      }
      const body = (await request.json()) as {
        categoryId: string;
        areaId: string;
        description: string;
        contactName?: string;
        contactPhone?: string;
      };
      const now = new Date().toISOString();
      const created: ServiceRequestPublic = {
        code: trackingCode(),
        categoryId: body.categoryId,
        areaId: body.areaId,
        areaPath: areasById.get(body.areaId)?.path ?? [],
        description: body.description,
        status: 'submitted',
        contactName: body.contactName ? maskName(body.contactName) : null,
        contactPhone: body.contactPhone ? maskPhone(body.contactPhone) : null,
        createdAt: now,
        updatedAt: now,
      };
      return json(201, created);
    }
    return json(404, { error: { code: 'not_found', message: `No route for ${method} ${url.pathname}` } });
  };
}

/** A real SDK client over the fake API. Retries are off so error stories show their state at once. */
export function createFakeClient(options: FakeApiOptions = {}): DoorstepClient {
  // In the loading story the answer never comes; a day-long timeout keeps the state on screen.
  const timeoutMs = options.mode === 'loading' ? 86_400_000 : 15_000;
  return createClient({ baseUrl: BASE_URL, fetch: createFakeFetch(options), retry: 0, timeoutMs });
}
