import * as z from 'zod/mini';
import { Id, IsoDateTime } from './common.js';
import { Phone } from './phone.js';

/**
 * Where a request stands. The server moves it only along {@link REQUEST_TRANSITIONS}:
 * submitted → accepted → in_progress → resolved | rejected → closed, with a reopen back to
 * in_progress. (This module imports nothing from `request.ts`, which builds on it.)
 */
export const REQUEST_STATUSES = ['submitted', 'accepted', 'in_progress', 'resolved', 'rejected', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Statuses of a request that is still being worked on: the ones a resident may support. */
export const OPEN_REQUEST_STATUSES: readonly RequestStatus[] = ['submitted', 'accepted', 'in_progress'];

/** What can happen to a request; each action is one step of the workflow. */
export const REQUEST_ACTIONS = ['accept', 'start', 'resolve', 'reject', 'close', 'reopen', 'merge'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/**
 * The workflow, as the server enforces it: for each action, the statuses it may start from and the
 * status it leads to. No action skips a step; `reject` may stop a request at any open step;
 * `merge` closes a duplicate (pointing at the request it was merged into); `reopen` is the
 * resident's, within {@link REOPEN_WINDOW_DAYS} of the resolution — also after staff closed it,
 * so closing early cannot take that right away.
 */
export const REQUEST_TRANSITIONS: Readonly<Record<RequestAction, { from: readonly RequestStatus[]; to: RequestStatus }>> = {
  accept: { from: ['submitted'], to: 'accepted' },
  start: { from: ['accepted'], to: 'in_progress' },
  resolve: { from: ['in_progress'], to: 'resolved' },
  reject: { from: ['submitted', 'accepted', 'in_progress'], to: 'rejected' },
  close: { from: ['resolved', 'rejected'], to: 'closed' },
  reopen: { from: ['resolved', 'closed'], to: 'in_progress' },
  merge: { from: ['submitted', 'accepted', 'in_progress'], to: 'closed' },
};

/** Whether `action` may be taken on a request in `status` (reopen's time window is checked apart). */
export function canTransition(status: RequestStatus, action: RequestAction): boolean {
  return REQUEST_TRANSITIONS[action].from.includes(status);
}

/** A resident may reopen a resolved request this many days after its resolution. */
export const REOPEN_WINDOW_DAYS = 14;

export const NOTE_MAX_LENGTH = 1000;
export const ADDRESS_MAX_LENGTH = 200;
export const ASSIGNEE_MAX_LENGTH = 80;
export const RATING_COMMENT_MAX_LENGTH = 500;

const trimmed = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

/** A calendar date, `YYYY-MM-DD` (an expected completion day has no time of day). */
export const IsoDate = z.iso.date();

/** A point from the browser's geolocation (WGS 84 degrees). */
export const GeoPoint = z.object({
  latitude: z.number().check(z.gte(-90), z.lte(90)),
  longitude: z.number().check(z.gte(-180), z.lte(180)),
});
export type GeoPoint = z.infer<typeof GeoPoint>;

/**
 * "Reporting for someone else" (a neighbour, an elderly parent): who the problem concerns and where
 * they live. The reporter's own phone is then required, so staff can call someone who knows.
 */
export const OnBehalfOfInput = z.object({
  name: trimmed(1, 40),
  phone: z.optional(Phone),
  /** Their building or unit, when it is not the request's area. */
  areaId: z.optional(Id),
});
export type OnBehalfOfInput = z.input<typeof OnBehalfOfInput>;

/** The same person in a public view: name and phone masked like the reporter's. */
export const OnBehalfOfPublic = z.object({
  name: z.string(),
  phone: z.nullable(z.string()),
  areaId: z.nullable(Id),
});
export type OnBehalfOfPublic = z.infer<typeof OnBehalfOfPublic>;

/**
 * The resident agreed to the privacy notice of this version (the portal's own notice: the version is
 * whatever the portal calls it, e.g. `2026-01`). Required whenever a report carries personal data
 * (a name, a phone, someone else's details); the server records the time it received it.
 */
export const ConsentInput = z.object({ privacyNoticeVersion: trimmed(1, 40) });
export type ConsentInput = z.input<typeof ConsentInput>;

/** What a timeline entry records: a step of the workflow, or something staff or a resident did. */
export const TIMELINE_KINDS = [
  'submitted',
  'accepted',
  'started',
  'resolved',
  'rejected',
  'closed',
  'reopened',
  /** This request was merged into another (it is closed and points to it). */
  'merged',
  /** Another request was merged into this one (its supporters now count here). */
  'duplicate_merged',
  'assigned',
  'noted',
  'expected_date_set',
  'rated',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const ACTOR_KINDS = ['resident', 'staff', 'system'] as const;

/** Who did something: staff by the name their token carries; residents are never named. */
export const TimelineActor = z.object({
  kind: z.enum(ACTOR_KINDS),
  name: z.nullable(z.string()),
});

/**
 * One entry of a request's history. Public views hold only entries marked `public`; staff see
 * internal notes too.
 */
export const TimelineEntry = z.object({
  id: Id,
  at: IsoDateTime,
  kind: z.enum(TIMELINE_KINDS),
  /** The request's status after this entry. */
  status: z.enum(REQUEST_STATUSES),
  actor: TimelineActor,
  note: z.nullable(z.string()),
  visibility: z.enum(['public', 'internal']),
  /** `assigned`: to whom. */
  assignedTo: z.optional(z.nullable(z.string())),
  /** `expected_date_set`: the day (null when it was cleared). */
  expectedDate: z.optional(z.nullable(IsoDate)),
  /** `merged` / `duplicate_merged`: the other request's tracking code. */
  relatedCode: z.optional(z.string()),
  /** `rated`: the score. */
  score: z.optional(z.number()),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** The resident's rating of a resolved request, given once. */
export const RequestRating = z.object({
  score: z.number().check(z.int(), z.gte(1), z.lte(5)),
  comment: z.nullable(z.string()),
  ratedAt: IsoDateTime,
});
export type RequestRating = z.infer<typeof RequestRating>;

/** `POST /v1/requests/{code}/rating` */
export const RatingCreate = z.object({
  score: z.number().check(z.int(), z.gte(1), z.lte(5)),
  comment: z.optional(trimmed(0, RATING_COMMENT_MAX_LENGTH)),
});
export type RatingCreate = z.input<typeof RatingCreate>;

/** `POST /v1/requests/{code}/reopen`: why it is not fixed (staff read it first). */
export const ReopenCreate = z.object({ reason: trimmed(2, NOTE_MAX_LENGTH) });
export type ReopenCreate = z.input<typeof ReopenCreate>;
