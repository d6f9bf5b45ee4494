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
  ServiceRequestCreate,
  ServiceRequestPublic,
} from '@doorstep/sdk';
import * as z from 'zod/mini';
import { HealthResponse } from './routes/health.js';

type JsonSchema = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

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
        ServiceRequestPublic,
        HealthResponse,
      },
      'output',
    ),
    ...generate({ ServiceRequestCreate }, 'input'),
  };
}

const json = (schema: JsonSchema) => ({ content: { 'application/json': { schema } } });

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Validation failed (`validation_failed`): malformed JSON or a schema violation; `fields` names each field.',
  404: 'Not found (`not_found`).',
  409: 'Conflict (`conflict`): the same Idempotency-Key is still being processed.',
  413: 'Payload too large (`payload_too_large`).',
  415: 'Unsupported media type (`unsupported_media_type`): send `application/json`.',
  422: 'Unprocessable (`unprocessable`, or `idempotency_key_reused` for a key reused with a different body).',
  429: 'Rate limited (`rate_limited`).',
  500: 'Internal error (`internal`); never contains a stack trace.',
};

function errors(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [String(status), { $ref: `#/components/responses/Error${status}` }]));
}

const acceptLanguage = {
  name: 'Accept-Language',
  in: 'header',
  required: false,
  description: 'Language of error messages: zh-CN (default), zh-TW or en.',
  schema: { type: 'string' },
};

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
      '/v1/requests': {
        post: {
          operationId: 'createRequest',
          summary: 'Report a problem; answers the public (masked) view with the tracking code',
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description:
                'Makes the create safe to retry: a repeat with the same key and body answers the first response ' +
                '(with `Idempotent-Replayed: true`) and creates nothing; the same key with another body is a 422.',
              schema: { type: 'string', minLength: 1, maxLength: 255 },
            },
            acceptLanguage,
          ],
          requestBody: { required: true, ...json(ref('ServiceRequestCreate')) },
          responses: {
            '201': {
              description: 'Created, or the replay of the first response for a repeated Idempotency-Key',
              headers: {
                'Idempotent-Replayed': {
                  description: '`true` when this is a stored response replayed for a repeated Idempotency-Key.',
                  schema: { type: 'string', enum: ['true'] },
                },
              },
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
    components: {
      schemas: componentSchemas(),
      responses: Object.fromEntries(
        Object.entries(ERROR_DESCRIPTIONS).map(([status, description]) => [
          `Error${status}`,
          { description, ...json(ref('ApiErrorBody')) },
        ]),
      ),
    },
  };
}
