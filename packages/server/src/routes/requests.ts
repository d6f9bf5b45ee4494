import { createHash } from 'node:crypto';
import { ServiceRequestCreate, TrackingCode, normalizeTrackingCode, type ServiceRequestPublic } from '@doorstep/sdk';
import { Hono, type Context } from 'hono';
import type * as z from 'zod/mini';
import { createServiceRequest } from '../create-request.js';
import { areaPath } from '../db/areas.js';
import type { Database, Queryable } from '../db/database.js';
import { claimIdempotencyKey, saveIdempotentResponse } from '../db/idempotency.js';
import { findServiceRequestByCode, type ServiceRequestRow } from '../db/requests.js';
import { ApiError, notFound, validationFailed } from '../errors.js';
import { readJsonBody } from '../json-body.js';
import { maskName, maskPhone } from '../mask.js';
import { parseOrThrow } from '../validation.js';

const CREATE_SCOPE = 'POST /v1/requests';
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** The view anyone holding the tracking code gets: contact data masked. */
async function toPublic(db: Queryable, row: ServiceRequestRow): Promise<ServiceRequestPublic> {
  return {
    code: row.code,
    categoryId: row.categoryId,
    areaId: row.areaId,
    areaPath: await areaPath(db, row.areaId),
    description: row.description,
    status: row.status,
    contactName: row.contactName === null ? null : maskName(row.contactName),
    contactPhone: row.contactPhone === null ? null : maskPhone(row.contactPhone),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function idempotencyKeyOf(c: Context): string | undefined {
  const key = c.req.header('idempotency-key');
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw validationFailed({ 'Idempotency-Key': { key: 'field_invalid_idempotency_key' } });
  }
  return key;
}

/** Same validated content → same hash, whatever the key order or surrounding spaces of the original JSON. */
function hashInput(input: z.output<typeof ServiceRequestCreate>): string {
  const canonical = JSON.stringify(Object.entries(input).sort(([a], [b]) => (a < b ? -1 : 1)));
  return createHash('sha256').update(canonical).digest('hex');
}

function jsonResponse(body: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** `POST /v1/requests` (idempotent with `Idempotency-Key`) and `GET /v1/requests/{code}`. */
export function requestRoutes(db: Database): Hono {
  return new Hono()
    .post('/v1/requests', async (c) => {
      const key = idempotencyKeyOf(c);
      const input = parseOrThrow(ServiceRequestCreate, await readJsonBody(c));
      const outcome = await db.transaction(async (tx) => {
        if (key !== undefined) {
          const claim = await claimIdempotencyKey(tx, CREATE_SCOPE, key, hashInput(input));
          if (claim.kind === 'mismatch') throw new ApiError(422, 'idempotency_key_reused', 'idempotency_key_reused');
          if (claim.kind === 'pending') throw new ApiError(409, 'conflict', 'idempotency_in_progress');
          if (claim.kind === 'replay') return { replayed: true, status: claim.status, body: claim.body };
        }
        const body = JSON.stringify(await toPublic(tx, await createServiceRequest(tx, input)));
        if (key !== undefined) await saveIdempotentResponse(tx, CREATE_SCOPE, key, 201, body);
        return { replayed: false, status: 201, body };
      });
      return jsonResponse(outcome.body, outcome.status, outcome.replayed ? { 'Idempotent-Replayed': 'true' } : {});
    })
    .get('/v1/requests/:code', async (c) => {
      const code = normalizeTrackingCode(c.req.param('code'));
      const row = TrackingCode.safeParse(code).success ? await findServiceRequestByCode(db, code) : undefined;
      if (!row) throw notFound('request_not_found');
      return c.json(await toPublic(db, row));
    });
}
