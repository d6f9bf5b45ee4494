import { ServiceRequestCreate, ServiceRequestPublic } from '@doorstep/sdk';
import { acceptLanguage, errors, idempotencyKeyHeader, json, ref, replayedHeader, type OpenApiSection } from './helpers.js';

/** Service requests: report a problem, look it up by tracking code. */
export const requestsSection: OpenApiSection = {
  paths: {
    '/v1/requests': {
      post: {
        operationId: 'createRequest',
        summary: 'Report a problem; answers the public (masked) view with the tracking code',
        parameters: [
          idempotencyKeyHeader,
          acceptLanguage,
        ],
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
    },
    '/v1/requests/{code}': {
      get: {
        operationId: 'getRequest',
        summary: 'Look a request up by tracking code (case and spacing forgiven)',
        parameters: [
          { name: 'code', in: 'path', required: true, description: 'e.g. DS-7K2M-9QX4', schema: { type: 'string' } },
          acceptLanguage,
        ],
        responses: { '200': { description: 'The public view', ...json(ref('ServiceRequestPublic')) }, ...errors(404, 500) },
      },
    },
  },
  output: { ServiceRequestPublic },
  input: { ServiceRequestCreate },
};
