import * as z from 'zod/mini';

/** The locales every string ships in. `zh-CN` is the default and the fallback. */
export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const LocaleSchema = z.enum(LOCALES);

/** Text the server holds in several languages; `zh-CN` is always present. */
export const LocalizedText = z.object({
  'zh-CN': z.string(),
  'zh-TW': z.optional(z.string()),
  en: z.optional(z.string()),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

/** IDs are opaque strings. */
export const Id = z.string().check(z.minLength(1), z.maxLength(64));

/** ISO 8601 date-time with an offset, e.g. `2026-11-23T09:30:00+08:00` or `...Z`. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** Machine-readable error codes, one per HTTP status family the API uses. */
export const ERROR_CODES = [
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'idempotency_key_reused',
  'payload_too_large',
  'unsupported_media_type',
  'unprocessable',
  'rate_limited',
  'internal',
  'unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The body of every error response: `{ error: { code, message, fields? } }`. */
export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.optional(z.record(z.string(), z.string())),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** Picks the best string of a {@link LocalizedText} for a locale, falling back to zh-CN. */
export function localize(text: LocalizedText, locale: Locale): string {
  return text[locale] ?? text['zh-CN'];
}

/**
 * What a staff token may do. `admin` may do everything; each other role covers one service. Tokens and
 * their roles are configured on the server (`DOORSTEP_STAFF_TOKENS`), never hard-coded.
 */
export const STAFF_ROLES = ['admin', 'requests', 'eldercare', 'volunteering', 'appointments', 'events', 'canteen'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
