import { RequestFigures, RequestStats } from '@doorstep/sdk';
import { acceptLanguage, errors, json, ref, type OpenApiSection } from './helpers.js';
import { ifNoneMatch, notModified } from './requests.js';

/** Public figures about requests, for stats boards. */
export const requestStatsSection: OpenApiSection = {
  paths: {
    '/v1/stats/requests': {
      get: {
        operationId: 'requestStats',
        summary: 'Requests collected and resolved, resolution rate and median time to resolve, in total and by category',
        description: 'Computed in SQL from the stored requests on each call; answers carry an ETag (`304` while unchanged).',
        parameters: [
          { name: 'area', in: 'query', required: false, description: 'An area id; areas inside it count too.', schema: { type: 'string' } },
          { name: 'from', in: 'query', required: false, description: 'Reported from: a day (`2026-11-01`, +08:00) or a date-time with offset.', schema: { type: 'string' } },
          { name: 'to', in: 'query', required: false, description: 'Reported until: a day (inclusive) or a date-time with offset.', schema: { type: 'string' } },
          ifNoneMatch,
          acceptLanguage,
        ],
        responses: {
          '200': { description: 'The figures', ...json(ref('RequestStats')) },
          ...notModified,
          ...errors(400, 404, 500),
        },
      },
    },
  },
  output: { RequestStats, RequestFigures },
};
