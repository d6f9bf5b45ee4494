import { ApiError, NetworkError, TimeoutError, ValidationError } from '../errors.js';
import { createHttp, HTTPError, TimeoutError as HttpTimeoutError, type Http, type Options } from '../http.js';
import {
  Category,
  CategoryQuestion,
  DEFAULT_LOCALE,
  ServiceRequestCreate,
  type Answers,
  type GeoPoint,
  type Locale,
  type LocalizedText,
} from '../schemas/index.js';
import { check, newIdempotencyKey, type CallOptions, type CreateOptions, type RetryOptions } from '../transport.js';
import {
  list,
  normalizeDefinition,
  normalizeError,
  normalizeReceipt,
  normalizeRequest,
  normalizeService,
} from './normalize.js';
import {
  Open311ErrorList,
  Open311ReceiptList,
  Open311ServiceDefinition,
  Open311ServiceList,
  Open311ServiceRequestList,
  Open311TokenAnswerList,
  type Open311Attribute,
  type Open311Error,
  type Open311Service,
  type Open311ServiceRequest,
  type Open311Status,
} from './schemas.js';

export interface Open311ClientOptions {
  /** The GeoReport v2 endpoint, e.g. `https://api.city.gov/dev/v2` or `https://portal.example.cn/open311/v2`. */
  endpoint: string;
  /** Sent with every call when the endpoint serves several jurisdictions (e.g. `city.gov`). */
  jurisdictionId?: string;
  /** Needed to create requests (`api_key`); reads need none. */
  apiKey?: string;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
  /**
   * The language the endpoint answers in (default zh-CN): sent as `Accept-Language`, and the key its
   * texts are stored under in the `LocalizedText` of categories and questions (zh-CN is always filled
   * too, as the fallback every Doorstep text has).
   */
  locale?: Locale;
  /** Per-attempt timeout in ms (default 15000). */
  timeoutMs?: number;
  /** Retries for network errors, 5xx and 429 (default 2), or finer settings. */
  retry?: number | RetryOptions;
}

/** A service request as another Open311 server describes it, in Doorstep's naming. */
export interface Open311Request {
  /** The server's `service_request_id` (always a string here, whatever the server sent). */
  id: string;
  status: Open311Status;
  statusNotes: string | null;
  categoryId: string | null;
  categoryName: string | null;
  description: string | null;
  agency: string | null;
  notice: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  expectedAt: string | null;
  address: string | null;
  /** `address_id`: on a Doorstep server, the area id. */
  areaId: string | null;
  zipcode: string | null;
  location: GeoPoint | null;
  mediaUrl: string | null;
}

/** What a create answers: the new request's id (a realtime service) or a token to trade for it later. */
export interface Open311Created {
  id: string | null;
  token: string | null;
  notice: string | null;
  accountId: string | null;
}

export interface Open311ListFilters extends CallOptions {
  /** These requests only; the spec lets this override every other filter. */
  ids?: readonly string[];
  categoryIds?: readonly string[];
  status?: Open311Status | readonly Open311Status[];
  /** Requested at or after (at most 90 days before `to`). */
  from?: Date | string;
  /** Requested at or before. */
  to?: Date | string;
  /** The paging extension many servers (Doorstep's too) support: page from 1… */
  page?: number;
  /** …of this many (Doorstep: 1–1000). */
  pageSize?: number;
}

/** What a create may carry besides the report itself: fields Open311 has and Doorstep's report does not. */
export interface Open311CreateOptions extends CreateOptions {
  /** The reporter's account in your app, answered back by servers that support it. */
  accountId?: string;
  email?: string;
  deviceId?: string;
  /** A public link to a photo you host (GeoReport v2 has no upload). */
  mediaUrl?: string;
}

/**
 * An error answer of an Open311 server: the HTTP status, a Doorstep error code for it, every
 * `{ code, description }` the server listed, and — where a description names a parameter
 * (`attribute[source]: …`, as the Doorstep server writes them) — the Doorstep field it is about.
 */
export class Open311ApiError extends ApiError {
  override name = 'Open311ApiError';
  constructor(
    status: number,
    readonly errors: Open311Error[],
  ) {
    const message = errors.map((error) => error.description).filter(Boolean).join('; ') || `HTTP ${status}`;
    super(status, codeOf(status), message, fieldsOf(errors));
  }
}

