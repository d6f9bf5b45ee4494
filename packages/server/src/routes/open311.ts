import { createHash, timingSafeEqual } from 'node:crypto';
import {
  IsoDateTime,
  REQUEST_STATUSES,
  ServiceRequestCreate,
  TrackingCode,
  localize,
  normalizeTrackingCode,
  type Category,
  type CategoryQuestion,
  type Locale,
  type QuestionAnswer,
  type RequestStatus,
} from '@doorstep/sdk';
import {
  GEOREPORT_V2_SPECIFICATION,
  OPEN311_MAX_DAYS,
  OPEN311_MAX_RESULTS,
  type Open311Discovery,
  type Open311Receipt,
  type Open311Service,
  type Open311ServiceDefinition,
  type Open311ServiceRequest,
  type Open311Status,
} from '@doorstep/sdk/open311';
import { Hono, type Context } from 'hono';
import type { Clock } from '../clock.js';
import type { ServerConfig } from '../config.js';
import { createServiceRequest } from '../create-request.js';
import { listAreas } from '../db/areas.js';
import { questionsOf } from '../db/category-questions.js';
import { findCategoryWithQuestions, listCategoriesWithQuestions } from '../db/categories.js';
import type { Database, Queryable } from '../db/database.js';
import { claimIdempotencyKey, saveIdempotentResponse } from '../db/idempotency.js';
import {
  definitionsChangedAt,
  findOpen311Requests,
  insertOpen311Submission,
  listOpen311Requests,
  type Open311RequestRow,
} from '../db/open311.js';
import { ApiError } from '../errors.js';
import { translate, type Message } from '../i18n.js';
import { hashInput, idempotencyKeyOf } from '../idempotent-create.js';
import type { Open311Config } from '../open311/config.js';
import {
  Open311Error,
  localeOf,
  open311ErrorResponse,
  open311Failure,
  open311Response,
  formatOfPath,
  type Open311Format,
  type Open311Problem,
} from '../open311/respond.js';
import { baseUrlOf, photoUrl } from '../request-views.js';
import { parseOrThrow } from '../validation.js';

/** Where the facade lives; the discovery document and docs name it. */
export const OPEN311_BASE = '/open311/v2';
/** The idempotency scope of `POST requests`; a token is a key used in it (see `GET tokens/{token}`). */
const CREATE_SCOPE = `POST ${OPEN311_BASE}/requests`;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Doorstep's statuses as Open311's two: work still to do is open, everything else is closed. */
const OPEN311_STATUS: Record<RequestStatus, Open311Status> = {
  submitted: 'open',
  accepted: 'open',
  in_progress: 'open',
  resolved: 'closed',
  rejected: 'closed',
  closed: 'closed',
};

export interface Open311RouteDeps {
  config: Pick<ServerConfig, 'open311' | 'publicUrl'>;
  clock: Clock;
}

/** `services.json` → `{ name: 'services', format: 'json' }`; an unknown or missing format is a 400. */
function splitFormat(file: string): { name: string; format: Open311Format } {
  const dot = file.lastIndexOf('.');
  const format = dot < 0 ? '' : file.slice(dot + 1);
  if (format !== 'json' && format !== 'xml') throw open311Failure(400, 'open311_bad_format', { format: format || file });
  return { name: decodeURIComponent(file.slice(0, dot)), format };
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** The `api_key` must be one of the configured keys (compared as digests in constant time): 403 otherwise. */
function checkApiKey(config: Open311Config, presented: string | null): void {
  if (!presented) throw open311Failure(403, 'open311_api_key_missing');
  const wanted = digest(presented);
  if (!config.apiKeys.some((key) => timingSafeEqual(digest(key), wanted))) throw open311Failure(403, 'open311_api_key_invalid');
}

/** A server of one jurisdiction serves requests naming none; naming another one is a 404. */
function checkJurisdiction(config: Open311Config, given: string | null | undefined): void {
  if (!given || !config.jurisdictionId || given === config.jurisdictionId) return;
  throw open311Failure(404, 'open311_jurisdiction_not_found', { id: given, ours: config.jurisdictionId });
}

/** Comma-separated values of a query parameter (`status=open,closed`), or `undefined` when absent or empty. */
function listParam(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return items && items.length > 0 ? items : undefined;
}

function dateParam(c: Context, name: 'start_date' | 'end_date'): Date | undefined {
  const raw = c.req.query(name)?.trim();
  if (!raw) return undefined;
  if (!IsoDateTime.safeParse(raw).success) throw open311Failure(400, 'open311_bad_date', { param: name });
  return new Date(raw);
}

function wholeParam(c: Context, name: string, min: number, max: number, key: Message['key']): number | undefined {
  const raw = c.req.query(name)?.trim();
  if (!raw) return undefined;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= min && value <= max)) throw open311Failure(400, key, { max });
  return value;
}

