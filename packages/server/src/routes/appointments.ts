import {
  AppointmentCancel,
  AppointmentCode,
  AppointmentCreate,
  AppointmentOutcome,
  AppointmentReschedule,
  AppointmentSlotsPublish,
  CONFIRMATION_CODE_PREFIXES,
  CalendarDate,
  HOME_VISIT_MAX_DAYS_AHEAD,
  Id,
  addDays,
  calendarDateOf,
  normalizeConfirmationCode,
  toZonedIso,
  zonedInstant,
  type AppointmentDay,
  type AppointmentPublic,
  type AppointmentSlot,
  type StaffAppointment,
  type StaffAppointmentSlot,
} from '@doorstep/sdk';
import { Hono, type Context } from 'hono';
import { requireStaff, type StaffEnv } from '../auth.js';
import type { ServerConfig } from '../config.js';
import {
  appointmentDay,
  findAppointment,
  findService,
  findSlot,
  insertAppointment,
  insertSlot,
  listServices,
  listSlots,
  lockSlots,
  moveAppointment,
  releasePlace,
  setAppointmentStatus,
  takePlace,
  type AppointmentRow,
  type SlotRow,
} from '../db/appointments.js';
import { findArea } from '../db/areas.js';
import type { Database, Queryable } from '../db/database.js';
import { ApiError, notFound, unprocessable, validationFailed, type FieldMessages } from '../errors.js';
import { idempotentCreate } from '../idempotent-create.js';
import { readJsonBody } from '../json-body.js';
import { maskName, maskPhone } from '../mask.js';
import { phoneKey } from '../phone-key.js';
import { parseOrThrow } from '../validation.js';

/** How far ahead the public slot list looks when no `to` is given, and the longest span it answers. */
const DEFAULT_SLOT_DAYS = 14;
const MAX_SLOT_DAYS = 62;

function slotToPublic(slot: SlotRow): AppointmentSlot {
  return {
    id: slot.id,
    serviceId: slot.serviceId,
    startsAt: toZonedIso(slot.startsAt),
    endsAt: toZonedIso(slot.endsAt),
    capacity: slot.capacity,
    remaining: slot.capacity - slot.booked,
  };
}

function slotToStaff(slot: SlotRow): StaffAppointmentSlot {
  return { ...slotToPublic(slot), booked: slot.booked, createdBy: slot.createdBy };
}

/** The view anyone holding the confirmation code gets: name and phone masked, no address or reason. */
function toPublic(row: AppointmentRow): AppointmentPublic {
  return {
    code: row.code,
    serviceId: row.serviceId,
    serviceName: row.serviceName,
    mode: row.mode,
    status: row.status,
    slot:
      row.slotId && row.slotStartsAt && row.slotEndsAt
        ? { id: row.slotId, startsAt: toZonedIso(row.slotStartsAt), endsAt: toZonedIso(row.slotEndsAt) }
        : null,
    preferredDate: row.preferredDate,
    place: row.mode === 'on_site' ? row.place : null,
    materials: row.materials,
    name: maskName(row.name),
    phone: maskPhone(row.phone),
    createdAt: toZonedIso(row.createdAt),
    updatedAt: toZonedIso(row.updatedAt),
  };
}

function toStaff(row: AppointmentRow): StaffAppointment {
  return {
    ...toPublic(row),
    name: row.name,
    phone: row.phone,
    address: row.address,
    reason: row.reason,
    markedBy: row.markedBy,
    markedAt: row.markedAt && toZonedIso(row.markedAt),
    cancelledAt: row.cancelledAt && toZonedIso(row.cancelledAt),
  };
}

const today = () => calendarDateOf(new Date());

