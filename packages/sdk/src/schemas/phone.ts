import * as z from 'zod/mini';

/**
 * How a phone number reads:
 * - `mainland`: a valid mainland China mobile number (11 digits, 13x–19x), optionally with +86;
 * - `other`: some other plausible number (a landline, a Hong Kong or foreign number) — accepted, worth a hint;
 * - `invalid`: not a phone number, or a mainland mobile number with the wrong digits.
 */
export type PhoneKind = 'mainland' | 'other' | 'invalid';

export function classifyPhone(input: string): PhoneKind {
  const compact = input.replace(/[\s\-()]/g, '');
  // Anything that starts like a mainland mobile number (optionally after +86) must be exactly one.
  const mobile = /^(?:\+86|0086)?(1\d*)$/.exec(compact);
  if (mobile) return /^1[3-9]\d{9}$/.test(mobile[1] ?? '') ? 'mainland' : 'invalid';
  if (!/^\+?\d+$/.test(compact)) return 'invalid';
  const digits = compact.replace(/^\+/, '');
  return digits.length >= 5 && digits.length <= 20 ? 'other' : 'invalid';
}

/** A contact phone: a mainland mobile number, or another plausible number. */
export const Phone = z.string().check(
  z.trim(),
  z.refine((value) => classifyPhone(value) !== 'invalid', { message: 'Enter a valid phone number' }),
);
