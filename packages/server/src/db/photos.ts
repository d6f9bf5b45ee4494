import type { PhotoContentType } from '@doorstep/sdk';
import type { Queryable } from './database.js';

export interface PhotoMeta {
  id: string;
  contentType: PhotoContentType;
  byteSize: number;
}

export interface StoredPhoto extends PhotoMeta {
  sha256: string;
  data: Uint8Array;
}

export interface NewPhoto extends StoredPhoto {
  createdAt: Date;
}

export async function insertPhoto(tx: Queryable, photo: NewPhoto): Promise<void> {
  await tx.query(
    `INSERT INTO photos (id, content_type, byte_size, sha256, data, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [photo.id, photo.contentType, photo.byteSize, photo.sha256, photo.data, photo.createdAt],
  );
}

export async function findPhoto(db: Queryable, id: string): Promise<StoredPhoto | undefined> {
  const [row] = await db.query<StoredPhoto>(
    `SELECT id, content_type AS "contentType", byte_size AS "byteSize", sha256, data FROM photos WHERE id = $1`,
    [id],
  );
  return row;
}

/** A request's photos in the order the resident gave them. */
export async function listRequestPhotos(db: Queryable, requestId: string): Promise<PhotoMeta[]> {
  return db.query<PhotoMeta>(
    `SELECT id, content_type AS "contentType", byte_size AS "byteSize" FROM photos WHERE request_id = $1 ORDER BY position`,
    [requestId],
  );
}

/** How each of `ids` stands: unattached (usable), already used by a request, or unknown. */
export async function photoStates(db: Queryable, ids: readonly string[]): Promise<Map<string, 'free' | 'used'>> {
  const rows = await db.query<{ id: string; used: boolean }>(
    `SELECT id, request_id IS NOT NULL AS used FROM photos WHERE id = ANY($1::text[]) FOR UPDATE`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row.used ? 'used' : 'free']));
}

export async function attachPhotos(tx: Queryable, requestId: string, ids: readonly string[]): Promise<void> {
  for (const [position, id] of ids.entries()) {
    await tx.query(`UPDATE photos SET request_id = $2, position = $3 WHERE id = $1 AND request_id IS NULL`, [id, requestId, position]);
  }
}

/** How long an uploaded photo waits for its report: long enough for an outbox that was offline for days. */
export const UNATTACHED_PHOTO_DAYS = 7;

/** Deletes photos no report used within {@link UNATTACHED_PHOTO_DAYS}. */
export async function deleteAbandonedPhotos(tx: Queryable, now: Date): Promise<void> {
  await tx.query(`DELETE FROM photos WHERE request_id IS NULL AND created_at < $1::timestamptz - make_interval(days => $2)`, [
    now,
    UNATTACHED_PHOTO_DAYS,
  ]);
}