/** A home visit may be asked for from tomorrow up to {@link HOME_VISIT_MAX_DAYS_AHEAD} days ahead. */
function checkVisitDate(date: string, field: string): void {
  const now = today();
  if (date <= now || date > addDays(now, HOME_VISIT_MAX_DAYS_AHEAD)) {
    throw unprocessable({ [field]: { key: 'field_appointments_date_range', params: { max: HOME_VISIT_MAX_DAYS_AHEAD } } });
  }
}

/** Whether the appointment's time has come: its slot started, or the home visit's day began. */
function hasStarted(row: AppointmentRow): boolean {
  if (row.mode === 'on_site') return row.slotStartsAt !== null && row.slotStartsAt.getTime() <= Date.now();
  return row.preferredDate !== null && row.preferredDate <= today();
}

/** The slot a booking asks for, or a 422 naming what is wrong with it. */
function checkSlotChoice(slot: SlotRow | undefined, serviceId: string): SlotRow {
  if (!slot) throw unprocessable({ slotId: { key: 'field_appointments_unknown_slot' } });
  if (slot.serviceId !== serviceId) throw unprocessable({ slotId: { key: 'field_appointments_slot_other_service' } });
  if (slot.startsAt.getTime() <= Date.now()) throw unprocessable({ slotId: { key: 'field_appointments_slot_past' } });
  return slot;
}

const slotFull = () => new ApiError(409, 'conflict', 'appointments_slot_full', { slotId: { key: 'field_appointments_slot_full' } });

function codeParam(c: Context): string {
  const code = normalizeConfirmationCode(c.req.param('code') ?? '', CONFIRMATION_CODE_PREFIXES.appointment);
  if (!AppointmentCode.safeParse(code).success) throw notFound('appointments_not_found');
  return code;
}

/** Finds and locks the appointment, and checks the phone proves it is the caller's. */
async function ownAppointment(tx: Queryable, code: string, phone: string): Promise<AppointmentRow> {
  const row = await findAppointment(tx, { code }, { forUpdate: true });
  if (!row) throw notFound('appointments_not_found');
  if (row.phoneKey !== phoneKey(phone)) throw unprocessable({ phone: { key: 'field_appointments_phone_mismatch' } });
  return row;
}

/** Cancelled, attended and missed appointments are settled; so is one whose time has come. */
function checkStillOpen(row: AppointmentRow): void {
  if (row.status === 'cancelled') throw new ApiError(409, 'conflict', 'appointments_cancelled');
  if (row.status !== 'booked') throw new ApiError(409, 'conflict', 'appointments_closed');
  if (hasStarted(row)) throw new ApiError(409, 'conflict', 'appointments_too_late');
}

function dateQuery(c: Context, name: string): string | undefined {
  const value = c.req.query(name);
  if (value === undefined) return undefined;
  if (!CalendarDate.safeParse(value).success) throw validationFailed({ [name]: { key: 'field_appointments_date' } });
  return value;
}

function idQuery(c: Context, name: string): string | undefined {
  const value = c.req.query(name);
  if (value === undefined) return undefined;
  if (!Id.safeParse(value).success) throw validationFailed({ [name]: { key: 'field_invalid' } });
  return value;
}

/**
 * Appointments: residents list services and free slots, book (idempotent), look up, cancel and
 * reschedule with the code and their phone; staff (role `appointments`) publish slots, read a day's
 * list and record attendance.
 */