/**
 * The `start_date`/`end_date` window: given both, at most 90 days apart; given one, 90 days from or
 * up to it; given neither, the last 90 days.
 */
function windowOf(c: Context, now: Date): { from: Date; to: Date } {
  const start = dateParam(c, 'start_date');
  const end = dateParam(c, 'end_date');
  const span = OPEN311_MAX_DAYS * DAY_MS;
  if (start && end) {
    if (end < start) throw open311Failure(400, 'open311_date_order');
    if (end.getTime() - start.getTime() > span) throw open311Failure(400, 'open311_date_span', { days: OPEN311_MAX_DAYS });
    return { from: start, to: end };
  }
  if (start) return { from: start, to: new Date(start.getTime() + span) };
  const to = end ?? now;
  return { from: new Date(to.getTime() - span), to };
}

/** Names from the area itself up to the district: Open311 addresses go from the most specific to the most general. */
function addressOf(row: Open311RequestRow, areaNames: Map<string, { name: string; parentId: string | null }>): string {
  const parts = row.address ? [row.address] : [];
  for (let id: string | null = row.areaId; id !== null; ) {
    const area = areaNames.get(id);
    if (!area) break;
    parts.push(area.name);
    id = area.parentId;
  }
  return parts.join(', ');
}

/** A request as Open311 lists it. IDs are the tracking codes; no contact data is part of it. */
function toOpen311Request(
  row: Open311RequestRow,
  categories: Map<string, Category>,
  areas: Map<string, { name: string; parentId: string | null }>,
  locale: Locale,
  baseUrl: string,
): Open311ServiceRequest {
  const category = categories.get(row.categoryId);
  return {
    service_request_id: row.code,
    status: OPEN311_STATUS[row.status],
    status_notes: row.statusNotes,
    service_name: category ? localize(category.name, locale) : null,
    service_code: row.categoryId,
    description: row.description,
    agency_responsible: row.assignedTo,
    service_notice: null,
    requested_datetime: row.createdAt.toISOString(),
    updated_datetime: row.updatedAt.toISOString(),
    // A day is promised, not an hour: the end of that day in the communities' time zone.
    expected_datetime: row.expectedDate ? `${row.expectedDate}T23:59:59+08:00` : null,
    address: addressOf(row, areas),
    address_id: row.areaId,
    zipcode: null,
    lat: row.latitude,
    long: row.longitude,
    media_url: row.photoId ? photoUrl(baseUrl, row.photoId) : row.mediaUrl,
  };
}

async function toOpen311Requests(db: Queryable, c: Context, config: Open311RouteDeps['config'], rows: Open311RequestRow[]) {
  if (rows.length === 0) return [];
  const categories = new Map((await listCategoriesWithQuestions(db)).map((category) => [category.id, category]));
  const areas = new Map((await listAreas(db)).map((area) => [area.id, { name: area.name, parentId: area.parentId }]));
  const locale = localeOf(c);
  const baseUrl = baseUrlOf(c, config);
  return rows.map((row) => toOpen311Request(row, categories, areas, locale, baseUrl));
}

function toOpen311Service(category: Category, locale: Locale): Open311Service {
  const keywords = category.keywords?.[locale] ?? category.keywords?.['zh-CN'];
  return {
    service_code: category.id,
    service_name: localize(category.name, locale),
    description: category.description ? localize(category.description, locale) : null,
    metadata: (category.questions ?? []).length > 0,
    type: 'realtime',
    keywords: keywords && keywords.length > 0 ? keywords.join(', ') : null,
    group: category.group ? localize(category.group, locale) : null,
  };
}

function toOpen311Definition(category: Category, locale: Locale): Open311ServiceDefinition {
  return {
    service_code: category.id,
    attributes: (category.questions ?? []).map((question) => ({
      variable: question.variable,
      code: question.code,
      datatype: question.datatype,
      required: question.required,
      datatype_description: question.hint ? localize(question.hint, locale) : null,
      order: question.order,
      description: localize(question.prompt, locale),
      values: question.values.map((choice) => ({ key: choice.key, name: localize(choice.name, locale) })),
    })),
  };
}

