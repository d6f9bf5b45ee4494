import * as z from 'zod/mini';
import { QUESTION_DATATYPES } from '../schemas/category-question.js';

// Open311 GeoReport v2 as JSON (https://wiki.open311.org/GeoReport_v2). These schemas describe the wire
// format exactly as the Doorstep server writes it — ids as strings, every field present, `null` where
// there is nothing — and the Open311 client checks every answer against them after `normalize.ts` has
// smoothed what other servers do differently (numeric ids, missing fields, "true" as a string).

/** The `specification` a GeoReport v2 endpoint names in its discovery document. */
export const GEOREPORT_V2_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

/** Open311's two statuses: `open` (reported, being worked on) and `closed` (resolved, or otherwise ended). */
export const OPEN311_STATUSES = ['open', 'closed'] as const;
export type Open311Status = (typeof OPEN311_STATUSES)[number];

/** The longest span `GET requests` covers (`start_date` to `end_date`), and the default window. */
export const OPEN311_MAX_DAYS = 90;
/** The most requests one `GET requests` answers (one page, with the paging extension). */
export const OPEN311_MAX_RESULTS = 1000;

const text = z.nullable(z.string());

/** `GET discovery.json` */
export const Open311Discovery = z.object({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(
    z.object({
      specification: z.string(),
      url: z.string(),
      changeset: z.string(),
      type: z.string(),
      formats: z.array(z.string()),
    }),
  ),
});
export type Open311Discovery = z.infer<typeof Open311Discovery>;

/** One entry of `GET services.json`. */
export const Open311Service = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: text,
  /** `true` when the service has a definition (attributes) to read with `GET services/{code}`. */
  metadata: z.boolean(),
  /** `realtime`: the id comes back at once; `batch`: a token does; `blackbox`: nothing does. */
  type: z.string(),
  keywords: text,
  group: text,
});
export type Open311Service = z.infer<typeof Open311Service>;
export const Open311ServiceList = z.array(Open311Service);

export const Open311AttributeValue = z.object({ key: z.string(), name: z.string() });

/** One attribute of a service definition: an extra question (or, with `variable: false`, a note). */
export const Open311Attribute = z.object({
  variable: z.boolean(),
  code: z.string(),
  datatype: z.enum(QUESTION_DATATYPES),
  required: z.boolean(),
  datatype_description: text,
  order: z.number(),
  description: z.string(),
  values: z.array(Open311AttributeValue),
});
export type Open311Attribute = z.infer<typeof Open311Attribute>;

/** `GET services/{service_code}.json` */
export const Open311ServiceDefinition = z.object({
  service_code: z.string(),
  attributes: z.array(Open311Attribute),
});
export type Open311ServiceDefinition = z.infer<typeof Open311ServiceDefinition>;

/** One service request as `GET requests.json` and `GET requests/{id}.json` list them. */
export const Open311ServiceRequest = z.object({
  service_request_id: z.string(),
  status: z.enum(OPEN311_STATUSES),
  status_notes: text,
  service_name: text,
  service_code: text,
  description: text,
  agency_responsible: text,
  service_notice: text,
  requested_datetime: text,
  updated_datetime: text,
  expected_datetime: text,
  address: text,
  address_id: text,
  zipcode: text,
  lat: z.nullable(z.number()),
  long: z.nullable(z.number()),
  media_url: text,
});
export type Open311ServiceRequest = z.infer<typeof Open311ServiceRequest>;
export const Open311ServiceRequestList = z.array(Open311ServiceRequest);

/**
 * The answer to `POST requests.json`: the new request's id (a `realtime` service), or a token to
 * trade for the id later (a `batch` service), never both.
 */
export const Open311Receipt = z.object({
  service_request_id: z.optional(text),
  token: z.optional(text),
  service_notice: text,
  account_id: text,
});
export type Open311Receipt = z.infer<typeof Open311Receipt>;
export const Open311ReceiptList = z.array(Open311Receipt);

/** `GET tokens/{token}.json`: the request a token stands for, once the server has made it. */
export const Open311TokenAnswer = z.object({ service_request_id: text, token: z.string() });
export const Open311TokenAnswerList = z.array(Open311TokenAnswer);

/** One error of an error answer; `code` usually repeats the HTTP status. */
export const Open311Error = z.object({ code: z.number(), description: z.string() });
export type Open311Error = z.infer<typeof Open311Error>;
export const Open311ErrorList = z.array(Open311Error);
