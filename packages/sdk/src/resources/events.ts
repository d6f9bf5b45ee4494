import * as z from 'zod/mini';
import {
  CONFIRMATION_CODE_PREFIXES,
  EventCreate,
  EventListQuery,
  EventListResponse,
  EventPublic,
  EventRegistrationCancel,
  EventRegistrationCreate,
  EventRegistrationPublic,
  EventUpdate,
  Id,
  LocaleSchema,
  StaffEvent,
  StaffEventRegistrationList,
  normalizeConfirmationCode,
  type Locale,
} from '../schemas/index.js';
import { check, signalOf, type CallOptions, type CreateOptions, type Transport } from '../transport.js';

function searchParamsOf(query: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

const eventPath = (id: string) => `v1/events/${encodeURIComponent(check(Id, id, 'request'))}`;
const staffEventPath = (id: string) => `v1/staff/events/${encodeURIComponent(check(Id, id, 'request'))}`;
const registrationPath = (code: string) =>
  `v1/event-registrations/${encodeURIComponent(normalizeConfirmationCode(code, CONFIRMATION_CODE_PREFIXES.eventRegistration))}`;

const CalendarOptions = z.object({ locale: z.optional(LocaleSchema) });

/**
 * Community events: the list for an area, an event as iCalendar, signing up (with a waitlist when full),
 * looking a registration up and cancelling it with the code and phone — and, with a staff token,
 * `staff.*` to publish and edit events and read the registrations (JSON or CSV).
 */
export function eventsResource({ call, createInit, text }: Transport) {
  return {
    /**
     * Events not yet over for an area (its own, the areas above it and below it), in time order, with
     * `seatsLeft` and `waitlisted`. `from`/`to` are community dates (default: the next 60 days).
     */
    async list(query: EventListQuery & CallOptions = {}): Promise<EventPublic[]> {
      const checked = check(EventListQuery, { area: query.area, from: query.from, to: query.to }, 'request');
      return (await call(EventListResponse, 'v1/events', { ...signalOf(query), searchParams: searchParamsOf(checked) })).events;
    },

    /** One event. */
    async get(id: string, opts: CallOptions = {}): Promise<EventPublic> {
      return call(EventPublic, eventPath(id), signalOf(opts));
    },

    /**
     * The event as an iCalendar file (`.ics` text: CRLF lines, UTC times, a stable UID), in `locale`
     * (default: the client's). Save it with a `text/calendar` Blob to offer "add to calendar".
     */
    async calendar(id: string, opts: CallOptions & { locale?: Locale } = {}): Promise<string> {
      const { locale } = check(CalendarOptions, { locale: opts.locale }, 'request');
      return text(`${eventPath(id)}/calendar.ics`, { ...signalOf(opts), searchParams: searchParamsOf({ lang: locale }) });
    },

    /**
     * Signs up for an event. Resolves to the registration with its `code`: `status: 'confirmed'`, or
     * `'waitlisted'` with a `waitlistPosition` when the seats are taken (or others are already waiting).
     * Safe to retry with the same `idempotencyKey`.
     */
    async register(eventId: string, input: EventRegistrationCreate, opts: CreateOptions = {}): Promise<EventRegistrationPublic> {
      const body = check(EventRegistrationCreate, input, 'request');
      return call(EventRegistrationPublic, `${eventPath(eventId)}/registrations`, createInit(body, opts));
    },

    /** A registration by its code (`EV-7K2M-9QX4`; case and spacing forgiven): its status and place in the queue. */
    async registration(code: string, opts: CallOptions = {}): Promise<EventRegistrationPublic> {
      return call(EventRegistrationPublic, registrationPath(code), signalOf(opts));
    },

    /**
     * Cancels with the code and the full phone number used to sign up; the freed seats go to the waitlist
     * in order. Calling it again for a cancelled registration resolves to the same answer.
     */
    async cancelRegistration(code: string, input: EventRegistrationCancel, opts: CallOptions = {}): Promise<EventRegistrationPublic> {
      const body = check(EventRegistrationCancel, input, 'request');
      return call(EventRegistrationPublic, `${registrationPath(code)}/cancel`, { method: 'post', json: body, ...signalOf(opts) });
    },

    /** Staff operations (a token with the `events` or `admin` role). */
    staff: {
      /** Publishes an event. Safe to retry with the same `idempotencyKey`. */
      async create(input: EventCreate, opts: CreateOptions = {}): Promise<StaffEvent> {
        const body = check(EventCreate, input, 'request');
        return call(StaffEvent, 'v1/staff/events', createInit(body, opts));
      },

      /** Changes an event (any fields), or cancels it with `{ status: 'cancelled' }`. More seats promote the waitlist. */
      async update(id: string, changes: EventUpdate, opts: CallOptions = {}): Promise<StaffEvent> {
        const body = check(EventUpdate, changes, 'request');
        return call(StaffEvent, staffEventPath(id), { method: 'patch', json: body, ...signalOf(opts) });
      },

      /** The event and every registration in sign-up order, with names and phone numbers in full. */
      async registrations(id: string, opts: CallOptions = {}): Promise<StaffEventRegistrationList> {
        return call(StaffEventRegistrationList, `${staffEventPath(id)}/registrations`, signalOf(opts));
      },

      /** The registrations as CSV text for a spreadsheet (UTF-8 with a BOM, CRLF lines, header in the client's locale). */
      async registrationsCsv(id: string, opts: CallOptions = {}): Promise<string> {
        return text(`${staffEventPath(id)}/registrations.csv`, signalOf(opts));
      },
    },
  };
}
