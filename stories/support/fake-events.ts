/** The fake API's events (see fake-api.ts): the server's sample events and sign-ups, with a waitlist, in memory. */
import {
  calendarDateOf,
  toZonedIso,
  zonedInstant,
  type EventPublic,
  type EventRegistrationPublic,
  type LocalizedText,
} from '@doorstep/sdk';
import { maskName, maskPhone } from '@doorstep/server/mask';
import { SAMPLE_EVENT_REGISTRATIONS, SEED_AREAS, sampleEvents, type SeedArea } from '@doorstep/server/sample-data';
import { json, type FakeRoute } from './fake-http.js';

/** `area="empty"` lists no events (the empty story); `area="unavailable"` fails (the load-error story). */
export const EMPTY_AREA = 'empty';
export const UNAVAILABLE_AREA = 'unavailable';

interface StoredEvent {
  event: Omit<EventPublic, 'seatsLeft' | 'waitlisted' | 'registrationOpen'>;
}
interface StoredRegistration {
  code: string;
  eventId: string;
  name: string;
  phone: string;
  people: number;
  childrenAges: number[];
  status: EventRegistrationPublic['status'];
  createdAt: string;
}

const events: StoredEvent[] = sampleEvents(calendarDateOf(new Date())).map((sample) => ({
  event: {
    id: sample.id,
    areaId: sample.areaId,
    title: sample.title,
    ...(sample.description ? { description: sample.description } : {}),
    place: sample.place,
    audience: sample.audience,
    startsAt: toZonedIso(zonedInstant(sample.date, sample.starts)),
    endsAt: toZonedIso(zonedInstant(sample.date, sample.ends)),
    capacity: sample.capacity,
    maxPartySize: sample.maxPartySize,
    asksChildrenAges: sample.asksChildrenAges,
    status: 'scheduled',
  },
}));
const registrations: StoredRegistration[] = [];

