import {
  createClient,
  normalizeReferenceCode,
  type AreaNode,
  type EldercareApplicationCreate,
  type EldercareApplicationPublic,
  type EldercareProgram,
} from '@doorstep/sdk';
import type { ReceivedRequest } from './fake-api.js';

/** What the fake does with the next application (`POST /v1/eldercare/applications`). */
export type ApplyMode = 'ok' | 'validation' | 'server' | 'network' | 'slow';

const node = (id: string, parentId: string | null, level: AreaNode['level'], name: string, children: AreaNode[] = []): AreaNode => ({
  id,
  parentId,
  level,
  name,
  children,
});

/** Two communities, as in the reference server's sample district (fewer buildings). */
export const ELDERCARE_AREAS: AreaNode[] = [
  node('d-1', null, 'district', '幸福区', [
    node('sd-1', 'd-1', 'subdistrict', '和平街道', [
      node('c-1', 'sd-1', 'community', '幸福里社区', [
        node('cp-1', 'c-1', 'compound', '幸福花园', [
          node('b-1', 'cp-1', 'building', '1号楼', [node('u-1-1', 'b-1', 'unit', '1单元'), node('u-1-2', 'b-1', 'unit', '2单元')]),
          node('b-2', 'cp-1', 'building', '2号楼'),
        ]),
      ]),
      node('c-2', 'sd-1', 'community', '光明社区', [node('cp-4', 'c-2', 'compound', '光明新村', [node('b-9', 'cp-4', 'building', '1号楼')])]),
      // A community with nothing online yet.
      node('c-3', 'sd-1', 'community', '和谐社区', [node('cp-6', 'c-3', 'compound', '和谐家园', [node('b-20', 'cp-6', 'building', '1号楼')])]),
    ]),
  ]),
];

const t = (zhCN: string, zhTW: string, en: string) => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

/** 幸福里社区 offers meals (60+, subsidies, free delivery for 低保), home visits and a wristband; 光明社区 only canteen lunch. */
export const ELDERCARE_PROGRAMS: EldercareProgram[] = [
  {
    id: 'c1-meals',
    communityId: 'c-1',
    service: 'meals',
    name: t('幸福食堂助餐', '幸福食堂助餐', 'Xingfu canteen meals'),
    description: t('一日三餐，堂食或送餐上门。', '一日三餐，堂食或送餐到府。', 'Three meals a day, eat in or delivered.'),
    eligibility: { any: [{ ageAtLeast: 60 }, { fact: 'disability' }] },
    options: { modes: ['canteen', 'delivery'], meals: ['breakfast', 'lunch', 'dinner'], days: [1, 2, 3, 4, 5, 6] },
    prices: [
      { id: 'meal', name: t('每餐', '每餐', 'Each meal'), amountFen: 1500, per: 'meal' },
      { id: 'delivery', name: t('送餐费', '送餐費', 'Delivery'), amountFen: 300, per: 'meal' },
    ],
    benefits: [
      { id: 'meal-60', item: 'meal', kind: 'subsidy', amountFen: 300, when: { ageAtLeast: 60 }, name: t('60岁以上每餐补贴3元', '60歲以上每餐補貼3元', '¥3 off at 60+') },
      { id: 'meal-80', item: 'meal', kind: 'subsidy', amountFen: 500, when: { ageAtLeast: 80 }, name: t('80岁以上每餐补贴5元', '80歲以上每餐補貼5元', '¥5 off at 80+') },
      { id: 'delivery-low-income', item: 'delivery', kind: 'free', when: { fact: 'lowIncome' }, name: t('低保家庭免费送餐', '低保家庭免費送餐', 'Free delivery for low-income households') },
    ],
  },
  {
    id: 'c1-housekeeping',
    communityId: 'c-1',
    service: 'housekeeping',
    name: t('居家保洁', '居家清潔', 'Housekeeping'),
    eligibility: { ageAtLeast: 60 },
    options: { maxHoursPerMonth: 20 },
    prices: [{ id: 'hour', name: t('每小时', '每小時', 'Each hour'), amountFen: 4000, per: 'hour' }],
    benefits: [{ id: 'hours-low-income', item: 'hour', kind: 'freeQuantity', quantity: 4, when: { fact: 'lowIncome' }, name: t('低保每月免费4小时', '低保每月免費4小時', '4 free hours for low-income') }],
  },
  {
    id: 'c1-home-visits',
    communityId: 'c-1',
    service: 'homeVisits',
    name: t('关爱探访', '關愛探訪', 'Home visits'),
    eligibility: { any: [{ fact: 'livingAlone' }, { ageAtLeast: 80 }] },
    options: { frequencies: ['weekly', 'biweekly', 'monthly'] },
    prices: [],
    benefits: [],
  },
  {
    id: 'c1-wristband',
    communityId: 'c-1',
    service: 'wristband',
    name: t('智能健康手环', '智慧健康手環', 'Health wristband'),
    eligibility: { ageAtLeast: 60 },
    options: {},
    prices: [{ id: 'device', name: t('手环', '手環', 'Wristband'), amountFen: 29900, per: 'once' }],
    benefits: [
      {
        id: 'device-free',
        item: 'device',
        kind: 'free',
        when: { any: [{ all: [{ ageAtLeast: 80 }, { fact: 'livingAlone' }] }, { fact: 'disability' }] },
        name: t('80岁以上独居或残疾免费', '80歲以上獨居或身心障礙免費', 'Free at 80+ living alone, or with a disability'),
      },
    ],
  },
  {
    id: 'c2-meals',
    communityId: 'c-2',
    service: 'meals',
    name: t('光明长者饭堂', '光明長者飯堂', 'Guangming canteen'),
    eligibility: { ageAtLeast: 60 },
    options: { modes: ['canteen'], meals: ['lunch'], days: [1, 2, 3, 4, 5] },
    prices: [{ id: 'meal', name: t('每餐', '每餐', 'Each meal'), amountFen: 1200, per: 'meal' }],
    benefits: [],
  },
];

