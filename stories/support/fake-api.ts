/**
 * An in-memory stand-in for the Doorstep API, so stories render without a server. It answers the
 * paths the SDK calls (`/v1/areas`, `/v1/categories`, `/v1/requests`) with the reference server's
 * sample data, and can be told to be slow or to fail, to show the loading and error states.
 */
import { createClient, type AreaNode, type Category, type DoorstepClient, type ServiceRequestPublic } from '@doorstep/sdk';
import { maskName, maskPhone } from '@doorstep/server/mask';
import { SEED_CATEGORIES, sampleAreaTree } from '@doorstep/server/sample-data';

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

// The reference server's own sample data and masking, so a story and the demo show the same choices
// and the same masked contact details.
export const categories: Category[] = SEED_CATEGORIES;
export const areaTree: AreaNode[] = sampleAreaTree();

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
