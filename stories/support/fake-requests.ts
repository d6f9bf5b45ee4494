/** The fake API's areas, categories and service requests (see fake-api.ts). */
import type { AreaNode, Category, PhotoRef, RequestSummary, ServiceRequestPublic } from '@doorstep/sdk';
import { maskName, maskPhone } from '@doorstep/server/mask';
import { sampleAreaTree, sampleCategories } from '@doorstep/server/sample-data';
import { json, type FakeRoute } from './fake-http.js';

// The reference server's own sample data and masking, so a story and the demo show the same choices
// and the same masked contact details.
export const categories: Category[] = sampleCategories();
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

/**
 * How the fake treats the request form's extra calls, for the story that needs it (set it in the story's
 * `beforeEach`, which puts it back): photo uploads that answer, hang (to show progress) or fail.
 */
export const requestFakeSettings: { photos: 'ok' | 'slow' | 'fail' } = { photos: 'ok' };

/** Open requests the duplicates lookup finds: public lighting in 幸福花园 3号楼. */
export const openRequests: RequestSummary[] = [
  {
    code: 'DS-LGHT-3B2K',
    categoryId: 'public-light',
    areaId: 'b-3',
    areaPath: ['幸福区', '和平街道', '幸福里社区', '幸福花园', '3号楼'],
    description: '3号楼2单元4楼到6楼的楼道灯都不亮，晚上上楼要打手电',
    status: 'accepted',
    supportCount: 3,
    createdAt: '2026-11-20T19:12:00+08:00',
  },
];

const photos = new Map<string, PhotoRef>();

/** Requests reported in this page load, so a status view (fake-status.ts) can look them up. */
export const createdRequests = new Map<string, ServiceRequestPublic>();

let sequence = 0;
function trackingCode(): string {
  // Deterministic per page load, so screenshots of the success story do not change run to run.
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const seed = 0x5eed + sequence++ * 7919;
  const chars = Array.from({ length: 8 }, (_, index) => alphabet[(seed * (index + 3) + index * 31) % alphabet.length]);
  return `DS-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

export const requestRoutes: FakeRoute = async (request, url) => {
  const method = request.method;
  if (method === 'GET' && url.pathname === '/v1/requests') {
    const { category, area } = Object.fromEntries(url.searchParams);
    return json(200, { requests: openRequests.filter((open) => open.categoryId === category && open.areaId === area) });
  }
  const support = /^\/v1\/requests\/([^/]+)\/support$/.exec(url.pathname);
  if (method === 'POST' && support) {
    const open = openRequests.find((candidate) => candidate.code === decodeURIComponent(support[1]!));
    if (!open) return json(404, { error: { code: 'not_found', message: 'No such request' } });
    return json(200, { code: open.code, supportCount: open.supportCount + 1 });
  }
  if (method === 'POST' && url.pathname === '/v1/photos') {
    if (requestFakeSettings.photos === 'fail') throw new TypeError('Failed to fetch');
    if (requestFakeSettings.photos === 'slow') {
      await new Promise<never>((_, reject) => request.signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))));
    }
    // One photo per idempotency key, as the server stores it.
    const key = request.headers.get('idempotency-key') ?? String(photos.size);
    const bytes = (await request.arrayBuffer()).byteLength;
    const ref: PhotoRef = photos.get(key) ?? { id: `ph-${photos.size + 1}`, contentType: 'image/jpeg', byteSize: bytes, url: `${url.origin}/v1/photos/ph-${photos.size + 1}` };
    photos.set(key, ref);
    return json(201, ref);
  }
  if (method === 'GET' && url.pathname === '/v1/categories') return json(200, { categories });
  if (method === 'GET' && url.pathname === '/v1/areas') {
    const parent = url.searchParams.get('parent');
    if (parent === null) return json(200, { areas: areaTree });
    const children = areasById.get(parent)?.node.children ?? [];
    return json(200, { areas: children.map(({ children: _children, ...area }) => area) });
  }
  if (method === 'POST' && url.pathname === '/v1/requests') {
    const body = (await request.json()) as {
      categoryId: string;
      areaId: string;
      description: string;
      contactName?: string;
      contactPhone?: string;
      address?: string;
      location?: { latitude: number; longitude: number };
      photoIds?: string[];
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
      onBehalfOf: null,
      location: body.location ?? null,
      address: body.address ?? null,
      photos: (body.photoIds ?? []).flatMap((id) => [...photos.values()].filter((photo) => photo.id === id)),
      timeline: [
        {
          id: 'e-1',
          at: now,
          kind: 'submitted',
          status: 'submitted',
          actor: { kind: 'resident', name: null },
          note: null,
          visibility: 'public',
        },
      ],
      assignedTo: null,
      expectedDate: null,
      supportCount: 0,
      resolvedAt: null,
      reopenableUntil: null,
      ratable: false,
      rating: null,
      mergedInto: null,
    };
    createdRequests.set(created.code, created);
    return json(201, created);
  }
  return undefined;
};
