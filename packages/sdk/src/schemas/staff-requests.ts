import * as z from 'zod/mini';
import { Id, IsoDateTime } from './common.js';
import { ServiceRequestPublic, TrackingCode } from './request.js';
import {
  ASSIGNEE_MAX_LENGTH,
  IsoDate,
  NOTE_MAX_LENGTH,
  REQUEST_STATUSES,
  type RequestStatus,
} from './request-workflow.js';
import { DayOrDateTime } from './stats.js';

export const STAFF_PAGE_SIZE_DEFAULT = 20;
export const STAFF_PAGE_SIZE_MAX = 100;

/** A status filter: one status, `open` (submitted, accepted, in progress), or several joined by commas. */
export type StaffStatusFilter = RequestStatus | 'open';
const STATUS_FILTER_VALUES: readonly string[] = [...REQUEST_STATUSES, 'open'];
export const StatusFilter = z.string().check(
  z.refine((value) => value.split(',').every((part) => STATUS_FILTER_VALUES.includes(part.trim())), {
    message: `One or more of ${STATUS_FILTER_VALUES.join(', ')}, separated by commas`,
  }),
);

/** `GET /v1/staff/requests`: every filter optional; `area` takes in everything inside it; newest first. */
export const StaffRequestListQuery = z.object({
  status: z.optional(StatusFilter),
  category: z.optional(Id),
  area: z.optional(Id),
  /** Reported at or after (a day's start, or an exact time). */
  from: z.optional(DayOrDateTime),
  /** Reported at or before (a day's end, or an exact time). */
  to: z.optional(DayOrDateTime),
  /** 1-based. */
  page: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000)), 1),
  pageSize: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(STAFF_PAGE_SIZE_MAX)), STAFF_PAGE_SIZE_DEFAULT),
});
export type StaffRequestListQuery = z.input<typeof StaffRequestListQuery>;

/** A row of the staff list: contact data in full (staff call residents back). */
export const StaffRequestSummary = z.object({
  code: TrackingCode,
  categoryId: Id,
  areaId: Id,
  areaPath: z.array(z.string()),
  description: z.string(),
  status: z.enum(REQUEST_STATUSES),
  contactName: z.nullable(z.string()),
  contactPhone: z.nullable(z.string()),
  assignedTo: z.nullable(z.string()),
  expectedDate: z.nullable(IsoDate),
  supportCount: z.number().check(z.int(), z.gte(0)),
  photoCount: z.number().check(z.int(), z.gte(0)),
  mergedInto: z.nullable(TrackingCode),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type StaffRequestSummary = z.infer<typeof StaffRequestSummary>;

export const StaffRequestListResponse = z.object({
  items: z.array(StaffRequestSummary),
  /** How many requests match the filters, over all pages. */
  total: z.number().check(z.int(), z.gte(0)),
  page: z.number().check(z.int(), z.gte(1)),
  pageSize: z.number().check(z.int(), z.gte(1)),
});
export type StaffRequestListResponse = z.infer<typeof StaffRequestListResponse>;

/**
 * One request as staff see it: the public view's fields with contact data in full, internal notes in
 * the timeline, the consent record, and the duplicates merged into it.
 */
export const ServiceRequestStaff = z.object({
  ...ServiceRequestPublic.shape,
  onBehalfOf: z.nullable(z.object({ name: z.string(), phone: z.nullable(z.string()), areaId: z.nullable(Id) })),
  consent: z.nullable(z.object({ at: IsoDateTime, privacyNoticeVersion: z.string() })),
  /** Tracking codes of the requests merged into this one. */
  duplicates: z.array(TrackingCode),
  /** How often the resident reopened it. */
  reopenCount: z.number().check(z.int(), z.gte(0)),
});
export type ServiceRequestStaff = z.infer<typeof ServiceRequestStaff>;

const note = z.string().check(z.trim(), z.minLength(1), z.maxLength(NOTE_MAX_LENGTH));

/** `accept`, `start`, `close`: an optional note for the resident. */
export const StaffStepInput = z.object({ note: z.optional(note) });
export type StaffStepInput = z.input<typeof StaffStepInput>;

/** `resolve`: what was done (the resident reads it). */
export const ResolveInput = z.object({ note });
export type ResolveInput = z.input<typeof ResolveInput>;

/** `reject`: why (the resident reads it). */
export const RejectInput = z.object({ reason: note });
export type RejectInput = z.input<typeof RejectInput>;

/** `assign`: to a named person or team ("电工班 李师傅"), shown to the resident. */
export const AssignInput = z.object({
  assignee: z.string().check(z.trim(), z.minLength(1), z.maxLength(ASSIGNEE_MAX_LENGTH)),
  note: z.optional(note),
});
export type AssignInput = z.input<typeof AssignInput>;

/** `notes`: a note in the timeline; `public` ones the resident sees, `internal` ones only staff. */
export const NoteCreate = z.object({
  note,
  visibility: z._default(z.enum(['public', 'internal']), 'internal'),
});
export type NoteCreate = z.input<typeof NoteCreate>;

/** `expected-date`: the day it should be fixed, or null to clear it. */
export const ExpectedDateInput = z.object({ expectedDate: z.nullable(IsoDate), note: z.optional(note) });
export type ExpectedDateInput = z.input<typeof ExpectedDateInput>;

/** `merge`: this request is a duplicate of `into`; it is closed and its supporters count there. */
export const MergeInput = z.object({ into: TrackingCode, note: z.optional(note) });
export type MergeInput = z.input<typeof MergeInput>;

