import * as z from 'zod/mini';
import { Answers } from './category-question.js';
import { Id, IsoDateTime } from './common.js';
import { Phone } from './phone.js';
import { MAX_PHOTOS_PER_REQUEST, PhotoRef } from './photo.js';
import {
  ADDRESS_MAX_LENGTH,
  ConsentInput,
  GeoPoint,
  IsoDate,
  OnBehalfOfInput,
  OnBehalfOfPublic,
  REQUEST_STATUSES,
  RequestRating,
  TimelineEntry,
} from './request-workflow.js';

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
  /** Reporting for someone else: who it concerns (the reporter's phone is then required). */
  onBehalfOf: z.optional(OnBehalfOfInput),
  /** Agreement to the privacy notice; required when the report carries a name, a phone or `onBehalfOf`. */
  consent: z.optional(ConsentInput),
  /** Where exactly, from the browser's geolocation. */
  location: z.optional(GeoPoint),
  /** Where exactly, in words ("2单元门口", "东门停车场"). */
  address: z.optional(z.string().check(z.trim(), z.maxLength(ADDRESS_MAX_LENGTH))),
  /** Photos uploaded first with `POST /v1/photos`, at most {@link MAX_PHOTOS_PER_REQUEST}. */
  photoIds: z.optional(z.array(Id).check(z.maxLength(MAX_PHOTOS_PER_REQUEST))),
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
  // The fields below have defaults so that answers from servers older than the workflow still parse.
  /** Reported for someone else: that person, masked like the reporter. */
  onBehalfOf: z._default(z.nullable(OnBehalfOfPublic), null),
  location: z._default(z.nullable(GeoPoint), null),
  address: z._default(z.nullable(z.string()), null),
  /** Answers to the category's questions, keyed by question code (the server always sends them). */
  answers: z.optional(Answers),
  photos: z._default(z.array(PhotoRef), []),
  /** Public history, oldest first: status changes with their notes, public staff notes, and so on. */
  timeline: z._default(z.array(TimelineEntry), []),
  /** The team or person working on it. */
  assignedTo: z._default(z.nullable(z.string()), null),
  /** The day staff expect it to be fixed. */
  expectedDate: z._default(z.nullable(IsoDate), null),
  /** How many residents added their support (including duplicates merged into it). */
  supportCount: z._default(z.number().check(z.int(), z.gte(0)), 0),
  resolvedAt: z._default(z.nullable(IsoDateTime), null),
  /** Until when the resident may reopen it (14 days after the resolution); null when it cannot be reopened. */
  reopenableUntil: z._default(z.nullable(IsoDateTime), null),
  /** Whether a rating may be given now (resolved, not rated yet). */
  ratable: z._default(z.boolean(), false),
  rating: z._default(z.nullable(RequestRating), null),
  /** When this request was merged as a duplicate: the tracking code of the one that carries on. */
  mergedInto: z._default(z.nullable(TrackingCode), null),
});
export type ServiceRequestPublic = z.infer<typeof ServiceRequestPublic>;
