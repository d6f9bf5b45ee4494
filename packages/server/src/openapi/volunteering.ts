import {
  HoursCertificate,
  HoursEntry,
  HoursEntryApprove,
  HoursEntryCreate,
  HoursEntryEdit,
  HoursEntryListResponse,
  HoursEntryReject,
  HoursGoalResponse,
  HoursGoalSet,
  HoursSummary,
  StaffHoursEntry,
  StaffHoursEntryListResponse,
  StaffVolunteerListResponse,
  VolunteerAccessKeyResponse,
  VolunteerSelf,
  VolunteerSignup,
  VolunteerSignupResult,
  VolunteerTeam,
  VolunteerTeamCreate,
  VolunteerTeamListResponse,
} from '@doorstep/sdk';
import { acceptLanguage, errors, idempotencyKeyHeader, json, ref, replayedHeader, type OpenApiSection } from './helpers.js';

const staffAuth = [{ bearerAuth: [] }];
const volunteerAuth = [{ volunteerKey: [] }];
const date = { type: 'string', format: 'date' };
const query = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
const fromTo = [
  query('from', 'First day (inclusive, `YYYY-MM-DD`, community time).', date),
  query('to', 'Last day (inclusive, `YYYY-MM-DD`, community time).', date),
];
const staffErrors = {
  '401': { description: 'No or an unknown bearer token', ...json(ref('ApiErrorBody')) },
  '403': { description: 'The token lacks the `volunteering` role', ...json(ref('ApiErrorBody')) },
};
const volunteerErrors = {
  '401': { description: 'No, a malformed or a retired access key (`Authorization: Volunteer <key>`)', ...json(ref('ApiErrorBody')) },
};
const entryId = { name: 'id', in: 'path', required: true, description: 'The entry id.', schema: { type: 'string' } };
const csv = (description: string) => ({
  description,
  content: { 'text/csv': { schema: { type: 'string' } } },
  headers: { 'Content-Disposition': { description: '`attachment; filename="…csv"`', schema: { type: 'string' } } },
});

function staffEntryAction(operationId: string, summary: string, body: string) {
  return {
    post: {
      operationId,
      summary,
      security: staffAuth,
      parameters: [entryId, idempotencyKeyHeader, acceptLanguage],
      requestBody: { required: true, ...json(ref(body)) },
      responses: {
        '200': { description: 'The entry as staff see it, with its history', headers: replayedHeader, ...json(ref('StaffHoursEntry')) },
        ...staffErrors,
        '409': { description: '`version` is not the entry’s current one: someone else changed it', ...json(ref('ApiErrorBody')) },
        ...errors(400, 404, 415, 422, 500),
      },
    },
  };
}

