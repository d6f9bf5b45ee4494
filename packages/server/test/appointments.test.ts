import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import {
  AppointmentDay,
  AppointmentPublic,
  AppointmentServiceListResponse,
  AppointmentSlotListResponse,
  AppointmentSlotsPublished,
  StaffAppointment,
  addDays,
  calendarDateOf,
  type StaffAppointmentSlot,
} from '@doorstep/sdk';
import { takePlace } from '../src/db/appointments.js';
import { forEachBackend, staffHeaders, useApp, type AppContext } from './harness.js';

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

const today = () => calendarDateOf(new Date());
const SLOTS = '/v1/staff/appointments/slots';
const staff = staffHeaders('appointments');

let minute = 0;
/**
 * Publishes slots `daysAhead` days from now (beyond the seeded fortnight), each at a minute no other
 * test uses, so tests never share a slot.
 */
async function publish(ctx: AppContext, serviceId: string, capacities: number[], daysAhead = 30): Promise<StaffAppointmentSlot[]> {
  const date = addDays(today(), daysAhead);
  const slots = capacities.map((capacity) => {
    const start = minute++;
    const at = (m: number) => `${date}T${String(6 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00+08:00`;
    return { startsAt: at(start), endsAt: at(start + 1), capacity };
  });
  const res = await ctx.post(SLOTS, { serviceId, slots }, staff);
  assert.equal(res.status, 201, await res.clone().text());
  return AppointmentSlotsPublished.parse(await res.json()).slots;
}

function book(ctx: AppContext, slotId: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return ctx.post(
    '/v1/appointments',
    { mode: 'on_site', serviceId: 'pension-check', slotId, name: '王秀英', phone: '13912345678', ...extra },
    headers,
  );
}

