import {
  AssignInput,
  ExpectedDateInput,
  MergeInput,
  NoteCreate,
  RejectInput,
  ResolveInput,
  ServiceRequestStaff,
  normalizeTrackingCode,
  StaffRequestListQuery,
  StaffRequestListResponse,
  StaffStepInput,
  type StaffStatusFilter,
} from '../schemas/index.js';
import type * as z from 'zod/mini';
import { check, signalOf, type CallOptions, type CreateOptions, type Transport } from '../transport.js';

/** The list filters; `status` also takes a list (sent comma-separated). */
export type StaffRequestFilters = Omit<StaffRequestListQuery, 'status'> & {
  status?: StaffStatusFilter | readonly StaffStatusFilter[];
};

function staffPath(code: string, suffix = ''): string {
  return `v1/staff/requests/${encodeURIComponent(normalizeTrackingCode(code))}${suffix}`;
}

/**
 * The staff side of requests (`/v1/staff/requests`): every action answers the request as staff see it,
 * and is recorded in its timeline with the token holder's name. Actions are POSTs with an
 * Idempotency-Key, so a retry never adds a second note.
 */
export function staffRequestsResource({ call, createInit }: Transport) {
  const action =
    <S extends z.ZodMiniType>(schema: S, suffix: string) =>
    async (code: string, input: z.input<S>, opts: CreateOptions = {}): Promise<ServiceRequestStaff> =>
      call(ServiceRequestStaff, staffPath(code, suffix), createInit(check(schema, input, 'request'), opts));
  /** A step whose note is optional. */
  const step = (suffix: string) => {
    const send = action(StaffStepInput, suffix);
    return (code: string, input: StaffStepInput = {}, opts: CreateOptions = {}) => send(code, input, opts);
  };
  return {
    /** Requests matching the filters, newest first, a page at a time, with the `total` over all pages. */
    async list(filters: StaffRequestFilters = {}, opts: CallOptions = {}) {
      const status = Array.isArray(filters.status) ? filters.status.join(',') : (filters.status as string | undefined);
      const query = check(StaffRequestListQuery, { ...filters, ...(status === undefined ? {} : { status }) }, 'request');
      const searchParams = Object.fromEntries(
        Object.entries(query).filter(([, value]) => value !== undefined).map(([key, value]) => [key, String(value)]),
      );
      return call(StaffRequestListResponse, 'v1/staff/requests', { ...signalOf(opts), searchParams });
    },
    /** One request with contact data in full and internal notes. */
    async get(code: string, opts: CallOptions = {}) {
      return call(ServiceRequestStaff, staffPath(code), signalOf(opts));
    },
    /** submitted → accepted. */
    accept: step('/accept'),
    /** accepted → in_progress. */
    start: step('/start'),
    /** in_progress → resolved, saying what was done. */
    resolve: action(ResolveInput, '/resolve'),
    /** Stops an open request, with the reason the resident will read. */
    reject: action(RejectInput, '/reject'),
    /** resolved or rejected → closed. */
    close: step('/close'),
    /** Names who works on it; shown to the resident. */
    assign: action(AssignInput, '/assign'),
    /** Adds a note: `visibility: 'public'` for the resident, `'internal'` (the default) for staff only. */
    note: action(NoteCreate, '/notes'),
    /** Sets (or with `null` clears) the day it should be fixed. */
    setExpectedDate: action(ExpectedDateInput, '/expected-date'),
    /** Merges this duplicate into `into`: it is closed and its supporters count there. */
    merge: action(MergeInput, '/merge'),
  };
}
