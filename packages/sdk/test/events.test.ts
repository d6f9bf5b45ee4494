import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError, ValidationError, createClient, type EventPublic, type EventRegistrationPublic } from '../src/index.js';
import { json, scriptedFetch } from './fake-fetch.js';

const event: EventPublic = {
  id: 'ev-reading',
  areaId: 'c-1',
  title: { 'zh-CN': '周末亲子阅读会' },
  place: { 'zh-CN': '儿童之家' },
  audience: { 'zh-CN': '3–6 岁儿童及家长' },
  startsAt: '2026-11-28T09:30:00+08:00',
  endsAt: '2026-11-28T11:00:00+08:00',
  capacity: 20,
  seatsLeft: 0,
  waitlisted: 2,
  maxPartySize: 3,
  asksChildrenAges: true,
  status: 'scheduled',
  registrationOpen: true,
};
const registration: EventRegistrationPublic = {
  code: 'EV-7K2M-9QX4',
  eventId: 'ev-reading',
  eventTitle: event.title,
  startsAt: event.startsAt,
  endsAt: event.endsAt,
  place: event.place,
  status: 'waitlisted',
  waitlistPosition: 3,
  people: 2,
  childrenAges: [4],
  name: '李*',
  phone: '139****5678',
  createdAt: '2026-11-23T10:00:00+08:00',
  updatedAt: '2026-11-23T10:00:00+08:00',
};

function client(fetch: typeof globalThis.fetch, options: { token?: string; locale?: string } = {}) {
  return createClient({ baseUrl: 'http://api.test/', fetch, retry: { limit: 2, backoffLimit: 5 }, ...options });
}

describe('client.events', () => {
  it('lists an area’s events for a period', async () => {
    const { fetch, seen } = scriptedFetch(() => json({ events: [event] }));
    const events = await client(fetch).events.list({ area: 'c-1', from: '2026-11-23', to: '2026-12-31' });
    assert.equal(events[0]?.waitlisted, 2);
    assert.equal(seen[0]?.url, 'http://api.test/v1/events?area=c-1&from=2026-11-23&to=2026-12-31');
  });

  it('refuses a malformed date before asking', async () => {
    const { fetch, seen } = scriptedFetch(() => json({ events: [] }));
    const error = await client(fetch).events.list({ from: '2026-11-31' }).catch((e: unknown) => e);
    assert.ok(error instanceof ValidationError);
    assert.equal(seen.length, 0);
  });

  it('fetches the calendar file as text, in the asked language', async () => {
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
    const { fetch, seen } = scriptedFetch(() => new Response(ics, { headers: { 'content-type': 'text/calendar; charset=utf-8' } }));
    const text = await client(fetch).events.calendar('ev-reading', { locale: 'en' });
    assert.equal(text, ics);
    assert.equal(seen[0]?.url, 'http://api.test/v1/events/ev-reading/calendar.ics?lang=en');
  });

  it('signs up with an Idempotency-Key and reads a waitlisted answer', async () => {
    const { fetch, seen } = scriptedFetch(() => json(registration, 201));
    const input = { name: '李梅', phone: '13912345678', people: 2, childrenAges: [4] };
    const made = await client(fetch).events.register('ev-reading', input, { idempotencyKey: 'k-9' });
    assert.equal(made.status, 'waitlisted');
    assert.equal(made.waitlistPosition, 3);
    assert.equal(seen[0]?.url, 'http://api.test/v1/events/ev-reading/registrations');
    assert.equal(seen[0]?.headers.get('idempotency-key'), 'k-9');
    assert.deepEqual(JSON.parse(seen[0]!.body), input);
  });

  it('checks party size and ages before sending', async () => {
    const { fetch, seen } = scriptedFetch(() => json(registration, 201));
    const error = await client(fetch)
      .events.register('ev-reading', { name: '', phone: '13912345678', people: 0, childrenAges: [30] })
      .catch((e: unknown) => e);
    assert.ok(error instanceof ValidationError);
    assert.deepEqual(Object.keys(error.fields).sort(), ['childrenAges.0', 'name', 'people']);
    assert.equal(seen.length, 0);
  });

  it('surfaces "already registered" as an ApiError naming the phone', async () => {
    const { fetch } = scriptedFetch(() => json({ error: { code: 'conflict', message: '已报名', fields: { phone: '这个电话号码已经报名了这个活动。' } } }, 409));
    const error = await client(fetch).events.register('ev-reading', { name: '李梅', phone: '13912345678', people: 1 }).catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 409);
    assert.ok(error.fields.phone);
  });

  it('looks up and cancels a registration by a loosely typed code', async () => {
    const { fetch, seen } = scriptedFetch(() => json(registration), () => json({ ...registration, status: 'cancelled', waitlistPosition: null }));
    const api = client(fetch);
    await api.events.registration('ev 7k2m 9qx4');
    const cancelled = await api.events.cancelRegistration('7k2m9qx4', { phone: '13912345678' });
    assert.equal(cancelled.status, 'cancelled');
    assert.deepEqual(
      seen.map((request) => `${request.method} ${new URL(request.url).pathname}`),
      ['GET /v1/event-registrations/EV-7K2M-9QX4', 'POST /v1/event-registrations/EV-7K2M-9QX4/cancel'],
    );
  });
});

