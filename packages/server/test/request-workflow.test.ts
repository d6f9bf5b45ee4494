import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ServiceRequestStaff, StaffRequestListResponse } from '@doorstep/sdk';
import { forEachBackend, staffHeaders, useApp } from './harness.js';
import { DAY, HOUR, PATH_TO, TestClock, useClockedApp, type ErrorBody } from './request-helpers.js';

type Outcome = 'moves' | 'repeat' | 'conflict';

/**
 * The workflow, written out by hand (not derived from the code under test): for a request in each
 * status, what each step does. `moves` goes to the status named; `repeat` changes nothing (the
 * step that led here, sent again); `conflict` is 409.
 */
const EXPECTED: Record<string, Record<string, Outcome | ['moves', string]>> = {
  submitted: { accept: ['moves', 'accepted'], start: 'conflict', resolve: 'conflict', reject: ['moves', 'rejected'], close: 'conflict', reopen: 'conflict', merge: ['moves', 'closed'] },
  accepted: { accept: 'repeat', start: ['moves', 'in_progress'], resolve: 'conflict', reject: ['moves', 'rejected'], close: 'conflict', reopen: 'conflict', merge: ['moves', 'closed'] },
  in_progress: { accept: 'conflict', start: 'repeat', resolve: ['moves', 'resolved'], reject: ['moves', 'rejected'], close: 'conflict', reopen: 'conflict', merge: ['moves', 'closed'] },
  resolved: { accept: 'conflict', start: 'conflict', resolve: 'repeat', reject: 'conflict', close: ['moves', 'closed'], reopen: ['moves', 'in_progress'], merge: 'conflict' },
  rejected: { accept: 'conflict', start: 'conflict', resolve: 'conflict', reject: 'repeat', close: ['moves', 'closed'], reopen: 'conflict', merge: 'conflict' },
  closed: { accept: 'conflict', start: 'conflict', resolve: 'conflict', reject: 'conflict', close: 'repeat', reopen: 'conflict', merge: 'conflict' },
};

const BODIES: Record<string, Record<string, string>> = {
  accept: {},
  start: { note: '电工明早上门' },
  resolve: { note: '已更换灯泡' },
  reject: { reason: '属于供电公司管理' },
  close: {},
  reopen: { reason: '灯又不亮了' },
};

