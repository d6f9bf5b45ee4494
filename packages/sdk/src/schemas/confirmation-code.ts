import * as z from 'zod/mini';
import { TRACKING_CODE_ALPHABET } from './request.js';

/**
 * Confirmation codes for bookings and sign-ups look like tracking codes, with a prefix that says what
 * they confirm: `AP-7K2M-9QX4` (an appointment), `EV-7K2M-9QX4` (an event registration). Same alphabet
 * (no 0/O, 1/I), so a code read aloud over the phone survives.
 */
export const CONFIRMATION_CODE_PREFIXES = { appointment: 'AP', eventRegistration: 'EV' } as const;
export type ConfirmationCodePrefix = (typeof CONFIRMATION_CODE_PREFIXES)[keyof typeof CONFIRMATION_CODE_PREFIXES];

const CHUNK = `[${TRACKING_CODE_ALPHABET}]{4}`;

function codeSchema(prefix: ConfirmationCodePrefix) {
  return z.string().check(z.regex(new RegExp(`^${prefix}-${CHUNK}-${CHUNK}$`)));
}

/** `AP-XXXX-XXXX`: the code a resident gets for an appointment. */
export const AppointmentCode = codeSchema(CONFIRMATION_CODE_PREFIXES.appointment);
/** `EV-XXXX-XXXX`: the code a resident gets for an event registration. */
export const EventRegistrationCode = codeSchema(CONFIRMATION_CODE_PREFIXES.eventRegistration);

/**
 * Tidies a code as a resident typed it: `ap 7k2m 9qx4` or `7K2M9QX4` → `AP-7K2M-9QX4`. Anything that is
 * not 8 code characters (after the optional prefix) comes back trimmed and upper-cased, and then fails
 * the schema.
 */
export function normalizeConfirmationCode(input: string, prefix: ConfirmationCodePrefix): string {
  const compact = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  // 8 characters are the code alone (which may itself begin with the prefix's letters).
  const body = compact.length === 8 + prefix.length && compact.startsWith(prefix) ? compact.slice(prefix.length) : compact;
  return body.length === 8 ? `${prefix}-${body.slice(0, 4)}-${body.slice(4)}` : input.trim().toUpperCase();
}
