import type { RequestAction } from '@doorstep/sdk';
import type { Actor } from './request-records.js';
import { SAMPLE_REQUESTS } from '../sample-data/requests.js';
import type { Queryable } from './database.js';
import { addSupport, findRequestRecord, insertEvent, updateRequest } from './request-records.js';
import { insertServiceRequest } from './requests.js';
import { storeRequestDetails } from '../request-details.js';
import { transition } from '../request-workflow.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/**
 * Seeds the sample requests through the same workflow code the API uses, so every status, timeline
 * entry and count is one the API could have produced. Times are relative to `now`.
 */
export async function seedRequests(tx: Queryable, now: Date = new Date()): Promise<number> {
  for (const sample of SAMPLE_REQUESTS) {
    const reported = new Date(now.getTime() - sample.day * DAY);
    const at = (hour: number) => new Date(reported.getTime() + hour * HOUR);
    const row = await insertServiceRequest(
      tx,
      {
        categoryId: sample.categoryId,
        areaId: sample.areaId,
        description: sample.description,
        contactName: sample.contact?.name ?? null,
        contactPhone: sample.contact?.phone ?? null,
      },
      () => sample.code,
    );
    await storeRequestDetails(
      tx,
      row.id,
      {
        categoryId: sample.categoryId,
        areaId: sample.areaId,
        description: sample.description,
        ...(sample.contact ? { consent: { privacyNoticeVersion: '2026-01' } } : {}),
        ...(sample.address ? { address: sample.address } : {}),
      },
      reported,
    );
    for (let i = 0; i < (sample.supports ?? 0); i++) await addSupport(tx, row.id, at(2 + i * 5));
    for (const step of sample.steps) {
      const record = (await findRequestRecord(tx, sample.code))!;
      const actor: Actor = { kind: 'staff', name: step.by };
      const when = at(step.hour);
      if (step.do === 'assign') {
        await updateRequest(tx, row.id, when, { assigned_to: step.assignee });
        await insertEvent(tx, { requestId: row.id, at: when, kind: 'assigned', status: record.status, actor, assignedTo: step.assignee ?? null });
      } else if (step.do === 'note') {
        await updateRequest(tx, row.id, when, {});
        await insertEvent(tx, { requestId: row.id, at: when, kind: 'noted', status: record.status, actor, note: step.note ?? null, isPublic: !step.internal });
      } else if (step.do === 'expected') {
        const expected = new Date(reported.getTime() + (step.days ?? 1) * DAY + 8 * HOUR).toISOString().slice(0, 10);
        await updateRequest(tx, row.id, when, { expected_date: expected });
        await insertEvent(tx, { requestId: row.id, at: when, kind: 'expected_date_set', status: record.status, actor, note: step.note ?? null, expectedDate: expected });
      } else {
        await transition(tx, record, step.do as RequestAction, { actor, at: when, note: step.note ?? null });
      }
    }
    if (sample.rating) {
      const when = at(sample.rating.hour);
      const record = (await findRequestRecord(tx, sample.code))!;
      await updateRequest(tx, row.id, when, { rating: sample.rating.score, rating_comment: sample.rating.comment ?? null, rated_at: when });
      await insertEvent(tx, {
        requestId: row.id,
        at: when,
        kind: 'rated',
        status: record.status,
        actor: { kind: 'resident' },
        note: sample.rating.comment ?? null,
        score: sample.rating.score,
      });
    }
    if (sample.mergedInto) {
      const duplicate = (await findRequestRecord(tx, sample.code))!;
      const target = (await findRequestRecord(tx, sample.mergedInto.code))!;
      const when = at(sample.mergedInto.hour);
      const actor: Actor = { kind: 'staff', name: sample.mergedInto.by };
      await transition(tx, duplicate, 'merge', { actor, at: when, relatedId: target.id });
      await addSupport(tx, target.id, when, duplicate.id);
      await insertEvent(tx, { requestId: target.id, at: when, kind: 'duplicate_merged', status: target.status, actor, relatedId: duplicate.id });
    }
  }
  return SAMPLE_REQUESTS.length;
}
