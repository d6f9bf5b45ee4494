import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError, createClient, type CanteenWeekMenu } from '../src/index.js';
import { json, scriptedFetch } from './fake-fetch.js';

const canteen = { id: 'canteen-xingfuli', areaId: 'c-1', name: { 'zh-CN': '长者食堂' }, place: { 'zh-CN': '一楼' }, phone: '010-6234 5678' };
const days = Array.from({ length: 7 }, (_, i) => ({ date: `2026-11-${23 + i}`, meals: [] as CanteenWeekMenu['days'][number]['meals'] }));
days[0]!.meals = [
  { meal: 'lunch', opens: '11:00', closes: '13:00', dishes: [{ name: { 'zh-CN': '清蒸鲈鱼' }, tags: ['low_salt'], priceFen: 1800, elderPriceFen: 1200 }] },
];
const menu: CanteenWeekMenu = { canteen, weekStart: '2026-11-23', published: true, publishedAt: '2026-11-20T16:00:00+08:00', days, subsidyNote: null, note: null };

function client(fetch: typeof globalThis.fetch, token?: string) {
  return createClient({ baseUrl: 'http://api.test/', fetch, retry: 0, ...(token ? { token } : {}) });
}

describe('client.canteen', () => {
  it('lists an area’s canteens and reads a week by any of its days', async () => {
    const { fetch, seen } = scriptedFetch(() => json({ canteens: [canteen] }), () => json(menu));
    const api = client(fetch);
    assert.equal((await api.canteen.list({ area: 'c-1' }))[0]?.phone, '010-6234 5678');
    const week = await api.canteen.menu('canteen-xingfuli', { week: '2026-11-25' });
    assert.equal(week.days[0]?.meals[0]?.dishes[0]?.elderPriceFen, 1200);
    assert.equal(seen[0]?.url, 'http://api.test/v1/canteens?area=c-1');
    assert.equal(seen[1]?.url, 'http://api.test/v1/canteens/canteen-xingfuli/menu?week=2026-11-25');
  });

  it('rejects a week answer that is not seven days', async () => {
    const { fetch } = scriptedFetch(() => json({ ...menu, days: days.slice(0, 5) }));
    const error = await client(fetch).canteen.menu('canteen-xingfuli').catch((e: unknown) => e);
    assert.ok(error instanceof ValidationError);
    assert.equal(error.source, 'response');
  });

  it('publishes a week with PUT and the staff token, checking the menu first', async () => {
    const { fetch, seen } = scriptedFetch(() => json({ ...menu, publishedBy: '食堂 李师傅', revision: 1 }, 201));
    const api = client(fetch, 'secret');
    const bad = await api.canteen.staff
      .publishWeek('canteen-xingfuli', '2026-11-23', { days: [{ date: '2026-11-23', meals: [{ meal: 'lunch', opens: '11:00', closes: '13:00', dishes: [{ name: { 'zh-CN': '鱼' }, tags: ['spicy' as never], priceFen: -1 }] }] }] })
      .catch((e: unknown) => e);
    assert.ok(bad instanceof ValidationError);
    assert.deepEqual(Object.keys(bad.fields).sort(), ['days.0.meals.0.dishes.0.priceFen', 'days.0.meals.0.dishes.0.tags.0']);
    assert.equal(seen.length, 0);
    const published = await api.canteen.staff.publishWeek('canteen-xingfuli', '2026-11-23', { days: menu.days.slice(0, 1) });
    assert.equal(published.revision, 1);
    assert.equal(seen[0]?.method, 'PUT');
    assert.equal(new URL(seen[0]!.url).pathname, '/v1/staff/canteens/canteen-xingfuli/menus/2026-11-23');
    assert.equal(seen[0]?.headers.get('authorization'), 'Bearer secret');
  });
});
