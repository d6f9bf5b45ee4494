import {
  ApiErrorBody,
  AreaListResponse,
  AreaNode,
  AreaTreeResponse,
  Area,
  Category,
  CategoryListResponse,
  Id,
  LocalizedText,
} from '@doorstep/sdk';
import * as z from 'zod/mini';
import { ERROR_DESCRIPTIONS, acceptLanguage, errors, json, ref, type JsonSchema, type OpenApiSection } from './openapi/helpers.js';
import { appointmentsSection } from './openapi/appointments.js';
import { eventsSection } from './openapi/events.js';
import { canteenSection } from './openapi/canteen.js';
import { categoriesSection } from './openapi/categories.js';
import { open311Section } from './openapi/open311.js';
import { eldercareSection } from './openapi/eldercare.js';
import { communityStatsSection } from './openapi/community-stats.js';
import { requestStatsSection } from './openapi/request-stats.js';
import { requestsSection } from './openapi/requests.js';
import { staffRequestsSection } from './openapi/staff-requests.js';
import { volunteeringSection } from './openapi/volunteering.js';
import { HealthResponse } from './routes/health.js';

/** Every domain's part of the document: a new domain adds its `openapi/<domain>.ts` section here. */
const SECTIONS: OpenApiSection[] = [requestsSection, staffRequestsSection, requestStatsSection, communityStatsSection, categoriesSection, open311Section, appointmentsSection, eventsSection, canteenSection, eldercareSection, volunteeringSection];

/**
 * Component schemas generated from the SDK's zod schemas (the single source of truth). Request
 * bodies are described as the client may send them (`io: 'input'`), responses as the server
 * sends them (`io: 'output'`).
 */
function componentSchemas(): Record<string, JsonSchema> {
  const generate = (schemas: Record<string, z.ZodMiniType>, io: 'input' | 'output') => {
    const registry = z.registry<{ id: string }>();
    for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
    const { schemas: generated } = z.toJSONSchema(registry, { io, uri: (id) => ref(id).$ref });
    // Inside an OpenAPI document the dialect is implied and the refs are local.
    return Object.fromEntries(
      Object.entries(generated).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema as JsonSchema]),
    );
  };
  return {
    ...generate(
      {
        ApiErrorBody,
        Area,
        AreaNode,
        AreaTreeResponse,
        AreaListResponse,
        LocalizedText,
        Category,
        CategoryListResponse,
        HealthResponse,
        ...Object.assign({}, ...SECTIONS.map((section) => section.output)),
      },
      'output',
    ),
    ...generate(Object.assign({}, ...SECTIONS.map((section) => section.input)), 'input'),
  };
}

/** The OpenAPI 3.1 document of the API; every payload schema comes from `@doorstep/sdk`. */
export function buildOpenApiDocument(version: string): JsonSchema {
  const idSchema = z.toJSONSchema(Id, { target: 'draft-2020-12' });
  delete idSchema.$schema;
  return {
    openapi: '3.1.0',
    info: {
      title: 'Doorstep API',
      version,
      description:
        'Community services on the resident’s doorstep. Errors are `{ "error": { "code", "message", "fields"? } }`, ' +
        'messages localized by `Accept-Language`. Public reads mask contact data (张** / 138****5678).',
    },
    paths: {
      '/healthz': {
        get: {
          operationId: 'health',
          summary: 'Liveness and database reachability',
          responses: { '200': { description: 'Healthy', ...json(ref('HealthResponse')) }, ...errors(500) },
        },
      },
      '/v1/areas': {
        get: {
          operationId: 'listAreas',
          summary: 'The area tree (district → … → building/unit), or the direct children of one area',
          parameters: [
            { name: 'parent', in: 'query', required: false, description: 'An area id; answers its direct children.', schema: idSchema },
            acceptLanguage,
          ],
          responses: {
            '200': {
              description: 'Without `parent`: the tree (AreaTreeResponse). With `parent`: a flat list (AreaListResponse).',
              ...json({ oneOf: [ref('AreaTreeResponse'), ref('AreaListResponse')] }),
            },
            ...errors(400, 404, 500),
          },
        },
      },
      '/v1/categories': {
        get: {
          operationId: 'listCategories',
          summary: 'The kinds of problem a resident can report',
          parameters: [acceptLanguage],
          responses: { '200': { description: 'Categories in display order', ...json(ref('CategoryListResponse')) }, ...errors(500) },
        },
      },
      ...Object.assign({}, ...SECTIONS.map((section) => section.paths)),
    },
    components: {
      schemas: componentSchemas(),
      // Staff operations name it in their `security`.
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'A staff token from `DOORSTEP_STAFF_TOKENS`; roles decide what it may do.' },
        volunteerKey: { type: 'apiKey', in: 'header', name: 'Authorization', description: '`Volunteer <access key>`: the key a volunteer got at sign-up.' },
      },
      responses: Object.fromEntries(
        Object.entries(ERROR_DESCRIPTIONS).map(([status, description]) => [
          `Error${status}`,
          { description, ...json(ref('ApiErrorBody')) },
        ]),
      ),
    },
  };
}
