import type * as z from 'zod/mini';
import {
  EldercareApplicationCreate,
  EldercareApplicationPublic,
  EldercareApplicationStaff,
  EldercareApprove,
  EldercareListQuery,
  EldercareListResponse,
  EldercareMealCounts,
  EldercareProgramsResponse,
  EldercareReencryptResult,
  EldercareReject,
  EldercareRoster,
  EldercareRosterQuery,
  EldercareStatusCheck,
  EldercareWaitlist,
  Id,
  normalizeReferenceCode,
} from '../schemas/index.js';
import { check, signalOf, type CallOptions, type CreateOptions, type Transport } from '../transport.js';

/** Query parameters as strings, leaving out those not given. */
function searchParamsOf(query: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  );
}

/**
 * Elder-care signup (`/v1/eldercare`) and its staff side (`/v1/staff/eldercare`, with a token holding
 * the `eldercare` role). Creates and staff decisions send an Idempotency-Key, so a retry never files
 * twice or records a decision twice.
 */
export function eldercareResource({ call, createInit, text }: Transport) {
  const staffPath = (id: string, suffix = '') => {
    check(Id, id, 'request');
    return `v1/staff/eldercare/applications/${encodeURIComponent(id)}${suffix}`;
  };
  const decision =
    <S extends z.ZodMiniType>(schema: S, suffix: string) =>
    async (id: string, input: z.input<S>, opts: CreateOptions = {}): Promise<EldercareApplicationStaff> =>
      call(EldercareApplicationStaff, staffPath(id, suffix), createInit(check(schema, input, 'request'), opts));

  return {
    /**
     * The programs (services, prices, eligibility and subsidy rules) of the community `area` belongs
     * to; `area` may be the community itself or any compound, building or unit in it.
     */
    async programs(area: string, opts: CallOptions = {}): Promise<EldercareProgramsResponse> {
      check(Id, area, 'request');
      return call(EldercareProgramsResponse, 'v1/eldercare/programs', { ...signalOf(opts), searchParams: { area } });
    },
    /** Sends an application. Resolves to the applicant's (masked) view with the reference `code`. */
    async apply(input: EldercareApplicationCreate, opts: CreateOptions = {}): Promise<EldercareApplicationPublic> {
      const body = check(EldercareApplicationCreate, input, 'request');
      return call(EldercareApplicationPublic, 'v1/eldercare/applications', createInit(body, opts));
    },
    /**
     * Where an application stands, for whoever holds its reference code and the last 4 digits of a phone
     * number in it. A wrong code and wrong digits get the same 404, so neither can be guessed apart.
     */
    async status(code: string, phoneLast4: string, opts: CallOptions = {}): Promise<EldercareApplicationPublic> {
      const body = check(EldercareStatusCheck, { code: normalizeReferenceCode(code), phoneLast4: phoneLast4.trim() }, 'request');
      // Looking up changes nothing, so it is safe to retry like a GET.
      return call(EldercareApplicationPublic, 'v1/eldercare/applications/status', {
        ...createInit(body, opts),
        headers: {},
      });
    },
    /** Staff operations: the token given to `createClient` needs the `eldercare` role (or `admin`). */
    staff: {
      /** Applications matching the filters, newest first, a page at a time, with the `total` over all pages. */
      async list(query: EldercareListQuery = {}, opts: CallOptions = {}): Promise<EldercareListResponse> {
        const checked = check(EldercareListQuery, query, 'request');
        return call(EldercareListResponse, 'v1/staff/eldercare/applications', { ...signalOf(opts), searchParams: searchParamsOf(checked) });
      },
      /** One application in full: decrypted personal and health data, eligibility outcome, history. */
      async get(id: string, opts: CallOptions = {}): Promise<EldercareApplicationStaff> {
        return call(EldercareApplicationStaff, staffPath(id), signalOf(opts));
      },
      /** Approves with the services granted and the first day they run (also changes an approved grant). */
      approve: decision(EldercareApprove, '/approve'),
      /** Puts it on the waiting list, optionally saying why. */
      waitlist: decision(EldercareWaitlist, '/waitlist'),
      /** Turns it down, saying why (the applicant reads the reason). */
      reject: decision(EldercareReject, '/reject'),
      /** The day's meal-delivery route and the canteen's counts; `date` defaults to today in Asia/Shanghai. */
      async roster(query: EldercareRosterQuery, opts: CallOptions = {}): Promise<EldercareRoster> {
        const checked = check(EldercareRosterQuery, query, 'request');
        return call(EldercareRoster, 'v1/staff/eldercare/roster', { ...signalOf(opts), searchParams: searchParamsOf(checked) });
      },
      /** Just the day's counts per meal (deliveries, dine-in, diets), for a token with the `canteen` role. */
      async mealCounts(query: EldercareRosterQuery, opts: CallOptions = {}): Promise<EldercareMealCounts> {
        const checked = check(EldercareRosterQuery, query, 'request');
        return call(EldercareMealCounts, 'v1/staff/eldercare/meal-counts', { ...signalOf(opts), searchParams: searchParamsOf(checked) });
      },
      /** The same roster as CSV text starting with a byte-order mark (so Excel reads the Chinese), ready to save. */
      async rosterCsv(query: EldercareRosterQuery, opts: CallOptions = {}): Promise<string> {
        const checked = check(EldercareRosterQuery, query, 'request');
        const csv = await text('v1/staff/eldercare/roster.csv', {
          ...signalOf(opts),
          searchParams: searchParamsOf(checked),
          headers: { accept: 'text/csv' },
        });
        // Decoding the body drops the server's byte-order mark; put it back so the text saves as Excel expects.
        return csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`;
      },
      /**
       * Seals every stored value again with the current (first) key, after a key rotation. Needs the
       * `admin` role. Safe to repeat: values already under the current key are left alone.
       */
      async reencrypt(opts: CallOptions = {}): Promise<EldercareReencryptResult> {
        return call(EldercareReencryptResult, 'v1/staff/eldercare/reencrypt', { ...signalOf(opts), method: 'post' });
      },
    },
  };
}
