import { randomUUID } from 'node:crypto';
import {
  CONFIRMATION_CODE_PREFIXES,
  COMMUNITY_TIME_ZONE,
  calendarDateOf,
  zonedInstant,
  type AppointmentMode,
  type AppointmentService,
  type AppointmentStatus,
  type LocalizedText,
} from '@doorstep/sdk';
import { insertWithFreshCode } from '../confirmation-code.js';
import { SAMPLE_APPOINTMENT_RESIDENTS, SAMPLE_APPOINTMENT_SERVICES, sampleAppointmentSlots } from '../sample-data/appointments.js';
import { RELATED_AREAS } from './area-scope.js';
import type { Queryable } from './database.js';

// ── services ─────────────────────────────────────────────────────────────────────────────────────────

interface ServiceRow {
  id: string;
  areaId: string;
  name: LocalizedText;
  description: LocalizedText | null;
  materials: LocalizedText[];
  place: LocalizedText;
  homeVisit: boolean;
}

const SERVICE_COLUMNS = `id, area_id AS "areaId", name, description, materials, place, home_visit AS "homeVisit"`;

function toService({ description, ...row }: ServiceRow): AppointmentService {
  return description === null ? row : { ...row, description };
}

/**
 * Services in display order. With `areaId`, those offered in that area, in the areas above it (a
 * subdistrict-wide service) and in the areas below it (a compound's own) — what a resident there can use.
 */
export async function listServices(db: Queryable, areaId?: string): Promise<AppointmentService[]> {
  const rows =
    areaId === undefined
      ? await db.query<ServiceRow>(`SELECT ${SERVICE_COLUMNS} FROM appointment_services ORDER BY sort_order, id`)
      : await db.query<ServiceRow>(
          `${RELATED_AREAS} SELECT ${SERVICE_COLUMNS} FROM appointment_services
           WHERE area_id IN (SELECT id FROM related) ORDER BY sort_order, id`,
          [areaId],
        );
  return rows.map(toService);
}

export async function findService(db: Queryable, id: string): Promise<AppointmentService | undefined> {
  const [row] = await db.query<ServiceRow>(`SELECT ${SERVICE_COLUMNS} FROM appointment_services WHERE id = $1`, [id]);
  return row && toService(row);
}

// ── slots ────────────────────────────────────────────────────────────────────────────────────────────

export interface SlotRow {
  id: string;
  serviceId: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  booked: number;
  createdBy: string;
}

const SLOT_COLUMNS = `id, service_id AS "serviceId", starts_at AS "startsAt", ends_at AS "endsAt", capacity, booked,
  created_by AS "createdBy"`;

/** A service's slots starting within [from, to), in time order. */
export async function listSlots(db: Queryable, serviceId: string, from: Date, to: Date): Promise<SlotRow[]> {
  return db.query<SlotRow>(
    `SELECT ${SLOT_COLUMNS} FROM appointment_slots
     WHERE service_id = $1 AND starts_at >= $2 AND starts_at < $3 ORDER BY starts_at, id`,
    [serviceId, from, to],
  );
}

export async function findSlot(db: Queryable, id: string): Promise<SlotRow | undefined> {
  const [row] = await db.query<SlotRow>(`SELECT ${SLOT_COLUMNS} FROM appointment_slots WHERE id = $1`, [id]);
  return row;
}

