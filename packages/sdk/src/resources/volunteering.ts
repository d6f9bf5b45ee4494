import type { Options } from '../http.js';
import type * as z from 'zod/mini';
import {
  VolunteerAccessKey,
  VolunteerAccessKeyResponse,
  HoursCertificate,
  HoursCertificateQuery,
  HoursEntriesExportQuery,
  HoursEntry,
  HoursEntryApprove,
  HoursEntryCreate,
  HoursEntryEdit,
  HoursEntryListQuery,
  HoursEntryListResponse,
  HoursEntryReject,
  HoursGoalResponse,
  HoursGoalSet,
  HoursQuery,
  HoursSummary,
  Id,
  StaffHoursEntry,
  StaffHoursEntryListQuery,
  StaffHoursEntryListResponse,
  StaffVolunteerListResponse,
  VolunteerTeam,
  VolunteerTeamCreate,
  VolunteerTeamListQuery,
  VolunteerTeamListResponse,
  HoursTotalsExportQuery,
  VolunteerCode,
  VolunteerSelf,
  VolunteerSignup,
  VolunteerSignupResult,
  normalizeVolunteerAccessKey,
  normalizeVolunteerCode,
  type HoursTotalsGroup,
} from '../schemas/index.js';
import { check, signalOf, type CallOptions, type CreateOptions, type Transport } from '../transport.js';

/** Query parameters without the unset ones, as strings. */
function params(query: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  );
}

function entryPath(id: string, suffix = ''): string {
  check(Id, id, 'request');
  return `v1/staff/volunteering/entries/${encodeURIComponent(id)}${suffix}`;
}

/**
 * Volunteer service hours (`/v1/volunteering`, `/v1/staff/volunteering`): teams, sign-up, a
 * volunteer's own log and certificate (with their access key), the public counter, and the staff side.
 */