/**
 * `attribute[code]=value` and `attribute[code][]=value` (repeated for a multivaluelist) as answers,
 * shaped for each question's datatype: one value for a list question that takes many becomes a list
 * of one, and a list of one for a question that takes one value becomes that value.
 */
function answersOf(form: URLSearchParams, questions: readonly CategoryQuestion[]): Record<string, QuestionAnswer> {
  const collected = new Map<string, string[]>();
  for (const [name, value] of form) {
    const code = /^attribute\[([^\]]+)\](?:\[\])?$/.exec(name)?.[1];
    if (code !== undefined) collected.set(code, [...(collected.get(code) ?? []), value]);
  }
  const answers: Record<string, QuestionAnswer> = {};
  for (const [code, values] of collected) {
    const datatype = questions.find((question) => question.code === code)?.datatype;
    answers[code] = datatype === 'multivaluelist' ? values.filter(Boolean) : values.length === 1 ? values[0]! : values;
  }
  return answers;
}

/** first_name + last_name as one name: family name first and no space when either is written in Chinese. */
function fullName(first: string, last: string): string | undefined {
  if (!first && !last) return undefined;
  if (/[\u3400-\u9fff]/.test(first + last)) return `${last}${first}`;
  return [first, last].filter(Boolean).join(' ');
}

function coordinate(raw: string | null): number | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
}

/** Reads an `application/x-www-form-urlencoded` body (the only kind the spec defines for POST). */
async function readForm(c: Context): Promise<URLSearchParams> {
  const mediaType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/x-www-form-urlencoded') throw open311Failure(400, 'open311_form_required');
  return new URLSearchParams(await c.req.text());
}

interface Submission {
  input: ServiceRequestCreate;
  accountId: string | null;
  mediaUrl: string | null;
}

/**
 * Turns the form of `POST requests` into a Doorstep report: service_code → categoryId, address_id →
 * areaId (or the configured default area), lat/long → location, address_string → address,
 * first_name/last_name → contactName, phone → contactPhone, attribute[…] → answers. Email and device
 * id are not kept (see docs/open311.md). Throws the Open311 errors the spec lists, all problems at once.
 */
async function readSubmission(db: Queryable, form: URLSearchParams, config: Open311Config): Promise<Submission> {
  const get = (name: string) => form.get(name)?.trim() ?? '';
  const serviceCode = get('service_code');
  if (!serviceCode) throw open311Failure(400, 'open311_service_code_missing');
  const category = await findCategoryWithQuestions(db, serviceCode);
  if (!category) throw open311Failure(404, 'open311_service_code_not_found', { code: serviceCode });

  const problems: Open311Problem[] = [];
  const lat = coordinate(form.get('lat'));
  const long = coordinate(form.get('long'));
  const hasPoint = lat !== undefined || long !== undefined;
  if (hasPoint && !(lat !== undefined && long !== undefined && Math.abs(lat) <= 90 && Math.abs(long) <= 180)) {
    problems.push({ message: { key: 'open311_lat_long_pair' } });
  }
  const addressString = get('address_string');
  const areaId = get('address_id') || config.defaultAreaId;
  if (!hasPoint && !addressString && !get('address_id')) problems.push({ message: { key: 'open311_location_missing' } });
  else if (!areaId) problems.push({ message: { key: 'open311_address_id_required' } });
  const mediaUrl = get('media_url') || null;
  if (mediaUrl !== null && !(/^https?:\/\/\S+$/i.test(mediaUrl) && mediaUrl.length <= 2000)) {
    problems.push({ message: { key: 'open311_bad_media_url' }, field: 'media_url' });
  }
  const accountId = get('account_id') || null;
  if (accountId !== null && accountId.length > 100) problems.push({ message: { key: 'open311_bad_account_id' }, field: 'account_id' });
  if (problems.length > 0) throw new Open311Error(400, problems);

  const contactName = fullName(get('first_name'), get('last_name'));
  const input: ServiceRequestCreate = {
    categoryId: category.id,
    areaId: areaId!,
    description: form.get('description') ?? '',
    answers: answersOf(form, category.questions ?? (await questionsOf(db, category.id))),
    ...(contactName ? { contactName } : {}),
    ...(get('phone') ? { contactPhone: get('phone') } : {}),
    ...(hasPoint ? { location: { latitude: lat!, longitude: long! } } : {}),
    ...(addressString ? { address: addressString } : {}),
  };
  return { input, accountId, mediaUrl };
}