function codeOf(status: number): string {
  const codes: Record<number, string> = {
    400: 'validation_failed',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not_found',
    409: 'conflict',
    413: 'payload_too_large',
    429: 'rate_limited',
  };
  return codes[status] ?? (status >= 500 ? 'internal' : 'unknown');
}

/** Open311 parameter → the Doorstep field of `ServiceRequestCreate` it carries. */
const FIELD_OF_PARAMETER: Record<string, string> = {
  service_code: 'categoryId',
  address_id: 'areaId',
  description: 'description',
  first_name: 'contactName',
  last_name: 'contactName',
  phone: 'contactPhone',
  address_string: 'address',
  lat: 'location',
  long: 'location',
};

function fieldsOf(errors: readonly Open311Error[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const { description } of errors) {
    const match = /^([\w[\]]+)\s*[:：]\s*(.+)$/s.exec(description);
    if (!match) continue;
    const [, parameter, message] = match as unknown as [string, string, string];
    const answer = /^attribute\[([^\]]+)\]$/.exec(parameter)?.[1];
    const field = answer !== undefined ? `answers.${answer}` : FIELD_OF_PARAMETER[parameter];
    if (field) fields[field] ??= message;
  }
  return fields;
}

async function toError(error: unknown, timeoutMs: number): Promise<unknown> {
  if (error instanceof HTTPError) {
    const status = error.response.status;
    let body: unknown;
    try {
      body = await error.response.json();
    } catch {
      body = undefined;
    }
    const parsed = Open311ErrorList.safeParse(list(body).map(normalizeError));
    return new Open311ApiError(status, parsed.success ? parsed.data : []);
  }
  if (error instanceof HttpTimeoutError) return new TimeoutError(timeoutMs);
  if (error instanceof DOMException && error.name === 'AbortError') return error;
  if (error instanceof TypeError) return new NetworkError(error.message || 'Network request failed', { cause: error });
  return error;
}

const SAFE_METHODS = ['get', 'head', 'options'];

/** Text in the endpoint's language, with zh-CN always present (the fallback every Doorstep text has). */
function localized(text: string, locale: Locale): LocalizedText {
  return locale === 'zh-CN' ? { 'zh-CN': text } : { 'zh-CN': text, [locale]: text };
}

function toQuestion(attribute: Open311Attribute, locale: Locale): CategoryQuestion {
  return check(
    CategoryQuestion,
    {
      code: attribute.code,
      datatype: attribute.datatype,
      required: attribute.variable && attribute.required,
      variable: attribute.variable,
      order: attribute.order,
      prompt: localized(attribute.description, locale),
      ...(attribute.datatype_description ? { hint: localized(attribute.datatype_description, locale) } : {}),
      values: attribute.values.map((value) => ({ key: value.key, name: localized(value.name, locale) })),
    },
    'response',
  );
}

function toCategory(service: Open311Service, locale: Locale, questions?: CategoryQuestion[]): Category {
  const keywords = service.keywords?.split(',').map((word) => word.trim()).filter(Boolean) ?? [];
  return check(
    Category,
    {
      id: service.service_code,
      name: localized(service.service_name, locale),
      ...(service.description ? { description: localized(service.description, locale) } : {}),
      // Open311 does not say; the server decides (and answers 400) when it needs contact details.
      allowAnonymous: true,
      ...(questions ? { questions } : {}),
      ...(service.group ? { group: localized(service.group, locale) } : {}),
      ...(keywords.length > 0 ? { keywords: locale === 'zh-CN' ? { 'zh-CN': keywords } : { 'zh-CN': keywords, [locale]: keywords } } : {}),
    },
    'response',
  );
}

function toRequest(request: Open311ServiceRequest): Open311Request {
  return {
    id: request.service_request_id,
    status: request.status,
    statusNotes: request.status_notes,
    categoryId: request.service_code,
    categoryName: request.service_name,
    description: request.description,
    agency: request.agency_responsible,
    notice: request.service_notice,
    createdAt: request.requested_datetime,
    updatedAt: request.updated_datetime,
    expectedAt: request.expected_datetime,
    address: request.address,
    areaId: request.address_id,
    zipcode: request.zipcode,
    location: request.lat === null || request.long === null ? null : { latitude: request.lat, longitude: request.long },
    mediaUrl: request.media_url,
  };
}

function isoOf(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : value;
}