export function volunteeringResource(transport: Transport) {
  const { call, callCached, createInit, text } = transport;

  /** The operations a volunteer's access key opens: sent as `Authorization: Volunteer <key>`. */
  function me(accessKey: string) {
    const key = check(VolunteerAccessKey, normalizeVolunteerAccessKey(accessKey), 'request');
    const auth = (init: Options = {}): Options => ({
      ...init,
      headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Volunteer ${key}` },
    });
    return {
      /** The volunteer's record with their totals; an unknown or retired key is an `ApiError` 401. */
      async get(opts: CallOptions = {}): Promise<VolunteerSelf> {
        return call(VolunteerSelf, 'v1/volunteering/me', auth(signalOf(opts)));
      },
      /** Their entries, newest first, optionally for a period (inclusive dates) or one status. */
      async entries(query: HoursEntryListQuery = {}, opts: CallOptions = {}): Promise<HoursEntry[]> {
        const checked = check(HoursEntryListQuery, query, 'request');
        return (await call(HoursEntryListResponse, 'v1/volunteering/me/entries', auth({ ...signalOf(opts), searchParams: params(checked) })))
          .entries;
      },
      /** Logs an activity; it stays `pending` until staff approve it. Idempotent (safe to retry). */
      async log(input: HoursEntryCreate, opts: CreateOptions = {}): Promise<HoursEntry> {
        const body = check(HoursEntryCreate, input, 'request');
        return call(HoursEntry, 'v1/volunteering/me/entries', auth(createInit(body, opts)));
      },
      /** Approved hours for a period (inclusive dates), with the entries, to print as a certificate. */
      async certificate(query: HoursCertificateQuery, opts: CallOptions = {}): Promise<HoursCertificate> {
        const checked = check(HoursCertificateQuery, query, 'request');
        return call(HoursCertificate, 'v1/volunteering/me/certificate', auth({ ...signalOf(opts), searchParams: params(checked) }));
      },
    };
  }

  const staffAction =
    <S extends z.ZodMiniType>(schema: S, suffix: string) =>
    async (id: string, input: z.input<S>, opts: CreateOptions = {}): Promise<StaffHoursEntry> =>
      call(StaffHoursEntry, entryPath(id, suffix), createInit(check(schema, input, 'request'), opts));

  return {
    /** Active teams, each with its activity types; `community` narrows to one community's. */
    async teams(query: VolunteerTeamListQuery = {}, opts: CallOptions = {}): Promise<VolunteerTeam[]> {
      const checked = check(VolunteerTeamListQuery, query, 'request');
      return (await call(VolunteerTeamListResponse, 'v1/volunteering/teams', { ...signalOf(opts), searchParams: params(checked) })).teams;
    },
    /**
     * Approved hours for a community, team or volunteer over a period, optionally with the split by
     * team and a 12-month trend. Made for polling: sends the last ETag and, when nothing changed,
     * resolves to the **same object** as last time.
     */
    async hours(query: HoursQuery, opts: CallOptions = {}): Promise<HoursSummary> {
      const checked = check(HoursQuery, query, 'request');
      return callCached(HoursSummary, 'v1/volunteering/hours', { ...signalOf(opts), searchParams: params(checked) });
    },
    /**
     * Signs a resident up as a volunteer of one or more teams. Resolves to their record and their
     * access key — shown only in this answer (a retry with the same idempotency key answers it again).
     */
    async signup(input: VolunteerSignup, opts: CreateOptions = {}): Promise<VolunteerSignupResult> {
      const body = check(VolunteerSignup, input, 'request');
      return call(VolunteerSignupResult, 'v1/volunteering/volunteers', createInit(body, opts));
    },
    me,
    /** The staff side; needs a client made with a `token` holding the `volunteering` (or `admin`) role. */
    staff: {
      /** Entries matching the filters (oldest pending first, otherwise newest first) and the total count. */
      async entries(query: StaffHoursEntryListQuery = {}, opts: CallOptions = {}) {
        const checked = check(StaffHoursEntryListQuery, query, 'request');
        return call(StaffHoursEntryListResponse, 'v1/staff/volunteering/entries', { ...signalOf(opts), searchParams: params(checked) });
      },
      /** One entry with its volunteer and its full history of changes. */
      async entry(id: string, opts: CallOptions = {}): Promise<StaffHoursEntry> {
        return call(StaffHoursEntry, entryPath(id), signalOf(opts));
      },
      /** Approves an entry (again approving an approved one changes nothing). */
      approve: (id: string, input: HoursEntryApprove = {}, opts: CreateOptions = {}) => staffAction(HoursEntryApprove, '/approve')(id, input, opts),
      /** Rejects an entry with a reason the volunteer will read. */
      reject: staffAction(HoursEntryReject, '/reject'),
      /** Changes an entry's fields, recording who, when, why and each old → new value. */
      edit: staffAction(HoursEntryEdit, '/edit'),
      /** Volunteers (name and phone in full), optionally of one community or team. */
      async volunteers(query: { community?: string; team?: string } = {}, opts: CallOptions = {}) {
        return (await call(StaffVolunteerListResponse, 'v1/staff/volunteering/volunteers', { ...signalOf(opts), searchParams: params(query) }))
          .volunteers;
      },
      /** Issues a volunteer a new access key (e.g. for a new phone); the old key stops working at once. */
      async reissueAccessKey(code: string, opts: CreateOptions = {}) {
        const checked = check(VolunteerCode, normalizeVolunteerCode(code), 'request');
        return call(VolunteerAccessKeyResponse, `v1/staff/volunteering/volunteers/${checked}/access-key`, createInit({}, opts));
      },
      /** Adds a team to a community. */
      async createTeam(input: VolunteerTeamCreate, opts: CreateOptions = {}): Promise<VolunteerTeam> {
        return call(VolunteerTeam, 'v1/staff/volunteering/teams', createInit(check(VolunteerTeamCreate, input, 'request'), opts));
      },
      /** Sets (or with `hours: null` removes) the monthly goal of a community or a team. */
      async setGoal(input: HoursGoalSet, opts: CreateOptions = {}) {
        return call(HoursGoalResponse, 'v1/staff/volunteering/goals', createInit(check(HoursGoalSet, input, 'request'), opts));
      },
      /** Entries as CSV (UTF-8 with BOM, opens in Excel and WPS), for a period, team, community or status. */
      async exportEntries(query: HoursEntriesExportQuery = {}, opts: CallOptions = {}): Promise<string> {
        const checked = check(HoursEntriesExportQuery, query, 'request');
        return text('v1/staff/volunteering/export/entries.csv', { ...signalOf(opts), searchParams: params(checked) });
      },
      /** Approved totals as CSV, one row per volunteer, team and/or month (`by`, default all three). */
      async exportTotals(
        query: Omit<HoursTotalsExportQuery, 'by'> & { by?: readonly HoursTotalsGroup[] } = {},
        opts: CallOptions = {},
      ): Promise<string> {
        const checked = check(HoursTotalsExportQuery, { ...query, by: query.by?.join(',') }, 'request');
        return text('v1/staff/volunteering/export/totals.csv', { ...signalOf(opts), searchParams: params(checked) });
      },
    },
  };
}
