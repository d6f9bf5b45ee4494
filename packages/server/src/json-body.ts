import type { Context } from 'hono';
import { ApiError, validationFailed } from './errors.js';

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;

/** Reads a JSON request body: 415 unless it is declared as JSON, 400 when it does not parse. */
export async function readJsonBody(c: Context): Promise<unknown> {
  const mediaType = c.req.header('content-type')?.split(';')[0]?.trim() ?? '';
  if (!JSON_MEDIA_TYPE.test(mediaType)) {
    throw new ApiError(415, 'unsupported_media_type', 'unsupported_media_type');
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw validationFailed(undefined, 'invalid_json');
  }
}
