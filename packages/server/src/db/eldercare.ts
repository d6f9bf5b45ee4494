import { randomInt, randomUUID } from 'node:crypto';
import {
  type EldercareListQuery,
  TRACKING_CODE_ALPHABET,
  type AreaLevel,
  type ApplicantRole,
  type Diet,
  type EldercareAction,
  type EldercareHistoryEntry,
  type EldercareProgram,
  type EldercareServices,
  type EldercareStatus,
  type LivingSituation,
  type ProgramOutcome,
  type Weekday,
} from '@doorstep/sdk';
import type * as z from 'zod/mini';
import type { FieldCipher } from '../field-cipher.js';
import { SAMPLE_ELDERCARE_PROGRAMS } from '../sample-data/eldercare.js';
import type { Queryable } from './database.js';

// ── programs ─────────────────────────────────────────────────────────────────────────────────────

interface ProgramRow extends Omit<EldercareProgram, 'description'> {
  description: EldercareProgram['description'] | null;
}

const PROGRAM_COLUMNS = `id, community_id AS "communityId", service, name, description, eligibility, options, prices, benefits`;

/** The running programs of a community, in display order. */
export async function listPrograms(db: Queryable, communityId: string): Promise<EldercareProgram[]> {
  const rows = await db.query<ProgramRow>(
    `SELECT ${PROGRAM_COLUMNS} FROM eldercare_programs WHERE community_id = $1 AND active ORDER BY sort_order, id`,
    [communityId],
  );
  return rows.map(({ description, ...row }) => (description === null ? row : { ...row, description }));
}

/** Stores a program (seed, or an admin tool). */
export async function insertProgram(tx: Queryable, program: EldercareProgram, sortOrder: number): Promise<void> {
  await tx.query(
    `INSERT INTO eldercare_programs (id, community_id, service, name, description, eligibility, options, prices, benefits, sort_order)
     VALUES ($1, $2, $3, $4::text::jsonb, $5::text::jsonb, $6::text::jsonb, $7::text::jsonb, $8::text::jsonb, $9::text::jsonb, $10)`,
    [
      program.id,
      program.communityId,
      program.service,
      JSON.stringify(program.name),
      program.description ? JSON.stringify(program.description) : null,
      program.eligibility ? JSON.stringify(program.eligibility) : null,
      JSON.stringify(program.options),
      JSON.stringify(program.prices),
      JSON.stringify(program.benefits),
      sortOrder,
    ],
  );
}

/** Seeds the sample communities' programs (see `sample-data/eldercare.ts`); called once from `seed`. */
export async function seedEldercare(tx: Queryable): Promise<number> {
  for (const [index, program] of SAMPLE_ELDERCARE_PROGRAMS.entries()) await insertProgram(tx, program, index + 1);
  return SAMPLE_ELDERCARE_PROGRAMS.length;
}

// ── areas ────────────────────────────────────────────────────────────────────────────────────────

export interface AreaNodeRow {
  id: string;
  parentId: string | null;
  level: AreaLevel;
  name: string;
  sortOrder: number;
}

/** The community an area belongs to (the area itself when it is one); `undefined` above community level. */
export async function communityOf(db: Queryable, areaId: string): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db.query<{ id: string; name: string }>(
    `WITH RECURSIVE up AS (
       SELECT id, parent_id, level, name FROM areas WHERE id = $1
       UNION ALL SELECT a.id, a.parent_id, a.level, a.name FROM areas a JOIN up ON a.id = up.parent_id
     )
     SELECT id, name FROM up WHERE level = 'community' LIMIT 1`,
    [areaId],
  );
  return row;
}

