import { randomUUID } from 'node:crypto';
import {
  CONFIRMATION_CODE_PREFIXES,
  calendarDateOf,
  zonedInstant,
  type EventStatus,
  type LocalizedText,
  type RegistrationStatus,
} from '@doorstep/sdk';
import { insertWithFreshCode } from '../confirmation-code.js';
import { phoneKey } from '../phone-key.js';
import { SAMPLE_EVENT_REGISTRATIONS, sampleEvents } from '../sample-data/events.js';
import { AREA_AND_BELOW, RELATED_AREAS } from './area-scope.js';
import type { Queryable } from './database.js';

// ── events ───────────────────────────────────────────────────────────────────────────────────────────

export interface EventRow {
  id: string;
  areaId: string;
  title: LocalizedText;
  description: LocalizedText | null;
  place: LocalizedText;
  audience: LocalizedText;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  seatsTaken: number;
  maxPartySize: number;
  asksChildrenAges: boolean;
  status: EventStatus;
  revision: number;
  createdBy: string;
  updatedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Registrations on the waitlist. */
  waitlisted: number;
}

const EVENT_COLUMNS = `e.id, e.area_id AS "areaId", e.title, e.description, e.place, e.audience, e.starts_at AS "startsAt",
  e.ends_at AS "endsAt", e.capacity, e.seats_taken AS "seatsTaken", e.max_party_size AS "maxPartySize",
  e.asks_children_ages AS "asksChildrenAges", e.status, e.revision, e.created_by AS "createdBy",
  e.updated_by AS "updatedBy", e.created_at AS "createdAt", e.updated_at AS "updatedAt",
  (SELECT count(*)::int FROM event_registrations w WHERE w.event_id = e.id AND w.status = 'waitlisted') AS waitlisted`;

/**
 * Events not yet over that start within [from, to), in time order. With `areaId`: those for the area,
 * the areas above it (a subdistrict-wide lecture) and below it (a compound's activity).
 */
export async function listEvents(db: Queryable, query: { areaId?: string; from: Date; to: Date; now: Date }): Promise<EventRow[]> {
  const params: unknown[] = [query.from, query.to, query.now];
  let sql = `SELECT ${EVENT_COLUMNS} FROM events e WHERE e.starts_at >= $1 AND e.starts_at < $2 AND e.ends_at > $3`;
  if (query.areaId !== undefined) {
    params.unshift(query.areaId);
    sql = `${RELATED_AREAS} SELECT ${EVENT_COLUMNS} FROM events e
      WHERE e.area_id IN (SELECT id FROM related) AND e.starts_at >= $2 AND e.starts_at < $3 AND e.ends_at > $4`;
  }
  return db.query<EventRow>(`${sql} ORDER BY e.starts_at, e.id`, params);
}

