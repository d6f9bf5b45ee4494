import {
  PhotoRef,
  RatingCreate,
  ReopenCreate,
  RequestSearchResponse,
  RequestSummary,
  ServiceRequestCreate,
  ServiceRequestPublic,
  SupportResponse,
  TimelineEntry,
} from '@doorstep/sdk';
import { acceptLanguage, errors, idempotencyKeyHeader, json, ref, replayedHeader, type OpenApiSection } from './helpers.js';

export const codeParameter = {
  name: 'code',
  in: 'path',
  required: true,
  description: 'The tracking code, e.g. DS-7K2M-9QX4 (case and spacing forgiven).',
  schema: { type: 'string' },
};

const etagHeaders = {
  ETag: { description: 'A strong validator of this answer; send it back as `If-None-Match`.', schema: { type: 'string' } },
  'Cache-Control': { description: '`no-cache`: may be kept, but is revalidated on every use.', schema: { type: 'string' } },
};

export const ifNoneMatch = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description: 'The ETag of the answer you have; when nothing changed the answer is `304 Not Modified` without a body.',
  schema: { type: 'string' },
};

export const notModified = { '304': { description: 'Not modified: the ETag in `If-None-Match` is still current.', headers: etagHeaders } };

/** A resident's POST on one request: idempotent, answering `status` with `schema`. */
function residentAction(operationId: string, summary: string, body: string | undefined, status: string, schema: string, conflicts: string) {
  return {
    post: {
      operationId,
      summary,
      parameters: [codeParameter, idempotencyKeyHeader, acceptLanguage],
      ...(body ? { requestBody: { required: true, ...json(ref(body)) } } : {}),
      responses: {
        [status]: { description: 'Done (or the replay of the first answer for a repeated Idempotency-Key)', headers: replayedHeader, ...json(ref(schema)) },
        '409': { description: conflicts, ...json(ref('ApiErrorBody')) },
        ...errors(400, 404, 415, 422, 500),
      },
    },
  };
}

/** Service requests, the resident's side: report, follow, find duplicates, support, rate, reopen; photos. */
export const requestsSection: OpenApiSection = {
  paths: {
    '/v1/requests': {
      post: {
        operationId: 'createRequest',
        summary: 'Report a problem; answers the public (masked) view with the tracking code',
        description:
          'A report with personal data (`contactName`, `contactPhone`, `onBehalfOf`) needs `consent`. `photoIds` are ids ' +
          'from `POST /v1/photos` (at most 4, each used once). Reporting for someone else needs the reporter\'s `contactPhone`.',
        parameters: [idempotencyKeyHeader, acceptLanguage],
        requestBody: { required: true, ...json(ref('ServiceRequestCreate')) },
        responses: {
          '201': {
            description: 'Created, or the replay of the first response for a repeated Idempotency-Key',
            headers: replayedHeader,
            ...json(ref('ServiceRequestPublic')),
          },
          ...errors(400, 409, 413, 415, 422, 500),
        },
      },
      get: {
        operationId: 'findOpenRequests',
        summary: 'Open requests of a category in an area (and inside it): the duplicates a form shows before submitting',
        parameters: [
          { name: 'category', in: 'query', required: true, description: 'A category id.', schema: { type: 'string' } },
          { name: 'area', in: 'query', required: true, description: 'An area id; areas inside it count too.', schema: { type: 'string' } },
          { name: 'status', in: 'query', required: false, description: 'Only `open` (the default).', schema: { type: 'string', enum: ['open'] } },
          acceptLanguage,
        ],
        responses: { '200': { description: 'At most 5, most supported first; no contact data', ...json(ref('RequestSearchResponse')) }, ...errors(400, 500) },
      },
    },
    '/v1/requests/{code}': {
      get: {
        operationId: 'getRequest',
        summary: 'Look a request up by tracking code: status, public timeline, photos, expected date, support count, rating',
        description: 'Made for polling: answers carry a strong `ETag`; send it as `If-None-Match` to get `304` while nothing changed.',
        parameters: [codeParameter, ifNoneMatch, acceptLanguage],
        responses: {
          '200': { description: 'The public view (contact data masked)', headers: etagHeaders, ...json(ref('ServiceRequestPublic')) },
          ...notModified,
          ...errors(404, 500),
        },
      },
    },
    '/v1/requests/{code}/support': residentAction(
      'supportRequest',
      'Add your support to an open request instead of reporting it again',
      undefined,
      '201',
      'SupportResponse',
      'The request is no longer open.',
    ),
    '/v1/requests/{code}/rating': residentAction(
      'rateRequest',
      'Rate a resolved request 1–5 with an optional comment, once',
      'RatingCreate',
      '201',
      'ServiceRequestPublic',
      'Already rated, or not resolved.',
    ),
    '/v1/requests/{code}/reopen': residentAction(
      'reopenRequest',
      'Reopen a resolved request within 14 days of its resolution (it goes back to in_progress)',
      'ReopenCreate',
      '200',
      'ServiceRequestPublic',
      'Not resolved, or resolved more than 14 days ago.',
    ),
    '/v1/photos': {
      post: {
        operationId: 'uploadPhoto',
        summary: 'Upload one photo (JPEG, PNG or WebP, checked by content) for a report',
        description:
          'Send the image as the raw body (any `Content-Type`) or as `multipart/form-data` with a `file` part. The type is ' +
          'decided by the first bytes, not the name. Limit: `DOORSTEP_PHOTO_MAX_BYTES` (5 MB by default). Photos not used ' +
          'by a report within 7 days are deleted.',
        parameters: [idempotencyKeyHeader, acceptLanguage],
        requestBody: {
          required: true,
          content: {
            'image/jpeg': { schema: { type: 'string', format: 'binary' } },
            'image/png': { schema: { type: 'string', format: 'binary' } },
            'image/webp': { schema: { type: 'string', format: 'binary' } },
            'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } },
          },
        },
        responses: {
          '201': { description: 'Stored; pass `id` in `photoIds`', headers: replayedHeader, ...json(ref('PhotoRef')) },
          ...errors(400, 413, 415, 422, 500),
        },
      },
    },
    '/v1/photos/{id}': {
      get: {
        operationId: 'getPhoto',
        summary: 'The image, with its real type, nosniff, inline disposition, a sandboxing CSP and a year of caching',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ifNoneMatch],
        responses: {
          '200': {
            description: 'The image',
            content: {
              'image/jpeg': { schema: { type: 'string', format: 'binary' } },
              'image/png': { schema: { type: 'string', format: 'binary' } },
              'image/webp': { schema: { type: 'string', format: 'binary' } },
            },
          },
          '304': { description: 'Not modified' },
          ...errors(404, 500),
        },
      },
    },
  },
  output: { ServiceRequestPublic, TimelineEntry, PhotoRef, RequestSummary, RequestSearchResponse, SupportResponse },
  input: { ServiceRequestCreate, RatingCreate, ReopenCreate },
};
