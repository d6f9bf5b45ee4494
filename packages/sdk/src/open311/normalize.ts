import { QUESTION_DATATYPES, type QuestionDatatype } from '../schemas/category-question.js';
import type {
  Open311Attribute,
  Open311Error,
  Open311Receipt,
  Open311Service,
  Open311ServiceDefinition,
  Open311ServiceRequest,
} from './schemas.js';

// GeoReport v2 servers differ in small ways the spec's own examples show: ids and keys as numbers
// (`"service_code": 6`), fields left out instead of null, booleans as "true", coordinates as strings.
// These functions bring an answer to the exact shape of `schemas.ts`, which then checks it; anything
// they cannot make sense of stays as it is, so the check names it.

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string, a number written as a string, or null for nothing (absent, null, ''). */
function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return value as never;
  // Servers pad values ("…/638344.jpg "): the spaces are not part of them.
  return value.trim() === '' ? null : value.trim();
}

function id(value: unknown): string {
  return typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : (value as never);
}

function bool(value: unknown): boolean {
  if (value === 'true' || value === true) return true;
  if (value === 'false' || value === false || value === undefined || value === null) return false;
  return value as never;
}

function number(value: unknown): number | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return value as never;
}

/** A list answer; some servers answer a single object where the spec has a list of one. */
export function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

export function normalizeService(raw: unknown): Open311Service {
  if (!isObject(raw)) return raw as never;
  return {
    service_code: id(raw.service_code),
    service_name: text(raw.service_name) ?? id(raw.service_code),
    description: text(raw.description),
    metadata: bool(raw.metadata),
    type: text(raw.type) ?? 'realtime',
    keywords: Array.isArray(raw.keywords) ? raw.keywords.join(', ') : text(raw.keywords),
    group: text(raw.group),
  };
}

/** An unknown datatype is read as the closest one: a list if it has values, one line of text otherwise. */
function datatype(value: unknown, hasValues: boolean): QuestionDatatype {
  const name = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if ((QUESTION_DATATYPES as readonly string[]).includes(name)) return name as QuestionDatatype;
  return hasValues ? 'singlevaluelist' : 'string';
}

export function normalizeAttribute(raw: unknown, index: number): Open311Attribute {
  if (!isObject(raw)) return raw as never;
  const values = list(raw.values).map((value) => (isObject(value) ? { key: id(value.key), name: text(value.name) ?? id(value.key) } : value));
  return {
    // A server that leaves `variable` out means an ordinary question.
    variable: raw.variable === undefined ? true : bool(raw.variable),
    code: id(raw.code),
    datatype: datatype(raw.datatype, values.length > 0),
    required: bool(raw.required),
    datatype_description: text(raw.datatype_description),
    order: number(raw.order) ?? index + 1,
    description: text(raw.description) ?? id(raw.code),
    values: values as Open311Attribute['values'],
  };
}

export function normalizeDefinition(raw: unknown): Open311ServiceDefinition {
  if (!isObject(raw)) return raw as never;
  return { service_code: id(raw.service_code), attributes: list(raw.attributes).map(normalizeAttribute) };
}

export function normalizeRequest(raw: unknown): Open311ServiceRequest {
  if (!isObject(raw)) return raw as never;
  const status = text(raw.status)?.toLowerCase();
  return {
    service_request_id: id(raw.service_request_id),
    // Open311 has two statuses; a server's own word for an unfinished one ("acknowledged") is open.
    status: status === 'closed' ? 'closed' : 'open',
    status_notes: text(raw.status_notes),
    service_name: text(raw.service_name),
    service_code: text(raw.service_code),
    description: text(raw.description),
    agency_responsible: text(raw.agency_responsible),
    service_notice: text(raw.service_notice),
    requested_datetime: text(raw.requested_datetime),
    updated_datetime: text(raw.updated_datetime),
    expected_datetime: text(raw.expected_datetime),
    address: text(raw.address),
    address_id: text(raw.address_id),
    zipcode: text(raw.zipcode),
    lat: number(raw.lat),
    long: number(raw.long),
    media_url: text(raw.media_url),
  };
}

export function normalizeReceipt(raw: unknown): Open311Receipt {
  if (!isObject(raw)) return raw as never;
  return {
    service_request_id: text(raw.service_request_id),
    token: text(raw.token),
    service_notice: text(raw.service_notice),
    account_id: text(raw.account_id),
  };
}

export function normalizeError(raw: unknown): Open311Error {
  if (!isObject(raw)) return raw as never;
  const code = number(raw.code);
  return { code: code ?? 0, description: text(raw.description) ?? '' };
}
