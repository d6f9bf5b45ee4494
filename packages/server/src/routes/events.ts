import {
  CONFIRMATION_CODE_PREFIXES,
  CalendarDate,
  EventCreate,
  EventRegistrationCancel,
  EventRegistrationCode,
  EventRegistrationCreate,
  EventUpdate,
  Id,
  addDays,
  calendarDateOf,
  localize,
  normalizeConfirmationCode,
  toZonedIso,
  zonedInstant,
  type EventPublic,
  type EventRegistrationPublic,
  type Locale,
  type StaffEvent,
  type StaffEventRegistration,
} from '@doorstep/sdk';
import { Hono, type Context } from 'hono';
import { requireStaff, type StaffEnv } from '../auth.js';
import type { ServerConfig } from '../config.js';
import { toCsv, csvHeaders } from '../csv.js';
import { findArea } from '../db/areas.js';
import type { Database, Queryable } from '../db/database.js';
import {
  addSeats,
  cancelRegistration,
  findEvent,
  findRegistration,
  hasActiveRegistration,
  hasWaitlist,
  insertEvent,
  insertRegistration,
  listEvents,
  listRegistrations,
  promoteWaitlist,
  updateEvent,
  type EventChanges,
  type EventRow,
  type RegistrationRow,
} from '../db/events.js';
import { ApiError, notFound, unprocessable, validationFailed, type FieldMessages } from '../errors.js';
import { icalendar } from '../icalendar.js';
import { idempotentCreate } from '../idempotent-create.js';
import { negotiateLocale, translate } from '../i18n.js';
import { readJsonBody } from '../json-body.js';
import { maskName, maskPhone } from '../mask.js';
import { phoneKey } from '../phone-key.js';
import { parseOrThrow } from '../validation.js';

const DEFAULT_LIST_DAYS = 60;
const MAX_LIST_DAYS = 366;

function toPublicEvent(row: EventRow, now = Date.now()): EventPublic {
  return {
    id: row.id,
    areaId: row.areaId,
    title: row.title,
    ...(row.description ? { description: row.description } : {}),
    place: row.place,
    audience: row.audience,
    startsAt: toZonedIso(row.startsAt),
    endsAt: toZonedIso(row.endsAt),
    capacity: row.capacity,
    seatsLeft: row.capacity - row.seatsTaken,
    waitlisted: row.waitlisted,
    maxPartySize: row.maxPartySize,
    asksChildrenAges: row.asksChildrenAges,
    status: row.status,
    registrationOpen: row.status === 'scheduled' && row.startsAt.getTime() > now,
  };
}

function toStaffEvent(row: EventRow): StaffEvent {
  return {
    ...toPublicEvent(row),
    seatsTaken: row.seatsTaken,
    revision: row.revision,
    createdBy: row.createdBy,
    updatedBy: row.updatedBy,
    createdAt: toZonedIso(row.createdAt),
    updatedAt: toZonedIso(row.updatedAt),
  };
}

/** The view anyone holding the code gets: name and phone masked. */
function toPublicRegistration(row: RegistrationRow): EventRegistrationPublic {
  return {
    code: row.code,
    eventId: row.eventId,
    eventTitle: row.eventTitle,
    startsAt: toZonedIso(row.startsAt),
    endsAt: toZonedIso(row.endsAt),
    place: row.place,
    status: row.status,
    waitlistPosition: row.waitlistPosition,
    people: row.people,
    childrenAges: row.childrenAges,
    name: maskName(row.name),
    phone: maskPhone(row.phone),
    createdAt: toZonedIso(row.createdAt),
    updatedAt: toZonedIso(row.updatedAt),
  };
}

function toStaffRegistration(row: RegistrationRow): StaffEventRegistration {
  return {
    ...toPublicRegistration(row),
    name: row.name,
    phone: row.phone,
    queuePosition: row.queuePosition,
    promotedAt: row.promotedAt && toZonedIso(row.promotedAt),
    cancelledAt: row.cancelledAt && toZonedIso(row.cancelledAt),
  };
}

