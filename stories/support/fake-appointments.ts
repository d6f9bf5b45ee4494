/** The fake API's appointments (see fake-api.ts): the server's sample services and slots, bookings in memory. */
import { calendarDateOf, toZonedIso, zonedInstant, type AppointmentPublic, type AppointmentSlot } from '@doorstep/sdk';
import { maskName, maskPhone } from '@doorstep/server/mask';
import { SAMPLE_APPOINTMENT_SERVICES, SEED_AREAS, sampleAppointmentSlots, type SeedArea } from '@doorstep/server/sample-data';
import { json, type FakeRoute } from './fake-http.js';

/** `area="empty"` lists no services (the empty story); `area="unavailable"` fails (the load-error story). */
export const EMPTY_AREA = 'empty';
export const UNAVAILABLE_AREA = 'unavailable';

const slots: Array<AppointmentSlot & { booked: number }> = sampleAppointmentSlots(calendarDateOf(new Date())).map((slot, index) => ({
  id: `slot-${index + 1}`,
  serviceId: slot.serviceId,
  startsAt: toZonedIso(zonedInstant(slot.date, slot.starts)),
  endsAt: toZonedIso(zonedInstant(slot.date, slot.ends)),
  capacity: slot.capacity,
  remaining: slot.capacity - slot.booked,
  booked: slot.booked,
}));

const bookings = new Map<string, { appointment: AppointmentPublic; phone: string }>();

/** Areas above and below `id` (and itself): what a resident of `id` may book. */
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

