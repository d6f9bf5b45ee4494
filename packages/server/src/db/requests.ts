import { randomUUID } from 'node:crypto';
import type { RequestStatus } from '@doorstep/sdk';
import { generateTrackingCode } from '../tracking-code.js';
import type { Queryable } from './database.js';

/** A stored service request, contact data in clear: never send this to a public client. */
export interface ServiceRequestRow {
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
}

export interface NewServiceRequest {
  categoryId: string;
  areaId: string;
  description: string;
  contactName: string | null;
  contactPhone: string | null;
}

const REQUEST_COLUMNS = `id, code, category_id AS "categoryId", area_id AS "areaId", description,
  contact_name AS "contactName", contact_phone AS "contactPhone", status,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

const CODE_ATTEMPTS = 5;

/**
 * Stores a request under a fresh tracking code. A code that is already taken (rare: one in
 * 10^12 per existing request) is skipped without aborting the transaction, and another is drawn.
 */
export async function insertServiceRequest(
  db: Queryable,
  request: NewServiceRequest,
  newCode: () => string = generateTrackingCode,
): Promise<ServiceRequestRow> {
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const [row] = await db.query<ServiceRequestRow>(
      `INSERT INTO service_requests (id, code, category_id, area_id, description, contact_name, contact_phone)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (code) DO NOTHING
       RETURNING ${REQUEST_COLUMNS}`,
      [randomUUID(), newCode(), request.categoryId, request.areaId, request.description, request.contactName, request.contactPhone],
    );
    if (row) return row;
  }
  throw new Error(`No free tracking code after ${CODE_ATTEMPTS} attempts`);
}

export async function findServiceRequestByCode(db: Queryable, code: string): Promise<ServiceRequestRow | undefined> {
  const [row] = await db.query<ServiceRequestRow>(`SELECT ${REQUEST_COLUMNS} FROM service_requests WHERE code = $1`, [code]);
  return row;
}
