import type { ApiErrorBody, ErrorCode, Locale } from '@doorstep/sdk';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { negotiateLocale, translate, type Message, type MessageKey, type MessageParams } from './i18n.js';

/** Field name (dotted path, or a header name) → what is wrong with it. */
export type FieldMessages = Record<string, Message>;

/**
 * An answer the API gives on purpose: an HTTP status, a stable machine-readable code, and a message
 * (plus per-field messages) rendered in the caller's language when the response is written.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode | 'idempotency_key_reused',
    readonly messageKey: MessageKey,
    readonly fields?: FieldMessages,
    readonly params?: MessageParams,
  ) {
    super(messageKey);
  }
}

export const validationFailed = (fields?: FieldMessages, messageKey: MessageKey = 'validation_failed') =>
  new ApiError(400, 'validation_failed', messageKey, fields);
export const notFound = (messageKey: MessageKey = 'not_found') => new ApiError(404, 'not_found', messageKey);
export const unprocessable = (fields: FieldMessages) => new ApiError(422, 'unprocessable', 'unprocessable', fields);
export const internalError = () => new ApiError(500, 'internal', 'internal');

export function errorBody(error: ApiError, locale: Locale): ApiErrorBody {
  const body: ApiErrorBody = {
    error: { code: error.code, message: translate(locale, { key: error.messageKey, params: error.params ?? {} }) },
  };
  if (error.fields && Object.keys(error.fields).length > 0) {
    body.error.fields = Object.fromEntries(
      Object.entries(error.fields).map(([field, message]) => [field, translate(locale, message)]),
    );
  }
  return body;
}

/** Writes `{ error: { code, message, fields? } }` in the language the caller asked for. */
export function errorResponse(c: Context, error: ApiError): Response {
  const locale = negotiateLocale(c.req.header('accept-language'));
  c.header('Content-Language', locale);
  c.header('Vary', 'Accept-Language', { append: true });
  return c.json(errorBody(error, locale), error.status);
}
