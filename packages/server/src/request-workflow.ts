import { REOPEN_WINDOW_DAYS, REQUEST_TRANSITIONS, canTransition, type RequestAction, type TimelineKind } from '@doorstep/sdk';
import { insertEvent, updateRequest, type Actor, type RequestRecord } from './db/request-records.js';
import type { Queryable } from './db/database.js';
import { ApiError } from './errors.js';
import type { MessageKey } from './i18n.js';

/** The timeline entry each action records. */
const EVENT_OF: Record<RequestAction, TimelineKind> = {
  accept: 'accepted',
  start: 'started',
  resolve: 'resolved',
  reject: 'rejected',
  close: 'closed',
  reopen: 'reopened',
  merge: 'merged',
};

/** Why an action is refused in the current status, in words a resident or staff member understands. */
const CONFLICT_MESSAGE: Record<RequestAction, MessageKey> = {
  accept: 'requests_cannot_accept',
  start: 'requests_cannot_start',
  resolve: 'requests_cannot_resolve',
  reject: 'requests_cannot_reject',
  close: 'requests_cannot_close',
  reopen: 'requests_cannot_reopen',
  merge: 'requests_cannot_merge',
};

export const conflict = (messageKey: MessageKey) => new ApiError(409, 'conflict', messageKey);

const DAY_MS = 24 * 60 * 60 * 1000;

/** The end of the reopen window of a resolved request, or null when it cannot be reopened at all. */
export function reopenDeadline(record: Pick<RequestRecord, 'resolvedAt' | 'status' | 'mergedIntoId'>): Date | null {
  if (!record.resolvedAt || record.mergedIntoId !== null || !canTransition(record.status, 'reopen')) return null;
  return new Date(record.resolvedAt.getTime() + REOPEN_WINDOW_DAYS * DAY_MS);
}

/**
 * Whether `action` would change nothing because the request is already where it leads — a repeated
 * click, a retry after a lost answer. Such a repeat answers the current state and records nothing.
 * (Reopen and merge are not repeats of themselves: a reopened request is in progress, which is also
 * where `start` leads.)
 */
export function isRepeat(record: RequestRecord, action: RequestAction): boolean {
  if (action === 'reopen' || action === 'merge') return false;
  return record.status === REQUEST_TRANSITIONS[action].to;
}

export interface TransitionOptions {
  actor: Actor;
  at: Date;
  note?: string | null;
  /** `merge`: the request this one is merged into. */
  relatedId?: string;
}

/**
 * The only way a request's status changes: checks the step against the workflow (409 `conflict` with a
 * localized reason otherwise), updates the status and what goes with it (the resolution time, the reopen
 * count, the merge pointer) and records the step in the history with its actor, time and note.
 * Call it inside a transaction, on a record read with `lock: true`.
 */
export async function transition(tx: Queryable, record: RequestRecord, action: RequestAction, options: TransitionOptions): Promise<void> {
  if (!canTransition(record.status, action)) throw conflict(CONFLICT_MESSAGE[action]);
  if (action === 'reopen') {
    const deadline = reopenDeadline(record);
    if (!deadline) throw conflict(CONFLICT_MESSAGE.reopen);
    if (options.at.getTime() > deadline.getTime()) throw conflict('requests_reopen_window_passed');
  }
  const to = REQUEST_TRANSITIONS[action].to;
  const columns: Record<string, unknown> = { status: to };
  if (action === 'resolve') columns.resolved_at = options.at;
  if (action === 'reopen') {
    columns.resolved_at = null;
    columns.reopen_count = record.reopenCount + 1;
  }
  if (action === 'merge') columns.merged_into = options.relatedId;
  await updateRequest(tx, record.id, options.at, columns);
  await insertEvent(tx, {
    requestId: record.id,
    at: options.at,
    kind: EVENT_OF[action],
    status: to,
    actor: options.actor,
    note: options.note ?? null,
    relatedId: options.relatedId ?? null,
  });
  Object.assign(record, { status: to, updatedAt: options.at });
}
