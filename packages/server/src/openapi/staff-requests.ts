import {
  AssignInput,
  ExpectedDateInput,
  MergeInput,
  NoteCreate,
  RejectInput,
  ResolveInput,
  ServiceRequestStaff,
  StaffRequestListResponse,
  StaffRequestSummary,
  StaffStepInput,
} from '@doorstep/sdk';
import { acceptLanguage, errors, idempotencyKeyHeader, json, ref, replayedHeader, type OpenApiSection } from './helpers.js';
import { codeParameter } from './requests.js';

const bearer = [{ bearerAuth: [] }];
const query = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});

/** One staff action on a request: a POST that answers the staff view; 409 when the workflow forbids it. */
function staffAction(operationId: string, summary: string, body: string, conflict: string) {
  return {
    post: {
      operationId,
      summary,
      security: bearer,
      parameters: [codeParameter, idempotencyKeyHeader, acceptLanguage],
      requestBody: { required: true, ...json(ref(body)) },
      responses: {
        '200': {
          description: 'Done and recorded in the timeline (a repeat of the current step changes nothing)',
          headers: replayedHeader,
          ...json(ref('ServiceRequestStaff')),
        },
        '401': { description: 'No or an unknown bearer token', ...json(ref('ApiErrorBody')) },
        '403': { description: 'The token lacks the `requests` role', ...json(ref('ApiErrorBody')) },
        '409': { description: conflict, ...json(ref('ApiErrorBody')) },
        ...errors(400, 404, 415, 422, 500),
      },
    },
  };
}

const STEP_CONFLICT = 'The request is not in a status this step may start from (a localized reason in `message`).';

/** The staff side of requests, role `requests` (or `admin`). */
export const staffRequestsSection: OpenApiSection = {
  paths: {
    '/v1/staff/requests': {
      get: {
        operationId: 'staffListRequests',
        summary: 'Requests matching the filters, newest first, a page at a time, contact data in full',
        security: bearer,
        parameters: [
          query('status', '`open`, or statuses separated by commas (e.g. `submitted,accepted`).'),
          query('category', 'A category id.'),
          query('area', 'An area id; areas inside it count too.'),
          query('from', 'Reported at or after: a day (`2026-11-01`, +08:00) or a date-time with offset.'),
          query('to', 'Reported at or before: a day (its end) or a date-time with offset.'),
          query('page', '1-based page (default 1).', { type: 'integer', minimum: 1 }),
          query('pageSize', 'Items per page (default 20, at most 100).', { type: 'integer', minimum: 1, maximum: 100 }),
          acceptLanguage,
        ],
        responses: {
          '200': { description: 'One page and the total over all pages', ...json(ref('StaffRequestListResponse')) },
          '401': { description: 'No or an unknown bearer token', ...json(ref('ApiErrorBody')) },
          '403': { description: 'The token lacks the `requests` role', ...json(ref('ApiErrorBody')) },
          ...errors(400, 404, 500),
        },
      },
    },
    '/v1/staff/requests/{code}': {
      get: {
        operationId: 'staffGetRequest',
        summary: 'One request with contact data in full, internal notes, consent and duplicates',
        security: bearer,
        parameters: [codeParameter, acceptLanguage],
        responses: {
          '200': { description: 'The staff view', ...json(ref('ServiceRequestStaff')) },
          '401': { description: 'No or an unknown bearer token', ...json(ref('ApiErrorBody')) },
          '403': { description: 'The token lacks the `requests` role', ...json(ref('ApiErrorBody')) },
          ...errors(404, 500),
        },
      },
    },
    '/v1/staff/requests/{code}/accept': staffAction('staffAcceptRequest', 'submitted → accepted', 'StaffStepInput', STEP_CONFLICT),
    '/v1/staff/requests/{code}/start': staffAction('staffStartRequest', 'accepted → in_progress', 'StaffStepInput', STEP_CONFLICT),
    '/v1/staff/requests/{code}/resolve': staffAction('staffResolveRequest', 'in_progress → resolved, with what was done', 'ResolveInput', STEP_CONFLICT),
    '/v1/staff/requests/{code}/reject': staffAction('staffRejectRequest', 'submitted, accepted or in_progress → rejected, with the reason', 'RejectInput', STEP_CONFLICT),
    '/v1/staff/requests/{code}/close': staffAction('staffCloseRequest', 'resolved or rejected → closed', 'StaffStepInput', STEP_CONFLICT),
    '/v1/staff/requests/{code}/assign': staffAction('staffAssignRequest', 'Name the person or team working on it', 'AssignInput', 'The request is no longer open.'),
    '/v1/staff/requests/{code}/notes': staffAction('staffAddRequestNote', 'Add a public or internal note', 'NoteCreate', 'Never (a note may be added in any status).'),
    '/v1/staff/requests/{code}/expected-date': staffAction(
      'staffSetRequestExpectedDate',
      'Set or clear the day it should be fixed',
      'ExpectedDateInput',
      'The request is no longer open.',
    ),
    '/v1/staff/requests/{code}/merge': staffAction(
      'staffMergeRequest',
      'Merge this duplicate into another open request: it is closed, its supporters count there',
      'MergeInput',
      'This request or the target is no longer open.',
    ),
  },
  output: { ServiceRequestStaff, StaffRequestSummary, StaffRequestListResponse },
  input: { StaffStepInput, ResolveInput, RejectInput, AssignInput, NoteCreate, ExpectedDateInput, MergeInput },
};
