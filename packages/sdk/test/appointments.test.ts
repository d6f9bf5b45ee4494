import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError, ValidationError, createClient, normalizeConfirmationCode, type AppointmentPublic } from '../src/index.js';
import { json, scriptedFetch, type Step } from './fake-fetch.js';

const service = {
  id: 'pension-check',
  areaId: 'c-1',
  name: { 'zh-CN': '养老金领取资格认证' },
  materials: [{ 'zh-CN': '本人身份证原件' }],
  place: { 'zh-CN': '幸福里社区党群服务中心' },
  homeVisit: true,
};
const slot = { id: 's-1', serviceId: 'pension-check', startsAt: '2026-11-24T09:00:00+08:00', endsAt: '2026-11-24T09:30:00+08:00', capacity: 5, remaining: 2 };
const appointment: AppointmentPublic = {
  code: 'AP-7K2M-9QX4',
  serviceId: 'pension-check',
  serviceName: { 'zh-CN': '养老金领取资格认证' },
  mode: 'on_site',
  status: 'booked',
  slot: { id: 's-1', startsAt: slot.startsAt, endsAt: slot.endsAt },
  preferredDate: null,
  place: { 'zh-CN': '幸福里社区党群服务中心' },
  materials: [{ 'zh-CN': '本人身份证原件' }],
  name: '王**',
  phone: '139****5678',
  createdAt: '2026-11-23T10:00:00+08:00',
  updatedAt: '2026-11-23T10:00:00+08:00',
};
const booking = { mode: 'on_site', serviceId: 'pension-check', slotId: 's-1', name: '王秀英', phone: '13912345678' } as const;

function client(fetch: typeof globalThis.fetch, token?: string) {
  return createClient({ baseUrl: 'http://api.test/', fetch, retry: { limit: 2, backoffLimit: 5 }, ...(token ? { token } : {}) });
}

describe('client.appointments', () => {
  it('lists services for an area and a service’s slots for a period', async () => {
    const { fetch, seen } = scriptedFetch(() => json({ services: [service] }), () => json({ slots: [slot] }));
    const api = client(fetch);
    const services = await api.appointments.services({ area: 'c-1' });
    assert.equal(services[0]?.materials[0]?.['zh-CN'], '本人身份证原件');
    const slots = await api.appointments.slots('pension-check', { from: '2026-11-24', to: '2026-11-30' });
    assert.equal(slots[0]?.remaining, 2);
    assert.equal(seen[0]?.url, 'http://api.test/v1/appointments/services?area=c-1');
    assert.equal(seen[1]?.url, 'http://api.test/v1/appointments/services/pension-check/slots?from=2026-11-24&to=2026-11-30');
  });

  it('checks dates before asking', async () => {
    const { fetch, seen } = scriptedFetch(() => json({ slots: [] }));
    const error = await client(fetch).appointments.slots('pension-check', { from: '24/11/2026' }).catch((e: unknown) => e);
    assert.ok(error instanceof ValidationError);
    assert.deepEqual(Object.keys(error.fields), ['from']);
    assert.equal(seen.length, 0);
  });

  it('books with an Idempotency-Key that stays the same across retries', async () => {
    const unavailable: Step = () => json({ error: { code: 'unavailable', message: 'busy' } }, 503);
    const { fetch, seen } = scriptedFetch(unavailable, () => json(appointment, 201));
    const created = await client(fetch).appointments.create(booking);
    assert.equal(created.code, 'AP-7K2M-9QX4');
    assert.equal(seen.length, 2);
    assert.equal(seen[0]?.method, 'POST');
    assert.equal(seen[0]?.url, 'http://api.test/v1/appointments');
    const key = seen[0]?.headers.get('idempotency-key');
    assert.match(key ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(seen[1]?.headers.get('idempotency-key'), key);
    assert.deepEqual(JSON.parse(seen[0]!.body), booking);
  });

  it('rejects a booking missing what its mode needs, before sending', async () => {
    const { fetch, seen } = scriptedFetch(() => json(appointment, 201));
    const error = await client(fetch)
      .appointments.create({ mode: 'home_visit', serviceId: 'pension-check', name: '王', phone: '139', preferredDate: '2026-11-25' } as never)
      .catch((e: unknown) => e);
    assert.ok(error instanceof ValidationError);
    assert.deepEqual(Object.keys(error.fields).sort(), ['address', 'phone', 'reason']);
    assert.equal(seen.length, 0);
  });

  it('turns a full slot into an ApiError with the slot named, and does not retry it', async () => {
    const { fetch, seen } = scriptedFetch(() =>
      json({ error: { code: 'conflict', message: '已约满', fields: { slotId: '这个时间段刚刚约满了' } } }, 409),
    );
    const error = await client(fetch).appointments.create(booking).catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 409);
    assert.equal(error.fields.slotId, '这个时间段刚刚约满了');
    assert.equal(seen.length, 1);
  });

  it('looks up, cancels and reschedules by a loosely typed code', async () => {
    const { fetch, seen } = scriptedFetch(
      () => json(appointment),
      () => json({ ...appointment, status: 'cancelled' }),
      () => json(appointment),
    );
    const api = client(fetch);
    await api.appointments.get('ap 7k2m 9qx4');
    const cancelled = await api.appointments.cancel('7K2M9QX4', { phone: '139 1234 5678' });
    assert.equal(cancelled.status, 'cancelled');
    await api.appointments.reschedule('AP-7K2M-9QX4', { phone: '13912345678', slotId: 's-2' });
    assert.deepEqual(
      seen.map((request) => `${request.method} ${new URL(request.url).pathname}`),
      ['GET /v1/appointments/AP-7K2M-9QX4', 'POST /v1/appointments/AP-7K2M-9QX4/cancel', 'POST /v1/appointments/AP-7K2M-9QX4/reschedule'],
    );
    assert.deepEqual(JSON.parse(seen[1]!.body), { phone: '139 1234 5678' });
    assert.equal(seen[1]?.headers.get('idempotency-key'), null);
  });

  it('refuses a cancellation without a real phone number', async () => {
    const { fetch, seen } = scriptedFetch(() => json(appointment));
    const error = await client(fetch).appointments.cancel('AP-7K2M-9QX4', { phone: '5678' }).catch((e: unknown) => e);
    assert.ok(error instanceof ValidationError);
    assert.equal(seen.length, 0);
  });

  it('normalizes codes: prefix optional, any case and spacing', () => {
    assert.equal(normalizeConfirmationCode('ap-7k2m-9qx4', 'AP'), 'AP-7K2M-9QX4');
    assert.equal(normalizeConfirmationCode(' 7K2M 9QX4 ', 'AP'), 'AP-7K2M-9QX4');
    assert.equal(normalizeConfirmationCode('APXY2345', 'AP'), 'AP-APXY-2345', 'eight characters are the code alone');
    assert.equal(normalizeConfirmationCode('ev7k2m9qx4', 'EV'), 'EV-7K2M-9QX4');
    assert.equal(normalizeConfirmationCode(' hello ', 'AP'), 'HELLO', 'not a code: tidied, then refused by the schema');
  });
});

