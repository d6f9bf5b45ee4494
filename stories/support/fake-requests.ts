/** The fake API's areas, categories and service requests (see fake-api.ts). */
import type { AreaNode, Category, ServiceRequestPublic } from '@doorstep/sdk';
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
      location: null,
      address: null,
      photos: [],
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