/** A community and every area below it, with their sort order (the delivery route follows it). */
export async function areasWithin(db: Queryable, communityId: string): Promise<Map<string, AreaNodeRow>> {
  const rows = await db.query<AreaNodeRow>(
    `WITH RECURSIVE down AS (
       SELECT id, parent_id, level, name, sort_order FROM areas WHERE id = $1
       UNION ALL SELECT a.id, a.parent_id, a.level, a.name, a.sort_order FROM areas a JOIN down ON a.parent_id = down.id
     )
     SELECT id, parent_id AS "parentId", level, name, sort_order AS "sortOrder" FROM down`,
    [communityId],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

// ── applications ─────────────────────────────────────────────────────────────────────────────────

/** Who the application is about and who to call: sealed as `personal_sealed`. */
export interface PersonalData {
  applicant: { role: ApplicantRole; name: string | null; phone: string | null; relationship: string | null };
  elder: { name: string; birthYear: number; phone: string | null; room: string; livingSituation: LivingSituation };
  emergencyContact: { name: string; phone: string; relationship: string };
}

/** Eligibility facts and diet: sealed as `health_sealed`. */
export interface HealthData {
  facts: { lowIncome: boolean | null; disability: boolean | null; specialCare: boolean | null };
  diet: { needs: Diet[]; allergies: string | null };
}

/** A stored application, its sealed columns still sealed: open them with {@link openPersonal} and friends. */
export interface ApplicationRow {
  id: string;
  code: string;
  communityId: string;
  areaId: string;
  status: EldercareStatus;
  applicantRole: ApplicantRole;
  services: EldercareServices;
  granted: EldercareServices | null;
  startDate: string | null;
  reason: string | null;
  personalSealed: string;
  healthSealed: string;
  eligibilitySealed: string;
  eligibilityYear: number;
  consentAt: Date;
  healthConsentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const APPLICATION_COLUMNS = `id, code, community_id AS "communityId", area_id AS "areaId", status,
  applicant_role AS "applicantRole", services, granted, to_char(start_date, 'YYYY-MM-DD') AS "startDate", reason,
  personal_sealed AS "personalSealed", health_sealed AS "healthSealed", eligibility_sealed AS "eligibilitySealed",
  eligibility_year AS "eligibilityYear", consent_at AS "consentAt", health_consent_at AS "healthConsentAt",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The sealed columns, and the context each is bound to: its table, row and column. */
export const SEALED_COLUMNS = ['personal_sealed', 'health_sealed', 'eligibility_sealed'] as const;
type SealedColumn = (typeof SEALED_COLUMNS)[number];
export const sealContext = (id: string, column: SealedColumn) => `eldercare_applications:${id}:${column}`;

export const openPersonal = (cipher: FieldCipher, row: Pick<ApplicationRow, 'id' | 'personalSealed'>) =>
  cipher.openJson<PersonalData>(row.personalSealed, sealContext(row.id, 'personal_sealed'));
export const openHealth = (cipher: FieldCipher, row: Pick<ApplicationRow, 'id' | 'healthSealed'>) =>
  cipher.openJson<HealthData>(row.healthSealed, sealContext(row.id, 'health_sealed'));
export const openEligibility = (cipher: FieldCipher, row: Pick<ApplicationRow, 'id' | 'eligibilitySealed'>) =>
  cipher.openJson<ProgramOutcome[]>(row.eligibilitySealed, sealContext(row.id, 'eligibility_sealed'));

export interface NewApplication {
  communityId: string;
  areaId: string;
  applicantRole: ApplicantRole;
  services: EldercareServices;
  personal: PersonalData;
  health: HealthData;
  eligibility: ProgramOutcome[];
  eligibilityYear: number;
  healthConsent: boolean;
}

const CODE_ATTEMPTS = 5;

function chunk(): string {
  let out = '';
  for (let i = 0; i < 4; i++) out += TRACKING_CODE_ALPHABET[randomInt(TRACKING_CODE_ALPHABET.length)];
  return out;
}

/** A fresh `EC-XXXX-XXXX` code from a cryptographic source. */
export function generateReferenceCode(): string {
  return `EC-${chunk()}-${chunk()}`;
}

/**
 * Stores an application under a fresh reference code, its personal, health and eligibility data sealed
 * for this row, and records the `submitted` event. A code already taken is skipped without aborting
 * the transaction (`ON CONFLICT DO NOTHING`) and another is drawn.
 */
export async function insertApplication(
  tx: Queryable,
  cipher: FieldCipher,
  application: NewApplication,
  newCode: () => string = generateReferenceCode,
): Promise<ApplicationRow> {
  const id = randomUUID();
  const personal = cipher.sealJson(application.personal, sealContext(id, 'personal_sealed'));
  const health = cipher.sealJson(application.health, sealContext(id, 'health_sealed'));
  const eligibility = cipher.sealJson(application.eligibility, sealContext(id, 'eligibility_sealed'));
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const [row] = await tx.query<ApplicationRow>(
      `INSERT INTO eldercare_applications (id, code, community_id, area_id, applicant_role, services,
         personal_sealed, health_sealed, eligibility_sealed, eligibility_year, consent_at, health_consent_at)
       VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8, $9, $10, now(), CASE WHEN $11::boolean THEN now() END)
       ON CONFLICT (code) DO NOTHING
       RETURNING ${APPLICATION_COLUMNS}`,
      [
        id,
        newCode(),
        application.communityId,
        application.areaId,
        application.applicantRole,
        JSON.stringify(application.services),
        personal,
        health,
        eligibility,
        application.eligibilityYear,
        application.healthConsent,
      ],
    );
    if (row) {
      await tx.query(`INSERT INTO eldercare_application_events (application_id, action) VALUES ($1, 'submitted')`, [id]);
      return row;
    }
  }
  throw new Error(`No free reference code after ${CODE_ATTEMPTS} attempts`);
}

export async function findApplication(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<ApplicationRow | undefined> {
  const [row] = await db.query<ApplicationRow>(
    `SELECT ${APPLICATION_COLUMNS} FROM eldercare_applications WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row;
}

export async function findApplicationByCode(db: Queryable, code: string): Promise<ApplicationRow | undefined> {
  const [row] = await db.query<ApplicationRow>(`SELECT ${APPLICATION_COLUMNS} FROM eldercare_applications WHERE code = $1`, [code]);
  return row;
}

/** The start of a calendar day in Asia/Shanghai (always UTC+8: China keeps no daylight saving). */
const startOfDay = (date: string) => `${date}T00:00:00+08:00`;

/** Applications matching the filters, newest first, one page, with the total over all pages. */
export async function listApplications(
  db: Queryable,
  query: z.output<typeof EldercareListQuery>,
): Promise<{ rows: ApplicationRow[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (query.status) add((n) => `status = ${n}`, query.status);
  if (query.community) add((n) => `community_id = ${n}`, query.community);
  if (query.service) add((n) => `services ? ${n}`, query.service);
  if (query.from) add((n) => `created_at >= ${n}::timestamptz`, startOfDay(query.from));
  // `to` is inclusive: everything before the next day began.
  if (query.to) add((n) => `created_at < ${n}::timestamptz + interval '1 day'`, startOfDay(query.to));
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const [{ total } = { total: 0 }] = await db.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM eldercare_applications ${filter}`,
    params,
  );
  const rows = await db.query<ApplicationRow>(
    `SELECT ${APPLICATION_COLUMNS} FROM eldercare_applications ${filter}
     ORDER BY created_at DESC, id DESC LIMIT ${query.limit ?? 50} OFFSET ${query.offset ?? 0}`,
    params,
  );
  return { rows, total };
}

export interface Decision {
  action: Exclude<EldercareAction, 'submitted'>;
  actor: string;
  /** Shown to the applicant: the reason for a rejection or waitlisting, `null` to clear it. */
  reason: string | null;
  /** Kept in the history only (an approval's note). */
  note: string | null;
  granted: EldercareServices | null;
  startDate: string | null;
}

const STATUS_AFTER: Record<Decision['action'], EldercareStatus> = {
  approved: 'approved',
  waitlisted: 'waitlisted',
  rejected: 'rejected',
};

/** Records a staff decision: the new status (and grant), and an event naming who did it and when. */
export async function recordDecision(tx: Queryable, id: string, decision: Decision): Promise<void> {
  await tx.query(
    `UPDATE eldercare_applications
     SET status = $2, reason = $3, granted = $4::text::jsonb, start_date = $5::date, updated_at = now()
     WHERE id = $1`,
    [id, STATUS_AFTER[decision.action], decision.reason, decision.granted ? JSON.stringify(decision.granted) : null, decision.startDate],
  );
  await tx.query(
    `INSERT INTO eldercare_application_events (application_id, action, actor, note, granted, start_date)
     VALUES ($1, $2, $3, $4, $5::text::jsonb, $6::date)`,
    [id, decision.action, decision.actor, decision.reason ?? decision.note, decision.granted ? JSON.stringify(decision.granted) : null, decision.startDate],
  );
}

/** An application's history, oldest first. */
export async function historyOf(db: Queryable, id: string): Promise<EldercareHistoryEntry[]> {
  const rows = await db.query<{
    action: EldercareAction;
    actor: string | null;
    at: Date;
    note: string | null;
    granted: EldercareServices | null;
    startDate: string | null;
  }>(
    `SELECT action, actor, at, note, granted, to_char(start_date, 'YYYY-MM-DD') AS "startDate"
     FROM eldercare_application_events WHERE application_id = $1 ORDER BY seq`,
    [id],
  );
  return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
}

/**
 * Approved meal services that run on `date` (started on or before it, on its weekday) in a community:
 * both deliveries (the route) and dine-in (the canteen's counts).
 */
export async function mealsOn(db: Queryable, communityId: string, date: string, weekday: Weekday): Promise<ApplicationRow[]> {
  return db.query<ApplicationRow>(
    `SELECT ${APPLICATION_COLUMNS} FROM eldercare_applications
     WHERE community_id = $1 AND status = 'approved' AND start_date <= $2::date
       AND granted ? 'meals' AND (granted -> 'meals' -> 'days') @> $3::text::jsonb
     ORDER BY id`,
    [communityId, date, JSON.stringify([weekday])],
  );
}

/**
 * Seals every stored value again with the cipher's current key, after a key rotation. Values already
 * under the current key are left alone, so running it twice is harmless. Rows are locked one at a time.
 */
export async function reencryptApplications(
  tx: Queryable,
  cipher: FieldCipher,
): Promise<{ reencrypted: number; alreadyCurrent: number }> {
  let reencrypted = 0;
  let alreadyCurrent = 0;
  const ids = await tx.query<{ id: string }>(`SELECT id FROM eldercare_applications ORDER BY id`);
  for (const { id } of ids) {
    const [row] = await tx.query<Record<SealedColumn, string>>(
      `SELECT ${SEALED_COLUMNS.join(', ')} FROM eldercare_applications WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) continue;
    const updates: Partial<Record<SealedColumn, string>> = {};
    for (const column of SEALED_COLUMNS) {
      if (cipher.keyIdOf(row[column]) === cipher.currentKeyId) {
        alreadyCurrent++;
        continue;
      }
      const context = sealContext(id, column);
      updates[column] = cipher.seal(cipher.open(row[column], context), context);
      reencrypted++;
    }
    const columns = Object.keys(updates) as SealedColumn[];
    if (columns.length === 0) continue;
    await tx.query(
      `UPDATE eldercare_applications SET ${columns.map((column, index) => `${column} = $${index + 2}`).join(', ')} WHERE id = $1`,
      [id, ...columns.map((column) => updates[column])],
    );
  }
  return { reencrypted, alreadyCurrent };
}
