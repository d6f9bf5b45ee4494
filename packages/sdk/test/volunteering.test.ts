import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ApiError,
  HoursEntryCreate,
  ValidationError,
  VolunteerSignup,
  createClient,
  normalizeVolunteerAccessKey,
  normalizeVolunteerCode,
  type HoursSummary,
} from '../src/index.js';
import { json, scriptedFetch, type Step } from './fake-fetch.js';

const KEY = 'ZHXY-DEMA-KEYS-2345-6789';

const summary = (minutes: number): HoursSummary => ({
  scope: { kind: 'community', id: 'c-1' },
  period: { kind: 'month', from: '2026-11-01', to: '2026-11-30' },
  timeZone: 'Asia/Shanghai',
  minutes,
  entries: 3,
  volunteers: 2,
  goal: { minutes: 33_000, period: 'month' },
});

const entry = {
  id: 'e-1',
  team: { id: 'elder-visits', name: { 'zh-CN': '助老服务队' } },
  activityType: { key: 'home-visit', name: { 'zh-CN': '上门探访' } },
  date: '2026-11-20',
  startedAt: null,
  endedAt: null,
  minutes: 120,
  areaId: null,
  areaPath: [],
  servedGroup: null,
  servedCount: null,
  note: null,
  status: 'pending',
  rejectReason: null,
  reviewedAt: null,
  createdAt: '2026-11-20T21:00:00+08:00',
  updatedAt: '2026-11-20T21:00:00+08:00',
  version: 1,
};

const notModified: Step = () => new Response(null, { status: 304, headers: { etag: '"7.abc"' } });
const client = (fetch: typeof globalThis.fetch, token?: string) =>
  createClient({ baseUrl: 'http://api.test', fetch, retry: 0, ...(token ? { token } : {}) });

describe('volunteering: the counter', () => {
  it('asks with the scope, period and parts, and resolves to the same object while the ETag matches', async () => {
    const { fetch, seen } = scriptedFetch(() => json(summary(1200), 200, { etag: '"7.abc"' }), notModified, () =>
      json(summary(1260), 200, { etag: '"8.abc"' }),
    );
    const api = client(fetch);
    const query = { community: 'c-1', period: 'month', include: 'teams,trend' } as const;
    const first = await api.volunteering.hours(query);
    const second = await api.volunteering.hours(query);
    const third = await api.volunteering.hours(query);
    assert.equal(new URL(seen[0]!.url).search, '?community=c-1&period=month&include=teams%2Ctrend');
    assert.equal(seen[1]!.headers.get('if-none-match'), '"7.abc"');
    assert.equal(second, first, 'unchanged: the very same object');
    assert.notEqual(third, first);
    assert.equal(third.minutes, 1260);
    assert.equal(seen[2]!.headers.get('if-none-match'), '"7.abc"');
  });

  it('checks the question before sending it', async () => {
    const { fetch, seen } = scriptedFetch(() => json(summary(0)));
    const api = client(fetch);
    await assert.rejects(api.volunteering.hours({ community: 'c-1', include: 'everything' }), ValidationError);
    await assert.rejects(api.volunteering.hours({ volunteer: 'someone' }), ValidationError);
    assert.equal(seen.length, 0);
  });
});