async function booked(ctx: AppContext, slotId: string): Promise<{ booked: number; holding: number }> {
  const [slot] = await ctx.db.query<{ booked: number }>(`SELECT booked FROM appointment_slots WHERE id = $1`, [slotId]);
  const [count] = await ctx.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM appointments WHERE slot_id = $1 AND status <> 'cancelled'`,
    [slotId],
  );
  return { booked: slot!.booked, holding: count!.n };
}

/** Moves a slot into the past (as if its time had come), keeping its bookings. */
async function startSlot(ctx: AppContext, slotId: string, minutesAgo = 60): Promise<void> {
  await ctx.db.query(
    `UPDATE appointment_slots SET starts_at = now() - make_interval(mins => $2), ends_at = now() - make_interval(mins => $2) + interval '30 minutes' WHERE id = $1`,
    [slotId, minutesAgo],
  );
}

const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;

forEachBackend('appointments', (backend) => {
  const ctx = useApp(backend);

  test('services for an area include those above and below it, with their materials', async () => {
    const all = AppointmentServiceListResponse.parse(await (await ctx.request('/v1/appointments/services')).json());
    assert.deepEqual(all.services.map((s) => s.id), ['pension-check', 'veteran-card', 'senior-card', 'pension-check-guangming']);
    const res = await ctx.request('/v1/appointments/services?area=c-1');
    const { services } = AppointmentServiceListResponse.parse(await res.json());
    assert.deepEqual(services.map((s) => s.id), ['pension-check', 'veteran-card', 'senior-card'], 'sd-1 is above c-1; c-2 is not');
    const veteran = services.find((s) => s.id === 'veteran-card')!;
    assert.equal(veteran.name['zh-CN'], '优抚卡（退役军人优待证）办理');
    assert.equal(veteran.materials.length, 4);
    assert.equal(veteran.homeVisit, true);
    const building = AppointmentServiceListResponse.parse(await (await ctx.request('/v1/appointments/services?area=b-9')).json());
    assert.deepEqual(building.services.map((s) => s.id), ['veteran-card', 'pension-check-guangming']);
    assert.equal((await ctx.request('/v1/appointments/services?area=nowhere')).status, 404);
  });

  test('the seeded slots list with what remains; a full one shows 0; times carry +08:00', async () => {
    const res = await ctx.request('/v1/appointments/services/pension-check/slots');
    assert.equal(res.status, 200);
    const { slots } = AppointmentSlotListResponse.parse(await res.json());
    assert.ok(slots.length >= 25, `${slots.length} slots`);
    assert.match(slots[0]!.startsAt, /^\d{4}-\d{2}-\d{2}T09:00:00\+08:00$/);
    assert.deepEqual(slots.slice(0, 3).map((s) => s.remaining), [0, 1, 3]);
    assert.ok(slots.every((s, i) => i === 0 || s.startsAt >= slots[i - 1]!.startsAt), 'in time order');
    assert.equal((await ctx.request('/v1/appointments/services/nope/slots')).status, 404);
    const bad = await ctx.request('/v1/appointments/services/pension-check/slots?from=2026-02-30', { headers: { 'accept-language': 'en' } });
    assert.equal(bad.status, 400);
    assert.equal((await errorOf(bad)).fields?.from, 'Enter a date as YYYY-MM-DD, for example 2026-11-23.');
  });

  test('slots that have started are not offered', async () => {
    const [slot] = await publish(ctx, 'senior-card', [4]);
    await startSlot(ctx, slot!.id, 30);
    const from = addDays(today(), -1);
    const res = await ctx.request(`/v1/appointments/services/senior-card/slots?from=${from}`);
    const { slots } = AppointmentSlotListResponse.parse(await res.json());
    assert.ok(!slots.some((s) => s.id === slot!.id));
  });

  test('booking on site answers 201 with a masked view and an AP- code that GET finds again', async () => {
    const [slot] = await publish(ctx, 'pension-check', [3]);
    const res = await book(ctx, slot!.id, { name: '张三丰', phone: '+86 139-1234-5678' });
    assert.equal(res.status, 201);
    const text = await res.text();
    assert.doesNotMatch(text, /三丰|12345678/);
    const created = AppointmentPublic.parse(JSON.parse(text));
    assert.match(created.code, /^AP-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    assert.equal(created.status, 'booked');
    assert.equal(created.mode, 'on_site');
    assert.equal(created.name, '张**');
    assert.equal(created.phone, '139****5678');
    assert.deepEqual(created.slot, { id: slot!.id, startsAt: slot!.startsAt, endsAt: slot!.endsAt });
    assert.equal(created.place?.['zh-CN'], '幸福里社区党群服务中心一楼 2 号窗口');
    assert.equal(created.materials.length, 2);
    assert.equal(created.preferredDate, null);
    assert.match(created.createdAt, /\+08:00$/);
    assert.deepEqual(await booked(ctx, slot!.id), { booked: 1, holding: 1 });

    const loose = created.code.toLowerCase().replace(/-/g, ' ');
    const found = await ctx.request(`/v1/appointments/${encodeURIComponent(loose)}`);
    assert.equal(found.status, 200);
    assert.deepEqual(await found.json(), created);
    const [stored] = await ctx.db.query<{ name: string; phone: string }>(`SELECT name, phone FROM appointments WHERE code = $1`, [created.code]);
    assert.deepEqual(stored, { name: '张三丰', phone: '+86 139-1234-5678' });
    assert.equal((await ctx.request('/v1/appointments/AP-XXXX-XXXX')).status, 404);
    assert.equal((await ctx.request('/v1/appointments/not-a-code')).status, 404);
  });

  test('a full slot refuses the next booking with 409 naming the slot, and nothing is stored', async () => {
    const [slot] = await publish(ctx, 'pension-check', [2]);
    assert.equal((await book(ctx, slot!.id)).status, 201);
    assert.equal((await book(ctx, slot!.id)).status, 201);
    const third = await book(ctx, slot!.id, {}, { 'accept-language': 'en' });
    assert.equal(third.status, 409);
    const error = await errorOf(third);
    assert.equal(error.code, 'conflict');
    assert.equal(error.fields?.slotId, 'This time has just been fully booked. Please choose another.');
    assert.deepEqual(await booked(ctx, slot!.id), { booked: 2, holding: 2 });
  });

  test('concurrent bookings never overbook: 12 residents at once for 3 places', async () => {
    const [slot] = await publish(ctx, 'pension-check', [3]);
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => book(ctx, slot!.id, { phone: `1391234${String(5600 + i)}` })),
    );
    const statuses = responses.map((r) => r.status).sort();
    assert.deepEqual(statuses, [201, 201, 201, ...Array(9).fill(409)]);
    assert.deepEqual(await booked(ctx, slot!.id), { booked: 3, holding: 3 });
  });

  test('the conditional update waits for a concurrent booking and then finds the slot full', async () => {
    const [slot] = await publish(ctx, 'senior-card', [1]);
    const order: string[] = [];
    let firstTook: () => void = () => {};
    const tookPlace = new Promise<void>((resolve) => (firstTook = resolve));
    const first = ctx.db.transaction(async (tx) => {
      const row = await takePlace(tx, slot!.id);
      order.push('first took');
      firstTook();
      // Hold the row lock a while: the second booking must wait for this commit, not slip past it.
      await new Promise((resolve) => setTimeout(resolve, 150));
      order.push('first commits');
      return row;
    });
    await tookPlace;
    const second = ctx.db.transaction(async (tx) => {
      const row = await takePlace(tx, slot!.id);
      order.push('second answered');
      return row;
    });
    const [a, b] = await Promise.all([first, second]);
    assert.equal(a?.booked, 1);
    assert.equal(b, undefined, 'the second saw the committed booking');
    assert.deepEqual(order, ['first took', 'first commits', 'second answered']);
  });

  test('the database itself refuses more bookings than places (CHECK constraint)', async () => {
    const [slot] = await publish(ctx, 'senior-card', [2]);
    await assert.rejects(
      ctx.db.query(`UPDATE appointment_slots SET booked = capacity + 1 WHERE id = $1`, [slot!.id]),
      /appointment_slots_capacity/,
    );
  });

  test('a retried booking with the same Idempotency-Key books once and replays the answer', async () => {
    const [slot] = await publish(ctx, 'pension-check', [5]);
    const key = randomUUID();
    const first = await book(ctx, slot!.id, {}, { 'idempotency-key': key });
    const again = await book(ctx, slot!.id, {}, { 'idempotency-key': key });
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(await again.text(), await first.text());
    const concurrent = await Promise.all(Array.from({ length: 4 }, () => book(ctx, slot!.id, { name: '李四' }, { 'idempotency-key': `${key}-b` })));
    assert.equal(new Set(await Promise.all(concurrent.map((r) => r.text()))).size, 1);
    assert.deepEqual(await booked(ctx, slot!.id), { booked: 2, holding: 2 });
    const other = await book(ctx, slot!.id, { name: '别人' }, { 'idempotency-key': key });
    assert.equal(other.status, 422);
    assert.equal((await errorOf(other)).code, 'idempotency_key_reused');
  });

  test('bad bookings are refused with a message per field', async () => {
    const [slot] = await publish(ctx, 'pension-check', [5]);
    const missing = await ctx.post('/v1/appointments', { serviceId: 'pension-check', name: '王', phone: '13912345678' });
    assert.equal(missing.status, 400);
    assert.ok((await errorOf(missing)).fields?.mode);
    const invalid = await book(ctx, slot!.id, { phone: '12345', name: '' });
    assert.equal(invalid.status, 400);
    assert.deepEqual(Object.keys((await errorOf(invalid)).fields ?? {}).sort(), ['name', 'phone']);
    const service = await book(ctx, slot!.id, { serviceId: 'no-such-service' });
    assert.equal(service.status, 422);
    assert.ok((await errorOf(service)).fields?.serviceId);
    const wrong = await book(ctx, slot!.id, { serviceId: 'veteran-card' }, { 'accept-language': 'en' });
    assert.equal(wrong.status, 422);
    assert.equal((await errorOf(wrong)).fields?.slotId, 'This time belongs to a different service. Please choose again.');
    const unknown = await book(ctx, 'no-such-slot');
    assert.equal(unknown.status, 422);
    const [past] = await publish(ctx, 'pension-check', [5]);
    await startSlot(ctx, past!.id);
    const late = await book(ctx, past!.id);
    assert.equal(late.status, 422);
    assert.equal((await errorOf(late)).fields?.slotId, '这个时间段已经开始或已经过去了，请另选一个。');
    assert.deepEqual(await booked(ctx, slot!.id), { booked: 0, holding: 0 });
  });

  test('a home visit needs an address, a reason and a day from tomorrow; the public view hides both', async () => {
    const visit = {
      mode: 'home_visit',
      serviceId: 'pension-check',
      preferredDate: addDays(today(), 3),
      address: '幸福花园 3号楼 2单元 502',
      reason: '老人卧床，行动不便',
      name: '赵大爷',
      phone: '13712345678',
    };
    const res = await ctx.post('/v1/appointments', visit);
    assert.equal(res.status, 201);
    const text = await res.text();
    assert.doesNotMatch(text, /502|卧床|大爷/);
    const created = AppointmentPublic.parse(JSON.parse(text));
    assert.equal(created.mode, 'home_visit');
    assert.equal(created.slot, null);
    assert.equal(created.place, null);
    assert.equal(created.preferredDate, visit.preferredDate);

    const noAddress = await ctx.post('/v1/appointments', { ...visit, address: '' });
    assert.equal(noAddress.status, 400);
    assert.ok((await errorOf(noAddress)).fields?.address);
    for (const preferredDate of [today(), addDays(today(), 61)]) {
      const outOfRange = await ctx.post('/v1/appointments', { ...visit, preferredDate }, { 'accept-language': 'en' });
      assert.equal(outOfRange.status, 422, preferredDate);
      assert.equal((await errorOf(outOfRange)).fields?.preferredDate, 'Choose a day for the visit from tomorrow up to 60 days ahead.');
    }
    const notOffered = await ctx.post('/v1/appointments', { ...visit, serviceId: 'senior-card' });
    assert.equal(notOffered.status, 422);
    assert.ok((await errorOf(notOffered)).fields?.mode);
  });

  test('cancelling needs the full phone number, frees the place, and can be repeated', async () => {
    const [slot] = await publish(ctx, 'pension-check', [1]);
    const { code } = AppointmentPublic.parse(await (await book(ctx, slot!.id, { phone: '13912345678' })).json());
    const cancel = (phone: string, headers: Record<string, string> = {}) => ctx.post(`/v1/appointments/${code}/cancel`, { phone }, headers);

    const lastFour = await cancel('5678');
    assert.equal(lastFour.status, 400, 'the last four digits alone are not a phone number');
    const wrong = await cancel('13900000000', { 'accept-language': 'en' });
    assert.equal(wrong.status, 422);
    assert.equal((await errorOf(wrong)).fields?.phone, 'This is not the phone number the appointment was booked with. Enter that number in full.');
    assert.deepEqual(await booked(ctx, slot!.id), { booked: 1, holding: 1 });

    const done = await cancel('+86 139 1234 5678');
    assert.equal(done.status, 200);
    const cancelled = AppointmentPublic.parse(await done.json());
    assert.equal(cancelled.status, 'cancelled');
    assert.deepEqual(await booked(ctx, slot!.id), { booked: 0, holding: 0 });
    const again = await cancel('13912345678');
    assert.equal(again.status, 200);
    assert.equal(AppointmentPublic.parse(await again.json()).status, 'cancelled');
    assert.deepEqual(await booked(ctx, slot!.id), { booked: 0, holding: 0 }, 'a repeat frees nothing more');
    assert.equal((await book(ctx, slot!.id)).status, 201, 'the freed place can be booked');
    assert.equal((await ctx.post('/v1/appointments/AP-ZZZZ-ZZZZ/cancel', { phone: '13912345678' })).status, 404);
  });

  test('an appointment whose time has come cannot be cancelled or moved', async () => {
    const [slot, other] = await publish(ctx, 'pension-check', [2, 2]);
    const { code } = AppointmentPublic.parse(await (await book(ctx, slot!.id)).json());
    await startSlot(ctx, slot!.id);
    const cancel = await ctx.post(`/v1/appointments/${code}/cancel`, { phone: '13912345678' });
    assert.equal(cancel.status, 409);
    assert.equal((await errorOf(cancel)).message, '预约的时间已经开始或已经过去，不能再取消或改约。');
    const move = await ctx.post(`/v1/appointments/${code}/reschedule`, { phone: '13912345678', slotId: other!.id });
    assert.equal(move.status, 409);
    assert.deepEqual(await booked(ctx, slot!.id), { booked: 1, holding: 1 });
  });

  test('rescheduling moves the place from the old slot to the new one, never into a full one', async () => {
    const [from, to, full] = await publish(ctx, 'pension-check', [2, 2, 1]);
    const { code } = AppointmentPublic.parse(await (await book(ctx, from!.id)).json());
    await book(ctx, full!.id, { phone: '13611112222' });
    const move = (body: Record<string, unknown>) => ctx.post(`/v1/appointments/${code}/reschedule`, { phone: '13912345678', ...body });

    const intoFull = await move({ slotId: full!.id });
    assert.equal(intoFull.status, 409);
    assert.ok((await errorOf(intoFull)).fields?.slotId);
    assert.deepEqual(await booked(ctx, from!.id), { booked: 1, holding: 1 }, 'unchanged after the refusal');

    const missing = await move({});
    assert.equal(missing.status, 422);
    assert.ok((await errorOf(missing)).fields?.slotId);
    assert.equal((await move({ slotId: (await publish(ctx, 'senior-card', [1]))[0]!.id })).status, 422);

    const moved = await move({ slotId: to!.id });
    assert.equal(moved.status, 200);
    const view = AppointmentPublic.parse(await moved.json());
    assert.equal(view.slot?.id, to!.id);
    assert.equal(view.code, code, 'the code stays');
    assert.deepEqual(await booked(ctx, from!.id), { booked: 0, holding: 0 });
    assert.deepEqual(await booked(ctx, to!.id), { booked: 1, holding: 1 });
    const same = await move({ slotId: to!.id });
    assert.equal(same.status, 200, 'moving to where it already is changes nothing');
    assert.deepEqual(await booked(ctx, to!.id), { booked: 1, holding: 1 });

    await ctx.post(`/v1/appointments/${code}/cancel`, { phone: '13912345678' });
    const afterCancel = await move({ slotId: from!.id });
    assert.equal(afterCancel.status, 409);
    assert.match((await errorOf(afterCancel)).message, /已经取消/);
  });

  test('concurrent reschedules between two slots neither deadlock nor overbook', async () => {
    const [a, b] = await publish(ctx, 'pension-check', [2, 2]);
    const inA = AppointmentPublic.parse(await (await book(ctx, a!.id, { phone: '13511110001' })).json());
    const inB = AppointmentPublic.parse(await (await book(ctx, b!.id, { phone: '13511110002' })).json());
    const results = await Promise.all([
      ctx.post(`/v1/appointments/${inA.code}/reschedule`, { phone: '13511110001', slotId: b!.id }),
      ctx.post(`/v1/appointments/${inB.code}/reschedule`, { phone: '13511110002', slotId: a!.id }),
    ]);
    assert.deepEqual(results.map((r) => r.status), [200, 200]);
    assert.deepEqual(await booked(ctx, a!.id), { booked: 1, holding: 1 });
    assert.deepEqual(await booked(ctx, b!.id), { booked: 1, holding: 1 });
  });

  test('a home visit is moved to another day', async () => {
    const res = await ctx.post('/v1/appointments', {
      mode: 'home_visit',
      serviceId: 'veteran-card',
      preferredDate: addDays(today(), 2),
      address: '光明新村 2号楼 101',
      reason: '腿脚不便',
      name: '周老',
      phone: '13812340000',
    });
    const { code } = AppointmentPublic.parse(await res.json());
    const noDate = await ctx.post(`/v1/appointments/${code}/reschedule`, { phone: '13812340000', slotId: 'x' });
    assert.equal(noDate.status, 422);
    assert.ok((await errorOf(noDate)).fields?.preferredDate);
    const moved = await ctx.post(`/v1/appointments/${code}/reschedule`, { phone: '13812340000', preferredDate: addDays(today(), 5) });
    assert.equal(moved.status, 200);
    assert.equal(AppointmentPublic.parse(await moved.json()).preferredDate, addDays(today(), 5));
  });

  test('staff endpoints need a token with the appointments role (or admin)', async () => {
    const body = { serviceId: 'senior-card', slots: [{ startsAt: `${addDays(today(), 40)}T09:00:00+08:00`, endsAt: `${addDays(today(), 40)}T09:30:00+08:00`, capacity: 4 }] };
    const none = await ctx.post(SLOTS, body);
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer/);
    assert.equal((await ctx.post(SLOTS, body, staffHeaders('events'))).status, 403);
    assert.equal((await ctx.request('/v1/staff/appointments/day', { headers: staffHeaders('canteen') })).status, 403);
    assert.equal((await ctx.request('/v1/staff/appointments/day')).status, 401);
    const admin = await ctx.post(SLOTS, body, staffHeaders('admin'));
    assert.equal(admin.status, 201);
    assert.equal(AppointmentSlotsPublished.parse(await admin.json()).slots[0]!.createdBy, 'staff:admin');
  });

  test('publishing checks every slot and stores none when one is wrong; a repeat with the key replays', async () => {
    const date = addDays(today(), 45);
    const slot = (start: string, end: string, capacity = 5) => ({ startsAt: `${date}T${start}:00+08:00`, endsAt: `${date}T${end}:00+08:00`, capacity });
    const bad = await ctx.post(
      SLOTS,
      { serviceId: 'veteran-card', slots: [slot('09:00', '09:30'), slot('10:00', '09:30'), slot('09:00', '09:45'), { ...slot('09:00', '09:30'), startsAt: '2020-01-01T09:00:00+08:00' }] },
      { ...staff, 'accept-language': 'en' },
    );
    assert.equal(bad.status, 422);
    assert.deepEqual((await errorOf(bad)).fields, {
      'slots.1.endsAt': 'The end must be later than the start.',
      'slots.2.startsAt': 'This service already has a time starting then.',
      'slots.3.startsAt': 'The start is in the past.',
    });
    const key = randomUUID();
    const body = { serviceId: 'veteran-card', slots: [slot('09:00', '09:30', 3), slot('09:30', '10:00', 3)] };
    const first = await ctx.post(SLOTS, body, { ...staff, 'idempotency-key': key });
    assert.equal(first.status, 201);
    const published = AppointmentSlotsPublished.parse(await first.clone().json()).slots;
    assert.deepEqual(published.map((s) => [s.startsAt, s.capacity, s.remaining, s.booked]), [
      [`${date}T09:00:00+08:00`, 3, 3, 0],
      [`${date}T09:30:00+08:00`, 3, 3, 0],
    ]);
    const replay = await ctx.post(SLOTS, body, { ...staff, 'idempotency-key': key });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(await replay.text(), await first.text());
    const duplicate = await ctx.post(SLOTS, body, staff);
    assert.equal(duplicate.status, 422);
    assert.deepEqual(Object.keys((await errorOf(duplicate)).fields ?? {}), ['slots.0.startsAt', 'slots.1.startsAt']);
    const invalid = await ctx.post(SLOTS, { serviceId: 'veteran-card', slots: [] }, staff);
    assert.equal(invalid.status, 400);
  });

  test('the day’s list is by community date (Asia/Shanghai), with full contact details for staff', async () => {
    const date = addDays(today(), 50);
    // 00:30 in Shanghai is 16:30 UTC the day before: it belongs to `date`, not to the day before.
    const res = await ctx.post(
      SLOTS,
      { serviceId: 'senior-card', slots: [{ startsAt: `${date}T00:30:00+08:00`, endsAt: `${date}T01:00:00+08:00`, capacity: 2 }] },
      staff,
    );
    const [slot] = AppointmentSlotsPublished.parse(await res.json()).slots;
    await book(ctx, slot!.id, { serviceId: 'senior-card', name: '钱多多', phone: '13600001111' });
    const cancelled = AppointmentPublic.parse(
      await (await book(ctx, slot!.id, { serviceId: 'senior-card', name: '孙小小', phone: '13600002222' })).json(),
    );
    await ctx.post(`/v1/appointments/${cancelled.code}/cancel`, { phone: '13600002222' });
    await ctx.post('/v1/appointments', {
      mode: 'home_visit', serviceId: 'pension-check', preferredDate: addDays(today(), 1), address: '阳光小区 1号楼', reason: '住院刚出院', name: '吴奶奶', phone: '13600003333',
    });

    const dayRes = await ctx.request(`/v1/staff/appointments/day?date=${date}`, { headers: staff });
    assert.equal(dayRes.status, 200);
    const day = AppointmentDay.parse(await dayRes.json());
    assert.equal(day.date, date);
    const listed = day.slots.find((s) => s.id === slot!.id)!;
    assert.ok(listed, 'the 00:30 slot is on its Shanghai date');
    assert.deepEqual(listed.appointments.map((a) => [a.name, a.phone, a.status]), [
      ['钱多多', '13600001111', 'booked'],
      ['孙小小', '13600002222', 'cancelled'],
    ]);
    assert.equal(listed.booked, 1);
    const before = AppointmentDay.parse(await (await ctx.request(`/v1/staff/appointments/day?date=${addDays(date, -1)}`, { headers: staff })).json());
    assert.ok(!before.slots.some((s) => s.id === slot!.id));

    const tomorrow = AppointmentDay.parse(await (await ctx.request(`/v1/staff/appointments/day?date=${addDays(today(), 1)}&serviceId=pension-check`, { headers: staff })).json());
    const visit = tomorrow.homeVisits.find((v) => v.name === '吴奶奶')!;
    assert.equal(visit.address, '阳光小区 1号楼');
    assert.equal(visit.reason, '住院刚出院');
    assert.ok(tomorrow.slots.every((s) => s.serviceId === 'pension-check'));
    const todayList = AppointmentDay.parse(await (await ctx.request('/v1/staff/appointments/day', { headers: staff })).json());
    assert.equal(todayList.date, today());
    assert.equal((await ctx.request('/v1/staff/appointments/day?date=tomorrow', { headers: staff })).status, 400);
  });

  test('staff record attended or no-show once the day has come, never for a cancelled one', async () => {
    const [slot, later] = await publish(ctx, 'pension-check', [3, 3]);
    const a = AppointmentPublic.parse(await (await book(ctx, slot!.id, { phone: '13700000001' })).json());
    const b = AppointmentPublic.parse(await (await book(ctx, slot!.id, { phone: '13700000002' })).json());
    const c = AppointmentPublic.parse(await (await book(ctx, later!.id, { phone: '13700000003' })).json());
    const mark = (code: string, status: string) => ctx.post(`/v1/staff/appointments/${code}/outcome`, { status }, staff);

    const early = await mark(a.code, 'attended');
    assert.equal(early.status, 409);
    assert.match((await errorOf(early)).message, /还没到/);
    await startSlot(ctx, slot!.id, 15);
    const attended = await mark(a.code, 'attended');
    assert.equal(attended.status, 200);
    const view = StaffAppointment.parse(await attended.json());
    assert.equal(view.status, 'attended');
    assert.equal(view.markedBy, 'staff:appointments');
    assert.match(view.markedAt ?? '', /\+08:00$/);
    const noShow = StaffAppointment.parse(await (await mark(b.code, 'no_show')).json());
    assert.equal(noShow.status, 'no_show');
    const corrected = StaffAppointment.parse(await (await mark(b.code, 'attended')).json());
    assert.equal(corrected.status, 'attended', 'a mistake can be corrected');
    assert.equal((await mark(a.code, 'late')).status, 400);
    assert.equal((await ctx.post(`/v1/staff/appointments/${a.code}/outcome`, { status: 'attended' })).status, 401);

    const resident = await ctx.post(`/v1/appointments/${a.code}/cancel`, { phone: '13700000001' });
    assert.equal(resident.status, 409, 'an attended appointment is settled');
    assert.deepEqual(await booked(ctx, slot!.id), { booked: 2, holding: 2 }, 'attended and no-show keep their places');

    await ctx.post(`/v1/appointments/${c.code}/cancel`, { phone: '13700000003' });
    await startSlot(ctx, later!.id, 5);
    const onCancelled = await mark(c.code, 'no_show');
    assert.equal(onCancelled.status, 409);
    assert.equal((await mark('AP-ZZZZ-ZZZZ', 'attended')).status, 404);
  });
});
