import * as z from 'zod/mini';
import { Answers } from './category-question.js';
import { Id, IsoDateTime } from './common.js';
import { Phone } from './phone.js';

export const REQUEST_STATUSES = ['submitted', 'accepted', 'in_progress', 'resolved', 'rejected', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const DESCRIPTION_MIN_LENGTH = 5;
export const DESCRIPTION_MAX_LENGTH = 1000;
export const CONTACT_NAME_MAX_LENGTH = 40;

/** Tracking codes avoid look-alike characters (0/O, 1/I): `DS-7K2M-9QX4`. */
export const TRACKING_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const TrackingCode = z.string().check(z.regex(/^DS-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/));

/** Upper-cases a code a resident typed and tidies spaces, so `ds 7k2m 9qx4` finds `DS-7K2M-9QX4`. */
export function normalizeTrackingCode(input: string): string {
  const compact = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const body = compact.startsWith('DS') ? compact.slice(2) : compact;
  return body.length === 8 ? `DS-${body.slice(0, 4)}-${body.slice(4)}` : input.trim().toUpperCase();
}

/** What a resident sends to report a problem (`POST /v1/requests`). */
export const ServiceRequestCreate = z.object({
  categoryId: Id,
  /** The building (or any area) the problem is in. */
  areaId: Id,
  description: z.string().check(
    z.trim(),
    z.minLength(DESCRIPTION_MIN_LENGTH),
    z.maxLength(DESCRIPTION_MAX_LENGTH),
  ),
  contactName: z.optional(z.string().check(z.trim(), z.maxLength(CONTACT_NAME_MAX_LENGTH))),
  contactPhone: z.optional(Phone),
  /** Answers to the category's extra questions, keyed by question code (see `checkAnswers`). */
  answers: z.optional(Answers),
});
export type ServiceRequestCreate = z.input<typeof ServiceRequestCreate>;

/** A request as anyone holding its tracking code sees it: contact data masked (张** / 138****5678). */
export const ServiceRequestPublic = z.object({
  code: TrackingCode,
  categoryId: Id,
  areaId: Id,
  /** Area names from the district down to the request's area. */
  areaPath: z.array(z.string()),
  description: z.string(),
  status: z.enum(REQUEST_STATUSES),
  contactName: z.nullable(z.string()),
  contactPhone: z.nullable(z.string()),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type ServiceRequestPublic = z.infer<typeof ServiceRequestPublic>;
