import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import {
  EventListResponse,
  EventPublic,
  EventRegistrationPublic,
  StaffEvent,
  StaffEventRegistrationList,
  addDays,
  calendarDateOf,
} from '@doorstep/sdk';
import { eventFigures } from '../src/db/events.js';
import { forEachBackend, staffHeaders, useApp, type AppContext } from './harness.js';

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}
const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;

const today = () => calendarDateOf(new Date());
const staff = staffHeaders('events');

let sequence = 0;
/** Publishes an event `daysAhead` days from now through the staff API. */
async function publish(ctx: AppContext, overrides: Record<string, unknown> = {}, daysAhead = 10): Promise<StaffEvent> {
  const date = addDays(today(), daysAhead);
  const minute = String(sequence++ % 60).padStart(2, '0');
  const res = await ctx.post(
    '/v1/staff/events',
    {
      areaId: 'c-1',
      title: { 'zh-CN': `测试活动 ${sequence}`, en: `Test event ${sequence}` },
      place: { 'zh-CN': '社区活动室' },
      audience: { 'zh-CN': '所有居民' },
      startsAt: `${date}T14:${minute}:00+08:00`,
      endsAt: `${date}T16:${minute}:00+08:00`,
      capacity: 4,
      ...overrides,
    },
    staff,
  );
  assert.equal(res.status, 201, await res.clone().text());
  return StaffEvent.parse(await res.json());
}

async function signUp(ctx: AppContext, eventId: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return ctx.post(`/v1/events/${eventId}/registrations`, { name: '李梅', people: 1, ...body }, headers);
}

async function register(ctx: AppContext, eventId: string, phone: string, people = 1, extra: Record<string, unknown> = {}) {
  const res = await signUp(ctx, eventId, { phone, people, ...extra });
  assert.equal(res.status, 201, await res.clone().text());
  return EventRegistrationPublic.parse(await res.json());
}

async function status(ctx: AppContext, code: string) {
  return EventRegistrationPublic.parse(await (await ctx.request(`/v1/event-registrations/${code}`)).json());
}

async function seats(ctx: AppContext, eventId: string) {
  const event = EventPublic.parse(await (await ctx.request(`/v1/events/${eventId}`)).json());
  const [sum] = await ctx.db.query<{ n: number }>(
    `SELECT coalesce(sum(people), 0)::int AS n FROM event_registrations WHERE event_id = $1 AND status = 'confirmed'`,
    [eventId],
  );
  return { seatsLeft: event.seatsLeft, waitlisted: event.waitlisted, confirmedPeople: sum!.n };
}