let sequence = 0;
function registrationCode(): string {
  // Deterministic per page load, so screenshots of the success story do not change run to run.
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const seed = 0xe7 + sequence++ * 7919;
  const chars = Array.from({ length: 8 }, (_, index) => alphabet[(seed * (index + 7) + index * 13) % alphabet.length]);
  return `EV-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

const taken = (eventId: string) =>
  registrations.filter((r) => r.eventId === eventId && r.status === 'confirmed').reduce((sum, r) => sum + r.people, 0);
const waiting = (eventId: string) => registrations.filter((r) => r.eventId === eventId && r.status === 'waitlisted');

function publicEvent({ event }: StoredEvent): EventPublic {
  return {
    ...event,
    seatsLeft: event.capacity - taken(event.id),
    waitlisted: waiting(event.id).length,
    registrationOpen: event.status === 'scheduled' && Date.parse(event.startsAt) > Date.now(),
  };
}

function register(eventId: string, body: { name: string; phone: string; people: number; childrenAges?: number[] }): StoredRegistration {
  const { event } = events.find((candidate) => candidate.event.id === eventId)!;
  const confirmed = waiting(eventId).length === 0 && taken(eventId) + body.people <= event.capacity;
  const registration: StoredRegistration = {
    code: registrationCode(),
    eventId,
    name: body.name,
    phone: body.phone,
    people: body.people,
    childrenAges: event.asksChildrenAges ? (body.childrenAges ?? []) : [],
    status: confirmed ? 'confirmed' : 'waitlisted',
    createdAt: toZonedIso(new Date()),
  };
  registrations.push(registration);
  return registration;
}

for (const sample of SAMPLE_EVENT_REGISTRATIONS) register(sample.eventId, sample);

function publicRegistration(registration: StoredRegistration): EventRegistrationPublic {
  const { event } = events.find((candidate) => candidate.event.id === registration.eventId)!;
  const queue = waiting(registration.eventId);
  return {
    code: registration.code,
    eventId: event.id,
    eventTitle: event.title as LocalizedText,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    place: event.place,
    status: registration.status,
    waitlistPosition: registration.status === 'waitlisted' ? queue.indexOf(registration) + 1 : null,
    people: registration.people,
    childrenAges: registration.childrenAges,
    name: maskName(registration.name),
    phone: maskPhone(registration.phone),
    createdAt: registration.createdAt,
    updatedAt: registration.createdAt,
  };
}

/** A sign-up made earlier, for the check-and-cancel stories: its code and phone. */
export function sampleRegistration(): { code: string; phone: string } {
  const existing = registrations.find((r) => r.phone === '13912345678' && r.status !== 'cancelled');
  const registration = existing ?? register('ev-health-check', { name: '王秀英', phone: '13912345678', people: 1 });
  return { code: registration.code, phone: registration.phone };
}

function related(id: string): Set<string> {
  const found = new Set<string>();
  const walk = (nodes: SeedArea[], path: string[]): boolean => {
    for (const node of nodes) {
      if (node.id === id) {
        path.forEach((ancestor) => found.add(ancestor));
        const down = (area: SeedArea) => {
          found.add(area.id);
          area.children?.forEach(down);
        };
        down(node);
        return true;
      }
      if (node.children && walk(node.children, [...path, node.id])) return true;
    }
    return false;
  };
  walk(SEED_AREAS, []);
  return found;
}

const digits = (phone: string) => phone.replace(/\D/g, '').replace(/^86(1\d{10})$/, '$1');
const error = (status: number, code: string, message: string, fields?: Record<string, string>) =>
  json(status, { error: { code, message, ...(fields ? { fields } : {}) } });

export const eventRoutes: FakeRoute = async (request, url) => {
  const path = url.pathname;
  if (request.method === 'GET' && path === '/v1/events') {
    const area = url.searchParams.get('area');
    if (area === UNAVAILABLE_AREA) return error(503, 'unavailable', 'The service is down for maintenance.');
    if (area === EMPTY_AREA) return json(200, { events: [] });
    const scope = area ? related(area) : undefined;
    const now = Date.now();
    const listed = events.filter(({ event }) => (!scope || scope.has(event.areaId)) && Date.parse(event.endsAt) > now);
    return json(200, { events: listed.map(publicEvent) });
  }
  const calendar = /^\/v1\/events\/([^/]+)\/calendar\.ics$/.exec(path);
  if (request.method === 'GET' && calendar) {
    const stored = events.find((candidate) => candidate.event.id === calendar[1]);
    if (!stored) return error(404, 'not_found', '没有找到这个活动。');
    const stamp = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const ics = [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Doorstep//Storybook//EN', 'BEGIN:VEVENT', `UID:event-${stored.event.id}@doorstep`,
      `DTSTAMP:${stamp(new Date().toISOString())}`, `DTSTART:${stamp(stored.event.startsAt)}`, `DTEND:${stamp(stored.event.endsAt)}`,
      `SUMMARY:${stored.event.title['zh-CN']}`, 'END:VEVENT', 'END:VCALENDAR', '',
    ].join('\r\n');
    return new Response(ics, { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
  }
  const signUp = /^\/v1\/events\/([^/]+)\/registrations$/.exec(path);
  if (request.method === 'POST' && signUp) {
    const body = (await request.json()) as { name: string; phone: string; people: number; childrenAges?: number[] };
    if (registrations.some((r) => r.eventId === signUp[1] && digits(r.phone) === digits(body.phone) && r.status !== 'cancelled')) {
      return error(409, 'conflict', '这个电话号码已经报名了这个活动。', { phone: '这个电话号码已经报名了这个活动。要改人数，请先取消原来的报名。' });
    }
    return json(201, publicRegistration(register(signUp[1]!, body)));
  }
  const manage = /^\/v1\/event-registrations\/([^/]+)(\/cancel)?$/.exec(path);
  if (!manage) return undefined;
  const registration = registrations.find((r) => r.code === decodeURIComponent(manage[1]!).toUpperCase());
  if (!registration) return error(404, 'not_found', '没有找到这个报名码对应的报名，请核对后再试。');
  if (!manage[2]) return json(200, publicRegistration(registration));
  const body = (await request.json()) as { phone: string };
  if (digits(body.phone) !== digits(registration.phone)) {
    return error(422, 'unprocessable', '提交的内容无法处理，请检查标出的项目。', { phone: '电话号码与报名时留的不一致。请填写报名时留的完整号码。' });
  }
  if (registration.status !== 'cancelled') {
    const wasConfirmed = registration.status === 'confirmed';
    registration.status = 'cancelled';
    if (wasConfirmed) {
      // Promote in order while the first in the queue fits.
      const { event } = events.find((candidate) => candidate.event.id === registration.eventId)!;
      for (const next of waiting(event.id)) {
        if (taken(event.id) + next.people > event.capacity) break;
        next.status = 'confirmed';
      }
    }
  }
  return json(200, publicRegistration(registration));
};
