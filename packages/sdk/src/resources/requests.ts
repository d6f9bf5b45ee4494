import {
  RatingCreate,
  ReopenCreate,
  RequestSearchQuery,
  RequestSearchResponse,
  ServiceRequestCreate,
  ServiceRequestPublic,
  SupportResponse,
  normalizeTrackingCode,
  type RequestSummary,
} from '../schemas/index.js';
import { check, signalOf, type CallOptions, type CreateOptions, type Transport } from '../transport.js';

/** `v1/requests/DS-XXXX-XXXX[/suffix]` for a code as a resident typed it. */
export function requestPath(code: string, suffix = ''): string {
  return `v1/requests/${encodeURIComponent(normalizeTrackingCode(code))}${suffix}`;
}

/**
 * What residents do with requests. The staff operations are `staffRequestsResource` (in
 * `./staff-requests.js`; `createClient` puts them at `requests.staff`), so a resident-facing bundle
 * does not carry them.
 */
export function requestsResource(transport: Transport) {
  const { call, callCached, createInit } = transport;
  return {
    /** Reports a problem. Resolves to the public view with the tracking code. */
    async create(input: ServiceRequestCreate, opts: CreateOptions = {}) {
      const body = check(ServiceRequestCreate, input, 'request');
      return call(ServiceRequestPublic, 'v1/requests', createInit(body, opts));
    },
    /**
     * Looks a request up by its tracking code (case and spacing are forgiven). Made for polling: it
     * sends the last answer's ETag, and when nothing changed it resolves to the **same object** as
     * last time (`next === previous`), so a widget re-renders only on a change.
     */
    async get(code: string, opts: CallOptions = {}) {
      return callCached(ServiceRequestPublic, requestPath(code), signalOf(opts));
    },
    /**
     * Open requests of a category in an area (and the areas inside it), newest first, at most a few:
     * what a form shows before submitting ("already reported — add your support").
     */
    async findOpen(query: RequestSearchQuery, opts: CallOptions = {}): Promise<RequestSummary[]> {
      const { category, area, status } = check(RequestSearchQuery, query, 'request');
      const searchParams = { category, area, status };
      return (await call(RequestSearchResponse, 'v1/requests', { ...signalOf(opts), searchParams })).requests;
    },
    /** Adds the resident's support to an open request instead of reporting it again; resolves to the new count. */
    async support(code: string, opts: CreateOptions = {}) {
      return call(SupportResponse, requestPath(code, '/support'), createInit({}, opts));
    },
    /** Rates a resolved request 1–5 with an optional comment, once. A second rating is an `ApiError` 409. */
    async rate(code: string, input: RatingCreate, opts: CreateOptions = {}) {
      const body = check(RatingCreate, input, 'request');
      return call(ServiceRequestPublic, requestPath(code, '/rating'), createInit(body, opts));
    },
    /** Reopens a resolved request within 14 days (`reopenableUntil`), saying what is still wrong. */
    async reopen(code: string, input: ReopenCreate, opts: CreateOptions = {}) {
      const body = check(ReopenCreate, input, 'request');
      return call(ServiceRequestPublic, requestPath(code, '/reopen'), createInit(body, opts));
    },
  };
}
