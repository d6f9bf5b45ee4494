/**
 * The fake API's elder care (see fake-api.ts): the reference server's sample programs (幸福里社区, 光明社区)
 * and masking, applications and status checks in memory. The areas come from fake-requests.ts.
 */
import {
  normalizeReferenceCode,
  type EldercareApplicationCreate,
  type EldercareApplicationPublic,
  type EldercareProgram,
} from '@doorstep/sdk';
import { maskName, maskPhone } from '@doorstep/server/mask';
import { SAMPLE_ELDERCARE_PROGRAMS, SEED_AREAS, type SeedArea } from '@doorstep/server/sample-data';
import { json, type FakeRoute } from './fake-http.js';

/**
 * What the next requests do, for stories of the in-between states: the programs never arrive
 * (`slow`), fail, or are none (a community with nothing online); an application never gets an answer
 * (`slow`, the "sending" story).
 */
export const eldercareFakeSettings: { programs: 'ok' | 'none' | 'slow' | 'fail'; apply: 'ok' | 'slow' } = { programs: 'ok', apply: 'ok' };

/** A sample application that can be checked in the status stories: code and phone digits. */
export const SAMPLE_STATUS = { code: 'EC-7K2M-9QX4', phoneLast4: '1111', rejectedCode: 'EC-3HNP-8WQA' } as const;

const programs: EldercareProgram[] = SAMPLE_ELDERCARE_PROGRAMS;

/** The community (third level of the sample tree: district › subdistrict › community) an area is in. */
function communityOf(id: string): SeedArea | undefined {
  const walk = (nodes: readonly SeedArea[], depth: number, community?: SeedArea): SeedArea | undefined => {
    for (const node of nodes) {
      const here = depth === 2 ? node : community;
      if (node.id === id) return here;
      const found = node.children && walk(node.children, depth + 1, here);
      if (found) return found;
    }
    return undefined;
  };
  return walk(SEED_AREAS, 0);
}

const applications = new Map<string, { view: EldercareApplicationPublic; phones: string[] }>();
applications.set(SAMPLE_STATUS.code, {
  phones: ['13900001111'],
  view: {
    code: SAMPLE_STATUS.code,
    status: 'approved',
    communityName: '幸福里社区',
    elderName: maskName('王秀英'),
    contactPhone: maskPhone('13900001111'),
    services: { meals: { mode: 'delivery', meals: ['lunch', 'dinner'], days: [1, 2, 3, 4, 5] }, homeVisits: { frequency: 'weekly' } },
    granted: { meals: { mode: 'delivery', meals: ['lunch'], days: [1, 3, 5] }, homeVisits: { frequency: 'weekly' } },
    startDate: '2026-12-01',
    reason: null,
    createdAt: '2026-11-23T09:30:00+08:00',
    updatedAt: '2026-11-25T15:10:00+08:00',
  },
});
applications.set(SAMPLE_STATUS.rejectedCode, {
  phones: ['13700001111'],
  view: {
    code: SAMPLE_STATUS.rejectedCode,
    status: 'rejected',
    communityName: '幸福里社区',
    elderName: maskName('赵德明'),
    contactPhone: maskPhone('13700001111'),
    services: { dayCare: { days: [1, 3, 5] } },
    granted: null,
    startDate: null,
    reason: '老人户籍和居住地都不在本社区，请向居住地社区申请。',
    createdAt: '2026-11-20T10:00:00+08:00',
    updatedAt: '2026-11-22T09:00:00+08:00',
  },
});

let sequence = 0;
function referenceCode(): string {
  // Deterministic per page load, so screenshots of the success story do not change run to run.
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const seed = 0xe1d + sequence++ * 7919;
  const chars = Array.from({ length: 8 }, (_, index) => alphabet[(seed * (index + 7) + index * 13) % alphabet.length]);
  return `EC-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

const never = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))));

export const eldercareRoutes: FakeRoute = async (request, url) => {
  const method = request.method;
  if (method === 'GET' && url.pathname === '/v1/eldercare/programs') {
    if (eldercareFakeSettings.programs === 'slow') await never(request.signal);
    if (eldercareFakeSettings.programs === 'fail') return json(503, { error: { code: 'unavailable', message: '服务暂时不可用' } });
    const community = communityOf(url.searchParams.get('area') ?? '');
    if (!community) return json(404, { error: { code: 'not_found', message: '没有找到这个区域。' } });
    const offered = eldercareFakeSettings.programs === 'none' ? [] : programs.filter((program) => program.communityId === community.id);
    return json(200, { community: { id: community.id, name: community.name }, programs: offered });
  }
  if (method === 'POST' && url.pathname === '/v1/eldercare/applications') {
    if (eldercareFakeSettings.apply === 'slow') await never(request.signal);
    const input = (await request.json()) as EldercareApplicationCreate;
    const phone = input.elder.phone ?? input.applicant.phone ?? '';
    const now = new Date().toISOString();
    const view: EldercareApplicationPublic = {
      code: referenceCode(),
      status: 'submitted',
      communityName: communityOf(input.elder.areaId)?.name ?? '',
      elderName: maskName(input.elder.name),
      contactPhone: maskPhone(phone),
      services: input.services,
      granted: null,
      startDate: null,
      reason: null,
      createdAt: now,
      updatedAt: now,
    };
    applications.set(view.code, { view, phones: [input.elder.phone, input.applicant.phone].filter((value): value is string => Boolean(value)) });
    return json(201, view);
  }
  if (method === 'POST' && url.pathname === '/v1/eldercare/applications/status') {
    const { code, phoneLast4 } = (await request.json()) as { code: string; phoneLast4: string };
    const found = applications.get(normalizeReferenceCode(code));
    if (!found || !found.phones.some((phone) => phone.replace(/\D/g, '').endsWith(phoneLast4))) {
      return json(404, { error: { code: 'not_found', message: '没有找到与这个申请编号和电话后四位相符的申请，请核对后再试。' } });
    }
    return json(200, found.view);
  }
  return undefined;
};
