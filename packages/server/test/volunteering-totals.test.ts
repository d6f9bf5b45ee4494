import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HoursSummary } from '@doorstep/sdk';
import type { Queryable } from '../src/db/database.js';
import { createApp } from '../src/index.js';
import { forEachBackend, testConfig, useApp, type AppContext } from './harness.js';
import { STAFF, approve, approvedHours, logHours, makeTeam, signUp, staffAction } from './volunteering-support.js';

/** The counter's answer, from the suite's app or another one (e.g. with a fixed clock). */
async function hours(ctx: { request(path: string, init?: RequestInit): Response | Promise<Response> }, query: string, headers: Record<string, string> = {}) {
  const res = await ctx.request(`/v1/volunteering/hours?${query}`, { headers });
  assert.equal(res.status, 200, await res.clone().text());
  return HoursSummary.parse(await res.json());
}

const minutesOf = async (ctx: AppContext, query: string) => (await hours(ctx, query)).minutes;

forEachBackend('volunteering: exact totals', (backend) => {
  const ctx = useApp(backend);

  test('only approved entries count; approving, editing and rejecting move the total by exactly their minutes', async () => {
    await makeTeam(ctx, 'sum-a');
    const { accessKey } = await signUp(ctx, ['sum-a']);
    const range = 'team=sum-a&from=2025-01-01&to=2025-12-31';
    const a = await logHours(ctx, accessKey, { teamId: 'sum-a', activityType: 'visit', date: '2025-04-01', hours: 1.5 });
    const b = await logHours(ctx, accessKey, { teamId: 'sum-a', activityType: 'visit', date: '2025-04-02', hours: 2 });
    const c = await logHours(ctx, accessKey, { teamId: 'sum-a', activityType: 'visit', date: '2025-04-03', hours: 0.25 });
    assert.equal(await minutesOf(ctx, range), 0, 'pending entries do not count');

    await approve(ctx, a.id);
    await approve(ctx, b.id);
    const rejected = await staffAction(ctx, c.id, 'reject', { reason: '重复登记' });
    assert.equal(rejected.status, 200);
    let summary = await hours(ctx, range);
    assert.deepEqual([summary.minutes, summary.entries, summary.volunteers], [210, 2, 1]);

    // Edit an approved entry: 2 h → 2.75 h. The total follows, no counter to fix.
    const current = (await (await ctx.request(`/v1/staff/volunteering/entries/${b.id}`, { headers: STAFF })).json()) as { version: number };
    const edit = await staffAction(ctx, b.id, 'edit', { version: current.version, reason: '更正时长', hours: 2.75 });
    assert.equal(edit.status, 200);
    assert.equal(await minutesOf(ctx, range), 90 + 165);

    // Moving it out of the range takes its minutes with it.
    const moved = (await edit.json()) as { version: number };
    await staffAction(ctx, b.id, 'edit', { version: moved.version, reason: '日期有误', date: '2024-12-31' });
    assert.equal(await minutesOf(ctx, range), 90);

    const reject = await staffAction(ctx, a.id, 'reject', { reason: '活动取消' });
    assert.equal(reject.status, 200);
    summary = await hours(ctx, range);
    assert.deepEqual([summary.minutes, summary.entries, summary.volunteers], [0, 0, 0]);
  });

  test('a range is inclusive at both ends; open ends and all time', async () => {
    await makeTeam(ctx, 'sum-b');
    const { accessKey } = await signUp(ctx, ['sum-b']);
    for (const [date, h] of [['2025-02-28', 1], ['2025-03-01', 2], ['2025-03-31', 4], ['2025-04-01', 8]] as const) {
      await approvedHours(ctx, accessKey, 'sum-b', date, h);
    }
    assert.equal(await minutesOf(ctx, 'team=sum-b&from=2025-03-01&to=2025-03-31'), 6 * 60);
    assert.equal(await minutesOf(ctx, 'team=sum-b&from=2025-03-31'), 12 * 60);
    assert.equal(await minutesOf(ctx, 'team=sum-b&to=2025-02-28'), 60);
    assert.equal(await minutesOf(ctx, 'team=sum-b&period=all'), 15 * 60);
    const summary = await hours(ctx, 'team=sum-b&from=2025-03-01&to=2025-03-31');
    assert.deepEqual(summary.period, { kind: 'range', from: '2025-03-01', to: '2025-03-31' });
    assert.equal(summary.timeZone, 'Asia/Shanghai');
  });

  test('month edges are Beijing time: an activity that starts at 00:20 on 1 November (31 October in UTC) counts for November', async () => {
    await makeTeam(ctx, 'edge-a');
    const { accessKey } = await signUp(ctx, ['edge-a']);
    const late = await logHours(ctx, accessKey, {
      teamId: 'edge-a',
      activityType: 'patrol',
      startedAt: '2025-10-31T23:30:00+08:00',
      endedAt: '2025-11-01T00:10:00+08:00',
    });
    const early = await logHours(ctx, accessKey, {
      teamId: 'edge-a',
      activityType: 'patrol',
      startedAt: '2025-10-31T16:20:00Z',
      endedAt: '2025-10-31T17:05:00Z',
    });
    assert.deepEqual([late.date, late.minutes], ['2025-10-31', 40]);
    assert.deepEqual([early.date, early.minutes, early.startedAt], ['2025-11-01', 45, '2025-11-01T00:20:00+08:00']);
    await approve(ctx, late.id);
    await approve(ctx, early.id);
    assert.equal(await minutesOf(ctx, 'team=edge-a&from=2025-10-01&to=2025-10-31'), 40);
    assert.equal(await minutesOf(ctx, 'team=edge-a&from=2025-11-01&to=2025-11-30'), 45);
    const trend = (await hours(ctx, 'team=edge-a&from=2025-10-01&to=2025-11-30&include=trend')).trend!;
    assert.deepEqual(trend.slice(-2), [
      { month: '2025-10', minutes: 40 },
      { month: '2025-11', minutes: 45 },
    ]);
  });

  test('"this month" and "this year" follow the community clock at their edges', async () => {
    await makeTeam(ctx, 'edge-b');
    const { accessKey } = await signUp(ctx, ['edge-b']);
    await approvedHours(ctx, accessKey, 'edge-b', '2025-10-31', 1);
    await approvedHours(ctx, accessKey, 'edge-b', '2025-11-01', 2);
    await approvedHours(ctx, accessKey, 'edge-b', '2025-12-31', 4);
    await approvedHours(ctx, accessKey, 'edge-b', '2026-01-01', 8);
    const at = (iso: string) => createApp({ db: ctx.db, config: testConfig(), clock: () => new Date(iso) });

    // 16:30 UTC on 31 October is 00:30 on 1 November in Beijing: "this month" is November.
    const november = await hours(at('2025-10-31T16:30:00Z'), 'team=edge-b&period=month');
    assert.deepEqual(november.period, { kind: 'month', from: '2025-11-01', to: '2025-11-30' });
    assert.equal(november.minutes, 120);
    // Half an hour earlier it is still October there.
    assert.equal((await hours(at('2025-10-31T15:59:59Z'), 'team=edge-b&period=month')).minutes, 60);

    const newYear = await hours(at('2025-12-31T16:00:00Z'), 'team=edge-b&period=year');
    assert.deepEqual([newYear.period.from, newYear.minutes], ['2026-01-01', 480]);
    const oldYear = await hours(at('2025-12-31T15:59:00Z'), 'team=edge-b&period=year');
    assert.deepEqual([oldYear.period.from, oldYear.minutes], ['2025-01-01', 420]);

    // The trend's 12 months end with the current (Beijing) month.
    const trend = (await hours(at('2025-12-31T16:00:00Z'), 'team=edge-b&period=month&include=trend')).trend!;
    assert.equal(trend.length, 12);
    assert.deepEqual([trend[0]!.month, trend.at(-1)!.month], ['2025-02', '2026-01']);
    assert.deepEqual(trend.slice(-4).map((month) => month.minutes), [60, 120, 240, 480]);
  });

  test('a community counts all its teams; the split by team lists them most first, zero teams included', async () => {
    const before = await hours(ctx, 'community=c-2&from=2024-01-01&to=2024-01-31&include=teams');
    await makeTeam(ctx, 'split-a');
    await makeTeam(ctx, 'split-b');
    const one = await signUp(ctx, ['split-a', 'split-b']);
    const two = await signUp(ctx, ['split-b']);
    await approvedHours(ctx, one.accessKey, 'split-a', '2024-01-10', 1);
    await approvedHours(ctx, one.accessKey, 'split-b', '2024-01-11', 2);
    await approvedHours(ctx, two.accessKey, 'split-b', '2024-01-12', 3);
    const after = await hours(ctx, 'community=c-2&from=2024-01-01&to=2024-01-31&include=teams');
    assert.equal(after.minutes - before.minutes, 360);
    assert.equal(after.volunteers - before.volunteers, 2);
    const teams = after.teams!.map(({ team, minutes }) => [team.id, minutes]);
    assert.deepEqual(teams.slice(0, 2), [
      ['split-b', 300],
      ['split-a', 60],
    ]);
    assert.ok(teams.some(([id, minutes]) => id === 'green-guardians' && minutes === 0), 'a team with no hours is listed with 0');
    assert.equal(after.trend, undefined, 'only the parts asked for');

    const volunteer = await hours(ctx, `volunteer=${one.volunteer.code}&period=all&include=teams`);
    assert.deepEqual([volunteer.scope, volunteer.minutes], [{ kind: 'volunteer', id: one.volunteer.code }, 180]);
    assert.deepEqual(volunteer.teams!.map(({ team }) => team.id), ['split-b', 'split-a']);
    assert.equal(volunteer.goal, null);
  });

  test('the seeded community: a goal of 550 hours a month, five teams, a year of hours', async () => {
    const summary = await hours(ctx, 'community=c-1&period=month&include=teams,trend');
    assert.deepEqual(summary.goal, { minutes: 550 * 60, period: 'month' });
    assert.equal(summary.teams!.length, 5);
    assert.equal(summary.trend!.length, 12);
    const fullMonths = summary.trend!.slice(0, 11).map((month) => month.minutes / 60);
    assert.ok(fullMonths.every((h) => h > 400 && h < 750), `monthly hours look real: ${fullMonths.join(', ')}`);
    assert.equal(summary.trend!.at(-1)!.minutes, summary.minutes, 'the trend ends with this month');
    assert.equal((await hours(ctx, 'team=elder-visits&period=month')).goal?.minutes, 180 * 60);
    assert.equal((await hours(ctx, 'community=c-1&period=year')).goal, null, 'goals are monthly');
  });

  test('staff set and remove a goal', async () => {
    await makeTeam(ctx, 'goal-a');
    const set = await ctx.post('/v1/staff/volunteering/goals', { team: 'goal-a', hours: 120.5 }, STAFF);
    assert.equal(set.status, 200);
    assert.deepEqual(await set.json(), { scope: { kind: 'team', id: 'goal-a' }, goal: { minutes: 7230, period: 'month' } });
    assert.equal((await hours(ctx, 'team=goal-a')).goal?.minutes, 7230);
    await ctx.post('/v1/staff/volunteering/goals', { team: 'goal-a', hours: null }, STAFF);
    assert.equal((await hours(ctx, 'team=goal-a')).goal, null);
    assert.equal((await ctx.post('/v1/staff/volunteering/goals', { hours: 1 }, STAFF)).status, 400);
    assert.equal((await ctx.post('/v1/staff/volunteering/goals', { community: 'c-1', team: 'goal-a', hours: 1 }, STAFF)).status, 400);
    assert.equal((await ctx.post('/v1/staff/volunteering/goals', { community: 'b-1', hours: 1 }, STAFF)).status, 404);
    assert.equal((await ctx.post('/v1/staff/volunteering/goals', { team: 'goal-a', hours: 10 })).status, 401);
  });

  test('bad questions: no scope or two, a period with a range, from after to, unknown scopes', async () => {
    const status = async (query: string) => (await ctx.request(`/v1/volunteering/hours?${query}`)).status;
    assert.equal(await status(''), 400);
    assert.equal(await status('community=c-1&team=elder-visits'), 400);
    assert.equal(await status('community=c-1&period=month&from=2025-01-01'), 400);
    assert.equal(await status('community=c-1&from=2025-02-01&to=2025-01-01'), 400);
    assert.equal(await status('community=c-1&period=week'), 400);
    assert.equal(await status('community=c-1&include=everything'), 400);
    assert.equal(await status('community=c-1&from=2025-02-30'), 400);
    assert.equal(await status('community=b-1'), 404, 'a building is not a community');
    assert.equal(await status('community=c-404'), 404);
    assert.equal(await status('team=nope'), 404);
    assert.equal(await status('volunteer=V-2222-2222'), 404);
    assert.equal(await status('volunteer=someone'), 400);
  });
});

