import type * as z from 'zod/mini';
import { validationFailed, type FieldMessages } from './errors.js';
import type { Message } from './i18n.js';

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Turns one zod issue into a message key the i18n table knows, so every language gets a real sentence. */
function messageFor(issue: z.core.$ZodIssue, input: unknown): Message {
  const field = String(issue.path.at(-1) ?? '');
  switch (issue.code) {
    case 'invalid_type':
      return { key: valueAt(input, issue.path) === undefined ? 'field_required' : 'field_invalid_type' };
    case 'too_small': {
      const minimum = Number(issue.minimum);
      return minimum <= 1 ? { key: 'field_required' } : { key: 'field_too_short', params: { min: minimum } };
    }
    case 'too_big':
      return { key: 'field_too_long', params: { max: Number(issue.maximum) } };
    case 'custom':
      return { key: /phone/i.test(field) ? 'field_invalid_phone' : 'field_invalid' };
    default:
      return { key: 'field_invalid' };
  }
}

/**
 * Validates `input` with one of the SDK's schemas. Failure is a 400 `validation_failed` with the
 * first problem of each field under its dotted path.
 */
export function parseOrThrow<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldMessages = {};
  for (const issue of result.error.issues) {
    if (issue.path.length === 0) throw validationFailed(undefined, 'body_not_object');
    fields[issue.path.join('.')] ??= messageFor(issue, input);
  }
  throw validationFailed(fields);
}