export const REFERENCE_CODE = 'EC-7K2M-9QX4';

function find(nodes: readonly AreaNode[], id: string, trail: AreaNode[] = []): AreaNode[] | undefined {
  for (const area of nodes) {
    if (area.id === id) return [...trail, area];
    const below = find(area.children, id, [...trail, area]);
    if (below) return below;
  }
  return undefined;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const mask = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

/**
 * An in-memory elder-care API behind a `fetch`: areas, programs per community, applications (whose
 * behaviour is switchable) and the status check, recording what it received.
 */
export class FakeEldercareApi {
  applyMode: ApplyMode = 'ok';
  /** Delay (ms) for the programs; large values keep the services step loading. */
  programsDelayMs = 0;
  /** When set, the programs fail with this status. */
  programsFailure?: number;
  readonly received: ReceivedRequest[] = [];
  /** Applications accepted so far, by reference code. */
  readonly stored = new Map<string, { input: EldercareApplicationCreate; view: EldercareApplicationPublic }>();
  private releaseSlow: Array<() => void> = [];

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = request.method === 'POST' ? await request.clone().json() : undefined;
    this.received.push({ method: request.method, path: url.pathname, headers: request.headers, body });
    if (request.method === 'GET' && url.pathname === '/v1/areas') return json(200, { areas: ELDERCARE_AREAS });
    if (request.method === 'GET' && url.pathname === '/v1/eldercare/programs') {
      if (this.programsDelayMs) await new Promise((resolve) => setTimeout(resolve, this.programsDelayMs));
      if (this.programsFailure) return json(this.programsFailure, { error: { code: 'internal', message: 'Boom' } });
      const trail = find(ELDERCARE_AREAS, url.searchParams.get('area') ?? '');
      const community = trail?.find((area) => area.level === 'community');
      if (!community) return json(404, { error: { code: 'not_found', message: '没有找到这个区域。' } });
      return json(200, {
        community: { id: community.id, name: community.name },
        programs: ELDERCARE_PROGRAMS.filter((program) => program.communityId === community.id),
      });
    }
    if (request.method === 'POST' && url.pathname === '/v1/eldercare/applications') return this.apply(body as EldercareApplicationCreate);
    if (request.method === 'POST' && url.pathname === '/v1/eldercare/applications/status') {
      const { code, phoneLast4 } = body as { code: string; phoneLast4: string };
      const found = this.stored.get(normalizeReferenceCode(code));
      const phones = [found?.input.elder.phone, found?.input.applicant.phone].filter((phone): phone is string => Boolean(phone));
      if (!found || !phones.some((phone) => phone.endsWith(phoneLast4))) {
        return json(404, { error: { code: 'not_found', message: '没有找到与这个申请编号和电话后四位相符的申请，请核对后再试。' } });
      }
      return json(200, found.view);
    }
    return json(404, { error: { code: 'not_found', message: 'Not found' } });
  };

  /** The POSTs to /v1/eldercare/applications received so far. */
  get applications(): ReceivedRequest[] {
    return this.received.filter((request) => request.method === 'POST' && request.path === '/v1/eldercare/applications');
  }

  /** Lets a `slow` application answer. */
  release(): void {
    this.releaseSlow.splice(0).forEach((release) => release());
  }

  /** Puts an application in the store, as if sent earlier (for status checks). */
  remember(view: EldercareApplicationPublic, input: Pick<EldercareApplicationCreate, 'elder' | 'applicant'>): void {
    this.stored.set(view.code, { input: input as EldercareApplicationCreate, view });
  }

  private async apply(input: EldercareApplicationCreate): Promise<Response> {
    switch (this.applyMode) {
      case 'network':
        throw new TypeError('Failed to fetch');
      case 'server':
        return json(500, { error: { code: 'internal', message: 'Internal error' } });
      case 'validation':
        return json(422, {
          error: {
            code: 'unprocessable',
            message: '提交的内容无法处理，请检查标出的项目。',
            fields: { 'elder.room': '这个门牌号在该楼栋不存在', 'emergencyContact.phone': '这个号码已停机' },
          },
        });
      case 'slow':
        await new Promise<void>((resolve) => this.releaseSlow.push(resolve));
        break;
      case 'ok':
        break;
    }
    const now = '2026-11-23T09:30:00+08:00';
    const phone = input.elder.phone ?? input.applicant.phone ?? '';
    const view: EldercareApplicationPublic = {
      code: REFERENCE_CODE,
      status: 'submitted',
      communityName: find(ELDERCARE_AREAS, input.elder.areaId)?.find((area) => area.level === 'community')?.name ?? '',
      elderName: `${Array.from(input.elder.name)[0]}**`,
      contactPhone: mask(phone),
      services: input.services,
      granted: null,
      startDate: null,
      reason: null,
      createdAt: now,
      updatedAt: now,
    };
    this.stored.set(view.code, { input, view });
    return json(201, view);
  }
}

/** A client for the fake API, with retries off so failures show at once. */
export function fakeEldercareClient(api: FakeEldercareApi, locale?: string) {
  return createClient({ baseUrl: 'http://doorstep.test', fetch: api.fetch as typeof fetch, retry: 0, ...(locale ? { locale } : {}) });
}
