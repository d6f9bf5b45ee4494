import type { Queryable } from './database.js';

export type IdempotencyClaim =
  /** The key is new and now held by this transaction: do the work, then {@link saveIdempotentResponse}. */
  | { kind: 'claimed' }
  /** The key was used before with the same body: answer with the stored response. */
  | { kind: 'replay'; status: number; body: string }
  /** The key was used before with a different body. */
  | { kind: 'mismatch' }
  /** The key is recorded without a response (not expected while claims and work share a transaction). */
  | { kind: 'pending' };

/**
 * Claims `key` within `scope` for a request whose body hashes to `requestHash`. The insert takes the
 * unique index entry, so a concurrent claim of the same key waits for this transaction to finish and
 * then sees its outcome: the stored response after a commit, a free key after a rollback.
 */
export async function claimIdempotencyKey(
  tx: Queryable,
  scope: string,
  key: string,
  requestHash: string,
): Promise<IdempotencyClaim> {
  const inserted = await tx.query(
    `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3)
     ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
    [scope, key, requestHash],
  );
  if (inserted.length > 0) return { kind: 'claimed' };
  const [existing] = await tx.query<{ requestHash: string; status: number | null; body: string | null }>(
    `SELECT request_hash AS "requestHash", response_status AS status, response_body AS body
     FROM idempotency_keys WHERE scope = $1 AND key = $2`,
    [scope, key],
  );
  if (!existing) return { kind: 'pending' };
  if (existing.requestHash !== requestHash) return { kind: 'mismatch' };
  if (existing.status === null || existing.body === null) return { kind: 'pending' };
  return { kind: 'replay', status: existing.status, body: existing.body };
}

export async function saveIdempotentResponse(
  tx: Queryable,
  scope: string,
  key: string,
  status: number,
  body: string,
): Promise<void> {
  await tx.query(
    `UPDATE idempotency_keys SET response_status = $3, response_body = $4 WHERE scope = $1 AND key = $2`,
    [scope, key, status, body],
  );
}
