import {
  addDays,
  calendarDateOf,
  createClient,
  toZonedIso,
  weekStartOf,
  type Canteen,
  type CanteenDay,
  type CanteenWeekMenu,
} from '@doorstep/sdk';
import type { ReceivedRequest } from './fake-api.js';

export const CANTEENS: Canteen[] = [
  {
    id: 'canteen-a',
    areaId: 'c-1',
    name: { 'zh-CN': '幸福里长者食堂', 'zh-TW': '幸福里長者食堂', en: 'Xingfuli Canteen' },
    place: { 'zh-CN': '服务中心一楼', 'zh-TW': '服務中心一樓', en: 'Community centre, ground floor' },
    phone: '010-6234 5678',
    note: { 'zh-CN': '送餐请提前一天预约。', 'zh-TW': '送餐請提前一天預約。', en: 'Order delivery a day ahead.' },
  },
  {
    id: 'canteen-b',
    areaId: 'cp-1',
    name: { 'zh-CN': '幸福花园便民餐厅', 'zh-TW': '幸福花園便民餐廳', en: 'Xingfu Garden Canteen' },
    place: { 'zh-CN': '1号楼底商', 'zh-TW': '1號樓底商', en: 'Building 1' },
    phone: null,
  },
];

export const thisWeek = () => weekStartOf(calendarDateOf(new Date()));

/** A week: lunch every day but Sunday (closed); breakfast on Monday; dishes covering every tag. */
export function fakeWeek(weekStart: string): CanteenDay[] {
  return Array.from({ length: 7 }, (_, index) => {
    const date = addDays(weekStart, index);
    if (index === 6) return { date, meals: [] };
    const lunch = {
      meal: 'lunch' as const,
      opens: '11:00',
      closes: '13:00',
      dishes: [
        { name: { 'zh-CN': '清蒸鲈鱼', 'zh-TW': '清蒸鱸魚', en: 'Steamed sea bass' }, tags: ['low_salt' as const, 'soft' as const], priceFen: 1800, elderPriceFen: 1200 },
        { name: { 'zh-CN': '番茄炒蛋', 'zh-TW': '番茄炒蛋', en: 'Tomato and egg' }, tags: ['vegetarian' as const], priceFen: 800, elderPriceFen: 500 },
        { name: { 'zh-CN': '土豆炖牛肉', 'zh-TW': '馬鈴薯燉牛肉', en: 'Beef with potatoes' }, tags: ['halal' as const], priceFen: 1600 },
      ],
    };
    const breakfast = {
      meal: 'breakfast' as const,
      opens: '07:00',
      closes: '08:30',
      dishes: [{ name: { 'zh-CN': '小米粥', 'zh-TW': '小米粥', en: 'Millet porridge' }, tags: ['soft' as const, 'vegetarian' as const], priceFen: 150, elderPriceFen: 100 }],
    };
    return { date, meals: index === 0 ? [breakfast, lunch] : [lunch] };
  });
}

/** An in-memory canteen API: two canteens; this week published for the first, nothing else. */
export class FakeCanteenApi {
  canteens: Canteen[] = CANTEENS;
  /** Weeks (their Mondays) that have a menu, per canteen. */
  published = new Map<string, Set<string>>([['canteen-a', new Set([thisWeek()])]]);
  listDelayMs = 0;
  menuFailure?: number;
  readonly received: ReceivedRequest[] = [];

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    this.received.push({ method: request.method, path: url.pathname, search: url.searchParams, headers: request.headers, body: undefined });
    if (url.pathname === '/v1/canteens') {
      if (this.listDelayMs) await new Promise((resolve) => setTimeout(resolve, this.listDelayMs));
      return json(200, { canteens: this.canteens });
    }
    const menu = /^\/v1\/canteens\/([^/]+)\/menu$/.exec(url.pathname);
    if (menu) {
      if (this.menuFailure) return json(this.menuFailure, { error: { code: 'internal', message: 'Boom' } });
      const canteen = this.canteens.find((candidate) => candidate.id === menu[1]);
      if (!canteen) return json(404, { error: { code: 'not_found', message: '没有找到这个餐厅。' } });
      const weekStart = weekStartOf(url.searchParams.get('week') ?? calendarDateOf(new Date()));
      const published = this.published.get(canteen.id)?.has(weekStart) ?? false;
      const body: CanteenWeekMenu = {
        canteen,
        weekStart,
        published,
        publishedAt: published ? toZonedIso(new Date()) : null,
        days: published ? fakeWeek(weekStart) : Array.from({ length: 7 }, (_, i) => ({ date: addDays(weekStart, i), meals: [] })),
        subsidyNote: published ? { 'zh-CN': '60 岁以上凭长者卡享受长者价。', 'zh-TW': '60 歲以上憑長者卡享受長者價。', en: 'Residents over 60 pay the elder price.' } : null,
        note: null,
      };
      return json(200, body);
    }
    return json(404, { error: { code: 'not_found', message: 'Not found' } });
  };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function fakeCanteenClient(api: FakeCanteenApi) {
  return createClient({ baseUrl: 'http://doorstep.test', fetch: api.fetch as typeof fetch, retry: 0 });
}
