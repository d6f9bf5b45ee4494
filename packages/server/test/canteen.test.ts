import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CanteenListResponse, CanteenWeekMenu, StaffCanteenWeekMenu, addDays, calendarDateOf, weekStartOf } from '@doorstep/sdk';
import { forEachBackend, staffHeaders, useApp, type AppContext } from './harness.js';

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}
const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;

const staff = staffHeaders('canteen');
const thisWeek = () => weekStartOf(calendarDateOf(new Date()));

const lunch = (overrides: Record<string, unknown> = {}) => ({
  meal: 'lunch',
  opens: '11:00',
  closes: '13:00',
  dishes: [
    { name: { 'zh-CN': '清蒸鲈鱼', en: 'Steamed sea bass' }, tags: ['low_salt', 'soft'], priceFen: 1800, elderPriceFen: 1200 },
    { name: { 'zh-CN': '米饭' }, tags: ['vegetarian'], priceFen: 100 },
  ],
  ...overrides,
});

function put(ctx: AppContext, canteenId: string, weekStart: string, body: unknown, headers = staff) {
  return ctx.request(`/v1/staff/canteens/${canteenId}/menus/${weekStart}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

forEachBackend('canteen', (backend) => {
  const ctx = useApp(backend);

  test('canteens for an area include those above and below it', async () => {
    const all = CanteenListResponse.parse(await (await ctx.request('/v1/canteens')).json());
    assert.deepEqual(all.canteens.map((c) => c.id), ['canteen-xingfuli', 'canteen-guangming']);
    const building = CanteenListResponse.parse(await (await ctx.request('/v1/canteens?area=b-2')).json());
    assert.deepEqual(building.canteens.map((c) => c.id), ['canteen-xingfuli']);
    assert.equal(building.canteens[0]!.phone, '010-6234 5678');
    assert.equal((await ctx.request('/v1/canteens?area=nowhere')).status, 404);
  });

  test('this week’s menu by default: seven days from Monday, meals in order, prices in fen', async () => {
    const res = await ctx.request('/v1/canteens/canteen-xingfuli/menu');
    assert.equal(res.status, 200);
    const menu = CanteenWeekMenu.parse(await res.json());
    assert.equal(menu.weekStart, thisWeek());
    assert.equal(menu.published, true);
    assert.deepEqual(menu.days.map((day) => day.date), Array.from({ length: 7 }, (_, i) => addDays(thisWeek(), i)));
    assert.deepEqual(menu.days[0]!.meals.map((meal) => meal.meal), ['breakfast', 'lunch', 'dinner']);
    assert.deepEqual(menu.days[6]!.meals.map((meal) => meal.meal), ['lunch'], 'Sunday: lunch only');
    const fish = menu.days[0]!.meals[1]!.dishes[0]!;
    assert.deepEqual([fish.priceFen, fish.elderPriceFen, fish.tags], [1800, 1200, ['low_salt', 'soft']]);
    assert.match(menu.publishedAt ?? '', /\+08:00$/);
    assert.ok(menu.subsidyNote?.['zh-CN'].includes('60 周岁'));

    const anyDay = CanteenWeekMenu.parse(await (await ctx.request(`/v1/canteens/canteen-xingfuli/menu?week=${addDays(thisWeek(), 10)}`)).json());
    assert.equal(anyDay.weekStart, addDays(thisWeek(), 7), 'any day names its week');
    assert.equal(anyDay.published, true);
  });

  test('a week with nothing published answers seven empty days, not an error', async () => {
    const menu = CanteenWeekMenu.parse(await (await ctx.request(`/v1/canteens/canteen-guangming/menu`)).json());
    assert.equal(menu.published, false);
    assert.equal(menu.publishedAt, null);
    assert.equal(menu.days.length, 7);
    assert.ok(menu.days.every((day) => day.meals.length === 0));
    assert.equal((await ctx.request('/v1/canteens/none/menu')).status, 404);
    assert.equal((await ctx.request('/v1/canteens/canteen-guangming/menu?week=2026-02-30')).status, 400);
  });

  test('staff publish a week (201), publish it again to replace it (200, revision 2); days left out are closed', async () => {
    const week = addDays(thisWeek(), 21);
    const first = await put(ctx, 'canteen-guangming', week, {
      days: [
        { date: addDays(week, 2), meals: [lunch(), { meal: 'breakfast', opens: '07:00', closes: '08:30', dishes: [{ name: { 'zh-CN': '豆浆' }, tags: ['vegetarian', 'vegetarian'], priceFen: 150 }] }] },
        { date: week, meals: [lunch()] },
      ],
      subsidyNote: { 'zh-CN': '60 岁以上凭长者卡享受长者价' },
    });
    assert.equal(first.status, 201);
    const published = StaffCanteenWeekMenu.parse(await first.json());
    assert.deepEqual([published.revision, published.publishedBy], [1, 'staff:canteen']);
    assert.deepEqual(published.days.map((day) => day.meals.length), [1, 0, 2, 0, 0, 0, 0]);
    assert.deepEqual(published.days[2]!.meals.map((meal) => meal.meal), ['breakfast', 'lunch'], 'meals sorted by time of day');
    assert.deepEqual(published.days[2]!.meals[0]!.dishes[0]!.tags, ['vegetarian'], 'tags deduplicated');

    const again = await put(ctx, 'canteen-guangming', week, { days: [{ date: addDays(week, 4), meals: [lunch()] }] });
    assert.equal(again.status, 200);
    const replaced = StaffCanteenWeekMenu.parse(await again.json());
    assert.equal(replaced.revision, 2);
    assert.deepEqual(replaced.days.map((day) => day.meals.length), [0, 0, 0, 0, 1, 0, 0], 'replaced whole, not merged');
    const read = CanteenWeekMenu.parse(await (await ctx.request(`/v1/canteens/canteen-guangming/menu?week=${week}`)).json());
    assert.equal(read.subsidyNote, null);
    assert.deepEqual(read.days[4]!.meals[0]!.dishes.map((dish) => dish.priceFen), [1800, 100]);
  });

  test('publishing checks the week, days, meals, hours and elder prices, naming each problem', async () => {
    const week = addDays(thisWeek(), 28);
    const notMonday = await put(ctx, 'canteen-guangming', addDays(week, 2), { days: [] }, { ...staff, 'accept-language': 'en' });
    assert.equal(notMonday.status, 422);
    assert.equal((await errorOf(notMonday)).fields?.weekStart, `A week starts on Monday: use that Monday’s date, for example ${week}.`);
    const bad = await put(ctx, 'canteen-guangming', week, {
      days: [
        { date: addDays(week, 7), meals: [] },
        { date: week, meals: [lunch(), lunch({ closes: '10:00' })] },
        { date: week, meals: [lunch({ dishes: [{ name: { 'zh-CN': '鱼' }, tags: [], priceFen: 1000, elderPriceFen: 1200 }] })] },
      ],
    });
    assert.equal(bad.status, 422);
    assert.deepEqual(Object.keys((await errorOf(bad)).fields ?? {}).sort(), [
      'days.0.date',
      'days.1.meals.1.closes',
      'days.1.meals.1.meal',
      'days.2.date',
      'days.2.meals.0.dishes.0.elderPriceFen',
    ]);
    const schema = await put(ctx, 'canteen-guangming', week, {
      days: [{ date: week, meals: [lunch({ opens: '25:00', dishes: [{ name: { 'zh-CN': '鱼' }, tags: ['spicy'], priceFen: 12.5 }] })] }],
    });
    assert.equal(schema.status, 400);
    assert.deepEqual(Object.keys((await errorOf(schema)).fields ?? {}).sort(), [
      'days.0.meals.0.dishes.0.priceFen',
      'days.0.meals.0.dishes.0.tags.0',
      'days.0.meals.0.opens',
    ]);
    assert.equal((await put(ctx, 'canteen-guangming', 'next-week', { days: [] })).status, 400);
    assert.equal((await put(ctx, 'nowhere', week, { days: [] })).status, 404);
    const unchanged = CanteenWeekMenu.parse(await (await ctx.request(`/v1/canteens/canteen-guangming/menu?week=${week}`)).json());
    assert.equal(unchanged.published, false, 'nothing was stored');
  });

  test('only staff with the canteen role (or admin) publish', async () => {
    const week = addDays(thisWeek(), 35);
    assert.equal((await put(ctx, 'canteen-guangming', week, { days: [] }, {})).status, 401);
    assert.equal((await put(ctx, 'canteen-guangming', week, { days: [] }, staffHeaders('events'))).status, 403);
    assert.equal((await put(ctx, 'canteen-guangming', week, { days: [] }, staffHeaders('admin'))).status, 201);
  });
});
