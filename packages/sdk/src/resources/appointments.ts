import {
  AppointmentCancel,
  AppointmentCreate,
  AppointmentDay,
  AppointmentOutcome,
  AppointmentPublic,
  AppointmentReschedule,
  AppointmentServiceListResponse,
  AppointmentSlotListResponse,
  AppointmentSlotsPublish,
  AppointmentSlotsPublished,
  CONFIRMATION_CODE_PREFIXES,
  CalendarDate,
  Id,
  StaffAppointment,
  normalizeConfirmationCode,
  type AppointmentService,
  type AppointmentSlot,
  type StaffAppointmentSlot,
} from '../schemas/index.js';
import * as z from 'zod/mini';
import { check, signalOf, type CallOptions, type CreateOptions, type Transport } from '../transport.js';

const ServicesQuery = z.object({ area: z.optional(Id) });
const SlotsQuery = z.object({ from: z.optional(CalendarDate), to: z.optional(CalendarDate) });
const DayQuery = z.object({ date: z.optional(CalendarDate), serviceId: z.optional(Id) });

/** Query parameters without the ones left out. */
function searchParamsOf(query: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

const codePath = (code: string) =>
  `v1/appointments/${encodeURIComponent(normalizeConfirmationCode(code, CONFIRMATION_CODE_PREFIXES.appointment))}`;

/**
 * Appointments: services and their free slots, booking (on site or a home visit), looking a booking up,
 * cancelling and rescheduling with the code and phone — and, with a staff token, `staff.*`.
 */
export function appointmentsResource({ call, createInit }: Transport) {
  return {
    /** Services residents can book; with `area`, those offered there, above it and below it. */
    async services(opts: CallOptions & { area?: string } = {}): Promise<AppointmentService[]> {
      const query = check(ServicesQuery, { area: opts.area }, 'request');
      const init = { ...signalOf(opts), searchParams: searchParamsOf(query) };
      return (await call(AppointmentServiceListResponse, 'v1/appointments/services', init)).services;
    },

    /**
     * A service's slots that have not started, in time order, with the places remaining. `from` and `to`
     * are calendar days in the community's time zone (default: the next 14 days).
     */
    async slots(serviceId: string, opts: CallOptions & { from?: string; to?: string } = {}): Promise<AppointmentSlot[]> {
      check(Id, serviceId, 'request');
      const query = check(SlotsQuery, { from: opts.from, to: opts.to }, 'request');
      const init = { ...signalOf(opts), searchParams: searchParamsOf(query) };
      return (await call(AppointmentSlotListResponse, `v1/appointments/services/${encodeURIComponent(serviceId)}/slots`, init)).slots;
    },

    /**
     * Books an on-site slot (`mode: 'on_site'`) or asks for a home visit (`mode: 'home_visit'`). Resolves to
     * the masked view with the confirmation `code`. A full slot rejects with an `ApiError` of status 409
     * whose `fields.slotId` says so. Safe to retry with the same `idempotencyKey`.
     */
    async create(input: AppointmentCreate, opts: CreateOptions = {}): Promise<AppointmentPublic> {
      const body = check(AppointmentCreate, input, 'request');
      return call(AppointmentPublic, 'v1/appointments', createInit(body, opts));
    },

    /** Looks an appointment up by its code (`AP-7K2M-9QX4`; case and spacing are forgiven). */
    async get(code: string, opts: CallOptions = {}): Promise<AppointmentPublic> {
      return call(AppointmentPublic, codePath(code), signalOf(opts));
    },

    /**
     * Cancels with the code and the full phone number the booking was made with. Calling it again for a
     * cancelled appointment resolves to the same cancelled view, so a resident may simply try again.
     */
    async cancel(code: string, input: AppointmentCancel, opts: CallOptions = {}): Promise<AppointmentPublic> {
      const body = check(AppointmentCancel, input, 'request');
      return call(AppointmentPublic, `${codePath(code)}/cancel`, { method: 'post', json: body, ...signalOf(opts) });
    },

    /** Moves a booking to another slot of the same service (`slotId`), or a home visit to another day (`preferredDate`). */
    async reschedule(code: string, input: AppointmentReschedule, opts: CallOptions = {}): Promise<AppointmentPublic> {
      const body = check(AppointmentReschedule, input, 'request');
      return call(AppointmentPublic, `${codePath(code)}/reschedule`, { method: 'post', json: body, ...signalOf(opts) });
    },

    /** Staff operations (a token with the `appointments` or `admin` role). */
    staff: {
      /** Publishes slots for one service; all are stored or none. Safe to retry with the same `idempotencyKey`. */
      async publishSlots(input: AppointmentSlotsPublish, opts: CreateOptions = {}): Promise<StaffAppointmentSlot[]> {
        const body = check(AppointmentSlotsPublish, input, 'request');
        return (await call(AppointmentSlotsPublished, 'v1/staff/appointments/slots', createInit(body, opts))).slots;
      },

      /** One day's slots with who booked them, and the home visits asked for that day (default: today, community time). */
      async day(opts: CallOptions & { date?: string; serviceId?: string } = {}): Promise<AppointmentDay> {
        const query = check(DayQuery, { date: opts.date, serviceId: opts.serviceId }, 'request');
        return call(AppointmentDay, 'v1/staff/appointments/day', { ...signalOf(opts), searchParams: searchParamsOf(query) });
      },

      /** Records that the resident came (`attended`) or did not (`no_show`); a later call corrects it. */
      async markOutcome(code: string, status: AppointmentOutcome['status'], opts: CallOptions = {}): Promise<StaffAppointment> {
        const body = check(AppointmentOutcome, { status }, 'request');
        const path = `v1/staff/appointments/${encodeURIComponent(normalizeConfirmationCode(code, CONFIRMATION_CODE_PREFIXES.appointment))}/outcome`;
        return call(StaffAppointment, path, { method: 'post', json: body, ...signalOf(opts) });
      },
    },
  };
}
