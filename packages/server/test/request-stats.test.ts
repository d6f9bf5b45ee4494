import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RequestStats } from '@doorstep/sdk';
import { forEachBackend, useApp } from './harness.js';
import { DAY, TestClock, useClockedApp } from './request-helpers.js';

interface Spec {
  categoryId: string;
  areaId: string;
  createdAt: string;
  /** Seconds from report to resolution; absent: never resolved. */
  resolvedAfter?: number;
  then?: 'close' | 'reject' | 'reopen-and-resolve-again' | 'merge-into-previous';
}

forEachBackend('request stats', (backend) => {
  const ctx = useApp(backend);
  const clock = new TestClock('2028-01-01T00:00:00Z');
  const api = useClockedApp(ctx, clock);

  async function make(specs: Spec[]): Promise<void> {
    let previous: string | undefined;
    for (const spec of specs) {
      clock.now = new Date(spec.createdAt);
      const { code } = await api.report({ categoryId: spec.categoryId, areaId: spec.areaId });
      if (spec.then === 'merge-into-previous') {
        assert.equal((await api.staff(code, 'merge', { into: previous })).status, 200);
        continue;
      }
      if (spec.then === 'reject') {
        await api.staff(code, 'reject', { reason: '不属于社区管理' });
        await api.staff(code, 'close');
        continue;
      }
      await api.staff(code, 'accept');
      await api.staff(code, 'start');
      if (spec.resolvedAfter !== undefined) {
        const created = clock.now.getTime();
        clock.now = new Date(created + spec.resolvedAfter * 1000);
        assert.equal((await api.staff(code, 'resolve', { note: '已处理' })).status, 200);
        if (spec.then === 'close') await api.staff(code, 'close');
        if (spec.then === 'reopen-and-resolve-again') {
          await api.post(`/v1/requests/${code}/reopen`, { reason: '没修好' });
          clock.now = new Date(created + 2 * DAY);
          await api.staff(code, 'resolve', { note: '这次修好了' });
        }
      }
      previous = code;
    }
  }

  async function stats(query: string) {
    const res = await api.request(`/v1/stats/requests?${query}`);
    const text = await res.text();
    assert.equal(res.status, 200, text);
    return RequestStats.parse(JSON.parse(text));
  }

  test('collected, resolved, rate and median, in total and by category — checked by hand', async () => {
    await make([
      // January 2028 in 幸福里社区 (c-1); times are UTC, the period is read in China time (+08:00).
      { categoryId: 'public-light', areaId: 'b-1', createdAt: '2028-01-05T02:00:00Z', resolvedAfter: 2 * 3600 },
      { categoryId: 'public-light', areaId: 'b-2', createdAt: '2028-01-06T02:00:00Z', resolvedAfter: 10 * 3600, then: 'close' },
      { categoryId: 'public-light', areaId: 'b-4', createdAt: '2028-01-07T02:00:00Z' },
      { categoryId: 'parking', areaId: 'cp-2', createdAt: '2028-01-07T05:00:00Z', then: 'merge-into-previous' },
      { categoryId: 'door-lock', areaId: 'u-1-1', createdAt: '2028-01-08T02:00:00Z', resolvedAfter: 24 * 3600, then: 'reopen-and-resolve-again' },
      { categoryId: 'door-lock', areaId: 'b-3', createdAt: '2028-01-09T02:00:00Z', then: 'reject' },
      { categoryId: 'sanitation', areaId: 'b-1', createdAt: '2028-01-31T15:59:59Z', resolvedAfter: 3 * 3600 },
      // Just outside January in China time.
      { categoryId: 'public-light', areaId: 'b-1', createdAt: '2027-12-31T15:59:59Z', resolvedAfter: 3600 },
      { categoryId: 'public-light', areaId: 'b-1', createdAt: '2028-01-31T16:00:00Z', resolvedAfter: 3600 },
      // January in 光明社区 (c-2).
      { categoryId: 'public-light', areaId: 'b-9', createdAt: '2028-01-11T02:00:00Z', resolvedAfter: 4 * 3600 },
    ]);

    const c1 = await stats('area=c-1&from=2028-01-01&to=2028-01-31');
    assert.equal(c1.area, 'c-1');
    assert.equal(c1.from, '2027-12-31T16:00:00.000Z');
    assert.equal(c1.to, '2028-01-31T16:00:00.000Z');
    // Collected: 2 lights + 1 open light + 2 door locks + sanitation = 6 (the merged duplicate counts as support).
    // Resolved: 2 lights, the reopened lock (resolved again), sanitation = 4 → 4/6 = 0.667.
    // Times to resolve: 7200, 36000, 172800 (the second resolution, 2 days), 10800 → median (10800 + 36000) / 2 = 23400.
    assert.deepEqual(
      { collected: c1.collected, resolved: c1.resolved, resolutionRate: c1.resolutionRate, median: c1.medianResolutionSeconds },
      { collected: 6, resolved: 4, resolutionRate: 0.667, median: 23400 },
    );
    const byCategory = Object.fromEntries(c1.byCategory.map(({ categoryId, ...figures }) => [categoryId, figures]));
    assert.deepEqual(byCategory['public-light'], { collected: 3, resolved: 2, resolutionRate: 0.667, medianResolutionSeconds: 21600 });
    assert.deepEqual(byCategory['door-lock'], { collected: 2, resolved: 1, resolutionRate: 0.5, medianResolutionSeconds: 172800 });
    assert.deepEqual(byCategory.sanitation, { collected: 1, resolved: 1, resolutionRate: 1, medianResolutionSeconds: 10800 });
    assert.deepEqual(byCategory.parking, { collected: 0, resolved: 0, resolutionRate: null, medianResolutionSeconds: null });
    assert.deepEqual(
      c1.byCategory.map((row) => row.categoryId),
      ['public-light', 'door-lock', 'water-leak', 'facade', 'parking', 'sanitation', 'neighbour-dispute', 'other'],
      'every category, in display order',
    );

    // The whole subdistrict adds 光明社区's light: 7 collected, 5 resolved → 0.714; median of
    // 7200, 10800, 14400, 36000, 172800 = 14400.
    const sd = await stats('area=sd-1&from=2028-01-01&to=2028-01-31');
    assert.deepEqual([sd.collected, sd.resolved, sd.resolutionRate, sd.medianResolutionSeconds], [7, 5, 0.714, 14400]);
    // A building: only its own (and its units') requests.
    const b1 = await stats('area=b-1&from=2028-01-01&to=2028-01-31');
    // b-1's light (7200), the lock in its unit u-1-1 (172800) and sanitation (10800): median 10800.
    assert.deepEqual([b1.collected, b1.resolved, b1.medianResolutionSeconds], [3, 3, 10800]);
    // Exact instants: the last second of January (China time) only.
    const lastSecond = await stats(`area=c-1&from=${encodeURIComponent('2028-01-31T15:59:59Z')}&to=${encodeURIComponent('2028-01-31T15:59:59Z')}`);
    assert.equal(lastSecond.collected, 1);
  });

  test('rounding: the rate to 3 decimals, the median to whole seconds, halves away from zero', async () => {
    await make([
      { categoryId: 'other', areaId: 'b-10', createdAt: '2028-02-10T02:00:00Z', resolvedAfter: 1 },
      { categoryId: 'other', areaId: 'b-11', createdAt: '2028-02-10T03:00:00Z', resolvedAfter: 2 },
      { categoryId: 'other', areaId: 'b-12', createdAt: '2028-02-10T04:00:00Z' },
    ]);
    const feb = await stats('area=c-2&from=2028-02-01&to=2028-02-29');
    assert.deepEqual([feb.collected, feb.resolved, feb.resolutionRate, feb.medianResolutionSeconds], [3, 2, 0.667, 2], '2/3, median 1.5 s');
    const empty = await stats('area=c-2&from=2030-01-01&to=2030-01-31');
    assert.deepEqual([empty.collected, empty.resolved, empty.resolutionRate, empty.medianResolutionSeconds], [0, 0, null, null]);
  });

  test('ETag: 304 while unchanged, a new answer after a change; bad input is 400, an unknown area 404', async () => {
    const query = 'area=c-2&from=2028-03-01&to=2028-03-31';
    const first = await api.request(`/v1/stats/requests?${query}`);
    const etag = first.headers.get('etag')!;
    assert.match(first.headers.get('cache-control') ?? '', /no-cache/);
    assert.equal((await api.request(`/v1/stats/requests?${query}`, { headers: { 'if-none-match': etag } })).status, 304);
    await make([{ categoryId: 'other', areaId: 'b-10', createdAt: '2028-03-02T02:00:00Z', resolvedAfter: 60 }]);
    const changed = await api.request(`/v1/stats/requests?${query}`, { headers: { 'if-none-match': etag } });
    assert.equal(changed.status, 200);
    assert.equal(RequestStats.parse(await changed.json()).resolved, 1);

    assert.equal((await api.request('/v1/stats/requests?from=last-week')).status, 400);
    assert.equal((await api.request('/v1/stats/requests?area=nowhere')).status, 404);
  });
});