/** One event; `forUpdate` locks its row — the lock every change to its seats takes first. */
export async function findEvent(db: Queryable, id: string, { forUpdate = false } = {}): Promise<EventRow | undefined> {
  if (forUpdate) await db.query(`SELECT 1 FROM events WHERE id = $1 FOR UPDATE`, [id]);
  const [row] = await db.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = $1`, [id]);
  return row;
}

export interface NewEvent {
  areaId: string;
  title: LocalizedText;
  description: LocalizedText | null;
  place: LocalizedText;
  audience: LocalizedText;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  maxPartySize: number;
  asksChildrenAges: boolean;
  createdBy: string;
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export async function insertEvent(tx: Queryable, event: NewEvent, id: string = randomUUID()): Promise<EventRow> {
  await tx.query(
    `INSERT INTO events (id, area_id, title, description, place, audience, starts_at, ends_at, capacity, max_party_size,
       asks_children_ages, created_by)
     VALUES ($1, $2, $3::text::jsonb, $4::text::jsonb, $5::text::jsonb, $6::text::jsonb, $7, $8, $9, $10, $11, $12)`,
    [
      id,
      event.areaId,
      json(event.title),
      json(event.description),
      json(event.place),
      json(event.audience),
      event.startsAt,
      event.endsAt,
      event.capacity,
      event.maxPartySize,
      event.asksChildrenAges,
      event.createdBy,
    ],
  );
  return (await findEvent(tx, id))!;
}

export interface EventChanges {
  title?: LocalizedText;
  description?: LocalizedText | null;
  place?: LocalizedText;
  audience?: LocalizedText;
  startsAt?: Date;
  endsAt?: Date;
  capacity?: number;
  maxPartySize?: number;
  asksChildrenAges?: boolean;
  status?: EventStatus;
}

const CHANGE_COLUMNS: Record<keyof EventChanges, string> = {
  title: 'title',
  description: 'description',
  place: 'place',
  audience: 'audience',
  startsAt: 'starts_at',
  endsAt: 'ends_at',
  capacity: 'capacity',
  maxPartySize: 'max_party_size',
  asksChildrenAges: 'asks_children_ages',
  status: 'status',
};
const JSON_CHANGES = new Set<keyof EventChanges>(['title', 'description', 'place', 'audience']);

/** Applies the given changes, records who made them and bumps the revision. */
export async function updateEvent(tx: Queryable, id: string, changes: EventChanges, updatedBy: string): Promise<void> {
  const params: unknown[] = [id, updatedBy];
  const sets = ['updated_by = $2', 'updated_at = now()', 'revision = revision + 1'];
  for (const [key, value] of Object.entries(changes) as Array<[keyof EventChanges, unknown]>) {
    if (value === undefined) continue;
    params.push(JSON_CHANGES.has(key) ? json(value) : value);
    sets.push(`${CHANGE_COLUMNS[key]} = $${params.length}${JSON_CHANGES.has(key) ? '::text::jsonb' : ''}`);
  }
  await tx.query(`UPDATE events SET ${sets.join(', ')} WHERE id = $1`, params);
}

// ── registrations ────────────────────────────────────────────────────────────────────────────────────

/** A stored registration with its event's title, place and times, contact data in clear. */
export interface RegistrationRow {
  id: string;
  code: string;
  eventId: string;
  queuePosition: number;
  name: string;
  phone: string;
  phoneKey: string;
  people: number;
  childrenAges: number[];
  status: RegistrationStatus;
  promotedAt: Date | null;
  cancelledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  eventTitle: LocalizedText;
  place: LocalizedText;
  startsAt: Date;
  endsAt: Date;
  /** 1-based place in the queue while waitlisted, else null. */
  waitlistPosition: number | null;
}

const REGISTRATION_SELECT = `SELECT r.id, r.code, r.event_id AS "eventId", r.queue_position AS "queuePosition", r.name, r.phone,
    r.phone_key AS "phoneKey", r.people, r.children_ages AS "childrenAges", r.status, r.promoted_at AS "promotedAt",
    r.cancelled_at AS "cancelledAt", r.created_at AS "createdAt", r.updated_at AS "updatedAt",
    e.title AS "eventTitle", e.place, e.starts_at AS "startsAt", e.ends_at AS "endsAt",
    CASE WHEN r.status = 'waitlisted' THEN (
      SELECT count(*)::int FROM event_registrations w
      WHERE w.event_id = r.event_id AND w.status = 'waitlisted' AND w.queue_position <= r.queue_position
    ) END AS "waitlistPosition"
  FROM event_registrations r JOIN events e ON e.id = r.event_id`;

export async function findRegistration(
  db: Queryable,
  by: { id: string } | { code: string },
  { forUpdate = false } = {},
): Promise<RegistrationRow | undefined> {
  const [column, value] = 'id' in by ? ['r.id', by.id] : ['r.code', by.code];
  const [row] = await db.query<RegistrationRow>(
    `${REGISTRATION_SELECT} WHERE ${column} = $1${forUpdate ? ' FOR UPDATE OF r' : ''}`,
    [value],
  );
  return row;
}

/** Every registration of an event in sign-up order (cancelled ones included). */
export async function listRegistrations(db: Queryable, eventId: string): Promise<RegistrationRow[]> {
  return db.query<RegistrationRow>(`${REGISTRATION_SELECT} WHERE r.event_id = $1 ORDER BY r.queue_position`, [eventId]);
}

/** Whether this phone already holds a registration (confirmed or waitlisted) for the event. */
export async function hasActiveRegistration(db: Queryable, eventId: string, key: string): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM event_registrations WHERE event_id = $1 AND phone_key = $2 AND status <> 'cancelled'`,
    [eventId, key],
  );
  return rows.length > 0;
}

export interface NewRegistration {
  eventId: string;
  name: string;
  phone: string;
  people: number;
  childrenAges: number[];
  status: 'confirmed' | 'waitlisted';
}

export async function insertRegistration(tx: Queryable, registration: NewRegistration): Promise<RegistrationRow> {
  const id = randomUUID();
  await insertWithFreshCode(CONFIRMATION_CODE_PREFIXES.eventRegistration, async (code) => {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO event_registrations (id, code, event_id, name, phone, phone_key, people, children_ages, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::int[], $9)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [
        id,
        code,
        registration.eventId,
        registration.name,
        registration.phone,
        phoneKey(registration.phone),
        registration.people,
        registration.childrenAges,
        registration.status,
      ],
    );
    return row;
  });
  return (await findRegistration(tx, { id }))!;
}

