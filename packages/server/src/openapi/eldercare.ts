import {
  EldercareApplicationCreate,
  EldercareApplicationPublic,
  EldercareApplicationStaff,
  EldercareApprove,
  EldercareListResponse,
  EldercareMealCounts,
  EldercareProgramsResponse,
  EldercareReencryptResult,
  EldercareReject,
  EldercareRoster,
  EldercareStatusCheck,
  EldercareWaitlist,
} from '@doorstep/sdk';
import { acceptLanguage, errors, idempotencyKeyHeader, json, ref, replayedHeader, type OpenApiSection } from './helpers.js';

const bearer = [{ bearerAuth: [] }];
const staffErrors = errors(400, 401, 403, 404, 500);
const idPath = { name: 'id', in: 'path', required: true, description: 'The application id (from the staff list).', schema: { type: 'string' } };
const rosterParameters = [
  { name: 'community', in: 'query', required: true, description: 'A community id, e.g. c-1.', schema: { type: 'string' } },
  { name: 'date', in: 'query', required: false, description: 'YYYY-MM-DD; default today in Asia/Shanghai.', schema: { type: 'string', format: 'date' } },
  acceptLanguage,
];

function decision(operationId: string, summary: string, body: string) {
  return {
    post: {
      operationId,
      summary,
      security: bearer,
      parameters: [idPath, idempotencyKeyHeader, acceptLanguage],
      requestBody: { required: true, ...json(ref(body)) },
      responses: {
        '200': {
          description: 'The application as staff see it now (a replay answers its current state, with `Idempotent-Replayed: true`)',
          headers: replayedHeader,
          ...json(ref('EldercareApplicationStaff')),
        },
        '409': { description: 'Not allowed from the application’s current status (`conflict`), or the same key is in progress.', ...json(ref('ApiErrorBody')) },
        ...errors(400, 401, 403, 404, 422, 500),
      },
    },
  };
}