/** `2026-11-23 09:30` in community time: what a spreadsheet shows and sorts without a time zone. */
function spreadsheetTime(date: Date | null): string {
  return date ? toZonedIso(date).slice(0, 16).replace('T', ' ') : '';
}

function registrationsCsv(rows: RegistrationRow[], locale: Locale): string {
  const t = (key: Parameters<typeof translate>[1]['key']) => translate(locale, { key });
  const header = [
    t('events_csv_queue'),
    t('events_csv_code'),
    t('events_csv_status'),
    t('events_csv_waitlist'),
    t('events_csv_name'),
    t('events_csv_phone'),
    t('events_csv_people'),
    t('events_csv_ages'),
    t('events_csv_created'),
    t('events_csv_promoted'),
    t('events_csv_cancelled'),
  ];
  return toCsv(
    header,
    rows.map((row) => [
      row.queuePosition,
      row.code,
      t(`events_status_${row.status}`),
      row.waitlistPosition,
      row.name,
      row.phone,
      row.people,
      row.childrenAges.join(', '),
      spreadsheetTime(row.createdAt),
      spreadsheetTime(row.promotedAt),
      spreadsheetTime(row.cancelledAt),
    ]),
  );
}

function dateQuery(c: Context, name: string): string | undefined {
  const value = c.req.query(name);
  if (value === undefined) return undefined;
  if (!CalendarDate.safeParse(value).success) throw validationFailed({ [name]: { key: 'field_events_date' } });
  return value;
}

function codeParam(c: Context): string {
  const code = normalizeConfirmationCode(c.req.param('code') ?? '', CONFIRMATION_CODE_PREFIXES.eventRegistration);
  if (!EventRegistrationCode.safeParse(code).success) throw notFound('events_registration_not_found');
  return code;
}

async function eventOr404(db: Queryable, id: string, options?: { forUpdate?: boolean }): Promise<EventRow> {
  const event = Id.safeParse(id).success ? await findEvent(db, id, options) : undefined;
  if (!event) throw notFound('events_not_found');
  return event;
}

const closed = () => new ApiError(409, 'conflict', 'events_closed');

/**
 * Events: residents list upcoming events for an area, download one as `.ics`, sign up (idempotent; a
 * waitlist when full), look a registration up and cancel it with the code and phone; staff (role
 * `events`) publish and edit events and read the registrations as JSON or CSV.
 */