/** The form of `POST requests`: a Doorstep report as GeoReport v2 parameters. */
function formOf(input: ServiceRequestCreate, options: Open311ClientOptions, extra: Open311CreateOptions): URLSearchParams {
  const form = new URLSearchParams();
  const set = (name: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') form.set(name, String(value));
  };
  set('api_key', options.apiKey);
  set('jurisdiction_id', options.jurisdictionId);
  set('service_code', input.categoryId);
  set('address_id', input.areaId);
  set('lat', input.location?.latitude);
  set('long', input.location?.longitude);
  set('address_string', input.address);
  set('description', input.description);
  // Open311 splits a name in two; Doorstep keeps it whole, and a whole name in first_name reads back whole.
  set('first_name', input.contactName);
  set('phone', input.contactPhone);
  set('email', extra.email);
  set('device_id', extra.deviceId);
  set('account_id', extra.accountId);
  set('media_url', extra.mediaUrl);
  for (const [code, answer] of Object.entries(input.answers ?? {} as Answers)) {
    if (Array.isArray(answer)) for (const value of answer) form.append(`attribute[${code}][]`, value);
    else form.set(`attribute[${code}]`, String(answer));
  }
  return form;
}

/**
 * A client for any Open311 GeoReport v2 endpoint — another city's, or the Doorstep server's own
 * `/open311/v2` — with the same `categories` and `requests` operations as the Doorstep client: services
 * become {@link Category}s (with their attributes as {@link CategoryQuestion}s), a Doorstep
 * {@link ServiceRequestCreate} becomes the POST form, requests come back as {@link Open311Request}s.
 * Answers are checked against the GeoReport v2 schemas after smoothing what servers do differently
 * (numeric ids, missing fields); errors are {@link Open311ApiError}s carrying the spec's error list.
 *
 * @example
 * const city = createOpen311Client({ endpoint: 'https://portal.example.cn/open311/v2', jurisdictionId: 'xingfuli.example.cn', apiKey });
 * const [service] = await city.categories.list();
 * const { id } = await city.requests.create({ categoryId: service.id, areaId: 'b-1', description: '楼道灯不亮' });
 */