describe('volunteering: a volunteer’s own operations', () => {
  it('send the access key as `Authorization: Volunteer`, tidied', async () => {
    const { fetch, seen } = scriptedFetch(() => json({ entries: [entry] }));
    const entries = await client(fetch).volunteering.me(' zhxy dema keys 2345 6789 ').entries({ from: '2026-11-01' });
    assert.equal(entries[0]!.minutes, 120);
    assert.equal(seen[0]!.headers.get('authorization'), `Volunteer ${KEY}`);
    assert.equal(new URL(seen[0]!.url).pathname, '/v1/volunteering/me/entries');
    assert.equal(new URL(seen[0]!.url).searchParams.get('from'), '2026-11-01');
  });

  it('refuse a malformed key without sending anything', () => {
    const { fetch, seen } = scriptedFetch(() => json({}));
    assert.throws(() => client(fetch).volunteering.me('not-a-key'), ValidationError);
    assert.equal(seen.length, 0);
  });

  it('log an entry with an Idempotency-Key that a retry reuses', async () => {
    const { fetch, seen } = scriptedFetch(() => json({ error: { code: 'internal', message: 'x' } }, 503), () => json(entry, 201));
    const api = createClient({ baseUrl: 'http://api.test', fetch, retry: { limit: 1, backoffLimit: 1 } });
    const logged = await api.volunteering.me(KEY).log({ teamId: 'elder-visits', activityType: 'home-visit', date: '2026-11-20', hours: 2 });
    assert.equal(logged.status, 'pending');
    assert.equal(seen.length, 2);
    const key = seen[0]!.headers.get('idempotency-key');
    assert.ok(key);
    assert.equal(seen[1]!.headers.get('idempotency-key'), key);
    assert.deepEqual(JSON.parse(seen[0]!.body), { teamId: 'elder-visits', activityType: 'home-visit', date: '2026-11-20', hours: 2 });
  });

  it('check hours locally: quarter hours up to 24', async () => {
    const { fetch, seen } = scriptedFetch(() => json(entry, 201));
    const me = client(fetch).volunteering.me(KEY);
    for (const hours of [0, 1.1, 24.25]) {
      await assert.rejects(me.log({ teamId: 't', activityType: 'a', date: '2026-11-20', hours }), (error: unknown) => {
        return error instanceof ValidationError && error.source === 'request' && 'hours' in error.fields;
      });
    }
    assert.equal(seen.length, 0);
    assert.ok(HoursEntryCreate.safeParse({ teamId: 't', activityType: 'a', date: '2026-11-20', hours: 23.75 }).success);
  });

  it('turn a 401 into an ApiError the widget can act on', async () => {
    const { fetch } = scriptedFetch(() => json({ error: { code: 'unauthorized', message: '请先输入您的志愿者密钥' } }, 401));
    await assert.rejects(client(fetch).volunteering.me(KEY).get(), (error: unknown) => error instanceof ApiError && error.status === 401);
  });
});

describe('volunteering: sign-up and staff', () => {
  it('sign-up needs consent and at least one team', () => {
    const base = { name: '张三', phone: '13812345678', teamIds: ['elder-visits'], consent: true };
    assert.ok(VolunteerSignup.safeParse(base).success);
    assert.equal(VolunteerSignup.safeParse({ ...base, consent: false }).success, false);
    assert.equal(VolunteerSignup.safeParse({ ...base, teamIds: [] }).success, false);
    assert.deepEqual(VolunteerSignup.parse(base).availability, [], 'lists default to empty');
  });

  it('staff actions post to the entry with the bearer token; exports join `by` and return the CSV text', async () => {
    const { fetch, seen } = scriptedFetch(
      () => json({ ...entry, status: 'approved', volunteer: { code: 'V-ZHXY-8K6M', name: '张秀英', phone: '13900000000' }, reviewedBy: '王主任', history: [] }),
      () => new Response('\uFEFF月份,服务队\r\n', { headers: { 'content-type': 'text/csv; charset=utf-8' } }),
      () => json({ code: 'V-ZHXY-8K6M', accessKey: KEY }),
    );
    const staff = client(fetch, 'x'.repeat(32)).volunteering.staff;
    const approved = await staff.approve('e-1', { version: 1 });
    assert.equal(approved.status, 'approved');
    assert.equal(seen[0]!.method, 'POST');
    assert.equal(new URL(seen[0]!.url).pathname, '/v1/staff/volunteering/entries/e-1/approve');
    assert.equal(seen[0]!.headers.get('authorization'), `Bearer ${'x'.repeat(32)}`);
    assert.ok(seen[0]!.headers.get('idempotency-key'));

    const csv = await staff.exportTotals({ by: ['month', 'team'], from: '2026-01-01' });
    assert.equal(csv, '月份,服务队\r\n', 'text() drops the byte-order mark');
    assert.equal(new URL(seen[1]!.url).search, '?from=2026-01-01&by=month%2Cteam');

    await staff.reissueAccessKey('v zhxy 8k6m');
    assert.equal(new URL(seen[2]!.url).pathname, '/v1/staff/volunteering/volunteers/V-ZHXY-8K6M/access-key');
    await assert.rejects(staff.edit('e-1', { version: 1, reason: '' }), ValidationError);
  });

  it('codes and keys are tidied the way people type them', () => {
    assert.equal(normalizeVolunteerCode('v-zhxy 8k6m'), 'V-ZHXY-8K6M');
    assert.equal(normalizeVolunteerCode('ZHXY8K6M'), 'V-ZHXY-8K6M');
    assert.equal(normalizeVolunteerAccessKey('zhxydemakeys23456789'), KEY);
    assert.equal(normalizeVolunteerAccessKey(' short '), 'SHORT');
  });
});