forEachBackend('volunteering: the counter’s ETag', (backend) => {
  const ctx = useApp(backend);

  test('answers carry a strong ETag and no-cache; a matching If-None-Match is a bodiless 304', async () => {
    const res = await ctx.request('/v1/volunteering/hours?community=c-1&include=teams,trend');
    assert.equal(res.status, 200);
    const etag = res.headers.get('etag')!;
    assert.match(etag, /^"[^"]+"$/, 'strong (no W/)');
    assert.equal(res.headers.get('cache-control'), 'no-cache');
    const body = await res.text();

    const again = await ctx.request('/v1/volunteering/hours?community=c-1&include=teams,trend', { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    assert.equal(again.headers.get('etag'), etag);
    assert.equal(again.headers.get('cache-control'), 'no-cache');

    for (const header of [`W/${etag}`, `"nope", ${etag}`, '*']) {
      const matched = await ctx.request('/v1/volunteering/hours?community=c-1&include=teams,trend', { headers: { 'if-none-match': header } });
      assert.equal(matched.status, 304, header);
    }
    const stale = await ctx.request('/v1/volunteering/hours?community=c-1&include=teams,trend', { headers: { 'if-none-match': '"0.x"' } });
    assert.equal(stale.status, 200);
    assert.equal(await stale.text(), body, 'the same answer again, byte for byte');
    assert.equal(stale.headers.get('etag'), etag);

    const other = await ctx.request('/v1/volunteering/hours?community=c-1', { headers: { 'if-none-match': etag } });
    assert.equal(other.status, 200, 'another question has another ETag');
    assert.notEqual(other.headers.get('etag'), etag);
  });

  test('any change to the data — an approval, an edit, even SQL outside the API — changes the ETag and the answer', async () => {
    await makeTeam(ctx, 'etag-a');
    const { accessKey } = await signUp(ctx, ['etag-a']);
    const query = '/v1/volunteering/hours?team=etag-a&period=all';
    const read = async (etag?: string) => ctx.request(query, { headers: etag ? { 'if-none-match': etag } : {} });
    const first = await read();
    const etag1 = first.headers.get('etag')!;
    assert.equal(((await first.json()) as { minutes: number }).minutes, 0);

    const entry = await logHours(ctx, accessKey, { teamId: 'etag-a', activityType: 'visit', date: '2025-07-01', hours: 1 });
    // A pending entry changes nothing visible, but the ETag is cheap and conservative: it moves.
    const afterLog = await read(etag1);
    assert.equal(afterLog.status, 200);
    const etag2 = afterLog.headers.get('etag')!;
    assert.equal((await read(etag2)).status, 304);

    await approve(ctx, entry.id);
    const afterApprove = await read(etag2);
    assert.equal(afterApprove.status, 200);
    assert.equal(((await afterApprove.json()) as { minutes: number }).minutes, 60);
    const etag3 = afterApprove.headers.get('etag')!;

    await ctx.db.query(`UPDATE volunteer_entries SET minutes = 75 WHERE id = $1`, [entry.id]);
    const afterSql = await read(etag3);
    assert.equal(afterSql.status, 200);
    assert.equal(((await afterSql.json()) as { minutes: number }).minutes, 75);
  });

  test('the 304 path reads one row: polling an unchanged counter runs no aggregate', async () => {
    const query = '/v1/volunteering/hours?community=c-1&include=teams,trend';
    const etag = (await ctx.request(query)).headers.get('etag')!;
    const statements: string[] = [];
    const counting = {
      ...ctx.db,
      query: async <T extends object>(sql: string, params?: readonly unknown[]) => {
        statements.push(sql);
        return ctx.db.query<T>(sql, params);
      },
      transaction: <T>(fn: (tx: Queryable) => Promise<T>) => {
        statements.push('BEGIN');
        return ctx.db.transaction(fn);
      },
    } as typeof ctx.db;
    const app = createApp({ db: counting, config: testConfig() });
    const first = await app.request(query, { headers: { 'if-none-match': etag } });
    assert.equal(first.status, 304);
    assert.deepEqual(statements, ['SELECT revision::text AS revision FROM volunteering_revision']);

    statements.length = 0;
    assert.equal((await app.request(query)).status, 200);
    assert.equal(statements.includes('BEGIN'), true, 'a miss computes in a snapshot');
    statements.length = 0;
    assert.equal((await app.request(query)).status, 200);
    assert.equal(statements.length, 1, 'a repeated miss at the same revision is served from the memo');
  });
});
