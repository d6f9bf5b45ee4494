import { CanteenListResponse, CanteenWeekMenu, CanteenWeekPublish, StaffCanteenWeekMenu } from '@doorstep/sdk';
import { acceptLanguage, errors, json, ref, type OpenApiSection } from './helpers.js';

const canteenId = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

/** Canteens: the list for an area, a week's menu; staff publish a week. */
export const canteenSection: OpenApiSection = {
  paths: {
    '/v1/canteens': {
      get: {
        operationId: 'listCanteens',
        summary: 'Community canteens for an area (its own, above and below it)',
        parameters: [{ name: 'area', in: 'query', required: false, schema: { type: 'string' } }, acceptLanguage],
        responses: { '200': { description: 'In display order', ...json(ref('CanteenListResponse')) }, ...errors(404, 500) },
      },
    },
    '/v1/canteens/{id}/menu': {
      get: {
        operationId: 'getCanteenMenu',
        summary: 'A week’s menu, Monday to Sunday: meals with serving hours, dishes with diet tags, prices and elder prices in fen',
        parameters: [
          canteenId,
          {
            name: 'week',
            in: 'query',
            required: false,
            description: 'Any day of the wanted week (community date); default today.',
            schema: { type: 'string', format: 'date' },
          },
          acceptLanguage,
        ],
        responses: {
          '200': { description: 'Seven days; `published: false` (and no meals) while the week has no menu', ...json(ref('CanteenWeekMenu')) },
          ...errors(400, 404, 500),
        },
      },
    },
    '/v1/staff/canteens/{id}/menus/{weekStart}': {
      put: {
        operationId: 'publishCanteenWeek',
        summary: 'Publish (or replace) a week’s menu (staff, role `canteen`); naturally idempotent',
        security: [{ bearerAuth: [] }],
        parameters: [
          canteenId,
          { name: 'weekStart', in: 'path', required: true, description: 'The Monday of the week.', schema: { type: 'string', format: 'date' } },
          acceptLanguage,
        ],
        requestBody: { required: true, ...json(ref('CanteenWeekPublish')) },
        responses: {
          '200': { description: 'Replaced the week published before', ...json(ref('StaffCanteenWeekMenu')) },
          '201': { description: 'Published for the first time', ...json(ref('StaffCanteenWeekMenu')) },
          ...errors(400, 401, 403, 404, 413, 415, 422, 500),
        },
      },
    },
  },
  output: { CanteenListResponse, CanteenWeekMenu, StaffCanteenWeekMenu },
  input: { CanteenWeekPublish },
};
