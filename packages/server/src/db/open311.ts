import type { RequestStatus } from '@doorstep/sdk';
import type { Queryable } from './database.js';

/** What the Open311 facade lists of a request: nothing about the person who sent it. */
export interface Open311RequestRow {
  code: string;
  status: RequestStatus;
  categoryId: string;
  description: string;
  areaId: string;
  createdAt: Date;
  updatedAt: Date;
  assignedTo: string | null;
  /** `YYYY-MM-DD` */
  expectedDate: string | null;
  latitude: number | null;
  longitude: number | null;
  address: string | null;
  /** The latest note residents may read (a status change's reason, a staff note). */
  statusNotes: string | null;
  /** The first photo, if the request has any. */
  photoId: string | null;
  /** A link an Open311 client sent with the request. */
  mediaUrl: string | null;
}

/** Contact columns are deliberately absent: this is what public Open311 reads are made of. */
const OPEN311_COLUMNS = `r.code, r.status, r.category_id AS "categoryId", r.description, r.area_id AS "areaId",
  r.created_at AS "createdAt", r.updated_at AS "updatedAt", r.assigned_to AS "assignedTo",
  r.expected_date::text AS "expectedDate", r.latitude, r.longitude, r.address,
  (SELECT e.note FROM request_events e
    WHERE e.request_id = r.id AND e.is_public AND e.note IS NOT NULL ORDER BY e.id DESC LIMIT 1) AS "statusNotes",
  (SELECT p.id FROM photos p WHERE p.request_id = r.id ORDER BY p.position LIMIT 1) AS "photoId",
  s.media_url AS "mediaUrl"`;

const FROM = `FROM service_requests r LEFT JOIN open311_submissions s ON s.request_id = r.id`;

export interface Open311Filters {
  categoryIds?: readonly string[];
  statuses?: readonly RequestStatus[];
  /** Requested at or after. */
  from: Date;
  /** Requested at or before. */
  to: Date;
  /** At most this many… */
  limit: number;
  /** …after skipping this many, newest first. */
  offset: number;
}

/** Requests in a window, newest first (ties by code, so pages never overlap or skip). */
export async function listOpen311Requests(db: Queryable, filters: Open311Filters): Promise<Open311RequestRow[]> {
  const params: unknown[] = [filters.from, filters.to];
  const where = ['r.created_at >= $1', 'r.created_at <= $2'];
  if (filters.categoryIds) {
    params.push([...filters.categoryIds]);
    where.push(`r.category_id = ANY($${params.length}::text[])`);
  }
  if (filters.statuses) {
    params.push([...filters.statuses]);
    where.push(`r.status = ANY($${params.length}::text[])`);
  }
  params.push(filters.limit, filters.offset);
  return db.query<Open311RequestRow>(
    `SELECT ${OPEN311_COLUMNS} ${FROM} WHERE ${where.join(' AND ')}
     ORDER BY r.created_at DESC, r.code DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
}

/** The requests with these tracking codes, newest first; unknown codes are left out. */
export async function findOpen311Requests(db: Queryable, codes: readonly string[]): Promise<Open311RequestRow[]> {
  if (codes.length === 0) return [];
  return db.query<Open311RequestRow>(
    `SELECT ${OPEN311_COLUMNS} ${FROM} WHERE r.code = ANY($1::text[]) ORDER BY r.created_at DESC, r.code DESC`,
    [[...codes]],
  );
}

/** Keeps what an Open311 client sent that the request has no column for. */
export async function insertOpen311Submission(
  tx: Queryable,
  requestId: string,
  submission: { accountId: string | null; mediaUrl: string | null },
): Promise<void> {
  if (submission.accountId === null && submission.mediaUrl === null) return;
  await tx.query(`INSERT INTO open311_submissions (request_id, account_id, media_url) VALUES ($1, $2, $3)`, [
    requestId,
    submission.accountId,
    submission.mediaUrl,
  ]);
}

/**
 * When the service list or definitions last changed, for the discovery document's `changeset`:
 * categories and their questions change only with a migration or the seed, both recorded here.
 */
export async function definitionsChangedAt(db: Queryable): Promise<Date> {
  const [row] = await db.query<{ at: Date | null }>(`SELECT max(applied_at) AS at FROM schema_migrations`);
  return row?.at ?? new Date(0);
}
