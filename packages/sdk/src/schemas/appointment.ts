import * as z from 'zod/mini';
import { Id, IsoDateTime, LocalizedText } from './common.js';
import { CalendarDate } from './community-calendar.js';
import { AppointmentCode } from './confirmation-code.js';
import { Phone } from './phone.js';
import { CONTACT_NAME_MAX_LENGTH } from './request.js';

/** `on_site`: the resident comes to the service station in a slot; `home_visit`: staff come to them. */
export const APPOINTMENT_MODES = ['on_site', 'home_visit'] as const;
export type AppointmentMode = (typeof APPOINTMENT_MODES)[number];

/**
 * `booked` until the day, then staff mark `attended` or `no_show`; the resident may `cancelled` it before
 * it starts. Home visits use the same states (`attended` = the visit happened).
 */
export const APPOINTMENT_STATUSES = ['booked', 'cancelled', 'attended', 'no_show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const APPOINTMENT_ADDRESS_MIN_LENGTH = 5;
export const APPOINTMENT_ADDRESS_MAX_LENGTH = 200;
export const APPOINTMENT_REASON_MIN_LENGTH = 2;
export const APPOINTMENT_REASON_MAX_LENGTH = 500;
/** A home visit can be asked for from tomorrow up to this many days ahead. */
export const HOME_VISIT_MAX_DAYS_AHEAD = 60;
export const SLOT_MAX_CAPACITY = 500;
export const SLOTS_PER_PUBLISH_MAX = 100;

const ContactName = z.string().check(z.trim(), z.minLength(1), z.maxLength(CONTACT_NAME_MAX_LENGTH));

/** Something residents can book, e.g. 优抚卡办理 (the veteran preferential card) or 养老资格认证. */
export const AppointmentService = z.object({
  id: Id,
  /** The community (or other area) whose service station offers it. */
  areaId: Id,
  name: LocalizedText,
  description: z.optional(LocalizedText),
  /** What to bring, one item each (ID card, household register, a photo…). */
  materials: z.array(LocalizedText),
  /** Where on-site appointments take place. */
  place: LocalizedText,
  /** Whether residents who cannot come may ask for a home visit instead. */
  homeVisit: z.boolean(),
});
export type AppointmentService = z.infer<typeof AppointmentService>;

/** `GET /v1/appointments/services` */
export const AppointmentServiceListResponse = z.object({ services: z.array(AppointmentService) });

/** A batch of on-site appointments: a time window with room for `capacity` residents. */
export const AppointmentSlot = z.object({
  id: Id,
  serviceId: Id,
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  capacity: z.int().check(z.positive()),
  /** Places still free (0 = full). */
  remaining: z.int().check(z.nonnegative()),
});
export type AppointmentSlot = z.infer<typeof AppointmentSlot>;

/** `GET /v1/appointments/services/{id}/slots` */
export const AppointmentSlotListResponse = z.object({ slots: z.array(AppointmentSlot) });

const OnSiteCreate = z.object({
  mode: z.literal('on_site'),
  serviceId: Id,
  slotId: Id,
  name: ContactName,
  phone: Phone,
});

const HomeVisitCreate = z.object({
  mode: z.literal('home_visit'),
  serviceId: Id,
  /** The day the resident would like the visit (from tomorrow, community time). */
  preferredDate: CalendarDate,
  address: z.string().check(z.trim(), z.minLength(APPOINTMENT_ADDRESS_MIN_LENGTH), z.maxLength(APPOINTMENT_ADDRESS_MAX_LENGTH)),
  /** Why the resident cannot come (bedridden, just out of hospital…). */
  reason: z.string().check(z.trim(), z.minLength(APPOINTMENT_REASON_MIN_LENGTH), z.maxLength(APPOINTMENT_REASON_MAX_LENGTH)),
  name: ContactName,
  phone: Phone,
});

/** What a resident sends to book (`POST /v1/appointments`): an on-site slot, or a home visit. */
export const AppointmentCreate = z.discriminatedUnion('mode', [OnSiteCreate, HomeVisitCreate]);
export type AppointmentCreate = z.input<typeof AppointmentCreate>;

const SlotTime = z.object({ id: Id, startsAt: IsoDateTime, endsAt: IsoDateTime });

/** An appointment as anyone holding its code sees it: name and phone masked, no address or reason. */
export const AppointmentPublic = z.object({
  code: AppointmentCode,
  serviceId: Id,
  serviceName: LocalizedText,
  mode: z.enum(APPOINTMENT_MODES),
  status: z.enum(APPOINTMENT_STATUSES),
  /** The on-site slot; `null` for a home visit. */
  slot: z.nullable(SlotTime),
  /** The day asked for a home visit; `null` on site. */
  preferredDate: z.nullable(CalendarDate),
  /** Where to go; `null` for a home visit. */
  place: z.nullable(LocalizedText),
  materials: z.array(LocalizedText),
  name: z.string(),
  phone: z.string(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type AppointmentPublic = z.infer<typeof AppointmentPublic>;

/**
 * Proves the appointment is yours: the phone number given when booking, in full (spaces, dashes and a
 * +86 prefix are forgiven). Not the last four digits: the public view already shows those.
 */
export const AppointmentCancel = z.object({ phone: Phone });
export type AppointmentCancel = z.input<typeof AppointmentCancel>;

/** Moves a booking: a new slot of the same service (on site) or a new day (home visit). */
export const AppointmentReschedule = z.object({
  phone: Phone,
  slotId: z.optional(Id),
  preferredDate: z.optional(CalendarDate),
});
export type AppointmentReschedule = z.input<typeof AppointmentReschedule>;

// ── staff ──────────────────────────────────────────────────────────────────────────────────────────

/** One slot to publish. */
export const AppointmentSlotInput = z.object({
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  capacity: z.int().check(z.positive(), z.maximum(SLOT_MAX_CAPACITY)),
});

/** `POST /v1/staff/appointments/slots`: publish slots for one service (e.g. a morning in 30-minute batches). */
export const AppointmentSlotsPublish = z.object({
  serviceId: Id,
  slots: z.array(AppointmentSlotInput).check(z.minLength(1), z.maxLength(SLOTS_PER_PUBLISH_MAX)),
});
export type AppointmentSlotsPublish = z.input<typeof AppointmentSlotsPublish>;

/** A slot as staff see it: how many are booked as well as what remains. */
export const StaffAppointmentSlot = z.object({
  ...AppointmentSlot.shape,
  booked: z.int().check(z.nonnegative()),
  createdBy: z.string(),
});
export type StaffAppointmentSlot = z.infer<typeof StaffAppointmentSlot>;

export const AppointmentSlotsPublished = z.object({ slots: z.array(StaffAppointmentSlot) });

/** An appointment as staff see it: contact details, address and reason in full. */
export const StaffAppointment = z.object({
  ...AppointmentPublic.shape,
  address: z.nullable(z.string()),
  reason: z.nullable(z.string()),
  /** Who marked it attended or no-show, and when. */
  markedBy: z.nullable(z.string()),
  markedAt: z.nullable(IsoDateTime),
  cancelledAt: z.nullable(IsoDateTime),
});
export type StaffAppointment = z.infer<typeof StaffAppointment>;

/** `GET /v1/staff/appointments/day`: one day's slots with who booked them, and the home visits asked for that day. */
export const AppointmentDay = z.object({
  date: CalendarDate,
  slots: z.array(z.object({ ...StaffAppointmentSlot.shape, appointments: z.array(StaffAppointment) })),
  homeVisits: z.array(StaffAppointment),
});
export type AppointmentDay = z.infer<typeof AppointmentDay>;

/** `POST /v1/staff/appointments/{code}/outcome` */
export const AppointmentOutcome = z.object({ status: z.enum(['attended', 'no_show']) });
export type AppointmentOutcome = z.input<typeof AppointmentOutcome>;
