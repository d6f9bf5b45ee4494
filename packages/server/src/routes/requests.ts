import {
  DUPLICATES_LIMIT,
  OPEN_REQUEST_STATUSES,
  RatingCreate,
  ReopenCreate,
  RequestSearchQuery,
  ServiceRequestCreate,
  TrackingCode,
  normalizeTrackingCode,
  type RequestSummary,
} from '@doorstep/sdk';
import { Hono, type Context } from 'hono';
import type { Clock } from '../clock.js';
import type { ServerConfig } from '../config.js';
import { createServiceRequest } from '../create-request.js';
import { areaPath } from '../db/areas.js';
import type { Database, Queryable } from '../db/database.js';
import { addSupport, findRequestRecord, findRequestRecordById, insertEvent, updateRequest, type RequestRecord } from '../db/request-records.js';
import { notFound } from '../errors.js';
import { conditionalJson } from '../etag.js';
import { idempotentCreate } from '../idempotent-create.js';
import { readJsonBody } from '../json-body.js';
import { baseUrlOf, publicView, type ViewContext } from '../request-views.js';
import { conflict, transition } from '../request-workflow.js';
import { parseOrThrow } from '../validation.js';

export interface RequestRouteDeps {
  config: Pick<ServerConfig, 'publicUrl'>;
  clock: Clock;
}

/** The code in the path as a resident may have typed it, normalized; `undefined` when it cannot be one. */
export function codeParam(c: Context): string | undefined {
  const code = normalizeTrackingCode(c.req.param('code') ?? '');
  return TrackingCode.safeParse(code).success ? code : undefined;
}

/** Reads a request by the path's code (locked, inside a transaction), or answers 404. */
export async function requireRecord(db: Queryable, c: Context, { lock = false } = {}): Promise<RequestRecord> {
  const code = codeParam(c);
  const record = code === undefined ? undefined : await findRequestRecord(db, code, { lock });
  if (!record) throw notFound('request_not_found');
  return record;
}

/** The open requests of a category in an area and the areas inside it: the duplicates a form shows. */
async function findOpenRequests(db: Queryable, categoryId: string, areaId: string): Promise<RequestSummary[]> {
  const rows = await db.query<Omit<RequestSummary, 'areaPath' | 'createdAt'> & { createdAt: Date }>(
    `WITH RECURSIVE within AS (
       SELECT id FROM areas WHERE id = $2
       UNION ALL SELECT a.id FROM areas a JOIN within ON a.parent_id = within.id
     )
     SELECT r.code, r.category_id AS "categoryId", r.area_id AS "areaId", r.description, r.status,
       (SELECT count(*)::int FROM request_supports s WHERE s.request_id = r.id) AS "supportCount",
       r.created_at AS "createdAt"
     FROM service_requests r
     WHERE r.category_id = $1 AND r.area_id IN (SELECT id FROM within) AND r.status = ANY($3::text[])
     ORDER BY "supportCount" DESC, r.created_at DESC, r.code
     LIMIT $4`,
    [categoryId, areaId, OPEN_REQUEST_STATUSES, DUPLICATES_LIMIT],
  );
  const summaries: RequestSummary[] = [];
  for (const row of rows) {
    summaries.push({ ...row, areaPath: await areaPath(db, row.areaId), createdAt: row.createdAt.toISOString() });
  }
  return summaries;
}

/**
 * The resident's side of requests: report (`POST /v1/requests`, idempotent), follow
 * (`GET /v1/requests/{code}` with ETag), find duplicates, support, rate, reopen.
 */
export function requestRoutes(db: Database, { config, clock }: RequestRouteDeps): Hono {
  const view = (c: Context, now: Date): ViewContext => ({ now, baseUrl: baseUrlOf(c, config) });
  return new Hono()
    .post('/v1/requests', async (c) => {
      const input = parseOrThrow(ServiceRequestCreate, await readJsonBody(c));
      return idempotentCreate(c, db, 'POST /v1/requests', input, async (tx) => {
        const now = clock();
        const row = await createServiceRequest(tx, input, now, { requireConsent: true });
        const record = await findRequestRecordById(tx, row.id);
        return { status: 201, body: await publicView(tx, record!, view(c, now)) };
      });
    })
    .get('/v1/requests', async (c) => {
      const query = parseOrThrow(RequestSearchQuery, c.req.query());
      return c.json({ requests: await findOpenRequests(db, query.category, query.area) });
    })
    .get('/v1/requests/:code', async (c) => {
      const record = await requireRecord(db, c);
      return conditionalJson(c, await publicView(db, record, view(c, clock())));
    })
    .post('/v1/requests/:code/support', async (c) => {
      const code = codeParam(c);
      return idempotentCreate(c, db, `POST /v1/requests/${code}/support`, {}, async (tx) => {
        const record = await requireRecord(tx, c, { lock: true });
        if (!OPEN_REQUEST_STATUSES.includes(record.status)) throw conflict('requests_support_not_open');
        const now = clock();
        // The count is part of the public view, so polling widgets see it through a new ETag.
        await addSupport(tx, record.id, now);
        return { status: 201, body: { code: record.code, supportCount: record.supportCount + 1 } };
      });
    })
    .post('/v1/requests/:code/rating', async (c) => {
      const input = parseOrThrow(RatingCreate, await readJsonBody(c));
      const code = codeParam(c);
      return idempotentCreate(c, db, `POST /v1/requests/${code}/rating`, input, async (tx) => {
        const record = await requireRecord(tx, c, { lock: true });
        if (record.rating !== null) throw conflict('requests_already_rated');
        if (record.resolvedAt === null || record.mergedIntoId !== null) throw conflict('requests_not_ratable');
        const now = clock();
        const comment = input.comment || null;
        await updateRequest(tx, record.id, now, { rating: input.score, rating_comment: comment, rated_at: now });
        await insertEvent(tx, {
          requestId: record.id,
          at: now,
          kind: 'rated',
          status: record.status,
          actor: { kind: 'resident' },
          note: comment,
          score: input.score,
        });
        const updated = await findRequestRecordById(tx, record.id);
        return { status: 201, body: await publicView(tx, updated!, view(c, now)) };
      });
    })
    .post('/v1/requests/:code/reopen', async (c) => {
      const input = parseOrThrow(ReopenCreate, await readJsonBody(c));
      const code = codeParam(c);
      return idempotentCreate(c, db, `POST /v1/requests/${code}/reopen`, input, async (tx) => {
        const record = await requireRecord(tx, c, { lock: true });
        const now = clock();
        await transition(tx, record, 'reopen', { actor: { kind: 'resident' }, at: now, note: input.reason });
        const updated = await findRequestRecordById(tx, record.id);
        return { status: 200, body: await publicView(tx, updated!, view(c, now)) };
      });
    });
}
