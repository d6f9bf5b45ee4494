import type * as z from 'zod/mini';

export type JsonSchema = Record<string, unknown>;

/**
 * One part of the API's OpenAPI document: its paths, and the SDK schemas they refer to by name
 * (`ref('Name')`). Response schemas go in `output`, request bodies in `input`; see `openapi.ts`.
 */
export interface OpenApiSection {
  paths: Record<string, JsonSchema>;
  output?: Record<string, z.ZodMiniType>;
  input?: Record<string, z.ZodMiniType>;
}

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const json = (schema: JsonSchema) => ({ content: { 'application/json': { schema } } });

export const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Validation failed (`validation_failed`): malformed JSON or a schema violation; `fields` names each field.',
  404: 'Not found (`not_found`).',
  409: 'Conflict (`conflict`): the same Idempotency-Key is still being processed.',
  413: 'Payload too large (`payload_too_large`).',
  415: 'Unsupported media type (`unsupported_media_type`): send `application/json`.',
  422: 'Unprocessable (`unprocessable`, or `idempotency_key_reused` for a key reused with a different body).',
  429: 'Rate limited (`rate_limited`).',
  500: 'Internal error (`internal`); never contains a stack trace.',
};

export function errors(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [String(status), { $ref: `#/components/responses/Error${status}` }]));
}

export const acceptLanguage = {
  name: 'Accept-Language',
  in: 'header',
  required: false,
  description: 'Language of error messages: zh-CN (default), zh-TW or en.',
  schema: { type: 'string' },
};


export const idempotencyKeyHeader = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Makes the create safe to retry: a repeat with the same key and body answers the first response ' +
    '(with `Idempotent-Replayed: true`) and creates nothing; the same key with another body is a 422.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};

export const replayedHeader = {
  'Idempotent-Replayed': {
    description: '`true` when this is a stored response replayed for a repeated Idempotency-Key.',
    schema: { type: 'string', enum: ['true'] },
  },
};