let sequence = 0;
function confirmationCode(): string {
  // Deterministic per page load, so screenshots of the success story do not change run to run.
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const seed = 0xa11 + sequence++ * 7919;
  const chars = Array.from({ length: 8 }, (_, index) => alphabet[(seed * (index + 5) + index * 17) % alphabet.length]);
  return `AP-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

const publicSlot = ({ booked: _booked, ...slot }: AppointmentSlot & { booked: number }): AppointmentSlot => slot;
const error = (status: number, code: string, message: string, fields?: Record<string, string>) =>
  json(status, { error: { code, message, ...(fields ? { fields } : {}) } });

/**
 * Another resident takes the remaining places of a slot (for the "time filled up meanwhile" story).
 * Returns the slot's id.
 */
export function fillSlot(slotId: string): void {
  const slot = slots.find((candidate) => candidate.id === slotId);
  if (slot) {
    slot.booked = slot.capacity;
    slot.remaining = 0;
  }
}

/** A booking made earlier, for the move-or-cancel stories: its code, and the phone it was made with. */
export function sampleBooking(): { code: string; phone: string } {
  const existing = [...bookings.values()].find((booking) => booking.appointment.status === 'booked' && booking.phone === '13912345678');
  if (existing) return { code: existing.appointment.code, phone: existing.phone };
  const slot = slots.find((candidate) => candidate.serviceId === 'pension-check' && candidate.remaining > 1)!;
  const appointment = book({ mode: 'on_site', serviceId: 'pension-check', slotId: slot.id, name: '王秀英', phone: '13912345678' });
  return { code: appointment.code, phone: '13912345678' };
}

function book(body: Record<string, string>): AppointmentPublic {
  const service = SAMPLE_APPOINTMENT_SERVICES.find((candidate) => candidate.id === body.serviceId)!;
  const slot = slots.find((candidate) => candidate.id === body.slotId);
  if (slot) {
    slot.booked++;
    slot.remaining--;
  }
  const now = toZonedIso(new Date());
  const appointment: AppointmentPublic = {
    code: confirmationCode(),
    serviceId: service.id,
    serviceName: service.name,
    mode: body.mode === 'home_visit' ? 'home_visit' : 'on_site',
    status: 'booked',
    slot: slot ? { id: slot.id, startsAt: slot.startsAt, endsAt: slot.endsAt } : null,
    preferredDate: body.preferredDate ?? null,
    place: body.mode === 'home_visit' ? null : service.place,
    materials: service.materials,
    name: maskName(body.name!),
    phone: maskPhone(body.phone!),
    createdAt: now,
    updatedAt: now,
  };
  bookings.set(appointment.code, { appointment, phone: body.phone! });
  return appointment;
}

const digits = (phone: string) => phone.replace(/\D/g, '').replace(/^86(1\d{10})$/, '$1');

export const appointmentRoutes: FakeRoute = async (request, url) => {
  const path = url.pathname;
  if (!path.startsWith('/v1/appointments')) return undefined;
  if (request.method === 'GET' && path === '/v1/appointments/services') {
    const area = url.searchParams.get('area');
    if (area === UNAVAILABLE_AREA) return error(503, 'unavailable', 'The service is down for maintenance.');
    if (area === EMPTY_AREA) return json(200, { services: [] });
    const scope = area ? related(area) : undefined;
    return json(200, { services: SAMPLE_APPOINTMENT_SERVICES.filter((service) => !scope || scope.has(service.areaId)) });
  }
  const slotsMatch = /^\/v1\/appointments\/services\/([^/]+)\/slots$/.exec(path);
  if (request.method === 'GET' && slotsMatch) {
    const now = Date.now();
    return json(200, { slots: slots.filter((slot) => slot.serviceId === slotsMatch[1] && Date.parse(slot.startsAt) > now).map(publicSlot) });
  }
  if (request.method === 'POST' && path === '/v1/appointments') {
    const body = (await request.json()) as Record<string, string>;
    const slot = slots.find((candidate) => candidate.id === body.slotId);
    if (body.mode === 'on_site' && slot && slot.remaining === 0) {
      return error(409, 'conflict', '这个时间段已经约满了，请另选一个。', { slotId: '这个时间段刚刚约满了，请另选一个。' });
    }
    return json(201, book(body));
  }
  const codeMatch = /^\/v1\/appointments\/([^/]+)(?:\/(cancel|reschedule))?$/.exec(path);
  if (!codeMatch) return undefined;
  const code = decodeURIComponent(codeMatch[1]!).toUpperCase();
  const stored = bookings.get(code);
  if (!stored) return error(404, 'not_found', '没有找到这个预约码对应的预约，请核对后再试。');
  if (request.method === 'GET' && !codeMatch[2]) return json(200, stored.appointment);
  const body = (await request.json()) as Record<string, string>;
  if (digits(body.phone ?? '') !== digits(stored.phone)) {
    return error(422, 'unprocessable', '提交的内容无法处理，请检查标出的项目。', { phone: '电话号码与预约时留的不一致。请填写预约时留的完整号码。' });
  }
  const now = toZonedIso(new Date());
  if (codeMatch[2] === 'cancel') {
    const old = slots.find((candidate) => candidate.id === stored.appointment.slot?.id);
    if (old && stored.appointment.status === 'booked') {
      old.booked--;
      old.remaining++;
    }
    stored.appointment = { ...stored.appointment, status: 'cancelled', updatedAt: now };
    return json(200, stored.appointment);
  }
  if (body.slotId) {
    const target = slots.find((candidate) => candidate.id === body.slotId);
    if (!target || target.remaining === 0) {
      return error(409, 'conflict', '这个时间段已经约满了，请另选一个。', { slotId: '这个时间段刚刚约满了，请另选一个。' });
    }
    const old = slots.find((candidate) => candidate.id === stored.appointment.slot?.id);
    if (old) {
      old.booked--;
      old.remaining++;
    }
    target.booked++;
    target.remaining--;
    stored.appointment = { ...stored.appointment, slot: { id: target.id, startsAt: target.startsAt, endsAt: target.endsAt }, updatedAt: now };
  } else {
    stored.appointment = { ...stored.appointment, preferredDate: body.preferredDate ?? null, updatedAt: now };
  }
  return json(200, stored.appointment);
};
