import {
  Open311Discovery,
  Open311ErrorList,
  Open311ReceiptList,
  Open311ServiceDefinition,
  Open311ServiceList,
  Open311ServiceRequestList,
  Open311TokenAnswerList,
} from '@doorstep/sdk/open311';
import { acceptLanguage, ref, type JsonSchema, type OpenApiSection } from './helpers.js';

// The Open311 GeoReport v2 facade (docs/open311.md). Each resource answers JSON or XML by the path's
// suffix; the XML carries the same fields as the JSON (the spec's Spark convention).

const BASE = '/open311/v2';

const jurisdiction = {
  name: 'jurisdiction_id',
  in: 'query',
  required: false,
  description: 'Optional: this server serves one jurisdiction; another id is a 404.',
  schema: { type: 'string' },
};

type Format = 'json' | 'xml' | 'both';

function body(schema: string, format: Format): JsonSchema {
  const json = { 'application/json': { schema: ref(schema) } };
  const xml = { 'text/xml': { schema: { type: 'string', description: `XML with the fields of ${schema}.` } } };
  return format === 'json' ? json : format === 'xml' ? xml : { ...json, ...xml };
}

function errorResponses(format: Format, ...statuses: number[]) {
  const meaning: Record<number, string> = {
    400: 'Bad request: the description names each problem.',
    403: 'Missing or invalid api_key.',
    404: 'Not found: service_code, service_request_id, token or jurisdiction_id.',
    409: 'The same Idempotency-Key is still being processed.',
    413: 'Body too large.',
  };
  return Object.fromEntries(
    statuses.map((status) => [String(status), { description: meaning[status], content: body('Open311ErrorList', format) }]),
  );
}

function read(format: Format, summary: string, schema: string, extra: JsonSchema[] = [], errors: number[] = [400, 404]) {
  return {
    get: {
      operationId: `open311${summary.replace(/\W+(\w)/g, (_, c: string) => c.toUpperCase()).replace(/\W/g, '')}${format === 'json' ? 'Json' : format === 'xml' ? 'Xml' : ''}`,
      tags: ['Open311'],
      summary: format === 'both' ? summary : `${summary} (${format.toUpperCase()})`,
      parameters: [...extra, jurisdiction, acceptLanguage],
      responses: { '200': { description: summary, content: body(schema, format) }, ...errorResponses(format, ...errors) },
    },
  };
}

const query = (name: string, description: string) => ({ name, in: 'query', required: false, description, schema: { type: 'string' } });
const requestFilters = [
  query('service_request_id', 'Comma-separated ids; overrides every other filter.'),
  query('service_code', 'Comma-separated service codes.'),
  query('start_date', 'Requested at or after (ISO 8601 with offset). Alone: 90 days from it.'),
  query('end_date', 'Requested at or before. Alone: 90 days up to it. Neither: the last 90 days. At most 90 days apart.'),
  query('status', '`open`, `closed` or `open,closed`.'),
  query('page', 'Paging extension: the page, from 1 (newest first).'),
  query('page_size', 'Paging extension: 1–1000 (default 1000).'),
];
const file = (what: string) => ({
  name: 'file',
  in: 'path',
  required: true,
  description: `${what} followed by \`.json\` or \`.xml\`.`,
  schema: { type: 'string' },
});

function create(format: 'json' | 'xml') {
  return {
    post: {
      operationId: `open311CreateRequest${format === 'json' ? 'Json' : 'Xml'}`,
      tags: ['Open311'],
      summary: `Create a service request (${format.toUpperCase()}); needs an api_key`,
      parameters: [
        { name: 'Idempotency-Key', in: 'header', required: false, description: 'Makes a retry safe; also the token for GET tokens/{token}.', schema: { type: 'string' } },
        acceptLanguage,
      ],
      requestBody: {
        required: true,
        content: {
          'application/x-www-form-urlencoded': {
            schema: {
              type: 'object',
              required: ['api_key', 'service_code'],
              properties: Object.fromEntries(
                [
                  'api_key', 'jurisdiction_id', 'service_code', 'lat', 'long', 'address_string', 'address_id', 'email', 'device_id',
                  'account_id', 'first_name', 'last_name', 'phone', 'description', 'media_url',
                ].map((name) => [name, { type: 'string' }]),
              ),
              additionalProperties: { description: '`attribute[code]=value`, and `attribute[code][]=value` repeated for a multivaluelist.' },
            },
          },
        },
      },
      responses: {
        '201': { description: 'Created (or the first answer again for a repeated Idempotency-Key)', content: body('Open311ReceiptList', format) },
        ...errorResponses(format, 400, 403, 404, 409, 413),
      },
    },
  };
}

const paths: Record<string, JsonSchema> = {};
for (const format of ['json', 'xml'] as const) {
  paths[`${BASE}/discovery.${format}`] = read(format, 'Service discovery', 'Open311Discovery', [], [404]);
  paths[`${BASE}/services.${format}`] = read(format, 'Service list', 'Open311ServiceList', [], [404]);
  paths[`${BASE}/requests.${format}`] = { ...read(format, 'Service requests', 'Open311ServiceRequestList', requestFilters), ...create(format) };
}
paths[`${BASE}/services/{file}`] = read('both', 'Service definition', 'Open311ServiceDefinition', [file('The service code')]);
paths[`${BASE}/requests/{file}`] = read('both', 'One service request', 'Open311ServiceRequestList', [file('The service_request_id')]);
paths[`${BASE}/tokens/{file}`] = read('both', 'The request a token stands for', 'Open311TokenAnswerList', [file('The token (the Idempotency-Key of a POST)')]);

/** Open311 GeoReport v2: discovery, services, service definitions, requests, tokens. */
export const open311Section: OpenApiSection = {
  paths,
  output: {
    Open311Discovery,
    Open311ServiceList,
    Open311ServiceDefinition,
    Open311ServiceRequestList,
    Open311ReceiptList,
    Open311TokenAnswerList,
    Open311ErrorList,
  },
};