forEachBackend('request workflow', (backend) => {
  const ctx = useApp(backend);
  const clock = new TestClock('2026-11-20T01:00:00Z');
  const api = useClockedApp(ctx, clock);

  async function requestIn(status: string): Promise<string> {
    const { code } = await api.report();
    for (const [step, body] of PATH_TO[status]!) {
      const res = await api.staff(code, step, body);
      assert.equal(res.status, 200, `${step} on the way to ${status}: ${await res.text()}`);
    }
    return code;
  }

  for (const [from, actions] of Object.entries(EXPECTED)) {
    for (const [action, expected] of Object.entries(actions)) {
      test(`${action} on a ${from} request: ${Array.isArray(expected) ? `→ ${expected[1]}` : expected}`, async () => {
        const code = await requestIn(from);
        const before = await api.staffGet(code);
        clock.advance(HOUR);
        let res: Response;
        if (action === 'reopen') res = await api.post(`/v1/requests/${code}/reopen`, BODIES.reopen);
        else if (action === 'merge') res = await api.staff(code, 'merge', { into: (await api.report()).code });
        else res = await api.staff(code, action, BODIES[action]);
        const after = await api.staffGet(code);
        const text = await res.text();
        if (expected === 'conflict') {
          assert.equal(res.status, 409, text);
          assert.equal((JSON.parse(text) as ErrorBody).error.code, 'conflict');
          assert.deepEqual(after, before, 'a refused step changes nothing');
          return;
        }
        assert.equal(res.status, 200, text);
        if (expected === 'repeat') {
          assert.deepEqual(after, before, 'a repeat records nothing');
          return;
        }
        assert.equal(after.status, expected[1]);
        assert.equal(after.timeline.length, before.timeline.length + 1);
        const entry = after.timeline.at(-1)!;
        assert.equal(entry.at, clock.now.toISOString(), 'recorded at the time of the step');
        assert.equal(entry.status, expected[1]);
        assert.deepEqual(
          entry.actor,
          action === 'reopen' ? { kind: 'resident', name: null } : { kind: 'staff', name: 'staff:requests' },
        );
        const note = action === 'merge' ? null : (BODIES[action]!.note ?? BODIES[action]!.reason ?? null);
        assert.equal(entry.note, note);
        assert.equal(after.updatedAt, clock.now.toISOString());
      });
    }
  }

  test('every step of a request’s life is in its timeline, oldest first, with actor, time and note', async () => {
    clock.now = new Date('2026-11-20T02:00:00Z');
    const { code } = await api.report();
    const steps: Array<[string, Record<string, string>]> = [
      ['accept', { note: '已受理' }],
      ['assign', { assignee: '物业电工班 李师傅' }],
      ['expected-date', { expectedDate: '2026-11-22', note: '需要采购灯具' }],
      ['start', {}],
      ['notes', { note: '灯具已到货', visibility: 'public' }],
      ['notes', { note: '李师傅电话 13900002222', visibility: 'internal' }],
      ['resolve', { note: '已更换 LED 灯' }],
      ['close', {}],
    ];
    for (const [step, body] of steps) {
      clock.advance(HOUR);
      const res = await api.staff(code, step, body);
      assert.equal(res.status, 200, `${step}: ${await res.text()}`);
    }
    const staff = await api.staffGet(code);
    assert.deepEqual(
      staff.timeline.map((entry) => [entry.kind, entry.status, entry.visibility]),
      [
        ['submitted', 'submitted', 'public'],
        ['accepted', 'accepted', 'public'],
        ['assigned', 'accepted', 'public'],
        ['expected_date_set', 'accepted', 'public'],
        ['started', 'in_progress', 'public'],
        ['noted', 'in_progress', 'public'],
        ['noted', 'in_progress', 'internal'],
        ['resolved', 'resolved', 'public'],
        ['closed', 'closed', 'public'],
      ],
    );
    const times = staff.timeline.map((entry) => Date.parse(entry.at));
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
    assert.equal(staff.timeline[0]!.at, '2026-11-20T02:00:00.000Z');
    assert.equal(staff.timeline[2]!.assignedTo, '物业电工班 李师傅');
    assert.equal(staff.timeline[3]!.expectedDate, '2026-11-22');
    assert.equal(staff.assignedTo, '物业电工班 李师傅');
    assert.equal(staff.expectedDate, '2026-11-22');
    assert.equal(staff.resolvedAt, '2026-11-20T09:00:00.000Z');

    // The resident sees everything but the internal note.
    const text = await (await api.request(`/v1/requests/${code}`)).text();
    assert.doesNotMatch(text, /13900002222|internal/);
    const publicView = JSON.parse(text) as { timeline: Array<{ kind: string; note: string | null }> };
    assert.deepEqual(publicView.timeline.map((entry) => entry.kind), [
      'submitted', 'accepted', 'assigned', 'expected_date_set', 'started', 'noted', 'resolved', 'closed',
    ]);
    assert.equal(publicView.timeline.find((entry) => entry.kind === 'resolved')?.note, '已更换 LED 灯');
  });

  test('a rejection needs a reason, a resolution a note (400 naming the field)', async () => {
    const code = await requestIn('in_progress');
    for (const [action, field] of [['reject', 'reason'], ['resolve', 'note']] as const) {
      for (const body of [{}, { [field]: '   ' }]) {
        const res = await api.staff(code, action, body, 'requests', { 'accept-language': 'en' });
        assert.equal(res.status, 400, `${action} ${JSON.stringify(body)}`);
        assert.deepEqual(Object.keys(((await res.json()) as ErrorBody).error.fields ?? {}), [field]);
      }
    }
    assert.equal((await api.staffGet(code)).status, 'in_progress');
  });

  test('a refused step says why, in the caller’s language', async () => {
    const code = await requestIn('submitted');
    const zh = await api.staff(code, 'resolve', { note: '好了' });
    assert.equal(((await zh.json()) as ErrorBody).error.message, '只有正在处理中的诉求可以办结。');
    const en = await api.staff(code, 'close', {}, 'requests', { 'accept-language': 'en' });
    assert.equal(((await en.json()) as ErrorBody).error.message, 'Only a resolved or rejected request can be closed.');
    const tw = await api.staff(code, 'start', {}, 'requests', { 'accept-language': 'zh-TW' });
    assert.equal(((await tw.json()) as ErrorBody).error.message, '只有已受理的訴求可以開始處理。');
  });

  test('staff actions replay for a repeated Idempotency-Key: one note, not two', async () => {
    const code = await requestIn('accepted');
    const headers = { 'idempotency-key': `note-${code}` };
    const first = await api.staff(code, 'notes', { note: '已联系物业', visibility: 'public' }, 'requests', headers);
    const second = await api.staff(code, 'notes', { note: '已联系物业', visibility: 'public' }, 'requests', headers);
    assert.equal(first.status, 200);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.equal(await second.text(), await first.text());
    const notes = (await api.staffGet(code)).timeline.filter((entry) => entry.kind === 'noted');
    assert.equal(notes.length, 1);
  });

  test('assign, expected date: a repeat records nothing; a closed request can no longer be changed (409)', async () => {
    const code = await requestIn('accepted');
    await api.staff(code, 'assign', { assignee: '保洁组' });
    await api.staff(code, 'assign', { assignee: '保洁组' });
    await api.staff(code, 'expected-date', { expectedDate: '2026-12-01' });
    await api.staff(code, 'expected-date', { expectedDate: '2026-12-01' });
    const view = await api.staffGet(code);
    assert.equal(view.timeline.filter((entry) => entry.kind === 'assigned').length, 1);
    assert.equal(view.timeline.filter((entry) => entry.kind === 'expected_date_set').length, 1);
    const cleared = (await (await api.staff(code, 'expected-date', { expectedDate: null })).json()) as ServiceRequestStaff;
    assert.equal(cleared.expectedDate, null);
    assert.equal(cleared.timeline.at(-1)?.expectedDate, null);
    const bad = await api.staff(code, 'expected-date', { expectedDate: '2026-13-45' });
    assert.equal(bad.status, 400);

    const closed = await requestIn('closed');
    assert.equal((await api.staff(closed, 'assign', { assignee: '保洁组' })).status, 409);
    assert.equal((await api.staff(closed, 'expected-date', { expectedDate: '2026-12-01' })).status, 409);
    assert.equal((await api.staff(closed, 'notes', { note: '回访：居民满意' })).status, 200, 'a note may always be added');
  });

  test('merge: the duplicate closes pointing at the target, whose support count takes in the duplicate and its supporters', async () => {
    const target = await api.report({ description: '2号楼门口路灯坏了' });
    const duplicate = await api.report({ description: '2号楼门口的路灯不亮' });
    for (let i = 0; i < 2; i++) assert.equal((await api.post(`/v1/requests/${duplicate.code}/support`, {})).status, 201);
    assert.equal((await api.post(`/v1/requests/${target.code}/support`, {})).status, 201);

    const merged = await api.staff(duplicate.code, 'merge', { into: target.code, note: '同一盏灯' });
    const mergedText = await merged.text();
    assert.equal(merged.status, 200, mergedText);
    const duplicateView = ServiceRequestStaff.parse(JSON.parse(mergedText));
    assert.equal(duplicateView.status, 'closed');
    assert.equal(duplicateView.mergedInto, target.code);
    assert.equal(duplicateView.supportCount, 0);
    assert.equal(duplicateView.timeline.at(-1)?.kind, 'merged');
    assert.equal(duplicateView.timeline.at(-1)?.relatedCode, target.code);

    const targetView = await api.staffGet(target.code);
    assert.equal(targetView.supportCount, 1 + 2 + 1, 'its own supporter, the duplicate’s two, and the duplicate itself');
    assert.deepEqual(targetView.duplicates, [duplicate.code]);
    assert.equal(targetView.timeline.at(-1)?.kind, 'duplicate_merged');
    assert.equal(targetView.timeline.at(-1)?.relatedCode, duplicate.code);
    assert.equal((await api.publicGet(duplicate.code)).mergedInto, target.code);
    assert.equal((await api.publicGet(target.code)).supportCount, 4);

    // Again, or closing the closed duplicate: nothing changes. Into itself or an unknown request: 422.
    // Into a closed one: 409.
    const beforeRepeat = await api.staffGet(duplicate.code);
    assert.equal((await api.staff(duplicate.code, 'merge', { into: target.code })).status, 200);
    assert.equal((await api.staff(duplicate.code, 'close')).status, 200);
    assert.deepEqual(await api.staffGet(duplicate.code), beforeRepeat);
    assert.equal((await api.post(`/v1/requests/${duplicate.code}/reopen`, { reason: '还没修' })).status, 409, 'a merged duplicate cannot be reopened');
    assert.equal((await api.staffGet(target.code)).supportCount, 4);
    const self = await api.staff(target.code, 'merge', { into: target.code });
    assert.equal(self.status, 422);
    assert.deepEqual(Object.keys(((await self.json()) as ErrorBody).error.fields ?? {}), ['into']);
    assert.equal((await api.staff(target.code, 'merge', { into: 'DS-2222-2222' })).status, 422);
    const closed = await requestIn('closed');
    const intoClosed = await api.staff(target.code, 'merge', { into: closed });
    assert.equal(intoClosed.status, 409);
    assert.equal((await api.staffGet(target.code)).status, 'submitted');
  });

  test('a chain of merges carries every supporter to the last request', async () => {
    const [a, b, c] = [await api.report(), await api.report(), await api.report()];
    await api.post(`/v1/requests/${a.code}/support`, {});
    assert.equal((await api.staff(a.code, 'merge', { into: b.code })).status, 200);
    assert.equal((await api.staff(b.code, 'merge', { into: c.code })).status, 200);
    assert.equal((await api.staffGet(c.code)).supportCount, 3, 'a’s supporter, a, and b');
  });
});