export function createOpen311Client(options: Open311ClientOptions) {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const retry: RetryOptions = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
  const retryPolicy = {
    limit: retry.limit ?? 2,
    methods: SAFE_METHODS,
    statusCodes: [408, 429, 500, 502, 503, 504],
    afterStatusCodes: [429, 503],
    maxRetryAfter: retry.maxRetryAfter ?? 60_000,
    backoffLimit: retry.backoffLimit ?? 5_000,
    retryOnTimeout: true,
  };
  const http: Http = createHttp({
    prefixUrl: `${options.endpoint.replace(/\/+$/, '')}/`,
    timeout: timeoutMs,
    retry: retryPolicy,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    headers: { accept: 'application/json', 'accept-language': locale },
  });
  const jurisdiction = options.jurisdictionId ? { jurisdiction_id: options.jurisdictionId } : {};

  async function get(path: string, searchParams: Record<string, string | number | undefined>, opts: CallOptions): Promise<unknown> {
    try {
      return await http(path, { searchParams: { ...jurisdiction, ...searchParams }, ...(opts.signal ? { signal: opts.signal } : {}) }).json();
    } catch (error) {
      throw await toError(error, timeoutMs);
    }
  }

  async function services(opts: CallOptions): Promise<Open311Service[]> {
    return check(Open311ServiceList, list(await get('services.json', {}, opts)).map(normalizeService), 'response');
  }

  async function questionsOf(code: string, opts: CallOptions): Promise<CategoryQuestion[]> {
    const raw = await get(`services/${encodeURIComponent(code)}.json`, {}, opts);
    const definition = check(Open311ServiceDefinition, normalizeDefinition(raw), 'response');
    return definition.attributes.map((attribute) => toQuestion(attribute, locale)).sort((a, b) => a.order - b.order);
  }

  async function requestList(searchParams: Record<string, string | number | undefined>, opts: CallOptions, path = 'requests.json') {
    const raw = list(await get(path, searchParams, opts));
    return check(Open311ServiceRequestList, raw.map(normalizeRequest), 'response').map(toRequest);
  }

  return {
    /** The endpoint this client talks to. */
    endpoint: options.endpoint,
    categories: {
      /**
       * The services, as categories. Their questions are not included unless `withQuestions` is set, which
       * reads the definition of every service that has one (one call each); otherwise use {@link get}.
       */
      async list(opts: CallOptions & { withQuestions?: boolean } = {}): Promise<Category[]> {
        const all = await services(opts);
        const categories: Category[] = [];
        for (const service of all) {
          const questions = opts.withQuestions ? (service.metadata ? await questionsOf(service.service_code, opts) : []) : undefined;
          categories.push(toCategory(service, locale, questions));
        }
        return categories;
      },
      /** One service with its attributes as questions; an unknown code is an `Open311ApiError` with status 404. */
      async get(code: string, opts: CallOptions = {}): Promise<Category> {
        const service = (await services(opts)).find((entry) => entry.service_code === code);
        if (!service) throw new Open311ApiError(404, [{ code: 404, description: `service_code "${code}" was not found.` }]);
        return toCategory(service, locale, service.metadata ? await questionsOf(code, opts) : []);
      },
    },
    requests: {
      /**
       * Files a report: the Doorstep input as GeoReport v2 parameters (`categoryId` → service_code,
       * `areaId` → address_id, `location` → lat/long, `address` → address_string, `answers` →
       * attribute[…]). Sent with an `Idempotency-Key`, so a retry after a lost answer files it once on
       * servers that honour the key (Doorstep's does). Photos and "for someone else" have no place in
       * GeoReport v2 and are refused before anything is sent.
       */
      async create(input: ServiceRequestCreate, opts: Open311CreateOptions = {}): Promise<Open311Created> {
        const report = check(ServiceRequestCreate, input, 'request');
        const unsupported = [
          ...((report.photoIds?.length ?? 0) > 0 ? [{ path: 'photoIds', message: 'GeoReport v2 has no photo upload: host the photo and pass mediaUrl' }] : []),
          ...(report.onBehalfOf ? [{ path: 'onBehalfOf', message: 'GeoReport v2 cannot say a report is for someone else' }] : []),
        ];
        if (unsupported.length > 0) {
          throw new ValidationError('request', unsupported.map((issue) => ({ ...issue, code: 'unsupported' })));
        }
        const init: Options = {
          method: 'post',
          body: formOf(report, options, opts),
          headers: {
            'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
            'idempotency-key': opts.idempotencyKey ?? newIdempotencyKey(),
          },
          retry: { ...retryPolicy, methods: [...SAFE_METHODS, 'post'] },
          ...(opts.signal ? { signal: opts.signal } : {}),
        };
        let raw: unknown;
        try {
          raw = await http('requests.json', init).json();
        } catch (error) {
          throw await toError(error, timeoutMs);
        }
        const [receipt] = check(Open311ReceiptList, list(raw).map(normalizeReceipt), 'response');
        if (!receipt) throw new ValidationError('response', [{ path: '', code: 'too_small', message: 'The server answered an empty list' }]);
        return {
          id: receipt.service_request_id ?? null,
          token: receipt.token ?? null,
          notice: receipt.service_notice,
          accountId: receipt.account_id,
        };
      },
      /** One request by its id; an unknown id is an `Open311ApiError` with status 404. */
      async get(id: string, opts: CallOptions = {}): Promise<Open311Request> {
        const [request] = await requestList({}, opts, `requests/${encodeURIComponent(id)}.json`);
        if (!request) throw new Open311ApiError(404, [{ code: 404, description: `service_request_id "${id}" was not found.` }]);
        return request;
      },
      /** Requests matching the filters (by default the server's: the last 90 days, at most 1000). */
      async list(filters: Open311ListFilters = {}): Promise<Open311Request[]> {
        const statuses = filters.status === undefined ? undefined : [filters.status].flat();
        return requestList(
          {
            service_request_id: filters.ids?.join(','),
            service_code: filters.categoryIds?.join(','),
            status: statuses?.join(','),
            start_date: filters.from === undefined ? undefined : isoOf(filters.from),
            end_date: filters.to === undefined ? undefined : isoOf(filters.to),
            page: filters.page,
            page_size: filters.pageSize,
          },
          filters,
        );
      },
      /** The request id a token (from a `batch` service's create) stands for; `null` while the server has none yet. */
      async fromToken(token: string, opts: CallOptions = {}): Promise<string | null> {
        const raw = list(await get(`tokens/${encodeURIComponent(token)}.json`, {}, opts)).map((entry) => {
          const receipt = normalizeReceipt(entry);
          return { service_request_id: receipt.service_request_id ?? null, token: receipt.token ?? token };
        });
        return check(Open311TokenAnswerList, raw, 'response')[0]?.service_request_id ?? null;
      },
    },
  };
}

export type Open311Client = ReturnType<typeof createOpen311Client>;
