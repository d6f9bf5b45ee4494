import * as z from 'zod/mini';
import { Id, IsoDateTime } from './common.js';
import { TrackingCode } from './request.js';
import { REQUEST_STATUSES } from './request-workflow.js';

/** Most requests the duplicates lookup answers: enough to recognise one, too few to browse. */
export const DUPLICATES_LIMIT = 5;

/**
 * `GET /v1/requests?category=&area=&status=open`: what a form shows before submitting ("already
 * reported — add your support"). `area` matches the area and everything inside it.
 */
export const RequestSearchQuery = z.object({
  category: Id,
  area: Id,
  status: z._default(z.enum(['open']), 'open'),
});
export type RequestSearchQuery = z.input<typeof RequestSearchQuery>;

/** One open request as the duplicates lookup shows it: no contact data, no location, no history. */
export const RequestSummary = z.object({
  code: TrackingCode,
  categoryId: Id,
  areaId: Id,
  areaPath: z.array(z.string()),
  description: z.string(),
  status: z.enum(REQUEST_STATUSES),
  supportCount: z.number().check(z.int(), z.gte(0)),
  createdAt: IsoDateTime,
});
export type RequestSummary = z.infer<typeof RequestSummary>;

export const RequestSearchResponse = z.object({ requests: z.array(RequestSummary) });

/** `POST /v1/requests/{code}/support`: the request's new count. */
export const SupportResponse = z.object({
  code: TrackingCode,
  supportCount: z.number().check(z.int(), z.gte(0)),
});
export type SupportResponse = z.infer<typeof SupportResponse>;
