import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  StaffHoursEntry,
  StaffHoursEntryListResponse,
  VolunteerSelf,
  VolunteerSignupResult,
  VolunteerTeamListResponse,
  normalizeVolunteerAccessKey,
  type HoursEntry,
} from '@doorstep/sdk';
import { forEachBackend, staffHeaders, useApp } from './harness.js';
import { STAFF, approve, asVolunteer, logHours, makeTeam, signUp, staffAction, uniquePhone } from './volunteering-support.js';

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;

forEachBackend('volunteering: teams, sign-up, logging, review', (backend) => {
  const ctx = useApp(backend);

  test('the seeded teams: five in 幸福里社区 with their activity types, one in 光明社区', async () => {
    const res = await ctx.request('/v1/volunteering/teams?community=c-1');
    assert.equal(res.status, 200);
    const { teams } = VolunteerTeamListResponse.parse(await res.json());
    assert.deepEqual(
      teams.map((team) => team.name['zh-CN']),
      ['和事佬志愿服务队', '助老服务队', '平安巡逻队', '爱心送餐队', '银发理发队'],
    );
    assert.ok(teams.every((team) => team.activityTypes.length >= 2 && team.memberCount > 0));
    const other = VolunteerTeamListResponse.parse(await (await ctx.request('/v1/volunteering/teams?community=c-2')).json());
    assert.deepEqual(other.teams.map((team) => team.id), ['green-guardians']);
  });

  test('sign-up answers the volunteer (phone masked) and an access key that opens their record', async () => {
    await makeTeam(ctx, 'signup-a');
    const res = await ctx.post('/v1/volunteering/volunteers', {
      name: ' 李秀兰 ',
      phone: '13800001234',
      teamIds: ['signup-a'],
      availability: ['weekend-morning'],
      skills: ['elder-care', 'first-aid'],
      consent: true,
    });
    assert.equal(res.status, 201);
    const { volunteer, accessKey } = VolunteerSignupResult.parse(await res.json());
    assert.match(volunteer.code, /^V-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    assert.equal(volunteer.name, '李秀兰');
    assert.equal(volunteer.phone, '138****1234');
    assert.deepEqual(volunteer.teams.map((team) => team.id), ['signup-a']);
    assert.deepEqual(volunteer.totals, { approvedMinutes: 0, monthMinutes: 0, yearMinutes: 0, pendingMinutes: 0 });

    const me = await ctx.request('/v1/volunteering/me', { headers: asVolunteer(accessKey) });
    assert.equal(me.status, 200);
    assert.deepEqual(VolunteerSelf.parse(await me.json()), volunteer);
    // Typed loosely (lower case, spaces instead of dashes) it still works.
    const loose = accessKey.toLowerCase().replace(/-/g, ' ');
    assert.equal((await ctx.request('/v1/volunteering/me', { headers: asVolunteer(loose) })).status, 200);
    assert.equal(normalizeVolunteerAccessKey(loose), accessKey);

    const [stored] = await ctx.db.query<{ access_key_sha256: string; phone: string }>(
      `SELECT access_key_sha256, phone FROM volunteers WHERE code = $1`,
      [volunteer.code],
    );
    assert.notEqual(stored!.access_key_sha256, accessKey, 'only a digest is stored');
    assert.match(stored!.access_key_sha256, /^[0-9a-f]{64}$/);
    assert.equal(stored!.phone, '13800001234', 'staff see the phone in full');
  });

  test('sign-up is idempotent; the same phone signing up again in the community is a 409', async () => {
    await makeTeam(ctx, 'signup-b');
    const body = { name: '王大伟', phone: uniquePhone(), teamIds: ['signup-b'], consent: true };
    const first = await ctx.post('/v1/volunteering/volunteers', body, { 'idempotency-key': 'signup-key-1' });
    const again = await ctx.post('/v1/volunteering/volunteers', body, { 'idempotency-key': 'signup-key-1' });
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(await again.text(), await first.text());
    const [{ count }] = (await ctx.db.query<{ count: number }>(`SELECT count(*)::int AS count FROM volunteers WHERE phone = $1`, [body.phone])) as [
      { count: number },
    ];
    assert.equal(count, 1);

    const duplicate = await ctx.post('/v1/volunteering/volunteers', { ...body, phone: `+86 ${body.phone}` }, { 'accept-language': 'en' });
    assert.equal(duplicate.status, 409);
    assert.match((await errorOf(duplicate)).message, /already registered/);
  });

  test('sign-up problems: consent, unknown teams, teams of two communities', async () => {
    await makeTeam(ctx, 'signup-c');
    const noConsent = await ctx.post('/v1/volunteering/volunteers', { name: '赵六', phone: uniquePhone(), teamIds: ['signup-c'], consent: false });
    assert.equal(noConsent.status, 400);
    assert.deepEqual((await errorOf(noConsent)).fields, { consent: '请阅读并同意个人信息的使用说明。' });

    const missing = await ctx.post('/v1/volunteering/volunteers', { name: '赵六', phone: uniquePhone(), teamIds: [], consent: true });
    assert.equal(missing.status, 400);
    assert.ok((await errorOf(missing)).fields?.teamIds);

    const unknown = await ctx.post('/v1/volunteering/volunteers', { name: '赵六', phone: uniquePhone(), teamIds: ['nope'], consent: true });
    assert.equal(unknown.status, 422);
    assert.deepEqual((await errorOf(unknown)).fields, { teamIds: '没有找到这个服务队，请重新选择。' });

    const mixed = await ctx.post('/v1/volunteering/volunteers', {
      name: '赵六',
      phone: uniquePhone(),
      teamIds: ['signup-c', 'elder-visits'],
      consent: true,
    });
    assert.equal(mixed.status, 422);
    assert.deepEqual((await errorOf(mixed)).fields, { teamIds: '所选的服务队应属于同一个社区。' });
  });

  test('volunteer endpoints need a valid access key: none, malformed, unknown or a staff token is a 401', async () => {
    const cases: Array<Record<string, string>> = [
      {},
      asVolunteer('not-a-key'),
      asVolunteer('ABCD-EFGH-JKLM-NPQR-STUV'),
      staffHeaders('volunteering'),
    ];
    for (const headers of cases) {
      for (const path of ['/v1/volunteering/me', '/v1/volunteering/me/entries', '/v1/volunteering/me/certificate?from=2026-01-01&to=2026-12-31']) {
        const res = await ctx.request(path, { headers: { ...headers, 'accept-language': 'en' } });
        assert.equal(res.status, 401, `${path} ${JSON.stringify(headers)}`);
        assert.equal(res.headers.get('www-authenticate'), 'Volunteer realm="doorstep"');
        assert.match((await errorOf(res)).message, /access key/);
      }
    }
    const post = await ctx.post('/v1/volunteering/me/entries', { teamId: 'x', activityType: 'visit', date: '2026-01-01', hours: 1 });
    assert.equal(post.status, 401);
  });

  test('logging with a date and hours, or with start and end times; both are pending until approved', async () => {
    await makeTeam(ctx, 'log-a');
    const { accessKey } = await signUp(ctx, ['log-a']);
    const byHours = await logHours(ctx, accessKey, {
      teamId: 'log-a',
      activityType: 'visit',
      date: '2025-06-10',
      hours: 2.5,
      areaId: 'b-9',
      servedGroup: 'elders-alone',
      servedCount: 2,
      note: '  陪同测血压  ',
    });
    assert.equal(byHours.status, 'pending');
    assert.equal(byHours.minutes, 150);
    assert.equal(byHours.date, '2025-06-10');
    assert.equal(byHours.startedAt, null);
    assert.deepEqual(byHours.areaPath, ['幸福区', '和平街道', '光明社区', '光明新村', '1号楼']);
    assert.equal(byHours.note, '陪同测血压');
    assert.deepEqual(byHours.activityType, { key: 'visit', name: { 'zh-CN': '上门探访', en: 'Visit' } });

    // 22:30 to 01:15 the next morning, Beijing time: 165 minutes, on the day it started.
    const byTimes = await logHours(ctx, accessKey, {
      teamId: 'log-a',
      activityType: 'patrol',
      startedAt: '2025-06-10T14:30:00Z',
      endedAt: '2025-06-10T17:15:00Z',
    });
    assert.equal(byTimes.minutes, 165);
    assert.equal(byTimes.date, '2025-06-10');
    assert.equal(byTimes.startedAt, '2025-06-10T22:30:00+08:00');
    assert.equal(byTimes.endedAt, '2025-06-11T01:15:00+08:00');

    const me = VolunteerSelf.parse(await (await ctx.request('/v1/volunteering/me', { headers: asVolunteer(accessKey) })).json());
    assert.equal(me.totals.pendingMinutes, 315);
    assert.equal(me.totals.approvedMinutes, 0);
    const list = await ctx.request('/v1/volunteering/me/entries', { headers: asVolunteer(accessKey) });
    const entries = ((await list.json()) as { entries: HoursEntry[] }).entries;
    assert.deepEqual(entries.map((entry) => entry.minutes).sort(), [150, 165]);
  });

  test('logging problems are 422s naming the field, in the caller’s language', async () => {
    await makeTeam(ctx, 'log-b');
    const { accessKey } = await signUp(ctx, ['log-b']);
    const base = { teamId: 'log-b', activityType: 'visit' };
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const cases: Array<[Record<string, unknown>, Record<string, string>]> = [
      [{ ...base }, { hours: 'Enter how many hours, or a start and end time.' }],
      [{ ...base, date: '2025-01-02', hours: 1, startedAt: '2025-01-02T01:00:00Z', endedAt: '2025-01-02T02:00:00Z' }, { hours: 'Enter either hours or a start and end time, not both.' }],
      [{ ...base, hours: 1 }, { date: 'Fill in this field.' }],
      [{ ...base, date: tomorrow, hours: 1 }, { date: 'You cannot log service that has not happened yet.' }],
      [{ ...base, startedAt: '2025-01-02T03:00:00Z', endedAt: '2025-01-02T02:00:00Z' }, { endedAt: 'The end time must be after the start time.' }],
      [{ ...base, startedAt: '2025-01-02T03:00:00Z', endedAt: '2025-01-03T03:15:00Z' }, { endedAt: 'One record can be at most 24 hours.' }],
      [{ ...base, startedAt: '2025-01-02T03:00:00Z' }, { endedAt: 'Fill in this field.' }],
      [{ ...base, date: '2025-01-03', startedAt: '2025-01-02T03:00:00Z', endedAt: '2025-01-02T04:00:00Z' }, { date: 'The date is not the day the start time is on.' }],
      [{ ...base, activityType: 'haircut', date: '2025-01-02', hours: 1 }, { activityType: 'This team does not log this kind of activity. Please choose again.' }],
      [{ ...base, teamId: 'elder-visits', date: '2025-01-02', hours: 1 }, { teamId: 'This team does not exist. Please choose again.' }],
      [{ ...base, date: '2025-01-02', hours: 1, areaId: 'sd-1' }, { areaId: 'Choose at least a community.' }],
      [{ ...base, date: '2025-01-02', hours: 1, areaId: 'b-404' }, { areaId: 'This area does not exist. Please choose again.' }],
    ];
    for (const [body, fields] of cases) {
      const res = await ctx.post('/v1/volunteering/me/entries', body, { ...asVolunteer(accessKey), 'accept-language': 'en' });
      assert.equal(res.status, 422, JSON.stringify(body));
      assert.deepEqual((await errorOf(res)).fields, fields, JSON.stringify(body));
    }
    const oddHours = await ctx.post('/v1/volunteering/me/entries', { ...base, date: '2025-01-02', hours: 1.1 }, asVolunteer(accessKey));
    assert.equal(oddHours.status, 400);
    assert.deepEqual((await errorOf(oddHours)).fields, { hours: '请按 0.25 小时（15 分钟）为单位填写，最多 24 小时。' });
    const [{ count }] = (await ctx.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM volunteer_entries WHERE team_id = 'log-b'`,
    )) as [{ count: number }];
    assert.equal(count, 0, 'nothing was stored');
  });

  test('a repeated log with the same Idempotency-Key stores one entry; another volunteer may use the same key', async () => {
    await makeTeam(ctx, 'log-c');
    const first = await signUp(ctx, ['log-c']);
    const second = await signUp(ctx, ['log-c']);
    const body = { teamId: 'log-c', activityType: 'visit', date: '2025-03-01', hours: 1 };
    const headers = (key: string) => ({ ...asVolunteer(key), 'idempotency-key': 'same-key' });
    const a = await ctx.post('/v1/volunteering/me/entries', body, headers(first.accessKey));
    const b = await ctx.post('/v1/volunteering/me/entries', body, headers(first.accessKey));
    const c = await ctx.post('/v1/volunteering/me/entries', body, headers(second.accessKey));
    assert.deepEqual([a.status, b.status, c.status], [201, 201, 201]);
    assert.equal(b.headers.get('idempotent-replayed'), 'true');
    assert.notEqual(((await c.json()) as HoursEntry).id, ((await a.json()) as HoursEntry).id);
    const [{ count }] = (await ctx.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM volunteer_entries WHERE team_id = 'log-c'`,
    )) as [{ count: number }];
    assert.equal(count, 2);
  });

  test('staff endpoints: 401 without a token, 403 with another role, open to volunteering and admin', async () => {
    const paths = ['/v1/staff/volunteering/entries', '/v1/staff/volunteering/volunteers', '/v1/staff/volunteering/export/entries.csv'];
    for (const path of paths) {
      assert.equal((await ctx.request(path)).status, 401, path);
      const forbidden = await ctx.request(path, { headers: { ...staffHeaders('requests'), 'accept-language': 'en' } });
      assert.equal(forbidden.status, 403, path);
      assert.match((await errorOf(forbidden)).message, /volunteering/);
      assert.equal((await ctx.request(path, { headers: staffHeaders('volunteering') })).status, 200, path);
      assert.equal((await ctx.request(path, { headers: staffHeaders('admin') })).status, 200, path);
    }
    const approveWithoutToken = await ctx.post('/v1/staff/volunteering/entries/x/approve', {});
    assert.equal(approveWithoutToken.status, 401);
  });

  test('approve, reject with a reason, approve again: each change is recorded with who and when', async () => {
    await makeTeam(ctx, 'review-a');
    const { accessKey, volunteer } = await signUp(ctx, ['review-a'], '周建华');
    const entry = await logHours(ctx, accessKey, { teamId: 'review-a', activityType: 'visit', date: '2025-05-05', hours: 2 });

    const queue = StaffHoursEntryListResponse.parse(
      await (await ctx.request('/v1/staff/volunteering/entries?status=pending&team=review-a', { headers: STAFF })).json(),
    );
    assert.equal(queue.total, 1);
    assert.equal(queue.entries[0]!.volunteer.name, '周建华');
    assert.match(queue.entries[0]!.volunteer.phone, /^137\d{8}$/, 'staff see the phone in full');

    const approved = await approve(ctx, entry.id);
    assert.equal(approved.status, 'approved');
    assert.equal(approved.reviewedBy, 'staff:volunteering');
    assert.equal((await approve(ctx, entry.id)).history.length, 2, 'approving again records nothing');

    const rejected = await staffAction(ctx, entry.id, 'reject', { reason: '同一次探访已由队友登记' });
    assert.equal(rejected.status, 200);
    const body = StaffHoursEntry.parse(await rejected.json());
    assert.equal(body.status, 'rejected');
    assert.deepEqual(
      body.history.map((change) => [change.action, change.actor, change.changes.status, change.reason]),
      [
        ['created', volunteer.code, undefined, null],
        ['approved', 'staff:volunteering', { from: 'pending', to: 'approved' }, null],
        ['rejected', 'staff:volunteering', { from: 'approved', to: 'rejected' }, '同一次探访已由队友登记'],
      ],
    );
    assert.ok(body.history.every((change) => /\+08:00$/.test(change.at)));

    const own = (await (await ctx.request('/v1/volunteering/me/entries', { headers: asVolunteer(accessKey) })).json()) as {
      entries: HoursEntry[];
    };
    assert.equal(own.entries[0]!.status, 'rejected');
    assert.equal(own.entries[0]!.rejectReason, '同一次探访已由队友登记');

    const noReason = await staffAction(ctx, entry.id, 'reject', { reason: ' ' });
    assert.equal(noReason.status, 400);
    assert.equal((await staffAction(ctx, 'no-such-entry', 'approve')).status, 404);
  });

  test('edits record each old → new value with who, when and why; a stale version is a 409', async () => {
    await makeTeam(ctx, 'review-b');
    const { accessKey } = await signUp(ctx, ['review-b']);
    const entry = await logHours(ctx, accessKey, { teamId: 'review-b', activityType: 'visit', date: '2025-05-06', hours: 3, note: '初稿' });
    const approved = await approve(ctx, entry.id);

    const edited = await staffAction(ctx, entry.id, 'edit', {
      version: approved.version,
      reason: '按签到表更正',
      hours: 2.25,
      activityType: 'patrol',
      note: null,
      areaId: 'cp-4',
    });
    assert.equal(edited.status, 200, await edited.clone().text());
    const body = StaffHoursEntry.parse(await edited.json());
    assert.equal(body.status, 'approved', 'an approved entry stays approved');
    assert.equal(body.minutes, 135);
    const last = body.history.at(-1)!;
    assert.equal(last.action, 'edited');
    assert.equal(last.reason, '按签到表更正');
    assert.deepEqual(last.changes, {
      activityType: { from: 'visit', to: 'patrol' },
      minutes: { from: 180, to: 135 },
      areaId: { from: null, to: 'cp-4' },
      note: { from: '初稿', to: null },
    });

    const stale = await staffAction(ctx, entry.id, 'edit', { version: approved.version, reason: '再改', hours: 1 });
    assert.equal(stale.status, 409);
    const nothing = await staffAction(ctx, entry.id, 'edit', { version: body.version, reason: '没变', hours: 2.25 });
    assert.equal(nothing.status, 422);
    const noReason = await staffAction(ctx, entry.id, 'edit', { version: body.version, hours: 1 });
    assert.equal(noReason.status, 400);

    // Moving to clock times, then to another day: the times go, the minutes stay.
    const timed = StaffHoursEntry.parse(
      await (
        await staffAction(ctx, entry.id, 'edit', {
          version: body.version,
          reason: '补录时间',
          startedAt: '2025-05-06T19:00:00+08:00',
          endedAt: '2025-05-06T20:30:00+08:00',
        })
      ).json(),
    );
    assert.deepEqual([timed.minutes, timed.startedAt, timed.history.at(-1)!.changes.minutes], [90, '2025-05-06T19:00:00+08:00', { from: 135, to: 90 }]);
    const moved = StaffHoursEntry.parse(
      await (await staffAction(ctx, entry.id, 'edit', { version: timed.version, reason: '日期有误', date: '2025-05-07' })).json(),
    );
    assert.deepEqual([moved.date, moved.minutes, moved.startedAt], ['2025-05-07', 90, null]);
  });

  test('a new access key from staff retires the old one', async () => {
    await makeTeam(ctx, 'keys-a');
    const { accessKey, volunteer } = await signUp(ctx, ['keys-a']);
    const res = await ctx.post(`/v1/staff/volunteering/volunteers/${volunteer.code.toLowerCase()}/access-key`, {}, STAFF);
    assert.equal(res.status, 200);
    const { accessKey: fresh, code } = (await res.json()) as { accessKey: string; code: string };
    assert.equal(code, volunteer.code);
    assert.notEqual(fresh, accessKey);
    assert.equal((await ctx.request('/v1/volunteering/me', { headers: asVolunteer(accessKey) })).status, 401);
    assert.equal((await ctx.request('/v1/volunteering/me', { headers: asVolunteer(fresh) })).status, 200);
    assert.equal((await ctx.post('/v1/staff/volunteering/volunteers/V-2222-2222/access-key', {}, STAFF)).status, 404);
  });

  test('staff see volunteers with name, phone, teams and approved minutes', async () => {
    await makeTeam(ctx, 'people-a');
    const { accessKey, volunteer } = await signUp(ctx, ['people-a'], '钱红梅');
    const entry = await logHours(ctx, accessKey, { teamId: 'people-a', activityType: 'visit', date: '2025-02-02', hours: 1.75 });
    await approve(ctx, entry.id);
    await logHours(ctx, accessKey, { teamId: 'people-a', activityType: 'visit', date: '2025-02-03', hours: 5 });
    const res = await ctx.request('/v1/staff/volunteering/volunteers?team=people-a', { headers: STAFF });
    const { volunteers } = (await res.json()) as { volunteers: Array<{ code: string; name: string; phone: string; approvedMinutes: number; teams: unknown[] }> };
    assert.equal(volunteers.length, 1);
    assert.equal(volunteers[0]!.code, volunteer.code);
    assert.equal(volunteers[0]!.name, '钱红梅');
    assert.equal(volunteers[0]!.approvedMinutes, 105, 'pending minutes do not count');
  });

  test('CSV of entries: BOM, CRLF, columns in the caller’s language, tricky notes quoted and formulas defused', async () => {
    await makeTeam(ctx, 'csv-a');
    const { accessKey, volunteer } = await signUp(ctx, ['csv-a'], '孙, "小" 红');
    const tricky = '=HYPERLINK("http://evil.example","点我")';
    const first = await logHours(ctx, accessKey, { teamId: 'csv-a', activityType: 'visit', date: '2025-08-01', hours: 1.5, note: tricky });
    await logHours(ctx, accessKey, { teamId: 'csv-a', activityType: 'patrol', date: '2025-08-02', hours: 2, note: '第一行\n第二行，有逗号' });
    await approve(ctx, first.id);

    const res = await ctx.request('/v1/staff/volunteering/export/entries.csv?team=csv-a', { headers: { ...STAFF, 'accept-language': 'en' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="volunteer-entries-\d{4}-\d{2}-\d{2}\.csv"$/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    const lines = text.split('\r\n');
    assert.equal(lines.at(-1), '', 'every line ends with CRLF');
    assert.ok(lines[0]!.startsWith('Record,Date,Volunteer number,Name,Phone,Team,Activity,Started,Ended,Minutes,Hours,'));
    assert.match(text, new RegExp(`,${volunteer.code},"孙, ""小"" 红",137\\d{8},Test team csv-a,Visit,,,90,1.5,`));
    assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"",""点我"")"`), 'the formula is quoted and defused');
    assert.ok(text.includes('"第一行\n第二行，有逗号"'), 'a line break stays inside its quoted cell');
    assert.ok(text.includes(',Approved,staff:volunteering,') && text.includes(',Pending,'));

    const zh = await (await ctx.request('/v1/staff/volunteering/export/entries.csv?team=csv-a&status=approved', { headers: STAFF })).text();
    assert.ok(zh.startsWith('记录编号,服务日期,志愿者编号,姓名,电话,服务队,活动类型,'), 'the SDK’s text() drops the BOM');
    assert.equal(zh.trimEnd().split('\r\n').length, 2, 'the header and the one approved entry');
  });

  test('CSV of totals by volunteer, team and month: only approved minutes, grouped as asked', async () => {
    await makeTeam(ctx, 'csv-b');
    await makeTeam(ctx, 'csv-c');
    const one = await signUp(ctx, ['csv-b', 'csv-c'], '甲');
    const two = await signUp(ctx, ['csv-b'], '乙');
    for (const [key, team, date, hours] of [
      [one.accessKey, 'csv-b', '2025-09-01', 1],
      [one.accessKey, 'csv-b', '2025-09-20', 2],
      [one.accessKey, 'csv-c', '2025-10-01', 4],
      [two.accessKey, 'csv-b', '2025-10-02', 0.5],
    ] as const) {
      const entry = await logHours(ctx, key, { teamId: team, activityType: 'visit', date, hours });
      await approve(ctx, entry.id);
    }
    await logHours(ctx, two.accessKey, { teamId: 'csv-b', activityType: 'visit', date: '2025-10-03', hours: 8 });
    const csv = async (query: string) =>
      (await (await ctx.request(`/v1/staff/volunteering/export/totals.csv?${query}`, { headers: { ...STAFF, 'accept-language': 'en' } })).text())
        .trimEnd()
        .split('\r\n');

    assert.deepEqual(await csv('community=c-2&from=2025-09-01&to=2025-10-31&by=team'), [
      'Team,Records,Minutes,Hours',
      'Test team csv-b,3,210,3.5',
      'Test team csv-c,1,240,4',
    ]);
    assert.deepEqual(await csv('team=csv-b&by=month,volunteer'), [
      'Month,Volunteer number,Name,Records,Minutes,Hours',
      `2025-09,${one.volunteer.code},甲,2,180,3`,
      `2025-10,${two.volunteer.code},乙,1,30,0.5`,
    ]);
    const all = await csv('community=c-2&from=2025-09-01&to=2025-10-31');
    assert.equal(all[0], 'Month,Team,Volunteer number,Name,Records,Minutes,Hours');
    assert.equal(all.length, 1 + 3, '(2025-09, csv-b, 甲), (2025-10, csv-b, 乙), (2025-10, csv-c, 甲)');
    assert.equal((await ctx.request('/v1/staff/volunteering/export/totals.csv?by=week', { headers: STAFF })).status, 400);
  });

  test('a team needs a community, a unique id and at least one activity type', async () => {
    const body = { id: 'team-x', communityId: 'b-1', name: { 'zh-CN': 'X' }, activityTypes: [{ key: 'a', name: { 'zh-CN': 'A' } }] };
    assert.equal((await ctx.post('/v1/staff/volunteering/teams', body, STAFF)).status, 422);
    assert.equal((await ctx.post('/v1/staff/volunteering/teams', { ...body, communityId: 'c-2' }, STAFF)).status, 201);
    assert.equal((await ctx.post('/v1/staff/volunteering/teams', { ...body, communityId: 'c-2' }, STAFF)).status, 409);
    assert.equal((await ctx.post('/v1/staff/volunteering/teams', { ...body, id: 'team-y', activityTypes: [] }, STAFF)).status, 400);
  });
});
