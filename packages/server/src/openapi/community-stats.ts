import { CommunityStats } from '@doorstep/sdk';
import { acceptLanguage, errors, json, ref, type OpenApiSection } from './helpers.js';
import { ifNoneMatch, notModified } from './requests.js';

/** Every figure of a community's stats board in one answer. */
export const communityStatsSection: OpenApiSection = {
  paths: {
    '/v1/stats/summary': {
      get: {
        operationId: 'communityStats',
        summary: 'Requests (with the top categories), volunteer hours, elder-care recipients, events held and participants',
        description:
          'Computed in SQL from the stored records on each call, for an area (with everything inside it) and a period; ' +
          'answers carry an ETag (`304` while unchanged).',
        parameters: [
          { name: 'area', in: 'query', required: false, description: 'An area id; areas inside it count too.', schema: { type: 'string' } },
          { name: 'from', in: 'query', required: false, description: 'From a day (`2026-11-01`, +08:00) or a date-time with offset.', schema: { type: 'string' } },
          { name: 'to', in: 'query', required: false, description: 'Until a day (inclusive) or a date-time with offset.', schema: { type: 'string' } },
          ifNoneMatch,
          acceptLanguage,
        ],
        responses: {
          '200': { description: 'The figures', ...json(ref('CommunityStats')) },
          ...notModified,
          ...errors(400, 404, 500),
        },
      },
    },
  },
  output: { CommunityStats },
};
