import {
  AppointmentCreate,
  AppointmentCode,
  CONFIRMATION_CODE_PREFIXES,
  HOME_VISIT_MAX_DAYS_AHEAD,
  Phone,
  addDays,
  normalizeConfirmationCode,
  type FieldIssue,
} from '@doorstep/sdk';
import { format, type Locale, type MessageParams } from '../locales/index.js';
import { issuesOf, orderErrors, type FieldError } from '../shared/field-errors.js';
import { appointmentBookingMessages } from './appointment-booking.messages.js';

type Key = keyof (typeof appointmentBookingMessages)['zh-CN'];
const msg = (locale: Locale, key: Key, params?: MessageParams) => format(appointmentBookingMessages, locale, key, params);

/** The booking form's controls (their ids), in page order. */
export const BOOKING_FIELDS = ['service', 'mode', 'day', 'slot', 'date', 'address', 'reason', 'name', 'phone'] as const;
export type BookingField = (typeof BOOKING_FIELDS)[number];

/** What the resident has entered; kept as typed, whatever happens to a submission. */
export interface BookingValues {
  service: string;
  mode: '' | 'on_site' | 'home_visit';
  /** The day chosen to narrow the slots (community date). */
  day: string;
  slot: string;
  /** The day asked for a home visit. */
  date: string;
  address: string;
  reason: string;
  name: string;
  phone: string;
}

export const EMPTY_BOOKING: BookingValues = {
  service: '',
  mode: '',
  day: '',
  slot: '',
  date: '',
  address: '',
  reason: '',
  name: '',
  phone: '',
};

const FIELD_OF_PATH: Record<string, BookingField> = {
  serviceId: 'service',
  mode: 'mode',
  slotId: 'slot',
  preferredDate: 'date',
  address: 'address',
  reason: 'reason',
  name: 'name',
  phone: 'phone',
};

export function bookingFieldOf(path: string): BookingField | undefined {
  return FIELD_OF_PATH[path.split('.')[0] ?? ''];
}

/** The payload for `client.appointments.create` from what was entered. */
export function toCreateInput(values: BookingValues): AppointmentCreate {
  const contact = { serviceId: values.service, name: values.name, phone: values.phone };
  return values.mode === 'home_visit'
    ? { mode: 'home_visit', ...contact, preferredDate: values.date, address: values.address, reason: values.reason }
    : { mode: 'on_site', ...contact, slotId: values.slot };
}

/** A plain-language message for one issue on one control. */
export function bookingMessage(field: BookingField, issue: Pick<FieldIssue, 'code' | 'minimum' | 'maximum'>, values: BookingValues, locale: Locale): string {
  const empty = (value: string) => value.trim() === '';
  switch (field) {
    case 'service':
      return msg(locale, 'error.service.required');
    case 'mode':
      return msg(locale, 'error.mode.required');
    case 'day':
      return msg(locale, 'error.day.required');
    case 'slot':
      return msg(locale, 'error.slot.required');
    case 'date':
      return empty(values.date) ? msg(locale, 'error.date.required') : msg(locale, 'error.date.range', { count: HOME_VISIT_MAX_DAYS_AHEAD });
    case 'address':
      if (empty(values.address)) return msg(locale, 'error.address.required');
      if (issue.code === 'too_big') return msg(locale, 'error.address.tooLong', { count: issue.maximum ?? 0 });
      return msg(locale, 'error.address.tooShort', { count: issue.minimum ?? 0 });
    case 'reason':
      if (issue.code === 'too_big') return msg(locale, 'error.reason.tooLong', { count: issue.maximum ?? 0 });
      return msg(locale, 'error.reason.required');
    case 'name':
      if (issue.code === 'too_big') return msg(locale, 'error.name.tooLong', { count: issue.maximum ?? 0 });
      return msg(locale, 'error.name.required');
    case 'phone':
      return empty(values.phone) ? msg(locale, 'error.phone.required') : msg(locale, 'error.phone.invalid');
  }
}

export type BookingCheck = { ok: true; input: AppointmentCreate } | { ok: false; errors: FieldError<BookingField>[] };

/**
 * Checks what was entered against the SDK's `AppointmentCreate` (the server's own schema), plus what the
 * form itself asks: a service, a mode, a day before a time, a visit day within the allowed range.
 */
export function checkBooking(values: BookingValues, locale: Locale, today: string): BookingCheck {
  // Controls appear one step at a time: only what is on the page can be named in the summary.
  if (!values.service) return { ok: false, errors: [{ field: 'service', message: msg(locale, 'error.service.required') }] };
  if (!values.mode) return { ok: false, errors: [{ field: 'mode', message: msg(locale, 'error.mode.required') }] };
  const errors: FieldError<BookingField>[] = [];
  if (values.mode === 'on_site' && !values.slot && !values.day) errors.push({ field: 'day', message: msg(locale, 'error.day.required') });
  const result = AppointmentCreate.safeParse(toCreateInput(values));
  if (!result.success) {
    for (const issue of issuesOf(result.error)) {
      const field = bookingFieldOf(issue.path);
      // A missing day says more than a missing time.
      if (!field || (field === 'slot' && !values.day)) continue;
      errors.push({ field, message: bookingMessage(field, issue, values, locale) });
    }
  }
  if (values.mode === 'home_visit' && values.date && (values.date <= today || values.date > addDays(today, HOME_VISIT_MAX_DAYS_AHEAD))) {
    errors.push({ field: 'date', message: msg(locale, 'error.date.range', { count: HOME_VISIT_MAX_DAYS_AHEAD }) });
  }
  if (errors.length > 0 || !result.success) return { ok: false, errors: orderErrors(errors, BOOKING_FIELDS) };
  return { ok: true, input: result.data };
}

// ── manage (look up, cancel, reschedule) ──────────────────────────────────────────────────────────────

export const MANAGE_FIELDS = ['manage-code', 'manage-phone', 'new-day', 'new-slot', 'new-date'] as const;
export type ManageField = (typeof MANAGE_FIELDS)[number];

export interface ManageValues {
  code: string;
  phone: string;
  day: string;
  slot: string;
  date: string;
}

export const EMPTY_MANAGE: ManageValues = { code: '', phone: '', day: '', slot: '', date: '' };

export function manageFieldOf(path: string): ManageField | undefined {
  return ({ phone: 'manage-phone', slotId: 'new-slot', preferredDate: 'new-date' } as Record<string, ManageField>)[path];
}

/** The code (tidied) and phone for a look-up, or what is wrong with them. */
export function checkLookup(values: ManageValues, locale: Locale): { ok: true; code: string } | { ok: false; errors: FieldError<ManageField>[] } {
  const errors: FieldError<ManageField>[] = [];
  const code = normalizeConfirmationCode(values.code, CONFIRMATION_CODE_PREFIXES.appointment);
  if (!values.code.trim()) errors.push({ field: 'manage-code', message: msg(locale, 'error.code.required') });
  else if (!AppointmentCode.safeParse(code).success) errors.push({ field: 'manage-code', message: msg(locale, 'error.code.invalid') });
  if (!values.phone.trim()) errors.push({ field: 'manage-phone', message: msg(locale, 'error.phone.required') });
  else if (!Phone.safeParse(values.phone).success) errors.push({ field: 'manage-phone', message: msg(locale, 'error.phone.invalid') });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, code };
}
