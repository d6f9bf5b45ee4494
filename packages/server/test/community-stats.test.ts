import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { CommunityStats, HoursSummary } from '@doorstep/sdk';
import { forEachBackend, useApp } from './harness.js';
import { HOUR, PATH_TO, TestClock, useClockedApp } from './request-helpers.js';

async function summary(request: (path: string) => Promise<Response>, query: string): Promise<CommunityStats> {
  const response = await request(`/v1/stats/summary?${query}`);
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()) as CommunityStats;
}

forEachBackend('GET /v1/stats/summary', (backend) => {
  const ctx = useApp(backend);
  // A community of its own, so the seeded sample records do not mix into the hand-counted figures.
  const clock = new TestClock('2026-03-10T02:00:00Z');
  const api = useClockedApp(ctx, clock);
  before(async () => {
    await ctx.db.query(`INSERT INTO areas (id, parent_id, level, name, sort_order) VALUES
      ('c-stats', 'sd-1', 'community', '统计社区', 99), ('cp-stats', 'c-stats', 'compound', '统计小区', 1),
      ('b-stats', 'cp-stats', 'building', '统计1号楼', 1)`);
  });

  test('requests: collected, resolved, rate, median time and top categories, counted from the records', async () => {
    const reports = [];
    for (const categoryId of ['public-light', 'public-light', 'door-lock']) reports.push(await api.report({ categoryId, areaId: 'b-stats' }));
    // Resolve the first after 2 hours and the third after 4 hours: the median is 3 hours.
    for (const [index, hours] of [[0, 2], [2, 4]] as const) {
      const saved = clock.now;
      clock.advance(hours * HOUR);
      for (const [action, body] of PATH_TO.resolved!) assert.equal((await api.staff(reports[index]!.code, action, body)).status, 200);
      clock.now = saved;
    }
    const stats = await summary(api.request, 'area=c-stats&from=2026-03-01&to=2026-03-31');
    assert.equal(stats.area, 'c-stats');
    assert.equal(stats.from, '2026-02-28T16:00:00.000Z', 'a bare day starts at midnight in China');
    assert.deepEqual(
      { ...stats.requests, topCategories: stats.requests.topCategories.map(({ categoryId, collected, resolved }) => [categoryId, collected, resolved]) },
      { collected: 3, resolved: 2, resolutionRate: 0.667, medianResolutionSeconds: 3 * 3600, topCategories: [['public-light', 2, 1], ['door-lock', 1, 1]] },
    );
    assert.equal(stats.requests.topCategories[0]!.name['zh-CN'], '公共照明');
    // The same records, another period: nothing.
    const april = await summary(api.request, 'area=c-stats&from=2026-04-01&to=2026-04-30');
    assert.deepEqual(april.requests, { collected: 0, resolved: 0, resolutionRate: null, medianResolutionSeconds: null, topCategories: [] });
    // A building counts what was reported in it; a district everything below it, these included.
    assert.equal((await summary(api.request, 'area=b-stats&from=2026-03-01&to=2026-03-31')).requests.collected, 3);
    const district = await summary(api.request, 'area=d-1&from=2026-03-01&to=2026-03-31');
    assert.ok(district.requests.collected >= 3);
  });

  test('volunteer hours agree with the volunteer counter on the sample data', async () => {
    for (const [period, query] of [
      ['month', ''],
      ['year', ''],
      ['all', ''],
    ] as const) {
      const counter = (await (await ctx.request(`/v1/volunteering/hours?community=c-1&period=${period}${query}`)).json()) as HoursSummary;
      const from = counter.period.from ? `&from=${counter.period.from}` : '';
      const to = counter.period.to ? `&to=${counter.period.to}` : '';
      const stats = await summary(ctx.request, `area=c-1${from}${to}`);
      assert.equal(stats.volunteering.hours, Math.round((counter.minutes / 60) * 10) / 10, period);
      assert.equal(stats.volunteering.volunteers, counter.volunteers, period);
    }
  });

  test('elders served: the approved applications in the area whose service had started by the period\'s end', async () => {
    const application = (id: string, areaId: string, status: string, startDate: string | null) =>
      ctx.db.query(
        `INSERT INTO eldercare_applications (id, code, community_id, area_id, status, applicant_role, services, granted, start_date,
           personal_sealed, health_sealed, eligibility_sealed, eligibility_year, consent_at)
         VALUES ($1, $2, 'c-stats', $3, $4, 'family', '{}', $5::jsonb, $6::date, 'sealed', 'sealed', 'sealed', 2026, now())`,
        [id, `EC-${id.toUpperCase()}`, areaId, status, status === 'approved' ? '{}' : null, startDate],
      );
    await application('a1', 'b-stats', 'approved', '2026-03-01');
    await application('a2', 'cp-stats', 'approved', '2026-04-15');
    await application('a3', 'b-stats', 'submitted', null);
    await application('a4', 'b-stats', 'waitlisted', null);
    await application('a5', 'b-stats', 'rejected', null);
    assert.equal((await summary(api.request, 'area=c-stats&from=2026-03-01&to=2026-03-31')).eldercare.recipients, 1);
    assert.equal((await summary(api.request, 'area=c-stats&from=2026-04-01&to=2026-04-30')).eldercare.recipients, 2);
    assert.equal((await summary(api.request, 'area=c-stats')).eldercare.recipients, 2);
    assert.equal((await summary(api.request, 'area=b-stats')).eldercare.recipients, 1, 'a building counts the elders living in it');
    assert.equal((await summary(api.request, 'area=c-stats&from=2026-01-01&to=2026-02-28')).eldercare.recipients, 0);
  });

  test('events: those held by now in the period, not cancelled, and the seats their registrations took', async () => {
    const event = (id: string, startsAt: string, status: string, seats: number) =>
      ctx.db.query(
        `INSERT INTO events (id, area_id, title, place, audience, starts_at, ends_at, capacity, seats_taken, status, created_by)
         VALUES ($1, 'cp-stats', '{"zh-CN": "亲子活动"}', '{"zh-CN": "活动室"}', '{"zh-CN": "亲子家庭"}',
                 $2::timestamptz, $2::timestamptz + interval '2 hours', 20, $3, $4, 'test')`,
        [id, startsAt, seats, status],
      );
    await event('ev-held', '2026-03-05T06:00:00Z', 'scheduled', 12);
    await event('ev-cancelled', '2026-03-08T06:00:00Z', 'cancelled', 3);
    await event('ev-coming', '2026-03-20T06:00:00Z', 'scheduled', 4); // after the test clock's "now", 10 March
    await event('ev-february', '2026-02-27T06:00:00Z', 'scheduled', 7);
    const march = await summary(api.request, 'area=c-stats&from=2026-03-01&to=2026-03-31');
    assert.deepEqual(march.events, { held: 1, participants: 12 });
    const spring = await summary(api.request, 'area=c-stats&from=2026-02-01&to=2026-03-31');
    assert.deepEqual(spring.events, { held: 2, participants: 19 });
  });

  test('sends an ETag and answers 304 when nothing changed', async () => {
    const first = await ctx.request('/v1/stats/summary?area=c-1&from=2026-01-01&to=2026-12-31');
    const etag = first.headers.get('etag');
    assert.ok(etag);
    assert.equal(first.headers.get('cache-control'), 'no-cache');
    const again = await ctx.request('/v1/stats/summary?area=c-1&from=2026-01-01&to=2026-12-31', { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
  });

  test('an unknown area is a 404, a malformed period a 400, both localized', async () => {
    const missing = await ctx.request('/v1/stats/summary?area=nowhere', { headers: { 'accept-language': 'en' } });
    assert.equal(missing.status, 404);
    assert.match(((await missing.json()) as { error: { message: string } }).error.message, /area/i);
    const bad = await ctx.request('/v1/stats/summary?from=last-week', { headers: { 'accept-language': 'zh-CN' } });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { error: { code: string } }).error.code, 'validation_failed');
  });
});
