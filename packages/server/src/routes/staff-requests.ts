import {
  AssignInput,
  ExpectedDateInput,
  MergeInput,
  NoteCreate,
  OPEN_REQUEST_STATUSES,
  REQUEST_STATUSES,
  RejectInput,
  ResolveInput,
  StaffRequestListQuery,
  StaffStepInput,
  type RequestAction,
  type RequestStatus,
  type StaffRequestSummary,
} from '@doorstep/sdk';
import { Hono, type Context } from 'hono';
import type * as z from 'zod/mini';
import { requireStaff, type StaffEnv } from '../auth.js';
import type { Clock } from '../clock.js';
import type { ServerConfig } from '../config.js';
import { findArea } from '../db/areas.js';
import type { Database, Queryable } from '../db/database.js';
import {
  addSupport,
  findRequestRecord,
  findRequestRecordById,
  insertEvent,
  updateRequest,
  type Actor,
  type RequestRecord,
} from '../db/request-records.js';
import { notFound, unprocessable } from '../errors.js';
import { idempotentCreate } from '../idempotent-create.js';
import { readJsonBody } from '../json-body.js';
import { periodCondition, readPeriod } from '../period.js';
import { baseUrlOf, staffView } from '../request-views.js';
import { conflict, isRepeat, transition } from '../request-workflow.js';
import { parseOrThrow } from '../validation.js';
import { codeParam, requireRecord } from './requests.js';

const BASE = '/v1/staff/requests';

/** Names from the root down, for every area at once (the area table is small; one query per list). */
async function areaPaths(db: Queryable): Promise<(id: string) => string[]> {
  const areas = await db.query<{ id: string; parentId: string | null; name: string }>(
    `SELECT id, parent_id AS "parentId", name FROM areas`,
  );
  const byId = new Map(areas.map((area) => [area.id, area]));
  return (id) => {
    const path: string[] = [];
    for (let area = byId.get(id); area; area = area.parentId === null ? undefined : byId.get(area.parentId)) {
      path.unshift(area.name);
      if (path.length > 16) break; // a cycle in hand-loaded data must not hang a list
    }
    return path;
  };
}

function statusesOf(filter: string): RequestStatus[] {
  const wanted = new Set<RequestStatus>();
  for (const part of filter.split(',').map((value) => value.trim())) {
    if (part === 'open') OPEN_REQUEST_STATUSES.forEach((status) => wanted.add(status));
    else if ((REQUEST_STATUSES as readonly string[]).includes(part)) wanted.add(part as RequestStatus);
  }
  return [...wanted];
}

