import { createClient, type AreaNode, type AreaLevel } from '@doorstep/sdk';

function node(id: string, parentId: string | null, level: AreaLevel, name: string, children: AreaNode[] = []): AreaNode {
  return { id, parentId, level, name, children };
}

/**
 * A district like the server's sample one, with units under one building and a community in a second
 * subdistrict (so the community select groups by subdistrict).
 */
export const PICKER_AREAS: AreaNode[] = [
  node('d-1', null, 'district', '幸福区', [
    node('sd-1', 'd-1', 'subdistrict', '和平街道', [
      node('c-1', 'sd-1', 'community', '幸福里社区', [
        node('cp-1', 'c-1', 'compound', '幸福花园', [
          node('b-1', 'cp-1', 'building', '1号楼', [
            node('u-1-1', 'b-1', 'unit', '1单元'),
            node('u-1-2', 'b-1', 'unit', '2单元'),
          ]),
          node('b-2', 'cp-1', 'building', '2号楼'),
        ]),
        node('cp-2', 'c-1', 'compound', '阳光小区', [node('b-4', 'cp-2', 'building', '1号楼')]),
      ]),
      node('c-2', 'sd-1', 'community', '光明社区', [
        node('cp-4', 'c-2', 'compound', '光明新村', [node('b-9', 'cp-4', 'building', '1号楼')]),
      ]),
    ]),
    node('sd-2', 'd-1', 'subdistrict', '东湖街道', [node('c-3', 'sd-2', 'community', '东湖社区')]),
  ]),
];

/** One community only: a portal for a single community. */
export const ONE_COMMUNITY: AreaNode[] = [
  node('c-1', null, 'community', '幸福里社区', [
    node('cp-1', 'c-1', 'compound', '幸福花园', [node('b-1', 'cp-1', 'building', '1号楼')]),
  ]),
];

/** `GET /v1/areas` over a switchable tree: it can be slow (until released), fail, or drop the connection. */
export class FakeAreasApi {
  tree: AreaNode[] = PICKER_AREAS;
  /** Answers wait for {@link release}. */
  hold = false;
  /** The next answers fail: a status, or `'network'` for a dropped connection. */
  failure?: number | 'network';
  /** How many times the tree was asked for. */
  calls = 0;
  private waiting: Array<() => void> = [];

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (request.method !== 'GET' || url.pathname !== '/v1/areas') {
      return json(404, { error: { code: 'not_found', message: 'Not found' } });
    }
    this.calls++;
    if (this.hold) await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.failure === 'network') throw new TypeError('Failed to fetch');
    if (this.failure) return json(this.failure, { error: { code: 'internal', message: 'Boom' } });
    return json(200, { areas: this.tree });
  };

  release(): void {
    this.hold = false;
    this.waiting.splice(0).forEach((resolve) => resolve());
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A client for the fake, with retries off so failures show at once. */
export function fakeAreasClient(api: FakeAreasApi) {
  return createClient({ baseUrl: 'http://doorstep.test', fetch: api.fetch as typeof fetch, retry: 0 });
}