export function appointmentRoutes(db: Database, config: Pick<ServerConfig, 'staffTokens'>): Hono<StaffEnv> {
  const staff = requireStaff(config.staffTokens, 'appointments');
  return new Hono<StaffEnv>()
    .get('/v1/appointments/services', async (c) => {
      const areaId = idQuery(c, 'area');
      if (areaId !== undefined && !(await findArea(db, areaId))) throw notFound('area_not_found');
      return c.json({ services: await listServices(db, areaId) });
    })
    .get('/v1/appointments/services/:id/slots', async (c) => {
      const service = await findService(db, c.req.param('id'));
      if (!service) throw notFound('appointments_service_not_found');
      const from = dateQuery(c, 'from') ?? today();
      const to = dateQuery(c, 'to') ?? addDays(from, DEFAULT_SLOT_DAYS - 1);
      if (to < from || to > addDays(from, MAX_SLOT_DAYS - 1)) throw validationFailed({ to: { key: 'field_invalid' } });
      const slots = await listSlots(db, service.id, zonedInstant(from, '00:00'), zonedInstant(addDays(to, 1), '00:00'));
      // Slots that have started are of no use to a resident choosing a time.
      const now = Date.now();
      return c.json({ slots: slots.filter((slot) => slot.startsAt.getTime() > now).map(slotToPublic) });
    })
    .post('/v1/appointments', async (c) => {
      const input = parseOrThrow(AppointmentCreate, await readJsonBody(c));
      return idempotentCreate(c, db, 'POST /v1/appointments', input, async (tx) => {
        const service = await findService(tx, input.serviceId);
        if (!service) throw unprocessable({ serviceId: { key: 'field_appointments_unknown_service' } });
        const contact = { name: input.name, phone: input.phone, phoneKey: phoneKey(input.phone) };
        let row: AppointmentRow;
        if (input.mode === 'on_site') {
          const slot = checkSlotChoice(await findSlot(tx, input.slotId), service.id);
          if (!(await takePlace(tx, slot.id))) throw slotFull();
          row = await insertAppointment(tx, {
            serviceId: service.id,
            areaId: service.areaId,
            mode: 'on_site',
            slotId: slot.id,
            preferredDate: null,
            address: null,
            reason: null,
            ...contact,
          });
        } else {
          if (!service.homeVisit) throw unprocessable({ mode: { key: 'field_appointments_no_home_visit' } });
          checkVisitDate(input.preferredDate, 'preferredDate');
          row = await insertAppointment(tx, {
            serviceId: service.id,
            areaId: service.areaId,
            mode: 'home_visit',
            slotId: null,
            preferredDate: input.preferredDate,
            address: input.address,
            reason: input.reason,
            ...contact,
          });
        }
        return { status: 201, body: toPublic(row) };
      });
    })
    .get('/v1/appointments/:code', async (c) => {
      const row = await findAppointment(db, { code: codeParam(c) });
      if (!row) throw notFound('appointments_not_found');
      return c.json(toPublic(row));
    })
    .post('/v1/appointments/:code/cancel', async (c) => {
      const code = codeParam(c);
      const input = parseOrThrow(AppointmentCancel, await readJsonBody(c));
      const row = await db.transaction(async (tx) => {
        const row = await ownAppointment(tx, code, input.phone);
        // Cancelling twice (a retry after a lost answer) answers the cancelled appointment again.
        if (row.status === 'cancelled') return row;
        checkStillOpen(row);
        await setAppointmentStatus(tx, row.id, { status: 'cancelled' });
        if (row.slotId) await releasePlace(tx, row.slotId);
        return (await findAppointment(tx, { id: row.id }))!;
      });
      return c.json(toPublic(row));
    })
    .post('/v1/appointments/:code/reschedule', async (c) => {
      const code = codeParam(c);
      const input = parseOrThrow(AppointmentReschedule, await readJsonBody(c));
      const row = await db.transaction(async (tx) => {
        const row = await ownAppointment(tx, code, input.phone);
        checkStillOpen(row);
        if (row.mode === 'home_visit') {
          if (input.preferredDate === undefined) throw unprocessable({ preferredDate: { key: 'field_appointments_date_required' } });
          if (input.preferredDate === row.preferredDate) return row;
          checkVisitDate(input.preferredDate, 'preferredDate');
          await moveAppointment(tx, row.id, { preferredDate: input.preferredDate });
        } else {
          if (input.slotId === undefined) throw unprocessable({ slotId: { key: 'field_appointments_slot_required' } });
          // Moving to the slot it already has (a retry after a lost answer) changes nothing.
          if (input.slotId === row.slotId) return row;
          const locked = await lockSlots(tx, [row.slotId!, input.slotId]);
          const target = checkSlotChoice(
            locked.find((slot) => slot.id === input.slotId),
            row.serviceId,
          );
          if (!(await takePlace(tx, target.id))) throw slotFull();
          await releasePlace(tx, row.slotId!);
          await moveAppointment(tx, row.id, { slotId: target.id });
        }
        return (await findAppointment(tx, { id: row.id }))!;
      });
      return c.json(toPublic(row));
    })

    // ── staff ──────────────────────────────────────────────────────────────────────────────────────
    .post('/v1/staff/appointments/slots', staff, async (c) => {
      const input = parseOrThrow(AppointmentSlotsPublish, await readJsonBody(c));
      const createdBy = c.get('staff').name;
      return idempotentCreate(c, db, 'POST /v1/staff/appointments/slots', input, async (tx) => {
        const service = await findService(tx, input.serviceId);
        if (!service) throw unprocessable({ serviceId: { key: 'field_appointments_unknown_service' } });
        const now = Date.now();
        const fields: FieldMessages = {};
        const seen = new Set<number>();
        const slots = input.slots.map((slot, index) => {
          const startsAt = new Date(slot.startsAt);
          const endsAt = new Date(slot.endsAt);
          if (endsAt <= startsAt) fields[`slots.${index}.endsAt`] = { key: 'field_appointments_slot_ends_first' };
          if (startsAt.getTime() <= now) fields[`slots.${index}.startsAt`] = { key: 'field_appointments_slot_starts_past' };
          else if (seen.has(startsAt.getTime())) fields[`slots.${index}.startsAt`] = { key: 'field_appointments_slot_duplicate' };
          seen.add(startsAt.getTime());
          return { startsAt, endsAt, capacity: slot.capacity };
        });
        if (Object.keys(fields).length > 0) throw unprocessable(fields);
        const created: SlotRow[] = [];
        for (const [index, slot] of slots.entries()) {
          const row = await insertSlot(tx, { serviceId: service.id, createdBy, ...slot });
          if (!row) fields[`slots.${index}.startsAt`] = { key: 'field_appointments_slot_duplicate' };
          else created.push(row);
        }
        if (Object.keys(fields).length > 0) throw unprocessable(fields);
        return { status: 201, body: { slots: created.map(slotToStaff) } };
      });
    })
    .get('/v1/staff/appointments/day', staff, async (c) => {
      const date = dateQuery(c, 'date') ?? today();
      const serviceId = idQuery(c, 'serviceId');
      const day = await appointmentDay(db, date, serviceId);
      const body: AppointmentDay = {
        date,
        slots: day.slots.map((slot) => ({
          ...slotToStaff(slot),
          appointments: day.appointments.filter((row) => row.slotId === slot.id).map(toStaff),
        })),
        homeVisits: day.homeVisits.map(toStaff),
      };
      return c.json(body);
    })
    .post('/v1/staff/appointments/:code/outcome', staff, async (c) => {
      const code = codeParam(c);
      const input = parseOrThrow(AppointmentOutcome, await readJsonBody(c));
      const markedBy = c.get('staff').name;
      const row = await db.transaction(async (tx) => {
        const row = await findAppointment(tx, { code }, { forUpdate: true });
        if (!row) throw notFound('appointments_not_found');
        if (row.status === 'cancelled') throw new ApiError(409, 'conflict', 'appointments_mark_cancelled');
        const day = row.mode === 'on_site' ? calendarDateOf(row.slotStartsAt!) : row.preferredDate!;
        if (day > today()) throw new ApiError(409, 'conflict', 'appointments_mark_too_early');
        await setAppointmentStatus(tx, row.id, { status: input.status, markedBy });
        return (await findAppointment(tx, { id: row.id }))!;
      });
      return c.json(toStaff(row));
    });
}
