/** The fake API's canteens (see fake-api.ts): the server's sample canteens and menus. */
import { addDays, calendarDateOf, toZonedIso, weekStartOf, type CanteenWeekMenu } from '@doorstep/sdk';
import { SAMPLE_CANTEENS, sampleCanteenWeek } from '@doorstep/server/sample-data';
import { json, type FakeRoute } from './fake-http.js';

/** `area="empty"`: no canteen near (the no-canteen story); `canteen="unavailable"`: the menu fails (load-error story). */
export const EMPTY_AREA = 'empty';
export const UNAVAILABLE_CANTEEN = 'unavailable';

/** Like the server's seed: this week and next are published for the first canteen. */
const thisWeek = weekStartOf(calendarDateOf(new Date()));
const publishedWeeks = new Set([thisWeek, addDays(thisWeek, 7)]);

export const canteenRoutes: FakeRoute = (request, url) => {
  if (request.method !== 'GET') return undefined;
  if (url.pathname === '/v1/canteens') {
    const area = url.searchParams.get('area');
    if (area === EMPTY_AREA) return json(200, { canteens: [] });
    // The sample canteens belong to communities: a community's own is what its residents see.
    return json(200, { canteens: area ? SAMPLE_CANTEENS.filter((canteen) => canteen.areaId === area) : SAMPLE_CANTEENS });
  }
  const match = /^\/v1\/canteens\/([^/]+)\/menu$/.exec(url.pathname);
  if (!match) return undefined;
  if (match[1] === UNAVAILABLE_CANTEEN) return json(503, { error: { code: 'unavailable', message: 'The service is down for maintenance.' } });
  const canteen = SAMPLE_CANTEENS.find((candidate) => candidate.id === match[1]);
  if (!canteen) return json(404, { error: { code: 'not_found', message: '没有找到这个餐厅。' } });
  const weekStart = weekStartOf(url.searchParams.get('week') ?? calendarDateOf(new Date()));
  const published = canteen.id === SAMPLE_CANTEENS[0]!.id && publishedWeeks.has(weekStart);
  const week = sampleCanteenWeek(weekStart);
  const menu: CanteenWeekMenu = {
    canteen,
    weekStart,
    published,
    publishedAt: published ? toZonedIso(new Date()) : null,
    days: published ? week.days : Array.from({ length: 7 }, (_, index) => ({ date: addDays(weekStart, index), meals: [] })),
    subsidyNote: published ? (week.subsidyNote ?? null) : null,
    note: null,
  };
  return json(200, menu);
};
