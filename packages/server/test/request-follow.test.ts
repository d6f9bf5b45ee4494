import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RequestSearchResponse, ServiceRequestPublic } from '@doorstep/sdk';
import { forEachBackend, useApp } from './harness.js';
import { CONSENT, DAY, HOUR, PATH_TO, TestClock, useClockedApp, type ErrorBody } from './request-helpers.js';

const PRIVATE = /三丰|12345678|奶奶|00001111|502室/;

forEachBackend('following a request (resident side)', (backend) => {
  const ctx = useApp(backend);
  const clock = new TestClock('2026-12-01T01:00:00Z');
  const api = useClockedApp(ctx, clock);

  async function resolved(overrides: Record<string, unknown> = {}): Promise<string> {
    const { code } = await api.report(overrides);
    for (const [step, body] of PATH_TO.resolved!) await api.staff(code, step, body);
    return code;
  }

  test('a report carries location, address, someone else and consent; every public read masks people', async () => {
    const res = await api.post('/v1/requests', {
      categoryId: 'door-lock',
      areaId: 'b-1',
      description: '1单元门禁坏了，老人进不去',
      contactName: '张三丰',
      contactPhone: '13812345678',
      onBehalfOf: { name: '李奶奶', phone: '13700001111', areaId: 'u-1-1' },
      consent: CONSENT,
      location: { latitude: 31.2304, longitude: 121.4737 },
      address: '1单元门口',
    });
    assert.equal(res.status, 201);
    const createdText = await res.text();
    assert.doesNotMatch(createdText, PRIVATE);
    const created = ServiceRequestPublic.parse(JSON.parse(createdText));
    assert.equal(created.contactName, '张**');
    assert.equal(created.contactPhone, '138****5678');
    assert.deepEqual(created.onBehalfOf, { name: '李**', phone: '137****1111', areaId: 'u-1-1' });
    assert.deepEqual(created.location, { latitude: 31.2304, longitude: 121.4737 });
    assert.equal(created.address, '1单元门口');
    assert.equal(created.createdAt, clock.now.toISOString());
    assert.deepEqual(created.timeline.map((entry) => [entry.kind, entry.actor.kind, entry.actor.name]), [['submitted', 'resident', null]]);

    // Every public answer about it, through the whole life of the request.
    const reads: string[] = [];
    const read = async (path: string, init?: RequestInit) => reads.push(await (await api.request(path, init)).text());
    await read(`/v1/requests/${created.code}`);
    await read('/v1/requests?category=door-lock&area=b-1');
    await read(`/v1/requests/${created.code}/support`, { method: 'POST' });
    for (const [step, body] of PATH_TO.resolved!) await api.staff(created.code, step, body);
    await read(`/v1/requests/${created.code}`);
    reads.push(await (await api.post(`/v1/requests/${created.code}/rating`, { score: 4, comment: '修得快' })).text());
    reads.push(await (await api.post(`/v1/requests/${created.code}/reopen`, { reason: '又坏了' })).text());
    for (const text of reads) assert.doesNotMatch(text, PRIVATE);
    const summary = RequestSearchResponse.parse(JSON.parse(reads[1]!)).requests[0]!;
    assert.deepEqual(Object.keys(summary).sort(), ['areaId', 'areaPath', 'categoryId', 'code', 'createdAt', 'description', 'status', 'supportCount']);
  });

  test('personal data needs consent (422 on consent); an anonymous report does not', async () => {
    for (const extra of [{ contactPhone: '13812345678' }, { contactName: '张三' }]) {
      const res = await api.post('/v1/requests', { categoryId: 'other', areaId: 'b-2', description: '需要咨询一个问题', ...extra }, { 'accept-language': 'en' });
      assert.equal(res.status, 422, JSON.stringify(extra));
      assert.deepEqual(((await res.json()) as ErrorBody).error.fields, { consent: 'Please read and agree to the privacy notice before sending.' });
    }
    assert.equal((await api.post('/v1/requests', { categoryId: 'other', areaId: 'b-2', description: '垃圾桶满了没人清' })).status, 201);
    const empty = await api.post('/v1/requests', { categoryId: 'other', areaId: 'b-2', description: '需要咨询', contactPhone: '13812345678', consent: { privacyNoticeVersion: ' ' } });
    assert.equal(empty.status, 400);
  });

  test('reporting for someone else needs the reporter’s phone and a real area for them', async () => {
    const res = await api.post('/v1/requests', {
      categoryId: 'door-lock',
      areaId: 'b-1',
      description: '帮楼上老人反映门锁坏了',
      onBehalfOf: { name: '王爷爷', areaId: 'b-404' },
      consent: CONSENT,
    });
    assert.equal(res.status, 422);
    assert.deepEqual(Object.keys(((await res.json()) as ErrorBody).error.fields ?? {}).sort(), ['contactPhone', 'onBehalfOf.areaId']);
  });

  test('GET sends a strong ETag with no-cache and answers 304 while nothing changed; any change is a new ETag', async () => {
    const { code } = await api.report();
    const first = await api.request(`/v1/requests/${code}`);
    const etag = first.headers.get('etag');
    assert.match(etag ?? '', /^"[\w-]+"$/, 'strong (no W/)');
    assert.match(first.headers.get('cache-control') ?? '', /\bno-cache\b/);
    assert.doesNotMatch(first.headers.get('cache-control') ?? '', /no-store/);

    const same = await api.request(`/v1/requests/${code}`, { headers: { 'if-none-match': etag! } });
    assert.equal(same.status, 304);
    assert.equal(await same.text(), '');
    assert.equal(same.headers.get('etag'), etag);
    assert.equal((await api.request(`/v1/requests/${code}`, { headers: { 'if-none-match': `"other", W/${etag}` } })).status, 304, 'a list, weak form');
    assert.equal((await api.request(`/v1/requests/${code}`, { headers: { 'if-none-match': '"other"' } })).status, 200);

    const etags = new Set([etag]);
    const changes: Array<() => unknown> = [
      () => api.post(`/v1/requests/${code}/support`, {}),
      () => api.staff(code, 'accept'),
      () => api.staff(code, 'notes', { note: '明天上门', visibility: 'public' }),
      () => api.staff(code, 'expected-date', { expectedDate: '2026-12-03' }),
    ];
    for (const change of changes) {
      clock.advance(1000);
      await change();
      const res = await api.request(`/v1/requests/${code}`, { headers: { 'if-none-match': [...etags].join(', ') } });
      assert.equal(res.status, 200, 'a change shows');
      etags.add(res.headers.get('etag'));
    }
    assert.equal(etags.size, changes.length + 1);

    // An internal note is not part of the public view: still 304.
    const latest = [...etags].at(-1)!;
    await api.staff(code, 'notes', { note: '内部备注', visibility: 'internal' });
    assert.equal((await api.request(`/v1/requests/${code}`, { headers: { 'if-none-match': latest } })).status, 304);
  });

  test('duplicates: open requests of the category in the area and inside it, most supported first, at most 5, nothing private', async () => {
    clock.now = new Date('2026-12-02T01:00:00Z');
    const lock = (areaId: string, more: Record<string, unknown> = {}) => api.report({ categoryId: 'parking', areaId, ...more });
    const inB9 = await lock('b-9');
    const inUnitOfB1 = await lock('u-1-2');
    const inB1 = await lock('b-1', { contactName: '张三丰', contactPhone: '13812345678', consent: CONSENT });
    const closed = await lock('b-1');
    for (const [step, body] of PATH_TO.closed!) await api.staff(closed.code, step, body);
    await api.report({ categoryId: 'sanitation', areaId: 'b-1' });
    await api.post(`/v1/requests/${inUnitOfB1.code}/support`, {});

    const find = async (query: string) => {
      const res = await api.request(`/v1/requests?${query}`);
      const text = await res.text();
      assert.equal(res.status, 200, text);
      assert.doesNotMatch(text, PRIVATE);
      return RequestSearchResponse.parse(JSON.parse(text)).requests.map((request) => request.code);
    };
    assert.deepEqual(await find('category=parking&area=b-1&status=open'), [inUnitOfB1.code, inB1.code]);
    assert.deepEqual(await find('category=parking&area=b-1'), [inUnitOfB1.code, inB1.code], 'open is the default');
    assert.deepEqual(await find('category=parking&area=b-9'), [inB9.code]);
    assert.deepEqual(await find('category=parking&area=u-1-1'), []);

    for (let i = 0; i < 6; i++) await lock('b-3');
    assert.equal((await find('category=parking&area=c-1')).length, 5);

    for (const query of ['area=b-1', 'category=parking', 'category=parking&area=b-1&status=closed']) {
      const res = await api.request(`/v1/requests?${query}`);
      assert.equal(res.status, 400, query);
    }
  });

  test('support: counted once per submission (a retried key counts once), only while open', async () => {
    const { code } = await api.report();
    const first = await api.post(`/v1/requests/${code}/support`, {}, { 'idempotency-key': `support-${code}-a` });
    assert.equal(first.status, 201);
    assert.deepEqual(await first.json(), { code, supportCount: 1 });
    const retry = await api.post(`/v1/requests/${code}/support`, {}, { 'idempotency-key': `support-${code}-a` });
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await retry.json(), { code, supportCount: 1 });
    const other = await api.post(`/v1/requests/${code}/support`, {}, { 'idempotency-key': `support-${code}-b` });
    assert.deepEqual(await other.json(), { code, supportCount: 2 });
    assert.equal((await api.publicGet(code)).supportCount, 2);
    const [{ count } = { count: -1 }] = await ctx.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM request_supports s JOIN service_requests r ON r.id = s.request_id WHERE r.code = $1`,
      [code],
    );
    assert.equal(count, 2, 'one row per submission');

    const done = await resolved();
    const late = await api.post(`/v1/requests/${done}/support`, {});
    assert.equal(late.status, 409);
    assert.equal(((await late.json()) as ErrorBody).error.code, 'conflict');
    assert.equal((await api.post('/v1/requests/DS-2222-2222/support', {})).status, 404);
  });

  test('rating: only once the request is resolved, only once, 1–5 with an optional comment', async () => {
    const { code: open } = await api.report();
    const early = await api.post(`/v1/requests/${open}/rating`, { score: 5 }, { 'accept-language': 'en' });
    assert.equal(early.status, 409);
    assert.equal(((await early.json()) as ErrorBody).error.message, 'A request can be rated once it is resolved.');

    const code = await resolved();
    assert.equal((await api.publicGet(code)).ratable, true);
    for (const score of [0, 6, 3.5, '5']) {
      assert.equal((await api.post(`/v1/requests/${code}/rating`, { score })).status, 400, String(score));
    }
    clock.advance(HOUR);
    const rated = await api.post(`/v1/requests/${code}/rating`, { score: 4, comment: ' 修得很快，谢谢 ' });
    assert.equal(rated.status, 201);
    const view = ServiceRequestPublic.parse(await rated.json());
    assert.deepEqual(view.rating, { score: 4, comment: '修得很快，谢谢', ratedAt: clock.now.toISOString() });
    assert.equal(view.ratable, false);
    assert.equal(view.timeline.at(-1)?.kind, 'rated');
    assert.equal(view.timeline.at(-1)?.score, 4);

    const again = await api.post(`/v1/requests/${code}/rating`, { score: 1 }, { 'accept-language': 'en' });
    assert.equal(again.status, 409);
    assert.match(((await again.json()) as ErrorBody).error.message, /already been rated/);
    assert.equal((await api.publicGet(code)).rating?.score, 4);

    // A closed request that was resolved may still be rated; a rejected one may not.
    const closedAfterResolution = await resolved();
    await api.staff(closedAfterResolution, 'close');
    assert.equal((await api.post(`/v1/requests/${closedAfterResolution}/rating`, { score: 5 })).status, 201);
    const { code: rejected } = await api.report();
    await api.staff(rejected, 'reject', { reason: '重复' });
    assert.equal((await api.post(`/v1/requests/${rejected}/rating`, { score: 1 })).status, 409);
  });

  test('reopen: within 14 days of the resolution, with a reason, back to in progress; then it can be resolved again', async () => {
    clock.now = new Date('2026-12-10T01:00:00Z');
    const code = await resolved();
    const view = await api.publicGet(code);
    assert.equal(view.reopenableUntil, '2026-12-24T01:00:00.000Z');
    assert.equal((await api.post(`/v1/requests/${code}/reopen`, {})).status, 400, 'a reason is needed');

    clock.advance(14 * DAY);
    const reopened = await api.post(`/v1/requests/${code}/reopen`, { reason: '灯还是一闪一闪' });
    assert.equal(reopened.status, 200, 'the last moment of the window still counts');
    const after = ServiceRequestPublic.parse(await reopened.json());
    assert.equal(after.status, 'in_progress');
    assert.equal(after.resolvedAt, null);
    assert.equal(after.reopenableUntil, null);
    assert.deepEqual(after.timeline.at(-1), {
      id: after.timeline.at(-1)!.id,
      at: clock.now.toISOString(),
      kind: 'reopened',
      status: 'in_progress',
      actor: { kind: 'resident', name: null },
      note: '灯还是一闪一闪',
      visibility: 'public',
    });
    assert.equal((await api.post(`/v1/requests/${code}/reopen`, { reason: '再次' })).status, 409, 'not resolved now');
    assert.equal((await api.staff(code, 'resolve', { note: '换了镇流器' })).status, 200);

    const late = await resolved();
    clock.advance(14 * DAY + 1);
    const tooLate = await api.post(`/v1/requests/${late}/reopen`, { reason: '又坏了' });
    assert.equal(tooLate.status, 409);
    assert.equal((await api.publicGet(late)).status, 'resolved');
  });
});

forEachBackend('sample requests (the seed)', (backend) => {
  const ctx = useApp(backend);

  test('the demo’s tracking code is in progress, with its public timeline, supporters and merged duplicate', async () => {
    const { SAMPLE_TRACKING_CODE } = await import('../src/sample-data/requests.js');
    const text = await (await ctx.request(`/v1/requests/${SAMPLE_TRACKING_CODE}`)).text();
    assert.doesNotMatch(text, /王秀兰|12345678|供应商电话/, 'masked, and the internal note left out');
    const view = ServiceRequestPublic.parse(JSON.parse(text));
    assert.equal(view.status, 'in_progress');
    assert.equal(view.contactName, '王**');
    assert.equal(view.supportCount, 4, 'three supporters and the merged duplicate');
    assert.equal(view.assignedTo, '物业电工班 张师傅');
    assert.ok(view.expectedDate);
    assert.deepEqual(view.timeline.map((entry) => entry.kind), ['submitted', 'accepted', 'assigned', 'started', 'expected_date_set', 'duplicate_merged']);
    const times = view.timeline.map((entry) => Date.parse(entry.at));
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
    assert.ok(times.every((time) => time <= Date.now()), 'nothing in the future');
  });

  test('every seeded request went through the workflow: its status is the last entry’s', async () => {
    const rows = await ctx.db.query<{ code: string; status: string; last: string }>(
      `SELECT r.code, r.status, (SELECT e.status FROM request_events e WHERE e.request_id = r.id ORDER BY e.at DESC, e.id DESC LIMIT 1) AS last
       FROM service_requests r WHERE r.code LIKE 'DS-XFLS-%'`,
    );
    assert.ok(rows.length >= 9);
    for (const row of rows) assert.equal(row.last, row.status, row.code);
  });
});