async function listRequests(db: Queryable, query: z.output<typeof StaffRequestListQuery>) {
  const params: unknown[] = [];
  let where = 'TRUE';
  if (query.status !== undefined) {
    params.push(statusesOf(query.status));
    where += ` AND r.status = ANY($${params.length}::text[])`;
  }
  if (query.category !== undefined) {
    params.push(query.category);
    where += ` AND r.category_id = $${params.length}`;
  }
  let within = '';
  if (query.area !== undefined) {
    params.push(query.area);
    // The area and every area inside it.
    within = `WITH RECURSIVE within AS (
        SELECT id FROM areas WHERE id = $${params.length}
        UNION ALL SELECT a.id FROM areas a JOIN within ON a.parent_id = within.id
      )`;
    where += ` AND r.area_id IN (SELECT id FROM within)`;
  }
  where += periodCondition('r.created_at', readPeriod(query.from, query.to), params);
  const [{ total } = { total: 0 }] = await db.query<{ total: number }>(
    `${within} SELECT count(*)::int AS total FROM service_requests r WHERE ${where}`,
    params,
  );
  const rows = await db.query<Omit<StaffRequestSummary, 'areaPath' | 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date }>(
    `${within}
     SELECT r.code, r.category_id AS "categoryId", r.area_id AS "areaId", r.description, r.status,
       r.contact_name AS "contactName", r.contact_phone AS "contactPhone", r.assigned_to AS "assignedTo",
       r.expected_date::text AS "expectedDate",
       (SELECT count(*)::int FROM request_supports s WHERE s.request_id = r.id) AS "supportCount",
       (SELECT count(*)::int FROM photos p WHERE p.request_id = r.id) AS "photoCount",
       (SELECT m.code FROM service_requests m WHERE m.id = r.merged_into) AS "mergedInto",
       r.created_at AS "createdAt", r.updated_at AS "updatedAt"
     FROM service_requests r WHERE ${where}
     ORDER BY r.created_at DESC, r.code
     LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, query.pageSize, (query.page - 1) * query.pageSize],
  );
  const pathOf = await areaPaths(db);
  return {
    items: rows.map((row) => ({
      ...row,
      areaPath: pathOf(row.areaId),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export interface StaffRequestRouteDeps {
  config: Pick<ServerConfig, 'staffTokens' | 'publicUrl'>;
  clock: Clock;
}

/**
 * The staff API for requests (role `requests`, or `admin`): list and filter, read one in full, and move
 * it through the workflow. Every change is recorded in the request's timeline with the token holder's
 * name and the time; every POST takes an `Idempotency-Key`, and repeating the step that led to the
 * current status changes nothing.
 */
export function staffRequestRoutes(db: Database, { config, clock }: StaffRequestRouteDeps): Hono<StaffEnv> {
  const actorOf = (c: Context<StaffEnv>): Actor => ({ kind: 'staff', name: c.get('staff').name });

  /**
   * One POST action: validates the body, claims the Idempotency-Key, locks the request, lets `act`
   * change it, and answers the staff view as it then is.
   */
  const action =
    <S extends z.ZodMiniType>(
      name: string,
      schema: S,
      act: (tx: Queryable, record: RequestRecord, input: z.output<S>, context: { actor: Actor; at: Date }) => Promise<void>,
    ) =>
    async (c: Context<StaffEnv>) => {
      const input = parseOrThrow(schema, await readJsonBody(c));
      return idempotentCreate(c, db, `POST ${BASE}/${codeParam(c)}/${name}`, input, async (tx) => {
        const record = await requireRecord(tx, c, { lock: true });
        const at = clock();
        await act(tx, record, input, { actor: actorOf(c), at });
        const updated = await findRequestRecordById(tx, record.id);
        return { status: 200, body: await staffView(tx, updated!, { now: at, baseUrl: baseUrlOf(c, config) }) };
      });
    };

  /** A workflow step (accept, start, resolve, reject, close): a repeat of the current one is a no-op. */
  const step = <S extends z.ZodMiniType>(name: RequestAction, schema: S, noteOf: (input: z.output<S>) => string | undefined) =>
    action(name, schema, async (tx, record, input, { actor, at }) => {
      if (isRepeat(record, name)) return;
      await transition(tx, record, name, { actor, at, note: noteOf(input) ?? null });
    });

  const requireOpen = (record: RequestRecord) => {
    if (!OPEN_REQUEST_STATUSES.includes(record.status)) throw conflict('requests_not_open');
  };

  return new Hono<StaffEnv>()
    .use(BASE, requireStaff(config.staffTokens, 'requests'))
    .use(`${BASE}/*`, requireStaff(config.staffTokens, 'requests'))
    .get(BASE, async (c) => {
      const query = parseOrThrow(StaffRequestListQuery, c.req.query());
      if (query.area !== undefined && !(await findArea(db, query.area))) throw notFound('area_not_found');
      return c.json(await listRequests(db, query));
    })
    .get(`${BASE}/:code`, async (c) => {
      const record = await requireRecord(db, c);
      return c.json(await staffView(db, record, { now: clock(), baseUrl: baseUrlOf(c, config) }));
    })
    .post(`${BASE}/:code/accept`, step('accept', StaffStepInput, (input) => input.note))
    .post(`${BASE}/:code/start`, step('start', StaffStepInput, (input) => input.note))
    .post(`${BASE}/:code/resolve`, step('resolve', ResolveInput, (input) => input.note))
    .post(`${BASE}/:code/reject`, step('reject', RejectInput, (input) => input.reason))
    .post(`${BASE}/:code/close`, step('close', StaffStepInput, (input) => input.note))
    .post(
      `${BASE}/:code/assign`,
      action('assign', AssignInput, async (tx, record, input, { actor, at }) => {
        requireOpen(record);
        if (record.assignedTo === input.assignee) return;
        await updateRequest(tx, record.id, at, { assigned_to: input.assignee });
        await insertEvent(tx, {
          requestId: record.id,
          at,
          kind: 'assigned',
          status: record.status,
          actor,
          note: input.note ?? null,
          assignedTo: input.assignee,
        });
      }),
    )
    .post(
      `${BASE}/:code/notes`,
      action('notes', NoteCreate, async (tx, record, input, { actor, at }) => {
        await updateRequest(tx, record.id, at, {});
        await insertEvent(tx, {
          requestId: record.id,
          at,
          kind: 'noted',
          status: record.status,
          actor,
          note: input.note,
          isPublic: input.visibility === 'public',
        });
      }),
    )
    .post(
      `${BASE}/:code/expected-date`,
      action('expected-date', ExpectedDateInput, async (tx, record, input, { actor, at }) => {
        requireOpen(record);
        if (record.expectedDate === input.expectedDate) return;
        await updateRequest(tx, record.id, at, { expected_date: input.expectedDate });
        await insertEvent(tx, {
          requestId: record.id,
          at,
          kind: 'expected_date_set',
          status: record.status,
          actor,
          note: input.note ?? null,
          expectedDate: input.expectedDate,
        });
      }),
    )
    .post(
      `${BASE}/:code/merge`,
      action('merge', MergeInput, async (tx, duplicate, input, { actor, at }) => {
        if (input.into === duplicate.code) throw unprocessable({ into: { key: 'requests_merge_into_itself' } });
        const target = await findRequestRecord(tx, input.into, { lock: true });
        if (!target) throw unprocessable({ into: { key: 'requests_merge_target_not_found' } });
        if (duplicate.mergedIntoId === target.id) return;
        if (!OPEN_REQUEST_STATUSES.includes(target.status)) throw conflict('requests_merge_target_not_open');
        await transition(tx, duplicate, 'merge', { actor, at, note: input.note ?? null, relatedId: target.id });
        // The duplicate's supporters, and the duplicate's own reporter, now count for the target.
        await tx.query(`UPDATE request_supports SET request_id = $2 WHERE request_id = $1`, [duplicate.id, target.id]);
        await addSupport(tx, target.id, at, duplicate.id);
        await updateRequest(tx, target.id, at, {});
        await insertEvent(tx, {
          requestId: target.id,
          at,
          kind: 'duplicate_merged',
          status: target.status,
          actor,
          relatedId: duplicate.id,
        });
      }),
    );
}