/** What a created request's answer is made of: kept for replays and tokens, rendered per format and language. */
interface StoredReceipt {
  service_request_id: string;
  account_id: string | null;
}

/** The answer to a create: the id at once (a realtime service), so no token, as the spec asks. */
function receiptOf(stored: StoredReceipt, locale: Locale): Open311Receipt {
  return {
    service_request_id: stored.service_request_id,
    service_notice: translate(locale, { key: 'open311_service_notice', params: { code: stored.service_request_id } }),
    account_id: stored.account_id,
  };
}

/** `/open311/v2/requests.json?…&page=2` with `page` replaced: the `Link` header's next and previous pages. */
function pageLink(c: Context, page: number, rel: string): string {
  const url = new URL(c.req.url);
  url.searchParams.set('page', String(page));
  return `<${url.pathname}${url.search}>; rel="${rel}"`;
}

/**
 * Open311 GeoReport v2 under `/open311/v2` (see docs/open311.md): discovery, services, service
 * definitions, requests (create, list with filters and paging, one by id) and tokens, as JSON or XML,
 * errors in the spec's format. Reads are public and carry no contact data; creating needs an `api_key`.
 */
export function open311Routes(db: Database, { config, clock }: Open311RouteDeps): Hono {
  const settings: Open311Config = config.open311 ?? { apiKeys: [] };
  const app = new Hono();
  app.onError((error, c) => open311ErrorResponse(c, error));

  /** A read: the jurisdiction checked first, as the spec lists its 404 before anything else. */
  const read = (handler: (c: Context, format: Open311Format, locale: Locale, name: string) => Promise<Response>) =>
    async (c: Context) => {
      const file = c.req.param('file');
      const { name, format } = file === undefined ? { name: '', format: formatOfPath(c.req.path) } : splitFormat(file);
      checkJurisdiction(settings, c.req.query('jurisdiction_id'));
      return handler(c, format, localeOf(c), name);
    };

  const discovery = read(async (c, format, locale) => {
    const changeset = (await definitionsChangedAt(db)).toISOString();
    const contact = settings.contact ?? translate(locale, { key: 'open311_contact' });
    const document: Open311Discovery = {
      changeset,
      contact,
      key_service: translate(locale, { key: 'open311_key_service', params: { contact } }),
      endpoints: [
        {
          specification: GEOREPORT_V2_SPECIFICATION,
          url: `${baseUrlOf(c, config)}${OPEN311_BASE}`,
          changeset,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    };
    return open311Response(c, format, 'discovery', document);
  });

  const services = read(async (c, format, locale) => {
    const list = (await listCategoriesWithQuestions(db)).map((category) => toOpen311Service(category, locale));
    return open311Response(c, format, 'services', list);
  });

  const definition = read(async (c, format, locale, code) => {
    const category = await findCategoryWithQuestions(db, code);
    if (!category) throw open311Failure(404, 'open311_service_code_not_found', { code });
    return open311Response(c, format, 'service_definition', toOpen311Definition(category, locale));
  });

  const requests = read(async (c, format) => {
    const ids = listParam(c.req.query('service_request_id'));
    // service_request_id "overrides all other arguments", as the spec says: no window, no filters.
    if (ids) {
      if (ids.length > OPEN311_MAX_RESULTS) throw open311Failure(400, 'open311_too_many_ids', { max: OPEN311_MAX_RESULTS });
      const rows = await findOpen311Requests(db, ids.map(normalizeTrackingCode));
      return open311Response(c, format, 'service_requests', await toOpen311Requests(db, c, config, rows));
    }
    const statusParam = listParam(c.req.query('status'));
    if (statusParam?.some((status) => status !== 'open' && status !== 'closed')) throw open311Failure(400, 'open311_bad_status');
    const statuses = statusParam && REQUEST_STATUSES.filter((status) => statusParam.includes(OPEN311_STATUS[status]));
    const window = windowOf(c, clock());
    const page = wholeParam(c, 'page', 1, Number.MAX_SAFE_INTEGER, 'open311_bad_page') ?? 1;
    const pageSize = wholeParam(c, 'page_size', 1, OPEN311_MAX_RESULTS, 'open311_bad_page_size') ?? OPEN311_MAX_RESULTS;
    const categoryIds = listParam(c.req.query('service_code'));
    // One more than a page tells whether there is a next one without counting everything.
    const rows = await listOpen311Requests(db, {
      ...window,
      ...(categoryIds ? { categoryIds } : {}),
      ...(statuses ? { statuses } : {}),
      limit: pageSize + 1,
      offset: (page - 1) * pageSize,
    });
    const links = [
      ...(rows.length > pageSize ? [pageLink(c, page + 1, 'next')] : []),
      ...(page > 1 ? [pageLink(c, page - 1, 'prev')] : []),
    ];
    const body = await toOpen311Requests(db, c, config, rows.slice(0, pageSize));
    return open311Response(c, format, 'service_requests', body, 200, links.length > 0 ? { link: links.join(', ') } : {});
  });

  const request = read(async (c, format, _locale, id) => {
    const code = normalizeTrackingCode(id);
    const rows = TrackingCode.safeParse(code).success ? await findOpen311Requests(db, [code]) : [];
    if (rows.length === 0) throw open311Failure(404, 'open311_request_not_found', { id });
    return open311Response(c, format, 'service_requests', await toOpen311Requests(db, c, config, rows));
  });

  const token = read(async (c, format, _locale, key) => {
    // Doorstep answers every POST with the request's id at once ("realtime"); a token is the
    // Idempotency-Key a submission was sent with, so a client whose answer was lost can still learn the id.
    const [stored] = await db.query<{ body: string }>(
      `SELECT response_body AS body FROM idempotency_keys WHERE scope = $1 AND key = $2 AND response_body IS NOT NULL`,
      [CREATE_SCOPE, key],
    );
    if (!stored) throw open311Failure(404, 'open311_token_not_found', { token: key });
    const { service_request_id } = JSON.parse(stored.body) as StoredReceipt;
    return open311Response(c, format, 'service_requests', [{ service_request_id, token: key }]);
  });

  const create = async (c: Context) => {
    const format = formatOfPath(c.req.path);
    const form = await readForm(c);
    checkApiKey(settings, form.get('api_key'));
    checkJurisdiction(settings, form.get('jurisdiction_id'));
    const key = idempotencyKeyOf(c);
    const submission = await readSubmission(db, form, settings);
    const input = parseOrThrow(ServiceRequestCreate, submission.input);
    const now = clock();
    const outcome = await db.transaction(async (tx) => {
      if (key !== undefined) {
        const claim = await claimIdempotencyKey(tx, CREATE_SCOPE, key, hashInput({ input, submission }));
        if (claim.kind === 'mismatch') throw new ApiError(422, 'idempotency_key_reused', 'idempotency_key_reused');
        if (claim.kind === 'pending') throw new ApiError(409, 'conflict', 'idempotency_in_progress');
        if (claim.kind === 'replay') return { replayed: true, stored: JSON.parse(claim.body) as StoredReceipt };
      }
      // Consent is the client app's to ask for: an app holding an API key answers for its users.
      const row = await createServiceRequest(tx, input, now, { requireConsent: false });
      await insertOpen311Submission(tx, row.id, { accountId: submission.accountId, mediaUrl: submission.mediaUrl });
      const stored: StoredReceipt = { service_request_id: row.code, account_id: submission.accountId };
      if (key !== undefined) await saveIdempotentResponse(tx, CREATE_SCOPE, key, 201, JSON.stringify(stored));
      return { replayed: false, stored };
    });
    return open311Response(c, format, 'service_requests', [receiptOf(outcome.stored, localeOf(c))], 201, {
      ...(outcome.replayed ? { 'Idempotent-Replayed': 'true' } : {}),
    });
  };

  // Literal paths for each format (a route cannot end in `.:format`), so the routing table and the
  // OpenAPI document name every endpoint exactly; the `{file}` routes take `<id>.json` or `<id>.xml`.
  for (const format of ['json', 'xml'] as const) {
    app.get(`${OPEN311_BASE}/discovery.${format}`, discovery);
    app.get(`${OPEN311_BASE}/services.${format}`, services);
    app.get(`${OPEN311_BASE}/requests.${format}`, requests);
    app.post(`${OPEN311_BASE}/requests.${format}`, create);
  }
  app.get(`${OPEN311_BASE}/services/:file`, definition);
  app.get(`${OPEN311_BASE}/requests/:file`, request);
  app.get(`${OPEN311_BASE}/tokens/:file`, token);

  // Anything else under the facade is answered in its format, not the /v1 one.
  app.all(`${OPEN311_BASE}/*`, () => {
    throw open311Failure(404, 'open311_not_found');
  });
  app.all(OPEN311_BASE, () => {
    throw open311Failure(404, 'open311_not_found');
  });
  return app;
}
