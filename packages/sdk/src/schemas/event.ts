import * as z from 'zod/mini';
import { Id, IsoDateTime, LocalizedText } from './common.js';
import { CalendarDate } from './community-calendar.js';
import { EventRegistrationCode } from './confirmation-code.js';
import { Phone } from './phone.js';
import { CONTACT_NAME_MAX_LENGTH } from './request.js';

/** `scheduled` until it happens; staff may `cancelled` it (it stays listed, marked, so nobody turns up). */
export const EVENT_STATUSES = ['scheduled', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/**
 * `confirmed`: has seats. `waitlisted`: in the queue for seats, promoted in order of sign-up when seats
 * free up. `cancelled`: by the resident.
 */
export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const EVENT_CAPACITY_MAX = 2000;
export const EVENT_PARTY_SIZE_MAX = 10;
export const CHILD_AGE_MAX = 17;

const ContactName = z.string().check(z.trim(), z.minLength(1), z.maxLength(CONTACT_NAME_MAX_LENGTH));

/** A community activity as residents see it, with the seats still free. */
export const EventPublic = z.object({
  id: Id,
  /** The area it is for (a community, a compound, a whole subdistrict). */
  areaId: Id,
  title: LocalizedText,
  description: z.optional(LocalizedText),
  place: LocalizedText,
  /** Who it is for, e.g. "3–6 岁儿童及家长". */
  audience: LocalizedText,
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  /** Seats in all (a seat per person, children included). */
  capacity: z.int().check(z.positive()),
  seatsLeft: z.int().check(z.nonnegative()),
  /** People waiting for seats (registrations on the waitlist). */
  waitlisted: z.int().check(z.nonnegative()),
  /** Most people one registration may bring. */
  maxPartySize: z.int().check(z.positive()),
  /** Whether sign-up asks the children's ages (parent-child activities). */
  asksChildrenAges: z.boolean(),
  status: z.enum(EVENT_STATUSES),
  /** Whether sign-up is open: scheduled and not yet started. */
  registrationOpen: z.boolean(),
});
export type EventPublic = z.infer<typeof EventPublic>;

/** `GET /v1/events` */
export const EventListResponse = z.object({ events: z.array(EventPublic) });

/** `GET /v1/events` query: an area and a period of calendar days (community time). */
export const EventListQuery = z.object({
  area: z.optional(Id),
  from: z.optional(CalendarDate),
  to: z.optional(CalendarDate),
});
export type EventListQuery = z.input<typeof EventListQuery>;

/** What a resident sends to sign up (`POST /v1/events/{id}/registrations`). */
export const EventRegistrationCreate = z.object({
  name: ContactName,
  phone: Phone,
  /** How many people come, the resident included. */
  people: z.int().check(z.positive(), z.maximum(EVENT_PARTY_SIZE_MAX)),
  /** The children's ages in years, where the event asks (one per child coming). */
  childrenAges: z.optional(z.array(z.int().check(z.nonnegative(), z.maximum(CHILD_AGE_MAX))).check(z.maxLength(EVENT_PARTY_SIZE_MAX))),
});
export type EventRegistrationCreate = z.input<typeof EventRegistrationCreate>;

/** A registration as anyone holding its code sees it: name and phone masked. */
export const EventRegistrationPublic = z.object({
  code: EventRegistrationCode,
  eventId: Id,
  eventTitle: LocalizedText,
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  place: LocalizedText,
  status: z.enum(REGISTRATION_STATUSES),
  /** 1 for the first in the queue; `null` unless waitlisted. */
  waitlistPosition: z.nullable(z.int().check(z.positive())),
  people: z.int().check(z.positive()),
  childrenAges: z.array(z.int()),
  name: z.string(),
  phone: z.string(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type EventRegistrationPublic = z.infer<typeof EventRegistrationPublic>;

/** Proves the registration is yours: the full phone number it was made with (not only its last four digits). */
export const EventRegistrationCancel = z.object({ phone: Phone });
export type EventRegistrationCancel = z.input<typeof EventRegistrationCancel>;

// ── staff ──────────────────────────────────────────────────────────────────────────────────────────

const EventFields = {
  areaId: Id,
  title: LocalizedText,
  description: z.optional(LocalizedText),
  place: LocalizedText,
  audience: LocalizedText,
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  capacity: z.int().check(z.positive(), z.maximum(EVENT_CAPACITY_MAX)),
  maxPartySize: z.int().check(z.positive(), z.maximum(EVENT_PARTY_SIZE_MAX)),
  asksChildrenAges: z.boolean(),
};

/** `POST /v1/staff/events`: publish an activity. */
export const EventCreate = z.object({
  ...EventFields,
  maxPartySize: z._default(EventFields.maxPartySize, 4),
  asksChildrenAges: z._default(EventFields.asksChildrenAges, false),
});
export type EventCreate = z.input<typeof EventCreate>;

/**
 * `PATCH /v1/staff/events/{id}`: change any of the fields, or cancel it (`status: 'cancelled'`). More
 * seats promote the waitlist; fewer than are already confirmed are refused.
 */
export const EventUpdate = z.object({
  title: z.optional(EventFields.title),
  description: z.optional(z.nullable(LocalizedText)),
  place: z.optional(EventFields.place),
  audience: z.optional(EventFields.audience),
  startsAt: z.optional(EventFields.startsAt),
  endsAt: z.optional(EventFields.endsAt),
  capacity: z.optional(EventFields.capacity),
  maxPartySize: z.optional(EventFields.maxPartySize),
  asksChildrenAges: z.optional(EventFields.asksChildrenAges),
  status: z.optional(z.enum(EVENT_STATUSES)),
});
export type EventUpdate = z.input<typeof EventUpdate>;

/** An event as staff see it: who published and last changed it, and how often it changed. */
export const StaffEvent = z.object({
  ...EventPublic.shape,
  /** Confirmed seats. */
  seatsTaken: z.int().check(z.nonnegative()),
  /** Grows with every change; calendars use it (iCalendar SEQUENCE) to replace an imported copy. */
  revision: z.int().check(z.nonnegative()),
  createdBy: z.string(),
  updatedBy: z.nullable(z.string()),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type StaffEvent = z.infer<typeof StaffEvent>;

/** A registration as staff see it: contact details in full, in sign-up order. */
export const StaffEventRegistration = z.object({
  ...EventRegistrationPublic.shape,
  /** The order of sign-up (the waitlist's order). */
  queuePosition: z.int().check(z.positive()),
  promotedAt: z.nullable(IsoDateTime),
  cancelledAt: z.nullable(IsoDateTime),
});
export type StaffEventRegistration = z.infer<typeof StaffEventRegistration>;

/** `GET /v1/staff/events/{id}/registrations` */
export const StaffEventRegistrationList = z.object({ event: StaffEvent, registrations: z.array(StaffEventRegistration) });
export type StaffEventRegistrationList = z.infer<typeof StaffEventRegistrationList>;