describe('client.events.staff', () => {
  const staffEvent = { ...event, seatsTaken: 20, revision: 1, createdBy: '王主任', updatedBy: '王主任', createdAt: event.startsAt, updatedAt: event.startsAt };

  it('publishes with a token, defaults party size and ages, and edits with PATCH', async () => {
    const { fetch, seen } = scriptedFetch(() => json(staffEvent, 201), () => json({ ...staffEvent, capacity: 25 }));
    const api = client(fetch, { token: 'secret' });
    await api.events.staff.create({
      areaId: 'c-1',
      title: { 'zh-CN': '周末亲子阅读会' },
      place: { 'zh-CN': '儿童之家' },
      audience: { 'zh-CN': '亲子' },
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      capacity: 20,
    });
    assert.equal(seen[0]?.headers.get('authorization'), 'Bearer secret');
    assert.ok(seen[0]?.headers.get('idempotency-key'));
    assert.deepEqual([JSON.parse(seen[0]!.body).maxPartySize, JSON.parse(seen[0]!.body).asksChildrenAges], [4, false]);
    const updated = await api.events.staff.update('ev-reading', { capacity: 25 });
    assert.equal(updated.capacity, 25);
    assert.equal(seen[1]?.method, 'PATCH');
    assert.equal(new URL(seen[1]!.url).pathname, '/v1/staff/events/ev-reading');
  });

  it('reads the registrations as JSON and as CSV text', async () => {
    const list = { event: staffEvent, registrations: [{ ...registration, name: '李梅', phone: '13912345678', queuePosition: 7, promotedAt: null, cancelledAt: null }] };
    const csv = '\uFEFF报名顺序,报名码\r\n7,EV-7K2M-9QX4\r\n';
    const { fetch, seen } = scriptedFetch(() => json(list), () => new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8' } }));
    const api = client(fetch, { token: 'secret', locale: 'zh-CN' });
    assert.equal((await api.events.staff.registrations('ev-reading')).registrations[0]?.queuePosition, 7);
    const text = await api.events.staff.registrationsCsv('ev-reading');
    assert.equal(text, '报名顺序,报名码\r\n7,EV-7K2M-9QX4\r\n', 'the BOM is decoded away, as fetch does');
    assert.equal(new URL(seen[1]!.url).pathname, '/v1/staff/events/ev-reading/registrations.csv');
    assert.equal(seen[1]?.headers.get('accept-language'), 'zh-CN');
  });

  it('refuses an update with a non-positive capacity before sending', async () => {
    const { fetch, seen } = scriptedFetch(() => json(staffEvent));
    const error = await client(fetch, { token: 'secret' }).events.staff.update('ev-reading', { capacity: -1 }).catch((e: unknown) => e);
    assert.ok(error instanceof ValidationError);
    assert.equal(seen.length, 0);
  });
});