forEachBackend('events', (backend) => {
  const ctx = useApp(backend);

  test('upcoming events for an area: its own, those above and below it; never those over', async () => {
    const res = await ctx.request('/v1/events?area=c-1');
    assert.equal(res.status, 200);
    const { events } = EventListResponse.parse(await res.json());
    const ids = events.map((event) => event.id);
    for (const id of ['ev-reading', 'ev-health-check', 'ev-paper-cutting', 'ev-anti-fraud']) assert.ok(ids.includes(id), id);
    assert.ok(!ids.includes('ev-guangming-clinic'), 'another community’s');
    assert.ok(!ids.includes('ev-reading-past'), 'over');
    assert.ok(events.every((event, i) => i === 0 || event.startsAt >= events[i - 1]!.startsAt), 'in time order');
    const cutting = events.find((event) => event.id === 'ev-paper-cutting')!;
    assert.deepEqual([cutting.capacity, cutting.seatsLeft, cutting.waitlisted], [6, 0, 2], 'seed: full, two waiting');
    assert.equal(cutting.registrationOpen, true);
    assert.match(cutting.startsAt, /T14:30:00\+08:00$/);
    const guangming = EventListResponse.parse(await (await ctx.request('/v1/events?area=c-2')).json());
    assert.deepEqual(guangming.events.map((event) => event.id).sort(), ['ev-anti-fraud', 'ev-guangming-clinic'], 'its own and the subdistrict’s');
    assert.equal((await ctx.request('/v1/events?area=nowhere')).status, 404);
    assert.equal((await ctx.request('/v1/events?from=2026-13-01')).status, 400);
    assert.equal((await ctx.request('/v1/events/no-such-event')).status, 404);
  });

  test('signing up confirms while seats last, then waitlists; the response is masked', async () => {
    const event = await publish(ctx, { capacity: 3 });
    const first = await signUp(ctx, event.id, { name: '张三丰', phone: '13912345678', people: 2 });
    assert.equal(first.status, 201);
    const text = await first.text();
    assert.doesNotMatch(text, /三丰|12345678/);
    const confirmed = EventRegistrationPublic.parse(JSON.parse(text));
    assert.match(confirmed.code, /^EV-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    assert.equal(confirmed.status, 'confirmed');
    assert.equal(confirmed.waitlistPosition, null);
    assert.equal(confirmed.name, '张**');
    assert.equal(confirmed.phone, '139****5678');
    const tooMany = await register(ctx, event.id, '13900000002', 2);
    assert.equal(tooMany.status, 'waitlisted', 'only one seat left for two people');
    assert.equal(tooMany.waitlistPosition, 1);
    const single = await register(ctx, event.id, '13900000003', 1);
    assert.equal(single.status, 'waitlisted', 'nobody jumps the queue, even into a free seat');
    assert.equal(single.waitlistPosition, 2);
    assert.deepEqual(await seats(ctx, event.id), { seatsLeft: 1, waitlisted: 2, confirmedPeople: 2 });
  });

  test('cancelling promotes the waitlist in sign-up order, in the same transaction', async () => {
    const event = await publish(ctx, { capacity: 4 });
    const a = await register(ctx, event.id, '13800000001', 2);
    const b = await register(ctx, event.id, '13800000002', 2);
    const c = await register(ctx, event.id, '13800000003', 3); // waits: 3 > 0 free
    const d = await register(ctx, event.id, '13800000004', 1); // waits behind c
    const e = await register(ctx, event.id, '13800000005', 1); // waits behind d
    assert.deepEqual([a.status, b.status, c.status, d.status, e.status], ['confirmed', 'confirmed', 'waitlisted', 'waitlisted', 'waitlisted']);

    // Two seats free: c (3 people) is first and does not fit, so nobody behind c moves up.
    const res = await ctx.post(`/v1/event-registrations/${a.code}/cancel`, { phone: '13800000001' });
    assert.equal(res.status, 200);
    assert.equal(EventRegistrationPublic.parse(await res.json()).status, 'cancelled');
    assert.deepEqual([(await status(ctx, c.code)).status, (await status(ctx, d.code)).status], ['waitlisted', 'waitlisted']);
    assert.deepEqual(await seats(ctx, event.id), { seatsLeft: 2, waitlisted: 3, confirmedPeople: 2 });

    // Four free: c (3) fits and is promoted, then d (1) fills the last seat; e keeps waiting, now first.
    await ctx.post(`/v1/event-registrations/${b.code}/cancel`, { phone: '13800000002' });
    const [cNow, dNow, eNow] = [await status(ctx, c.code), await status(ctx, d.code), await status(ctx, e.code)];
    assert.deepEqual([cNow.status, dNow.status, eNow.status], ['confirmed', 'confirmed', 'waitlisted']);
    assert.equal(eNow.waitlistPosition, 1);
    assert.deepEqual(await seats(ctx, event.id), { seatsLeft: 0, waitlisted: 1, confirmedPeople: 4 });

    const list = StaffEventRegistrationList.parse(
      await (await ctx.request(`/v1/staff/events/${event.id}/registrations`, { headers: staff })).json(),
    );
    const promoted = list.registrations.filter((r) => r.promotedAt !== null).map((r) => r.phone);
    assert.deepEqual(promoted, ['13800000003', '13800000004']);
    assert.deepEqual(list.registrations.map((r) => r.queuePosition), [...list.registrations.map((r) => r.queuePosition)].sort((x, y) => x - y));
  });

  test('cancelling a waitlisted registration moves those behind it up and frees no seats', async () => {
    const event = await publish(ctx, { capacity: 1 });
    await register(ctx, event.id, '13700000001');
    const w1 = await register(ctx, event.id, '13700000002');
    const w2 = await register(ctx, event.id, '13700000003');
    assert.equal(w2.waitlistPosition, 2);
    await ctx.post(`/v1/event-registrations/${w1.code}/cancel`, { phone: '13700000002' });
    const after = await status(ctx, w2.code);
    assert.deepEqual([after.status, after.waitlistPosition], ['waitlisted', 1]);
    assert.deepEqual(await seats(ctx, event.id), { seatsLeft: 0, waitlisted: 1, confirmedPeople: 1 });
  });

  test('concurrent sign-ups never overbook, and the waitlist keeps a strict order', async () => {
    const event = await publish(ctx, { capacity: 5 });
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signUp(ctx, event.id, { phone: `1350000${String(1000 + i)}`, people: 1 })),
    );
    assert.ok(responses.every((r) => r.status === 201));
    const views = await Promise.all(responses.map(async (r) => EventRegistrationPublic.parse(await r.json())));
    assert.equal(views.filter((v) => v.status === 'confirmed').length, 5);
    assert.deepEqual(
      views.filter((v) => v.status === 'waitlisted').map((v) => v.waitlistPosition).sort((a, b) => a! - b!),
      [1, 2, 3, 4, 5, 6, 7],
    );
    assert.deepEqual(await seats(ctx, event.id), { seatsLeft: 0, waitlisted: 7, confirmedPeople: 5 });
  });

  test('concurrent cancellations promote each waiting registration exactly once', async () => {
    const event = await publish(ctx, { capacity: 3 });
    const seated = [await register(ctx, event.id, '13300000001'), await register(ctx, event.id, '13300000002'), await register(ctx, event.id, '13300000003')];
    const waiting = [await register(ctx, event.id, '13300000004'), await register(ctx, event.id, '13300000005')];
    const results = await Promise.all(
      seated.map((r, i) => ctx.post(`/v1/event-registrations/${r.code}/cancel`, { phone: `1330000000${i + 1}` })),
    );
    assert.deepEqual(results.map((r) => r.status), [200, 200, 200]);
    assert.deepEqual((await Promise.all(waiting.map((r) => status(ctx, r.code)))).map((r) => r.status), ['confirmed', 'confirmed']);
    assert.deepEqual(await seats(ctx, event.id), { seatsLeft: 1, waitlisted: 0, confirmedPeople: 2 });
  });

  test('the database refuses more confirmed seats than the capacity (CHECK constraint)', async () => {
    const event = await publish(ctx, { capacity: 2 });
    await assert.rejects(ctx.db.query(`UPDATE events SET seats_taken = 3 WHERE id = $1`, [event.id]), /events_seats/);
  });

  test('party size, children’s ages and one sign-up per phone are checked', async () => {
    const event = await publish(ctx, { capacity: 10, maxPartySize: 3, asksChildrenAges: true });
    const big = await signUp(ctx, event.id, { phone: '13400000001', people: 4, childrenAges: [5] }, { 'accept-language': 'en' });
    assert.equal(big.status, 422);
    assert.equal((await errorOf(big)).fields?.people, 'At most 3 people per sign-up for this event.');
    const noAges = await signUp(ctx, event.id, { phone: '13400000001', people: 2 });
    assert.equal(noAges.status, 422);
    assert.ok((await errorOf(noAges)).fields?.childrenAges);
    const tooManyKids = await signUp(ctx, event.id, { phone: '13400000001', people: 1, childrenAges: [3, 5] });
    assert.equal(tooManyKids.status, 422);
    const badAge = await signUp(ctx, event.id, { phone: '13400000001', people: 2, childrenAges: [25] });
    assert.equal(badAge.status, 400);
    assert.ok((await errorOf(badAge)).fields?.['childrenAges.0']);
    const ok = await register(ctx, event.id, '13400000001', 3, { childrenAges: [3, 6] });
    assert.deepEqual(ok.childrenAges, [3, 6]);
    const again = await signUp(ctx, event.id, { phone: '+86 134 0000 0001', people: 1, childrenAges: [4] });
    assert.equal(again.status, 409);
    assert.ok((await errorOf(again)).fields?.phone);

    const plain = await publish(ctx, { capacity: 10 });
    const ignored = await register(ctx, plain.id, '13400000002', 2, { childrenAges: [7] });
    assert.deepEqual(ignored.childrenAges, [], 'ages are not kept where the event does not ask');
  });

  test('a repeat with the same Idempotency-Key registers once; a cancelled phone can sign up again', async () => {
    const event = await publish(ctx, { capacity: 5 });
    const key = randomUUID();
    const first = await signUp(ctx, event.id, { phone: '13200000001' }, { 'idempotency-key': key });
    const replay = await signUp(ctx, event.id, { phone: '13200000001' }, { 'idempotency-key': key });
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    const firstText = await first.text();
    assert.equal(await replay.text(), firstText);
    const { code } = EventRegistrationPublic.parse(JSON.parse(firstText));
    assert.deepEqual(await seats(ctx, event.id), { seatsLeft: 4, waitlisted: 0, confirmedPeople: 1 });
    // The same key on another event is another submission.
    const other = await publish(ctx, { capacity: 5 });
    assert.equal((await signUp(ctx, other.id, { phone: '13200000001' }, { 'idempotency-key': key })).status, 201);
    await ctx.post(`/v1/event-registrations/${code}/cancel`, { phone: '13200000001' });
    assert.equal((await signUp(ctx, event.id, { phone: '13200000001' })).status, 201);
  });

  test('cancellation needs the full phone, can be repeated, and closes when the event starts', async () => {
    const event = await publish(ctx, { capacity: 2 });
    const r = await register(ctx, event.id, '13100000001');
    const lastFour = await ctx.post(`/v1/event-registrations/${r.code}/cancel`, { phone: '0001' });
    assert.equal(lastFour.status, 400);
    const wrong = await ctx.post(`/v1/event-registrations/${r.code}/cancel`, { phone: '13100000009' });
    assert.equal(wrong.status, 422);
    assert.ok((await errorOf(wrong)).fields?.phone);
    const loose = r.code.toLowerCase().replace(/-/g, '');
    assert.equal((await ctx.post(`/v1/event-registrations/${loose}/cancel`, { phone: '131-0000-0001' })).status, 200);
    assert.equal((await ctx.post(`/v1/event-registrations/${r.code}/cancel`, { phone: '13100000001' })).status, 200);
    assert.deepEqual(await seats(ctx, event.id), { seatsLeft: 2, waitlisted: 0, confirmedPeople: 0 });

    const started = await publish(ctx, { capacity: 2 });
    const late = await register(ctx, started.id, '13100000002');
    await ctx.db.query(`UPDATE events SET starts_at = now() - interval '10 minutes', ends_at = now() + interval '1 hour' WHERE id = $1`, [started.id]);
    const tooLate = await ctx.post(`/v1/event-registrations/${late.code}/cancel`, { phone: '13100000002' });
    assert.equal(tooLate.status, 409);
    assert.match((await errorOf(tooLate)).message, /已经开始/);
    assert.equal((await signUp(ctx, started.id, { phone: '13100000003' })).status, 409, 'sign-up closes at the start');
    assert.equal((await ctx.post('/v1/event-registrations/EV-ZZZZ-ZZZZ/cancel', { phone: '13100000002' })).status, 404);
    assert.equal((await ctx.request('/v1/event-registrations/not-a-code')).status, 404);
  });

  test('staff: publish (idempotent, checked), edit with a growing revision, capacity up promotes, down refused', async () => {
    const date = addDays(today(), 20);
    const body = {
      areaId: 'cp-2',
      title: { 'zh-CN': '阳光小区 亲子运动会' },
      place: { 'zh-CN': '阳光小区 中心花园' },
      audience: { 'zh-CN': '亲子家庭' },
      startsAt: `${date}T09:00:00+08:00`,
      endsAt: `${date}T11:00:00+08:00`,
      capacity: 2,
    };
    const key = randomUUID();
    const created = await ctx.post('/v1/staff/events', body, { ...staff, 'idempotency-key': key });
    assert.equal(created.status, 201);
    const event = StaffEvent.parse(await created.clone().json());
    assert.deepEqual([event.maxPartySize, event.asksChildrenAges, event.revision, event.createdBy], [4, false, 0, 'staff:events']);
    const replay = await ctx.post('/v1/staff/events', body, { ...staff, 'idempotency-key': key });
    assert.equal(await replay.text(), await created.text());

    const bad = await ctx.post('/v1/staff/events', { ...body, areaId: 'nowhere', endsAt: body.startsAt }, staff);
    assert.equal(bad.status, 422);
    assert.deepEqual(Object.keys((await errorOf(bad)).fields ?? {}).sort(), ['areaId', 'endsAt']);

    await register(ctx, event.id, '13000000001', 2);
    const waiting = await register(ctx, event.id, '13000000002', 1);
    const patch = (changes: Record<string, unknown>, headers = staff) =>
      ctx.request(`/v1/staff/events/${event.id}`, { method: 'PATCH', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(changes) });
    const lower = await patch({ capacity: 1 });
    assert.equal(lower.status, 422);
    assert.match((await errorOf(lower)).fields?.capacity ?? '', /2 人/);
    const more = await patch({ capacity: 3, title: { 'zh-CN': '阳光小区 亲子运动会（改期）' } });
    assert.equal(more.status, 200);
    const edited = StaffEvent.parse(await more.json());
    assert.deepEqual([edited.revision, edited.updatedBy, edited.capacity, edited.seatsLeft], [1, 'staff:events', 3, 0]);
    assert.equal((await status(ctx, waiting.code)).status, 'confirmed', 'the new seat went to the waitlist');
    assert.equal((await patch({})).status, 200);
    assert.equal((await patch({ capacity: 0 })).status, 400);
    assert.equal((await patch({ capacity: 5 }, staffHeaders('appointments'))).status, 403);
    assert.equal((await ctx.request('/v1/staff/events/none', { method: 'PATCH', headers: { ...staff, 'content-type': 'application/json' }, body: '{"capacity":5}' })).status, 404);

    const cancelled = StaffEvent.parse(await (await patch({ status: 'cancelled' })).json());
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.registrationOpen, false);
    assert.equal((await signUp(ctx, event.id, { phone: '13000000003' })).status, 409);
    assert.equal((await ctx.post('/v1/staff/events', body)).status, 401);
  });

  test('.ics: CRLF lines, escaping, UTC times, a stable UID, DTSTAMP, SEQUENCE; cancelled events say so', async () => {
    const event = await publish(ctx, {
      title: { 'zh-CN': '讲座：防诈骗, 保平安; 第\\1期', en: 'Talk: scams, safety; part\\1' },
      place: { 'zh-CN': '和平街道办事处三楼会议室（请从东门进入，电梯到三楼后右转，沿走廊走到尽头的大会议室）' },
      description: { 'zh-CN': '第一行\n第二行' },
      startsAt: `${addDays(today(), 12)}T09:30:00+08:00`,
      endsAt: `${addDays(today(), 12)}T11:00:00+08:00`,
    });
    const res = await ctx.request(`/v1/events/${event.id}/calendar.ics`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="event-[\w-]+\.ics"$/);
    const body = await res.text();
    assert.ok(body.endsWith('\r\n'));
    assert.doesNotMatch(body.replace(/\r\n/g, ''), /[\r\n]/, 'every line ends in CRLF');
    const physical = body.split('\r\n').slice(0, -1);
    for (const line of physical) assert.ok(new TextEncoder().encode(line).length <= 75, `line over 75 octets: ${line}`);
    const unfolded = body.replace(/\r\n /g, '').split('\r\n');
    const value = (name: string) => unfolded.find((line) => line.startsWith(`${name}:`))?.slice(name.length + 1);
    assert.equal(unfolded[0], 'BEGIN:VCALENDAR');
    assert.equal(value('VERSION'), '2.0');
    assert.equal(value('SUMMARY'), '讲座：防诈骗\\, 保平安\\; 第\\\\1期');
    assert.equal(value('UID'), `event-${event.id}@doorstep`);
    const startUtc = new Date(`${addDays(today(), 12)}T09:30:00+08:00`).toISOString().replace(/[-:]/g, '').replace('.000', '');
    assert.equal(value('DTSTART'), startUtc);
    assert.match(value('DTSTAMP') ?? '', /^\d{8}T\d{6}Z$/);
    assert.equal(value('SEQUENCE'), '0');
    assert.equal(value('STATUS'), 'CONFIRMED');
    assert.match(value('DESCRIPTION') ?? '', /^第一行\\n第二行\\n\\n所有居民$/);
    assert.ok(physical.some((line) => line.startsWith(' ')), 'the long location was folded');
    assert.ok(body.includes('LOCATION:'), 'location present');

    const english = await (await ctx.request(`/v1/events/${event.id}/calendar.ics?lang=en`)).text();
    assert.match(english, /SUMMARY:Talk: scams\\, safety\\; part\\\\1\r\n/);
    await ctx.request(`/v1/staff/events/${event.id}`, { method: 'PATCH', headers: { ...staff, 'content-type': 'application/json' }, body: '{"status":"cancelled"}' });
    const cancelled = await (await ctx.request(`/v1/events/${event.id}/calendar.ics`)).text();
    assert.match(cancelled, /\r\nSEQUENCE:1\r\n/);
    assert.match(cancelled, /\r\nSTATUS:CANCELLED\r\n/);
    assert.equal((await ctx.request('/v1/events/none/calendar.ics')).status, 404);
  });

  test('registrations as CSV: BOM, CRLF, localized header, quoting, no formula injection; staff only', async () => {
    const event = await publish(ctx, { capacity: 3, asksChildrenAges: true, maxPartySize: 3 });
    await register(ctx, event.id, '13900001111', 3, { name: '=HYPERLINK("http://x","点我")', childrenAges: [4, 7] });
    await register(ctx, event.id, '13900002222', 1, { name: '王, "小明"', childrenAges: [5] });
    const res = await ctx.request(`/v1/staff/events/${event.id}/registrations.csv`, { headers: staff });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const bytes = new Uint8Array(await res.clone().arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    const csv = await res.text();
    const lines = csv.split('\r\n');
    assert.equal(lines.at(-1), '', 'ends with CRLF');
    assert.equal(lines[0], '报名顺序,报名码,状态,候补位置,姓名,电话,人数,孩子年龄,报名时间,转为正式时间,取消时间');
    assert.match(lines[1]!, /,已报名,,"'=HYPERLINK\(""http:\/\/x"",""点我""\)",13900001111,3,"4, 7",\d{4}-\d{2}-\d{2} \d{2}:\d{2},,$/);
    assert.match(lines[2]!, /,候补,1,"王, ""小明""",13900002222,1,5,/);
    const english = await (await ctx.request(`/v1/staff/events/${event.id}/registrations.csv`, { headers: { ...staff, 'accept-language': 'en' } })).text();
    assert.match(english, /^Sign-up order,Code,Status,Waitlist position,Name,Phone,People,/, 'text() drops the BOM');
    assert.equal((await ctx.request(`/v1/staff/events/${event.id}/registrations.csv`)).status, 401);
    assert.equal((await ctx.request(`/v1/staff/events/${event.id}/registrations`, { headers: staffHeaders('canteen') })).status, 403);
  });

  test('figures: events held and participants by area and period', async () => {
    // 翠竹苑 (cp-5, in 光明社区 c-2) has no sample events: everything counted here is made here.
    const held = await publish(ctx, { areaId: 'cp-5', capacity: 5 });
    await register(ctx, held.id, '15900000001', 2);
    await register(ctx, held.id, '15900000002', 3);
    await register(ctx, held.id, '15900000003', 1); // waitlisted: not a participant
    const called = await publish(ctx, { areaId: 'cp-5', capacity: 5 });
    await register(ctx, called.id, '15900000004', 2);
    await ctx.request(`/v1/staff/events/${called.id}`, { method: 'PATCH', headers: { ...staff, 'content-type': 'application/json' }, body: '{"status":"cancelled"}' });
    const upcoming = await publish(ctx, { areaId: 'cp-5', capacity: 5 });
    await register(ctx, upcoming.id, '15900000005', 4);
    await ctx.db.query(
      `UPDATE events SET starts_at = now() - interval '3 days', ends_at = now() - interval '3 days' + interval '2 hours' WHERE id = ANY($1)`,
      [[held.id, called.id]],
    );

    const lastWeek = { from: new Date(Date.now() - 7 * 86_400_000), to: new Date() };
    assert.deepEqual(await eventFigures(ctx.db, { areaId: 'cp-5', ...lastWeek }), { held: 1, participants: 5 });
    assert.deepEqual(await eventFigures(ctx.db, { areaId: 'c-2', ...lastWeek }), { held: 1, participants: 5 }, 'a community counts its compounds');
    assert.deepEqual(await eventFigures(ctx.db, { areaId: 'cp-5', from: new Date(Date.now() - 86_400_000), to: null }), { held: 0, participants: 0 });
    const xingfuli = await eventFigures(ctx.db, { areaId: 'c-1', from: new Date(Date.now() - 15 * 86_400_000), to: null });
    assert.ok(xingfuli.held >= 1 && xingfuli.participants >= 7, 'the sample reading of last Saturday (2 + 3 + 2 people)');
    const everywhere = await eventFigures(ctx.db, { from: null, to: null });
    assert.ok(everywhere.held >= xingfuli.held + 1);
  });
});