/** Volunteer service hours: teams, the public counter, sign-up, a volunteer's own log, and the staff side. */
export const volunteeringSection: OpenApiSection = {
  paths: {
    '/v1/volunteering/teams': {
      get: {
        operationId: 'listVolunteerTeams',
        summary: 'Active volunteer teams with their activity types',
        parameters: [query('community', 'Only this community’s teams.'), acceptLanguage],
        responses: { '200': { description: 'Teams in display order', ...json(ref('VolunteerTeamListResponse')) }, ...errors(400, 500) },
      },
    },
    '/v1/volunteering/hours': {
      get: {
        operationId: 'getVolunteerHours',
        summary: 'Approved hours of a community, team or volunteer for a period (the public counter)',
        description:
          'Computed from approved entries on request (never a stored counter). Carries a strong `ETag` and ' +
          '`Cache-Control: no-cache`; a matching `If-None-Match` answers `304` after one primary-key read.',
        parameters: [
          query('community', 'A community id. Exactly one of community, team, volunteer.'),
          query('team', 'A team id.'),
          query('volunteer', 'A volunteer number, `V-XXXX-XXXX`.'),
          query('period', '`month` (default) or `year` — the current one in community time — or `all`.', { type: 'string', enum: ['month', 'year', 'all'] }),
          ...fromTo,
          query('include', '`teams`, `trend` or `teams,trend`: the split by team and the 12-month trend.'),
          { name: 'If-None-Match', in: 'header', required: false, description: 'The ETag of the last answer.', schema: { type: 'string' } },
          acceptLanguage,
        ],
        responses: {
          '200': {
            description: 'The totals',
            headers: { ETag: { description: 'Strong validator of this answer', schema: { type: 'string' } } },
            ...json(ref('HoursSummary')),
          },
          '304': { description: 'Unchanged since the ETag in `If-None-Match`' },
          ...errors(400, 404, 500),
        },
      },
    },
    '/v1/volunteering/volunteers': {
      post: {
        operationId: 'signUpVolunteer',
        summary: 'Sign up as a volunteer of one or more teams; answers the access key once',
        parameters: [idempotencyKeyHeader, acceptLanguage],
        requestBody: { required: true, ...json(ref('VolunteerSignup')) },
        responses: {
          '201': { description: 'Signed up (or the replay for a repeated Idempotency-Key)', headers: replayedHeader, ...json(ref('VolunteerSignupResult')) },
          '409': { description: 'The phone is already signed up in this community (or the same key is in progress)', ...json(ref('ApiErrorBody')) },
          ...errors(400, 413, 415, 422, 500),
        },
      },
    },
    '/v1/volunteering/me': {
      get: {
        operationId: 'getVolunteerSelf',
        summary: 'The volunteer’s own record and totals',
        security: volunteerAuth,
        parameters: [acceptLanguage],
        responses: { '200': { description: 'Their record', ...json(ref('VolunteerSelf')) }, ...volunteerErrors, ...errors(500) },
      },
    },
    '/v1/volunteering/me/entries': {
      get: {
        operationId: 'listOwnHoursEntries',
        summary: 'The volunteer’s entries, newest first',
        security: volunteerAuth,
        parameters: [...fromTo, query('status', '`pending`, `approved` or `rejected`.'), acceptLanguage],
        responses: { '200': { description: 'Their entries', ...json(ref('HoursEntryListResponse')) }, ...volunteerErrors, ...errors(400, 500) },
      },
      post: {
        operationId: 'logHours',
        summary: 'Log an activity (pending until staff approve it)',
        security: volunteerAuth,
        parameters: [idempotencyKeyHeader, acceptLanguage],
        requestBody: { required: true, ...json(ref('HoursEntryCreate')) },
        responses: {
          '201': { description: 'Logged', headers: replayedHeader, ...json(ref('HoursEntry')) },
          ...volunteerErrors,
          ...errors(400, 409, 413, 415, 422, 500),
        },
      },
    },
    '/v1/volunteering/me/certificate': {
      get: {
        operationId: 'getHoursCertificate',
        summary: 'Approved hours for a period with their entries, to print as a certificate',
        security: volunteerAuth,
        parameters: [{ ...fromTo[0]!, required: true }, { ...fromTo[1]!, required: true }, acceptLanguage],
        responses: { '200': { description: 'The certificate’s content', ...json(ref('HoursCertificate')) }, ...volunteerErrors, ...errors(400, 500) },
      },
    },
    '/v1/staff/volunteering/entries': {
      get: {
        operationId: 'staffListHoursEntries',
        summary: 'Entries to review or look up (oldest first for `status=pending`, else newest first)',
        security: staffAuth,
        parameters: [
          query('status', '`pending`, `approved` or `rejected`.'),
          query('team', 'A team id.'),
          query('community', 'A community id.'),
          query('volunteer', 'A volunteer number.'),
          ...fromTo,
          query('limit', 'Page size, 1–200 (default 50).', { type: 'integer' }),
          query('offset', 'Entries to skip.', { type: 'integer' }),
          acceptLanguage,
        ],
        responses: {
          '200': { description: 'A page and the total over all pages', ...json(ref('StaffHoursEntryListResponse')) },
          ...staffErrors,
          ...errors(400, 500),
        },
      },
    },
    '/v1/staff/volunteering/entries/{id}': {
      get: {
        operationId: 'staffGetHoursEntry',
        summary: 'One entry with its volunteer and history',
        security: staffAuth,
        parameters: [entryId, acceptLanguage],
        responses: { '200': { description: 'The entry', ...json(ref('StaffHoursEntry')) }, ...staffErrors, ...errors(404, 500) },
      },
    },
    '/v1/staff/volunteering/entries/{id}/approve': staffEntryAction('staffApproveHoursEntry', 'Approve an entry', 'HoursEntryApprove'),
    '/v1/staff/volunteering/entries/{id}/reject': staffEntryAction('staffRejectHoursEntry', 'Reject an entry with a reason', 'HoursEntryReject'),
    '/v1/staff/volunteering/entries/{id}/edit': staffEntryAction(
      'staffEditHoursEntry',
      'Change an entry’s fields (recorded: who, when, why, old → new)',
      'HoursEntryEdit',
    ),
    '/v1/staff/volunteering/volunteers': {
      get: {
        operationId: 'staffListVolunteers',
        summary: 'Volunteers with name and phone in full, and their approved minutes',
        security: staffAuth,
        parameters: [query('community', 'A community id.'), query('team', 'A team id.'), acceptLanguage],
        responses: { '200': { description: 'Volunteers by name', ...json(ref('StaffVolunteerListResponse')) }, ...staffErrors, ...errors(400, 500) },
      },
    },
    '/v1/staff/volunteering/volunteers/{code}/access-key': {
      post: {
        operationId: 'staffReissueVolunteerKey',
        summary: 'Issue a volunteer a new access key; the old one stops working',
        security: staffAuth,
        parameters: [
          { name: 'code', in: 'path', required: true, description: 'The volunteer number, `V-XXXX-XXXX`.', schema: { type: 'string' } },
          idempotencyKeyHeader,
          acceptLanguage,
        ],
        responses: {
          '200': { description: 'The new key', headers: replayedHeader, ...json(ref('VolunteerAccessKeyResponse')) },
          ...staffErrors,
          ...errors(404, 500),
        },
      },
    },
    '/v1/staff/volunteering/teams': {
      post: {
        operationId: 'staffCreateVolunteerTeam',
        summary: 'Add a team to a community',
        security: staffAuth,
        parameters: [idempotencyKeyHeader, acceptLanguage],
        requestBody: { required: true, ...json(ref('VolunteerTeamCreate')) },
        responses: {
          '201': { description: 'The team', headers: replayedHeader, ...json(ref('VolunteerTeam')) },
          ...staffErrors,
          '409': { description: 'A team with this id exists', ...json(ref('ApiErrorBody')) },
          ...errors(400, 415, 422, 500),
        },
      },
    },
    '/v1/staff/volunteering/goals': {
      post: {
        operationId: 'staffSetHoursGoal',
        summary: 'Set or remove the monthly goal of a community or team',
        security: staffAuth,
        parameters: [idempotencyKeyHeader, acceptLanguage],
        requestBody: { required: true, ...json(ref('HoursGoalSet')) },
        responses: { '200': { description: 'The goal now', ...json(ref('HoursGoalResponse')) }, ...staffErrors, ...errors(400, 404, 415, 500) },
      },
    },
    '/v1/staff/volunteering/export/entries.csv': {
      get: {
        operationId: 'staffExportHoursEntries',
        summary: 'Entries as CSV (UTF-8 with BOM; column names in the Accept-Language)',
        security: staffAuth,
        parameters: [...fromTo, query('team', 'A team id.'), query('community', 'A community id.'), query('status', 'One status.'), acceptLanguage],
        responses: { '200': csv('One row per entry, oldest day first'), ...staffErrors, ...errors(400, 500) },
      },
    },
    '/v1/staff/volunteering/export/totals.csv': {
      get: {
        operationId: 'staffExportHoursTotals',
        summary: 'Approved totals as CSV, grouped by volunteer, team and/or month',
        security: staffAuth,
        parameters: [
          ...fromTo,
          query('team', 'A team id.'),
          query('community', 'A community id.'),
          query('by', 'Any of `volunteer`, `team`, `month`, comma-separated (default all three).'),
          acceptLanguage,
        ],
        responses: { '200': csv('One row per group: records, minutes, hours'), ...staffErrors, ...errors(400, 500) },
      },
    },
  },
  output: {
    VolunteerTeam,
    VolunteerTeamListResponse,
    HoursSummary,
    VolunteerSelf,
    VolunteerSignupResult,
    HoursEntry,
    HoursEntryListResponse,
    HoursCertificate,
    StaffHoursEntry,
    StaffHoursEntryListResponse,
    StaffVolunteerListResponse,
    VolunteerAccessKeyResponse,
    HoursGoalResponse,
  },
  input: { VolunteerSignup, HoursEntryCreate, HoursEntryApprove, HoursEntryReject, HoursEntryEdit, VolunteerTeamCreate, HoursGoalSet },
};
