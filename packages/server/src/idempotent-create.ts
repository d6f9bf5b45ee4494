import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Database, Queryable } from './db/database.js';
import { claimIdempotencyKey, saveIdempotentResponse } from './db/idempotency.js';
import { ApiError, validationFailed } from './errors.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** The request's `Idempotency-Key`, checked; `undefined` when it has none. */
export function idempotencyKeyOf(c: Context): string | undefined {
  const key = c.req.header('idempotency-key');
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw validationFailed({ 'Idempotency-Key': { key: 'field_invalid_idempotency_key' } });
  }
  return key;
}

/** Sorts object keys at every depth, so the same content always serializes the same way. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.entries(value as Record<string, unknown>)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, inner]) => [key, canonical(inner)]);
}

/** Same validated content → same hash, whatever the key order or spacing of the JSON it came from. */
export function hashInput(input: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical(input))).digest('hex');
}

/**
 * A create made safe to retry, with the same mechanism as `POST /v1/requests` (`db/idempotency.ts`): the
 * key is claimed in the transaction that does the work, so a repeat — even a concurrent one — answers
 * the first response byte for byte (`Idempotent-Replayed: true`) and creates nothing; the same key with
 * other content is a 422; a create that fails stores nothing, so the key can be used again.
 * `scope` names the endpoint and what it acts on, e.g. `POST /v1/events/ev-1/registrations`.
 */
export async function idempotentCreate(
  c: Context,
  db: Database,
  scope: string,
  input: unknown,
  create: (tx: Queryable) => Promise<{ status: number; body: unknown }>,
): Promise<Response> {
  const key = idempotencyKeyOf(c);
  const outcome = await db.transaction(async (tx) => {
    if (key !== undefined) {
      const claim = await claimIdempotencyKey(tx, scope, key, hashInput(input));
      if (claim.kind === 'mismatch') throw new ApiError(422, 'idempotency_key_reused', 'idempotency_key_reused');
      if (claim.kind === 'pending') throw new ApiError(409, 'conflict', 'idempotency_in_progress');
      if (claim.kind === 'replay') return { replayed: true, status: claim.status, body: claim.body };
    }
    const created = await create(tx);
    const body = JSON.stringify(created.body);
    if (key !== undefined) await saveIdempotentResponse(tx, scope, key, created.status, body);
    return { replayed: false, status: created.status, body };
  });
  return new Response(outcome.body, {
    status: outcome.status,
    headers: { 'content-type': 'application/json', ...(outcome.replayed ? { 'Idempotent-Replayed': 'true' } : {}) },
  });
}