describe('client.appointments.staff', () => {
  const staffSlot = { ...slot, booked: 3, createdBy: '王主任' };
  const staffAppointment = { ...appointment, name: '王秀英', phone: '13912345678', address: null, reason: null, markedBy: null, markedAt: null, cancelledAt: null };

  it('publishes slots with the bearer token and an Idempotency-Key', async () => {
    const { fetch, seen } = scriptedFetch(() => json({ slots: [staffSlot] }, 201));
    const input = { serviceId: 'pension-check', slots: [{ startsAt: slot.startsAt, endsAt: slot.endsAt, capacity: 5 }] };
    const published = await client(fetch, 'secret').appointments.staff.publishSlots(input, { idempotencyKey: 'k-1' });
    assert.equal(published[0]?.booked, 3);
    assert.equal(seen[0]?.headers.get('authorization'), 'Bearer secret');
    assert.equal(seen[0]?.headers.get('idempotency-key'), 'k-1');
    assert.equal(seen[0]?.url, 'http://api.test/v1/staff/appointments/slots');
  });

  it('rejects slots with a non-positive capacity or no offset, before sending', async () => {
    const { fetch, seen } = scriptedFetch(() => json({ slots: [] }, 201));
    const error = await client(fetch, 'secret')
      .appointments.staff.publishSlots({ serviceId: 'x', slots: [{ startsAt: '2026-11-24T09:00:00', endsAt: slot.endsAt, capacity: 0 }] })
      .catch((e: unknown) => e);
    assert.ok(error instanceof ValidationError);
    assert.deepEqual(Object.keys(error.fields).sort(), ['slots.0.capacity', 'slots.0.startsAt']);
    assert.equal(seen.length, 0);
  });

  it('reads a day and records an outcome', async () => {
    const day = { date: '2026-11-24', slots: [{ ...staffSlot, appointments: [staffAppointment] }], homeVisits: [] };
    const { fetch, seen } = scriptedFetch(() => json(day), () => json({ ...staffAppointment, status: 'attended', markedBy: '王主任', markedAt: '2026-11-24T09:10:00+08:00' }));
    const api = client(fetch, 'secret');
    const listed = await api.appointments.staff.day({ date: '2026-11-24', serviceId: 'pension-check' });
    assert.equal(listed.slots[0]?.appointments[0]?.phone, '13912345678');
    const marked = await api.appointments.staff.markOutcome('ap7k2m9qx4', 'attended');
    assert.equal(marked.status, 'attended');
    assert.equal(seen[0]?.url, 'http://api.test/v1/staff/appointments/day?date=2026-11-24&serviceId=pension-check');
    assert.equal(new URL(seen[1]!.url).pathname, '/v1/staff/appointments/AP-7K2M-9QX4/outcome');
    assert.deepEqual(JSON.parse(seen[1]!.body), { status: 'attended' });
  });
});
