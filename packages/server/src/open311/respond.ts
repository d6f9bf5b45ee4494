import type { Locale } from '@doorstep/sdk';
import type { Context } from 'hono';
import { ApiError } from '../errors.js';
import { negotiateLocale, translate, type Message } from '../i18n.js';
import { toXml, type XmlValue } from './xml.js';

/** The two formats GeoReport v2 defines: XML (required by the spec) and JSON. */
export type Open311Format = 'json' | 'xml';

/** The element a list's items are written as in XML, per the spec's examples. */
const ITEM_NAMES: Record<string, string> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
};
const itemName = (list: string) => ITEM_NAMES[list] ?? 'item';

/** The caller's language for descriptions and names: `Accept-Language`, zh-CN by default. */
export function localeOf(c: Context): Locale {
  return negotiateLocale(c.req.header('accept-language'));
}

/**
 * Writes `value` as JSON or as XML under `root` (JSON is the XML's Spark-convention mapping, so the
 * same value serves both), UTF-8 as the spec requires, with the language the texts are in.
 */
export function open311Response(c: Context, format: Open311Format, root: string, value: XmlValue, status = 200, headers: Record<string, string> = {}): Response {
  const body = format === 'json' ? JSON.stringify(value) : toXml(root, value, itemName);
  return new Response(body, {
    status,
    headers: {
      'content-type': format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8',
      'content-language': localeOf(c),
      vary: 'Accept-Language',
      ...headers,
    },
  });
}

/** One problem of an error answer: a message, and the parameter it is about (named in the description). */
export interface Open311Problem {
  message: Message;
  field?: string;
}

/**
 * An answer the Open311 facade gives on purpose, in the spec's error format: 403 for a missing or
 * wrong `api_key`, 404 for what does not exist, 400 for everything else; one entry per problem.
 */
export class Open311Error extends Error {
  override name = 'Open311Error';
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 500,
    readonly problems: Open311Problem[],
  ) {
    super(problems.map((problem) => problem.message.key).join(', '));
  }
}

export const open311Failure = (status: Open311Error['status'], key: Message['key'], params?: Message['params']) =>
  new Open311Error(status, [{ message: params ? { key, params } : { key } }]);

/** Doorstep's own field names as an Open311 client knows them (`answers.x` → `attribute[x]`). */
function open311FieldName(field: string): string {
  const answer = /^answers\.(.+)$/.exec(field);
  if (answer) return `attribute[${answer[1]}]`;
  const names: Record<string, string> = {
    categoryId: 'service_code',
    areaId: 'address_id',
    description: 'description',
    contactName: 'first_name',
    contactPhone: 'phone',
    address: 'address_string',
    location: 'lat',
    'location.latitude': 'lat',
    'location.longitude': 'long',
  };
  return names[field] ?? field;
}

/**
 * The error answer for anything thrown while serving `/open311/v2`: its own failures as they are,
 * the API's errors (a rule `POST requests` broke, a body too large) as one entry per field, and an
 * unexpected error as a 500 without details (which stay in the server log).
 */
export function open311ErrorResponse(c: Context, error: unknown, format: Open311Format = formatOfPath(c.req.path)): Response {
  const locale = localeOf(c);
  let failure: Open311Error;
  if (error instanceof Open311Error) failure = error;
  else if (error instanceof ApiError) failure = fromApiError(error);
  else {
    console.error(`${c.req.method} ${c.req.path} failed:`, error);
    failure = open311Failure(500, 'open311_internal');
  }
  const errors = failure.problems.map(({ message, field }) => ({
    code: failure.status,
    description: field
      ? translate(locale, { key: 'open311_field', params: { field, message: translate(locale, message) } })
      : translate(locale, message),
  }));
  return open311Response(c, format, 'errors', errors, failure.status);
}

function fromApiError(error: ApiError): Open311Error {
  if (error.status === 413) return open311Failure(413, 'open311_payload_too_large', error.params);
  const status = error.status === 404 ? 404 : error.status === 409 ? 409 : error.status >= 500 ? 500 : 400;
  if (status === 500) return open311Failure(500, 'open311_internal');
  const fields = Object.entries(error.fields ?? {});
  if (fields.length === 0) {
    return new Open311Error(status, [{ message: { key: error.messageKey, ...(error.params ? { params: error.params } : {}) } }]);
  }
  // One entry per field, each naming the parameter as the client sent it, so an app can point at it.
  return new Open311Error(status, fields.map(([field, message]) => ({ message, field: open311FieldName(field) })));
}

/** `.json` or `.xml` at the end of the path; XML (the spec's required format) when it is neither. */
export function formatOfPath(path: string): Open311Format {
  return path.endsWith('.json') ? 'json' : 'xml';
}