forEachBackend('staff request API', (backend) => {
  const ctx = useApp(backend);
  const clock = new TestClock('2027-03-01T02:00:00Z');
  const api = useClockedApp(ctx, clock);

  test('no token: 401 with a Bearer challenge; a token without the requests role: 403; admin passes', async () => {
    const { code } = await api.report();
    const paths: Array<[string, string]> = [
      ['GET', '/v1/staff/requests'],
      ['GET', `/v1/staff/requests/${code}`],
      ...['accept', 'start', 'resolve', 'reject', 'close', 'assign', 'notes', 'expected-date', 'merge'].map(
        (action): [string, string] => ['POST', `/v1/staff/requests/${code}/${action}`],
      ),
    ];
    for (const [method, path] of paths) {
      const init = (headers: Record<string, string>) => ({
        method,
        headers: { 'content-type': 'application/json', ...headers },
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
      const anonymous = await api.request(path, init({}));
      assert.equal(anonymous.status, 401, `${method} ${path}`);
      assert.equal(anonymous.headers.get('www-authenticate'), 'Bearer realm="doorstep"');
      const wrongRole = await api.request(path, init(staffHeaders('eldercare')));
      assert.equal(wrongRole.status, 403, `${method} ${path}`);
      assert.equal(((await wrongRole.json()) as ErrorBody).error.code, 'forbidden');
    }
    assert.equal((await api.request(`/v1/staff/requests/${code}`, { headers: staffHeaders('admin') })).status, 200);
    assert.equal((await api.staffGet(code)).status, 'submitted', 'nothing was changed by the refused calls');
  });

  test('the staff view shows contact data in full, the consent record and internal notes', async () => {
    const created = await api.report({
      contactName: '张三丰',
      contactPhone: '13812345678',
      consent: { privacyNoticeVersion: '2026-01' },
      onBehalfOf: { name: '李奶奶', phone: '13700001111', areaId: 'u-1-2' },
    });
    const view = await api.staffGet(created.code);
    assert.equal(view.contactName, '张三丰');
    assert.equal(view.contactPhone, '13812345678');
    assert.deepEqual(view.onBehalfOf, { name: '李奶奶', phone: '13700001111', areaId: 'u-1-2' });
    assert.deepEqual(view.consent, { at: clock.now.toISOString(), privacyNoticeVersion: '2026-01' });
    assert.equal(view.reopenCount, 0);
  });

  test('list: filters by status, category, area (with everything inside it) and period; pages with a total', async () => {
    // This suite's own period, so requests of the other tests do not count.
    clock.now = new Date('2027-05-10T02:00:00Z');
    const made: Record<string, string> = {};
    const specs: Array<[string, string, string, string]> = [
      // name, category, area, status
      ['light-b1', 'public-light', 'b-1', 'submitted'],
      ['light-u11', 'public-light', 'u-1-1', 'accepted'],
      ['light-b4', 'public-light', 'b-4', 'in_progress'],
      ['lock-b2', 'door-lock', 'b-2', 'resolved'],
      ['park-b9', 'parking', 'b-9', 'rejected'],
      ['park-cp1', 'parking', 'cp-1', 'closed'],
    ];
    for (const [name, categoryId, areaId, status] of specs) {
      clock.advance(HOUR);
      const { code } = await api.report({ categoryId, areaId });
      for (const [step, body] of PATH_TO[status]!) await api.staff(code, step, body);
      made[name] = code;
    }
    const list = async (query: string) => {
      const res = await api.request(`/v1/staff/requests?from=2027-05-10&to=2027-05-10&${query}`, { headers: staffHeaders('requests') });
      const text = await res.text();
      assert.equal(res.status, 200, `${query}: ${text}`);
      return StaffRequestListResponse.parse(JSON.parse(text));
    };
    const names = (page: StaffRequestListResponse) => page.items.map((item) => Object.keys(made).find((name) => made[name] === item.code));

    assert.deepEqual(names(await list('')), ['park-cp1', 'park-b9', 'lock-b2', 'light-b4', 'light-u11', 'light-b1'], 'newest first');
    assert.deepEqual(names(await list('status=open')), ['light-b4', 'light-u11', 'light-b1']);
    assert.deepEqual(names(await list('status=resolved,rejected')), ['park-b9', 'lock-b2']);
    assert.deepEqual(names(await list('category=parking')), ['park-cp1', 'park-b9']);
    assert.deepEqual(names(await list('area=cp-1')), ['park-cp1', 'lock-b2', 'light-u11', 'light-b1'], 'the compound and its buildings and units');
    assert.deepEqual(names(await list('area=b-1')), ['light-u11', 'light-b1']);
    assert.deepEqual(names(await list('area=c-2')), ['park-b9']);
    assert.deepEqual(names(await list('category=public-light&area=c-1&status=open')), ['light-b4', 'light-u11', 'light-b1']);

    const page2 = await list('pageSize=4&page=2');
    assert.equal(page2.total, 6);
    assert.equal(page2.page, 2);
    assert.equal(page2.pageSize, 4);
    assert.deepEqual(names(page2), ['light-u11', 'light-b1']);
    assert.equal((await list('pageSize=4&page=3')).items.length, 0);

    // Period: exact times and whole days (China time).
    const exact = await api.request(
      `/v1/staff/requests?from=${encodeURIComponent('2027-05-10T03:00:00Z')}&to=${encodeURIComponent('2027-05-10T05:00:00Z')}`,
      { headers: staffHeaders('requests') },
    );
    assert.deepEqual(names(StaffRequestListResponse.parse(await exact.json())), ['light-b4', 'light-u11', 'light-b1']);
    const dayBefore = await api.request('/v1/staff/requests?from=2027-05-09&to=2027-05-09', { headers: staffHeaders('requests') });
    assert.equal(StaffRequestListResponse.parse(await dayBefore.json()).total, 0);

    const row = (await list('category=door-lock')).items[0]!;
    assert.equal(row.status, 'resolved');
    assert.deepEqual(row.areaPath, ['幸福区', '和平街道', '幸福里社区', '幸福花园', '2号楼']);
  });

  test('list: bad filters are 400 naming the field; an unknown area is 404', async () => {
    for (const [query, field] of [['status=done', 'status'], ['page=0', 'page'], ['pageSize=500', 'pageSize'], ['from=yesterday', 'from']]) {
      const res = await api.request(`/v1/staff/requests?${query}`, { headers: staffHeaders('requests') });
      assert.equal(res.status, 400, query);
      assert.deepEqual(Object.keys(((await res.json()) as ErrorBody).error.fields ?? {}), [field], query);
    }
    assert.equal((await api.request('/v1/staff/requests?area=nowhere', { headers: staffHeaders('requests') })).status, 404);
  });

  test('unknown request: 404 for reads and actions', async () => {
    assert.equal((await api.request('/v1/staff/requests/DS-2222-2222', { headers: staffHeaders('requests') })).status, 404);
    assert.equal((await api.staff('DS-2222-2222', 'accept')).status, 404);
    assert.equal((await api.staff('nonsense', 'accept')).status, 404);
  });

  test('the reopen window is 14 days from the resolution, also after staff closed it', async () => {
    clock.now = new Date('2027-06-01T02:00:00Z');
    const { code } = await api.report();
    for (const [step, body] of PATH_TO.resolved!) await api.staff(code, step, body);
    await api.staff(code, 'close');
    clock.advance(14 * DAY);
    const view = await api.publicGet(code);
    assert.equal(view.reopenableUntil, '2027-06-15T02:00:00.000Z');
    const reopened = await api.post(`/v1/requests/${code}/reopen`, { reason: '灯又坏了' });
    assert.equal(reopened.status, 200, await reopened.text());
    const staff = await api.staffGet(code);
    assert.equal(staff.status, 'in_progress');
    assert.equal(staff.reopenCount, 1);
    assert.equal(staff.resolvedAt, null);

    // Resolved again, then a day too late.
    await api.staff(code, 'resolve', { note: '换了新灯' });
    clock.advance(14 * DAY + 1000);
    assert.equal((await api.publicGet(code)).reopenableUntil, null);
    const late = await api.post(`/v1/requests/${code}/reopen`, { reason: '还是不亮' }, { 'accept-language': 'en' });
    assert.equal(late.status, 409);
    assert.match(((await late.json()) as ErrorBody).error.message, /more than 14 days/);
    assert.equal((await api.staffGet(code)).status, 'resolved');
  });
});

test('the OpenAPI document describes the workflow’s paths; staff paths need the bearer scheme', async () => {
  const { createApp } = await import('../src/index.js');
  const { testConfig } = await import('./harness.js');
  const res = await createApp({ db: {} as never, config: testConfig() }).request('/openapi.json');
  const doc = (await res.json()) as {
    paths: Record<string, Record<string, { security?: unknown; responses: Record<string, unknown> }>>;
    components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
  };
  const expected: Record<string, string[]> = {
    '/v1/requests': ['post', 'get'],
    '/v1/requests/{code}': ['get'],
    '/v1/requests/{code}/support': ['post'],
    '/v1/requests/{code}/rating': ['post'],
    '/v1/requests/{code}/reopen': ['post'],
    '/v1/photos': ['post'],
    '/v1/photos/{id}': ['get'],
    '/v1/stats/requests': ['get'],
    '/v1/staff/requests': ['get'],
    '/v1/staff/requests/{code}': ['get'],
    ...Object.fromEntries(
      ['accept', 'start', 'resolve', 'reject', 'close', 'assign', 'notes', 'expected-date', 'merge'].map((action) => [`/v1/staff/requests/{code}/${action}`, ['post']]),
    ),
  };
  for (const [path, methods] of Object.entries(expected)) {
    assert.deepEqual(Object.keys(doc.paths[path] ?? {}).sort(), [...methods].sort(), path);
    for (const method of methods) {
      const operation = doc.paths[path]![method]!;
      if (path.startsWith('/v1/staff/')) assert.deepEqual(operation.security, [{ bearerAuth: [] }], `${method} ${path}`);
    }
  }
  assert.ok(doc.paths['/v1/requests/{code}']!.get!.responses['304'], 'the conditional GET is described');
  assert.deepEqual(doc.components.securitySchemes.bearerAuth, {
    type: 'http',
    scheme: 'bearer',
    description: 'A staff token from `DOORSTEP_STAFF_TOKENS`; roles decide what it may do.',
  });
  for (const schema of ['ServiceRequestStaff', 'StaffRequestListResponse', 'RequestStats', 'PhotoRef', 'TimelineEntry', 'RatingCreate', 'MergeInput']) {
    assert.ok(doc.components.schemas[schema], schema);
  }
});