/** Locks the given slots in id order (so two reschedules between the same slots cannot deadlock). */
export async function lockSlots(tx: Queryable, ids: string[]): Promise<SlotRow[]> {
  return tx.query<SlotRow>(`SELECT ${SLOT_COLUMNS} FROM appointment_slots WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [ids]);
}

/** Stores a slot; `undefined` when the service already has one starting at that instant. */
export async function insertSlot(
  tx: Queryable,
  slot: { serviceId: string; startsAt: Date; endsAt: Date; capacity: number; createdBy: string },
): Promise<SlotRow | undefined> {
  const [row] = await tx.query<SlotRow>(
    `INSERT INTO appointment_slots (id, service_id, starts_at, ends_at, capacity, created_by)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (service_id, starts_at) DO NOTHING
     RETURNING ${SLOT_COLUMNS}`,
    [randomUUID(), slot.serviceId, slot.startsAt, slot.endsAt, slot.capacity, slot.createdBy],
  );
  return row;
}

/**
 * Takes one place in a slot, or nothing when it is full. The condition is evaluated under the row lock
 * the UPDATE takes: a concurrent booking waits, then re-reads `booked` and finds the slot full. Resolves
 * to the updated slot, or `undefined` when no place was left.
 */
export async function takePlace(tx: Queryable, slotId: string): Promise<SlotRow | undefined> {
  const [row] = await tx.query<SlotRow>(
    `UPDATE appointment_slots SET booked = booked + 1 WHERE id = $1 AND booked < capacity RETURNING ${SLOT_COLUMNS}`,
    [slotId],
  );
  return row;
}

/** Gives a place back (a cancellation, or the old slot of a reschedule). */
export async function releasePlace(tx: Queryable, slotId: string): Promise<void> {
  await tx.query(`UPDATE appointment_slots SET booked = booked - 1 WHERE id = $1`, [slotId]);
}

// ── appointments ─────────────────────────────────────────────────────────────────────────────────────

/** A stored appointment with its service and slot, contact data in clear: never send this to a public client. */
export interface AppointmentRow {
  id: string;
  code: string;
  serviceId: string;
  areaId: string;
  serviceName: LocalizedText;
  place: LocalizedText;
  materials: LocalizedText[];
  mode: AppointmentMode;
  status: AppointmentStatus;
  slotId: string | null;
  slotStartsAt: Date | null;
  slotEndsAt: Date | null;
  preferredDate: string | null;
  address: string | null;
  reason: string | null;
  name: string;
  phone: string;
  phoneKey: string;
  markedBy: string | null;
  markedAt: Date | null;
  cancelledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const APPOINTMENT_SELECT = `SELECT a.id, a.code, a.service_id AS "serviceId", a.area_id AS "areaId", s.name AS "serviceName",
    s.place, s.materials, a.mode, a.status, a.slot_id AS "slotId", sl.starts_at AS "slotStartsAt",
    sl.ends_at AS "slotEndsAt", to_char(a.preferred_date, 'YYYY-MM-DD') AS "preferredDate", a.address, a.reason,
    a.name, a.phone, a.phone_key AS "phoneKey", a.marked_by AS "markedBy", a.marked_at AS "markedAt",
    a.cancelled_at AS "cancelledAt", a.created_at AS "createdAt", a.updated_at AS "updatedAt"
  FROM appointments a
  JOIN appointment_services s ON s.id = a.service_id
  LEFT JOIN appointment_slots sl ON sl.id = a.slot_id`;

export interface NewAppointment {
  serviceId: string;
  areaId: string;
  mode: AppointmentMode;
  slotId: string | null;
  preferredDate: string | null;
  address: string | null;
  reason: string | null;
  name: string;
  phone: string;
  phoneKey: string;
}

export async function insertAppointment(tx: Queryable, appointment: NewAppointment): Promise<AppointmentRow> {
  const id = randomUUID();
  await insertWithFreshCode(CONFIRMATION_CODE_PREFIXES.appointment, async (code) => {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO appointments (id, code, service_id, area_id, mode, slot_id, preferred_date, address, reason, name, phone, phone_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8, $9, $10, $11, $12)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [
        id,
        code,
        appointment.serviceId,
        appointment.areaId,
        appointment.mode,
        appointment.slotId,
        appointment.preferredDate,
        appointment.address,
        appointment.reason,
        appointment.name,
        appointment.phone,
        appointment.phoneKey,
      ],
    );
    return row;
  });
  return (await findAppointment(tx, { id }))!;
}

/** One appointment by id or code; `forUpdate` locks its row until the transaction ends. */
export async function findAppointment(
  db: Queryable,
  by: { id: string } | { code: string },
  { forUpdate = false } = {},
): Promise<AppointmentRow | undefined> {
  const [column, value] = 'id' in by ? ['a.id', by.id] : ['a.code', by.code];
  const [row] = await db.query<AppointmentRow>(
    `${APPOINTMENT_SELECT} WHERE ${column} = $1${forUpdate ? ' FOR UPDATE OF a' : ''}`,
    [value],
  );
  return row;
}

export async function setAppointmentStatus(
  tx: Queryable,
  id: string,
  change: { status: 'cancelled' } | { status: 'attended' | 'no_show'; markedBy: string },
): Promise<void> {
  if (change.status === 'cancelled') {
    await tx.query(
      `UPDATE appointments SET status = 'cancelled', cancelled_at = now(), updated_at = now() WHERE id = $1`,
      [id],
    );
  } else {
    await tx.query(
      `UPDATE appointments SET status = $2, marked_by = $3, marked_at = now(), updated_at = now() WHERE id = $1`,
      [id, change.status, change.markedBy],
    );
  }
}

export async function moveAppointment(
  tx: Queryable,
  id: string,
  to: { slotId: string } | { preferredDate: string },
): Promise<void> {
  if ('slotId' in to) {
    await tx.query(`UPDATE appointments SET slot_id = $2, updated_at = now() WHERE id = $1`, [id, to.slotId]);
  } else {
    await tx.query(`UPDATE appointments SET preferred_date = $2::date, updated_at = now() WHERE id = $1`, [
      id,
      to.preferredDate,
    ]);
  }
}

/**
 * One calendar day (community time) for staff: the slots starting that day with the appointments in
 * them (cancelled ones included, last), and the home visits asked for that day.
 */
export async function appointmentDay(
  db: Queryable,
  date: string,
  serviceId?: string,
): Promise<{ slots: SlotRow[]; appointments: AppointmentRow[]; homeVisits: AppointmentRow[] }> {
  const serviceFilter = serviceId === undefined ? '' : ' AND service_id = $3';
  const params = serviceId === undefined ? [date, COMMUNITY_TIME_ZONE] : [date, COMMUNITY_TIME_ZONE, serviceId];
  const slots = await db.query<SlotRow>(
    `SELECT ${SLOT_COLUMNS} FROM appointment_slots
     WHERE (starts_at AT TIME ZONE $2)::date = $1::date${serviceFilter} ORDER BY starts_at, service_id, id`,
    params,
  );
  const order = `ORDER BY CASE a.status WHEN 'cancelled' THEN 1 ELSE 0 END, a.created_at, a.id`;
  const appointments =
    slots.length === 0
      ? []
      : await db.query<AppointmentRow>(`${APPOINTMENT_SELECT} WHERE a.slot_id = ANY($1) ${order}`, [
          slots.map((slot) => slot.id),
        ]);
  const homeVisits = await db.query<AppointmentRow>(
    `${APPOINTMENT_SELECT} WHERE a.mode = 'home_visit' AND a.preferred_date = $1::date${
      serviceId === undefined ? '' : ' AND a.service_id = $2'
    } ${order}`,
    serviceId === undefined ? [date] : [date, serviceId],
  );
  return { slots, appointments, homeVisits };
}

// ── sample data ──────────────────────────────────────────────────────────────────────────────────────

/**
 * Seeds the sample services, two weeks of slots from today, and the sample residents holding the places
 * the sample shows as taken (so `booked` always equals the bookings that hold a place).
 */
export async function seedAppointments(tx: Queryable): Promise<void> {
  for (const [index, service] of SAMPLE_APPOINTMENT_SERVICES.entries()) {
    await tx.query(
      `INSERT INTO appointment_services (id, area_id, name, description, materials, place, home_visit, sort_order)
       VALUES ($1, $2, $3::text::jsonb, $4::text::jsonb, $5::text::jsonb, $6::text::jsonb, $7, $8)`,
      [
        service.id,
        service.areaId,
        JSON.stringify(service.name),
        service.description ? JSON.stringify(service.description) : null,
        JSON.stringify(service.materials),
        JSON.stringify(service.place),
        service.homeVisit,
        index + 1,
      ],
    );
  }
  const slots = sampleAppointmentSlots(calendarDateOf(new Date())).map((slot) => ({
    ...slot,
    id: randomUUID(),
    startsAt: zonedInstant(slot.date, slot.starts),
    endsAt: zonedInstant(slot.date, slot.ends),
  }));
  // One statement for all of them: the seed runs on every new database, tests included.
  await tx.query(
    `INSERT INTO appointment_slots (id, service_id, starts_at, ends_at, capacity, booked, created_by)
     SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::int[], $6::int[], $7::text[])`,
    [
      slots.map((slot) => slot.id),
      slots.map((slot) => slot.serviceId),
      slots.map((slot) => slot.startsAt.toISOString()),
      slots.map((slot) => slot.endsAt.toISOString()),
      slots.map((slot) => slot.capacity),
      slots.map((slot) => slot.booked),
      slots.map(() => 'sample data'),
    ],
  );
  for (const slot of slots) {
    const service = SAMPLE_APPOINTMENT_SERVICES.find((candidate) => candidate.id === slot.serviceId)!;
    for (const resident of SAMPLE_APPOINTMENT_RESIDENTS.slice(0, slot.booked)) {
      await insertAppointment(tx, {
        serviceId: service.id,
        areaId: service.areaId,
        mode: 'on_site',
        slotId: slot.id,
        preferredDate: null,
        address: null,
        reason: null,
        name: resident.name,
        phone: resident.phone,
        phoneKey: resident.phone,
      });
    }
  }
}