/** Adds `delta` (negative to free) confirmed seats; the CHECK refuses going past capacity. */
export async function addSeats(tx: Queryable, eventId: string, delta: number): Promise<void> {
  await tx.query(`UPDATE events SET seats_taken = seats_taken + $2 WHERE id = $1`, [eventId, delta]);
}

export async function cancelRegistration(tx: Queryable, id: string): Promise<void> {
  await tx.query(
    `UPDATE event_registrations SET status = 'cancelled', cancelled_at = now(), updated_at = now() WHERE id = $1`,
    [id],
  );
}

/**
 * Gives free seats to the waitlist, strictly in sign-up order: the first in the queue is confirmed if
 * the seats for their whole party are free; if not, nobody behind them jumps ahead (the seats wait for
 * more cancellations or more capacity). Call with the event's row locked. Resolves to the ids promoted.
 */
export async function promoteWaitlist(tx: Queryable, eventId: string): Promise<string[]> {
  const promoted: string[] = [];
  for (;;) {
    const [head] = await tx.query<{ id: string; people: number; free: number }>(
      `SELECT r.id, r.people, e.capacity - e.seats_taken AS free
       FROM event_registrations r JOIN events e ON e.id = r.event_id
       WHERE r.event_id = $1 AND r.status = 'waitlisted' AND e.status = 'scheduled'
       ORDER BY r.queue_position LIMIT 1`,
      [eventId],
    );
    if (!head || head.people > head.free) return promoted;
    await tx.query(
      `UPDATE event_registrations SET status = 'confirmed', promoted_at = now(), updated_at = now() WHERE id = $1`,
      [head.id],
    );
    await addSeats(tx, eventId, head.people);
    promoted.push(head.id);
  }
}

// ── figures ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * Events held and their participants, for an area (with every area below it) and a period: events that
 * were not cancelled and started within [from, to) and before `now`; participants are the people of their
 * confirmed registrations (a parent and a child count two). For the community's public figures.
 */
export async function eventFigures(
  db: Queryable,
  query: { areaId?: string; from: Date | null; to: Date | null; now?: Date },
): Promise<{ held: number; participants: number }> {
  const params: unknown[] = [];
  let prefix = '';
  let areaCondition = '';
  if (query.areaId !== undefined) {
    params.push(query.areaId);
    prefix = AREA_AND_BELOW;
    areaCondition = ' AND e.area_id IN (SELECT id FROM within)';
  }
  params.push(query.now ?? new Date());
  let sql = `${prefix} SELECT count(*)::int AS held, coalesce(sum(p.people), 0)::int AS participants
    FROM events e
    LEFT JOIN LATERAL (
      SELECT sum(r.people) AS people FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'confirmed'
    ) p ON true
    WHERE e.status = 'scheduled' AND e.starts_at < $${params.length}${areaCondition}`;
  if (query.from) {
    params.push(query.from);
    sql += ` AND e.starts_at >= $${params.length}`;
  }
  if (query.to) {
    params.push(query.to);
    sql += ` AND e.starts_at < $${params.length}`;
  }
  const [row] = await db.query<{ held: number; participants: number }>(sql, params);
  return row ?? { held: 0, participants: 0 };
}

// ── sample data ──────────────────────────────────────────────────────────────────────────────────────

/** Seeds the sample events around today (one held last week, the rest upcoming) and their registrations. */
export async function seedEvents(tx: Queryable): Promise<void> {
  for (const event of sampleEvents(calendarDateOf(new Date()))) {
    await insertEvent(
      tx,
      {
        areaId: event.areaId,
        title: event.title,
        description: event.description ?? null,
        place: event.place,
        audience: event.audience,
        startsAt: zonedInstant(event.date, event.starts),
        endsAt: zonedInstant(event.date, event.ends),
        capacity: event.capacity,
        maxPartySize: event.maxPartySize,
        asksChildrenAges: event.asksChildrenAges,
        createdBy: 'sample data',
      },
      event.id,
    );
    for (const registration of SAMPLE_EVENT_REGISTRATIONS.filter((candidate) => candidate.eventId === event.id)) {
      const [{ free } = { free: 0 }] = await tx.query<{ free: number; waiting: number }>(
        `SELECT capacity - seats_taken AS free FROM events WHERE id = $1`,
        [event.id],
      );
      const confirmed = registration.people <= free && !(await hasWaitlist(tx, event.id));
      await insertRegistration(tx, { ...registration, status: confirmed ? 'confirmed' : 'waitlisted' });
      if (confirmed) await addSeats(tx, event.id, registration.people);
    }
  }
}

/** Whether anyone is waiting for seats at this event. */
export async function hasWaitlist(db: Queryable, eventId: string): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM event_registrations WHERE event_id = $1 AND status = 'waitlisted' LIMIT 1`, [eventId]);
  return rows.length > 0;
}
