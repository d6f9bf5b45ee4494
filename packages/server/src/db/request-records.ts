import type { RequestStatus, TimelineKind } from '@doorstep/sdk';
import type { Queryable } from './database.js';

/**
 * A stored request with everything the workflow added (contact data in clear: never send this to a
 * public client; `views.ts` decides what each audience sees).
 */
export interface RequestRecord {
  id: string;
  code: string;
  categoryId: string;
  areaId: string;
  description: string;
  contactName: string | null;
  contactPhone: string | null;
  status: RequestStatus;
  createdAt: Date;
  updatedAt: Date;
  assignedTo: string | null;
  /** `YYYY-MM-DD` */
  expectedDate: string | null;
  resolvedAt: Date | null;
  reopenCount: number;
  mergedIntoId: string | null;
  mergedIntoCode: string | null;
  rating: number | null;
  ratingComment: string | null;
  ratedAt: Date | null;
  onBehalfName: string | null;
  onBehalfPhone: string | null;
  onBehalfAreaId: string | null;
  consentedAt: Date | null;
  privacyNoticeVersion: string | null;
  latitude: number | null;
  longitude: number | null;
  address: string | null;
  supportCount: number;
}

const RECORD_COLUMNS = `r.id, r.code, r.category_id AS "categoryId", r.area_id AS "areaId", r.description,
  r.contact_name AS "contactName", r.contact_phone AS "contactPhone", r.status,
  r.created_at AS "createdAt", r.updated_at AS "updatedAt",
  r.assigned_to AS "assignedTo", r.expected_date::text AS "expectedDate", r.resolved_at AS "resolvedAt",
  r.reopen_count AS "reopenCount", r.merged_into AS "mergedIntoId",
  (SELECT m.code FROM service_requests m WHERE m.id = r.merged_into) AS "mergedIntoCode",
  r.rating, r.rating_comment AS "ratingComment", r.rated_at AS "ratedAt",
  r.on_behalf_name AS "onBehalfName", r.on_behalf_phone AS "onBehalfPhone", r.on_behalf_area_id AS "onBehalfAreaId",
  r.consented_at AS "consentedAt", r.privacy_notice_version AS "privacyNoticeVersion",
  r.latitude, r.longitude, r.address,
  (SELECT count(*)::int FROM request_supports s WHERE s.request_id = r.id) AS "supportCount"`;

/**
 * A request by tracking code. `lock` takes the row lock (inside a transaction) so that two actions on
 * the same request — a staff accept and a resident support, two staff at once — apply one after the other.
 */
export async function findRequestRecord(db: Queryable, code: string, { lock = false } = {}): Promise<RequestRecord | undefined> {
  if (lock) await db.query(`SELECT 1 FROM service_requests WHERE code = $1 FOR UPDATE`, [code]);
  const [row] = await db.query<RequestRecord>(`SELECT ${RECORD_COLUMNS} FROM service_requests r WHERE r.code = $1`, [code]);
  return row;
}

export async function findRequestRecordById(db: Queryable, id: string): Promise<RequestRecord | undefined> {
  const [row] = await db.query<RequestRecord>(`SELECT ${RECORD_COLUMNS} FROM service_requests r WHERE r.id = $1`, [id]);
  return row;
}

/** Who did something. Residents are never named in the history. */
export type Actor = { kind: 'resident' } | { kind: 'system' } | { kind: 'staff'; name: string };

export interface NewEvent {
  requestId: string;
  at: Date;
  kind: TimelineKind;
  /** The request's status after the event. */
  status: RequestStatus;
  actor: Actor;
  note?: string | null;
  isPublic?: boolean;
  assignedTo?: string | null;
  expectedDate?: string | null;
  relatedId?: string | null;
  score?: number | null;
}

export async function insertEvent(tx: Queryable, event: NewEvent): Promise<void> {
  await tx.query(
    `INSERT INTO request_events (request_id, at, kind, status, actor_kind, actor_name, note, is_public,
       assigned_to, expected_date, related_id, score)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::date, $11, $12)`,
    [
      event.requestId,
      event.at,
      event.kind,
      event.status,
      event.actor.kind,
      event.actor.kind === 'staff' ? event.actor.name : null,
      event.note ?? null,
      event.isPublic ?? true,
      event.assignedTo ?? null,
      event.expectedDate ?? null,
      event.relatedId ?? null,
      event.score ?? null,
    ],
  );
}

export interface EventRow {
  id: string;
  at: Date;
  kind: TimelineKind;
  status: RequestStatus;
  actorKind: 'resident' | 'staff' | 'system';
  actorName: string | null;
  note: string | null;
  isPublic: boolean;
  assignedTo: string | null;
  expectedDate: string | null;
  relatedCode: string | null;
  score: number | null;
}

/** A request's history, oldest first (by time, then by the order it was recorded); `publicOnly` leaves out internal notes. */
export async function listEvents(db: Queryable, requestId: string, { publicOnly }: { publicOnly: boolean }): Promise<EventRow[]> {
  return db.query<EventRow>(
    `SELECT e.id::text AS id, e.at, e.kind, e.status, e.actor_kind AS "actorKind", e.actor_name AS "actorName", e.note,
       e.is_public AS "isPublic", e.assigned_to AS "assignedTo", e.expected_date::text AS "expectedDate",
       o.code AS "relatedCode", e.score
     FROM request_events e LEFT JOIN service_requests o ON o.id = e.related_id
     WHERE e.request_id = $1 ${publicOnly ? 'AND e.is_public' : ''}
     ORDER BY e.at, e.id`,
    [requestId],
  );
}

export async function addSupport(tx: Queryable, requestId: string, at: Date, mergedFrom: string | null = null): Promise<void> {
  await tx.query(`INSERT INTO request_supports (request_id, created_at, merged_from) VALUES ($1, $2, $3)`, [requestId, at, mergedFrom]);
}

/** Codes of the requests merged into this one. */
export async function listDuplicateCodes(db: Queryable, requestId: string): Promise<string[]> {
  const rows = await db.query<{ code: string }>(
    `SELECT code FROM service_requests WHERE merged_into = $1 ORDER BY created_at, code`,
    [requestId],
  );
  return rows.map((row) => row.code);
}

/** Sets columns of a request and its `updated_at`; `columns` maps column names (written here, never user input) to values. */
export async function updateRequest(tx: Queryable, id: string, at: Date, columns: Record<string, unknown>): Promise<void> {
  const names = Object.keys(columns);
  const assignments = names.map((name, index) => `${name} = $${index + 3}`);
  await tx.query(`UPDATE service_requests SET updated_at = $2${assignments.map((a) => `, ${a}`).join('')} WHERE id = $1`, [
    id,
    at,
    ...names.map((name) => columns[name]),
  ]);
}