export function eventRoutes(db: Database, config: Pick<ServerConfig, 'staffTokens'>): Hono<StaffEnv> {
  const staff = requireStaff(config.staffTokens, 'events');
  return new Hono<StaffEnv>()
    .get('/v1/events', async (c) => {
      const areaId = c.req.query('area');
      if (areaId !== undefined && !(Id.safeParse(areaId).success && (await findArea(db, areaId)))) throw notFound('area_not_found');
      const from = dateQuery(c, 'from') ?? calendarDateOf(new Date());
      const to = dateQuery(c, 'to') ?? addDays(from, DEFAULT_LIST_DAYS - 1);
      if (to < from || to > addDays(from, MAX_LIST_DAYS - 1)) throw validationFailed({ to: { key: 'field_invalid' } });
      const now = new Date();
      const rows = await listEvents(db, {
        ...(areaId !== undefined ? { areaId } : {}),
        from: zonedInstant(from, '00:00'),
        to: zonedInstant(addDays(to, 1), '00:00'),
        now,
      });
      return c.json({ events: rows.map((row) => toPublicEvent(row, now.getTime())) });
    })
    .get('/v1/events/:id', async (c) => c.json(toPublicEvent(await eventOr404(db, c.req.param('id')))))
    .get('/v1/events/:id/calendar.ics', async (c) => {
      const event = await eventOr404(db, c.req.param('id'));
      // A link has no Accept-Language of its own choosing: `?lang=` says which language to write.
      const locale = negotiateLocale(c.req.query('lang') ?? c.req.header('accept-language'));
      const text = (value: EventRow['title']) => localize(value, locale);
      const body = icalendar(
        [
          {
            uid: `event-${event.id}@doorstep`,
            sequence: event.revision,
            start: event.startsAt,
            end: event.endsAt,
            summary: text(event.title),
            location: text(event.place),
            description: [event.description ? text(event.description) : '', text(event.audience)].filter(Boolean).join('\n\n'),
            cancelled: event.status === 'cancelled',
            lastModified: event.updatedAt,
          },
        ],
        { prodId: '-//Doorstep//Community events//EN', name: translate(locale, { key: 'events_calendar_name' }) },
      );
      return new Response(body, {
        headers: {
          'content-type': 'text/calendar; charset=utf-8',
          'content-disposition': `attachment; filename="event-${event.id.replace(/[^\w-]/g, '')}.ics"`,
          'content-language': locale,
        },
      });
    })
    .post('/v1/events/:id/registrations', async (c) => {
      const eventId = c.req.param('id');
      const input = parseOrThrow(EventRegistrationCreate, await readJsonBody(c));
      return idempotentCreate(c, db, `POST /v1/events/${eventId}/registrations`, input, async (tx) => {
        // The event's row lock makes sign-ups, cancellations and promotions of one event take turns.
        const event = await eventOr404(tx, eventId, { forUpdate: true });
        if (event.status === 'cancelled') throw new ApiError(409, 'conflict', 'events_cancelled');
        if (event.startsAt.getTime() <= Date.now()) throw closed();
        const fields: FieldMessages = {};
        if (input.people > event.maxPartySize) fields.people = { key: 'field_events_party_too_large', params: { max: event.maxPartySize } };
        // Ages are kept only where the event asks: no more personal data than needed.
        const childrenAges = event.asksChildrenAges ? (input.childrenAges ?? []) : [];
        if (event.asksChildrenAges && childrenAges.length === 0) fields.childrenAges = { key: 'field_events_ages_required' };
        else if (childrenAges.length > input.people) fields.childrenAges = { key: 'field_events_ages_too_many' };
        if (Object.keys(fields).length > 0) throw unprocessable(fields);
        if (await hasActiveRegistration(tx, event.id, phoneKey(input.phone))) {
          throw new ApiError(409, 'conflict', 'events_already_registered', { phone: { key: 'field_events_phone_taken' } });
        }
        // Nobody jumps the queue: with people waiting, a new sign-up waits too, even if seats are free.
        const confirmed = !(await hasWaitlist(tx, event.id)) && event.seatsTaken + input.people <= event.capacity;
        const row = await insertRegistration(tx, {
          eventId: event.id,
          name: input.name,
          phone: input.phone,
          people: input.people,
          childrenAges,
          status: confirmed ? 'confirmed' : 'waitlisted',
        });
        if (confirmed) await addSeats(tx, event.id, input.people);
        return { status: 201, body: toPublicRegistration(row) };
      });
    })
    .get('/v1/event-registrations/:code', async (c) => {
      const row = await findRegistration(db, { code: codeParam(c) });
      if (!row) throw notFound('events_registration_not_found');
      return c.json(toPublicRegistration(row));
    })
    .post('/v1/event-registrations/:code/cancel', async (c) => {
      const code = codeParam(c);
      const input = parseOrThrow(EventRegistrationCancel, await readJsonBody(c));
      const row = await db.transaction(async (tx) => {
        const found = await findRegistration(tx, { code });
        if (!found) throw notFound('events_registration_not_found');
        await findEvent(tx, found.eventId, { forUpdate: true });
        const row = (await findRegistration(tx, { id: found.id }, { forUpdate: true }))!;
        if (row.phoneKey !== phoneKey(input.phone)) throw unprocessable({ phone: { key: 'field_events_phone_mismatch' } });
        // A repeat (a retry after a lost answer) answers the cancelled registration again.
        if (row.status === 'cancelled') return row;
        if (row.startsAt.getTime() <= Date.now()) throw closed();
        await cancelRegistration(tx, row.id);
        if (row.status === 'confirmed') {
          await addSeats(tx, row.eventId, -row.people);
          await promoteWaitlist(tx, row.eventId);
        }
        return (await findRegistration(tx, { id: row.id }))!;
      });
      return c.json(toPublicRegistration(row));
    })

    // ── staff ──────────────────────────────────────────────────────────────────────────────────────
    .post('/v1/staff/events', staff, async (c) => {
      const input = parseOrThrow(EventCreate, await readJsonBody(c));
      const createdBy = c.get('staff').name;
      return idempotentCreate(c, db, 'POST /v1/staff/events', input, async (tx) => {
        const startsAt = new Date(input.startsAt);
        const endsAt = new Date(input.endsAt);
        const fields: FieldMessages = {};
        if (!(await findArea(tx, input.areaId))) fields.areaId = { key: 'field_events_unknown_area' };
        if (startsAt.getTime() <= Date.now()) fields.startsAt = { key: 'field_events_starts_past' };
        if (endsAt <= startsAt) fields.endsAt = { key: 'field_events_ends_first' };
        if (Object.keys(fields).length > 0) throw unprocessable(fields);
        const row = await insertEvent(tx, {
          areaId: input.areaId,
          title: input.title,
          description: input.description ?? null,
          place: input.place,
          audience: input.audience,
          startsAt,
          endsAt,
          capacity: input.capacity,
          maxPartySize: input.maxPartySize,
          asksChildrenAges: input.asksChildrenAges,
          createdBy,
        });
        return { status: 201, body: toStaffEvent(row) };
      });
    })
    .patch('/v1/staff/events/:id', staff, async (c) => {
      const input = parseOrThrow(EventUpdate, await readJsonBody(c));
      const updatedBy = c.get('staff').name;
      const row = await db.transaction(async (tx) => {
        const event = await eventOr404(tx, c.req.param('id'), { forUpdate: true });
        const changes: EventChanges = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
        if (Object.keys(changes).length === 0) return event;
        const startsAt = input.startsAt === undefined ? event.startsAt : new Date(input.startsAt);
        const endsAt = input.endsAt === undefined ? event.endsAt : new Date(input.endsAt);
        const fields: FieldMessages = {};
        if (endsAt <= startsAt) fields.endsAt = { key: 'field_events_ends_first' };
        if (input.startsAt !== undefined && startsAt.getTime() <= Date.now()) fields.startsAt = { key: 'field_events_starts_past' };
        if (input.capacity !== undefined && input.capacity < event.seatsTaken) {
          fields.capacity = { key: 'field_events_capacity_below_taken', params: { taken: event.seatsTaken } };
        }
        if (Object.keys(fields).length > 0) throw unprocessable(fields);
        await updateEvent(tx, event.id, { ...changes, startsAt, endsAt }, updatedBy);
        // More seats (or the event back on) go to the waitlist at once, in order.
        await promoteWaitlist(tx, event.id);
        return (await findEvent(tx, event.id))!;
      });
      return c.json(toStaffEvent(row));
    })
    .get('/v1/staff/events/:id/registrations', staff, async (c) => {
      const event = await eventOr404(db, c.req.param('id'));
      const rows = await listRegistrations(db, event.id);
      return c.json({ event: toStaffEvent(event), registrations: rows.map(toStaffRegistration) });
    })
    .get('/v1/staff/events/:id/registrations.csv', staff, async (c) => {
      const event = await eventOr404(db, c.req.param('id'));
      const locale = negotiateLocale(c.req.header('accept-language'));
      const body = registrationsCsv(await listRegistrations(db, event.id), locale);
      return new Response(body, {
        headers: { ...csvHeaders(`event-${event.id.replace(/[^\w-]/g, '')}-registrations.csv`), 'content-language': locale },
      });
    });
}