/** Elder-care signup: programs, applications, the status check, and the staff API with the delivery roster. */
export const eldercareSection: OpenApiSection = {
  paths: {
    '/v1/eldercare/programs': {
      get: {
        operationId: 'listEldercarePrograms',
        summary: 'The elder-care programs of the community an area belongs to, with prices (fen) and eligibility and subsidy rules',
        parameters: [
          { name: 'area', in: 'query', required: true, description: 'A community, or any compound, building or unit in it.', schema: { type: 'string' } },
          acceptLanguage,
        ],
        responses: { '200': { description: 'The community and its programs', ...json(ref('EldercareProgramsResponse')) }, ...errors(400, 404, 500) },
      },
    },
    '/v1/eldercare/applications': {
      post: {
        operationId: 'applyForEldercare',
        summary: 'Apply for elder-care services; personal and health data are encrypted at rest; answers the masked view with the reference code',
        parameters: [idempotencyKeyHeader, acceptLanguage],
        requestBody: { required: true, ...json(ref('EldercareApplicationCreate')) },
        responses: {
          '201': { description: 'Created, or the replay of the first answer for a repeated Idempotency-Key', headers: replayedHeader, ...json(ref('EldercareApplicationPublic')) },
          '503': { description: 'No encryption key is configured (`unavailable`).', ...json(ref('ApiErrorBody')) },
          ...errors(400, 409, 413, 415, 422, 500),
        },
      },
    },
    '/v1/eldercare/applications/status': {
      post: {
        operationId: 'checkEldercareStatus',
        summary: 'Where an application stands, for the holder of its reference code and the last 4 digits of its phone (a POST: nothing in the URL)',
        parameters: [acceptLanguage],
        requestBody: { required: true, ...json(ref('EldercareStatusCheck')) },
        responses: {
          '200': { description: 'The masked view', ...json(ref('EldercareApplicationPublic')) },
          '404': { description: 'No match: the same answer for a wrong code and for wrong digits.', ...json(ref('ApiErrorBody')) },
          '429': { description: 'Too many wrong tries for this code (`Retry-After` says when to try again).', ...json(ref('ApiErrorBody')) },
          ...errors(400, 415, 500),
        },
      },
    },
    '/v1/staff/eldercare/applications': {
      get: {
        operationId: 'listEldercareApplications',
        summary: 'Applications, newest first, filtered (role eldercare)',
        security: bearer,
        parameters: [
          { name: 'status', in: 'query', required: false, schema: { type: 'string', enum: ['submitted', 'waitlisted', 'approved', 'rejected'] } },
          { name: 'community', in: 'query', required: false, schema: { type: 'string' } },
          { name: 'service', in: 'query', required: false, schema: { type: 'string', enum: ['meals', 'dayCare', 'housekeeping', 'homeVisits', 'wristband'] } },
          { name: 'from', in: 'query', required: false, description: 'Received on or after this day (Asia/Shanghai).', schema: { type: 'string', format: 'date' } },
          { name: 'to', in: 'query', required: false, description: 'Received on or before this day (Asia/Shanghai).', schema: { type: 'string', format: 'date' } },
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
          { name: 'offset', in: 'query', required: false, schema: { type: 'integer', minimum: 0, default: 0 } },
          acceptLanguage,
        ],
        responses: { '200': { description: 'One page and the total', ...json(ref('EldercareListResponse')) }, ...staffErrors },
      },
    },
    '/v1/staff/eldercare/applications/{id}': {
      get: {
        operationId: 'getEldercareApplication',
        summary: 'One application in full: decrypted personal and health data, eligibility outcome, history (role eldercare)',
        security: bearer,
        parameters: [idPath, acceptLanguage],
        responses: { '200': { description: 'The staff view', ...json(ref('EldercareApplicationStaff')) }, ...staffErrors },
      },
    },
    '/v1/staff/eldercare/applications/{id}/approve': decision('approveEldercareApplication', 'Approve with the services granted and a start date', 'EldercareApprove'),
    '/v1/staff/eldercare/applications/{id}/waitlist': decision('waitlistEldercareApplication', 'Put on the waiting list, optionally saying why', 'EldercareWaitlist'),
    '/v1/staff/eldercare/applications/{id}/reject': decision('rejectEldercareApplication', 'Turn down, saying why (the applicant reads it)', 'EldercareReject'),
    '/v1/staff/eldercare/roster': {
      get: {
        operationId: 'getMealRoster',
        summary: 'The day’s meal deliveries in route order (compound → building → unit), with the canteen’s counts (role eldercare)',
        security: bearer,
        parameters: rosterParameters,
        responses: { '200': { description: 'The roster', ...json(ref('EldercareRoster')) }, ...staffErrors },
      },
    },
    '/v1/staff/eldercare/roster.csv': {
      get: {
        operationId: 'getMealRosterCsv',
        summary: 'The same roster as CSV (UTF-8 with BOM, CRLF, headings in the Accept-Language), formula-safe (role eldercare)',
        security: bearer,
        parameters: rosterParameters,
        responses: { '200': { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } }, ...staffErrors },
      },
    },
    '/v1/staff/eldercare/meal-counts': {
      get: {
        operationId: 'getMealCounts',
        summary: 'Only the day’s counts per meal, no names or addresses (role canteen or eldercare)',
        security: bearer,
        parameters: rosterParameters,
        responses: { '200': { description: 'The counts', ...json(ref('EldercareMealCounts')) }, ...staffErrors },
      },
    },
    '/v1/staff/eldercare/reencrypt': {
      post: {
        operationId: 'reencryptEldercare',
        summary: 'After a key rotation: seal every stored value again with the current key (role admin; safe to repeat)',
        security: bearer,
        parameters: [acceptLanguage],
        responses: { '200': { description: 'How many values were sealed again', ...json(ref('EldercareReencryptResult')) }, ...errors(401, 403, 500) },
      },
    },
  },
  output: {
    EldercareProgramsResponse,
    EldercareApplicationPublic,
    EldercareApplicationStaff,
    EldercareListResponse,
    EldercareRoster,
    EldercareMealCounts,
    EldercareReencryptResult,
  },
  input: { EldercareApplicationCreate, EldercareStatusCheck, EldercareApprove, EldercareWaitlist, EldercareReject },
};
