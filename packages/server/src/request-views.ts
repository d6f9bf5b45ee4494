import type { PhotoRef, ServiceRequestPublic, ServiceRequestStaff, TimelineEntry } from '@doorstep/sdk';
import type { Context } from 'hono';
import type { ServerConfig } from './config.js';
import { areaPath } from './db/areas.js';
import { answersOf } from './db/category-questions.js';
import type { Queryable } from './db/database.js';
import { listRequestPhotos } from './db/photos.js';
import { listDuplicateCodes, listEvents, type EventRow, type RequestRecord } from './db/request-records.js';
import { maskName, maskPhone } from './mask.js';
import { reopenDeadline } from './request-workflow.js';

/** What a view needs besides the record: the time (for the reopen window) and where photos are served. */
export interface ViewContext {
  now: Date;
  /** The API's public address without a trailing slash, e.g. `https://portal.example.cn/api`. */
  baseUrl: string;
}

/** The configured public address, or the origin this request came to. */
export function baseUrlOf(c: Context, config: Pick<ServerConfig, 'publicUrl'>): string {
  return config.publicUrl ?? new URL(c.req.url).origin;
}

export function photoUrl(baseUrl: string, id: string): string {
  return `${baseUrl}/v1/photos/${encodeURIComponent(id)}`;
}

function toEntry(row: EventRow): TimelineEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    kind: row.kind,
    status: row.status,
    actor: { kind: row.actorKind, name: row.actorName },
    note: row.note,
    visibility: row.isPublic ? 'public' : 'internal',
    ...(row.kind === 'assigned' ? { assignedTo: row.assignedTo } : {}),
    ...(row.kind === 'expected_date_set' ? { expectedDate: row.expectedDate } : {}),
    ...(row.relatedCode !== null ? { relatedCode: row.relatedCode } : {}),
    ...(row.score !== null ? { score: row.score } : {}),
  };
}

async function photosOf(db: Queryable, record: RequestRecord, baseUrl: string): Promise<PhotoRef[]> {
  return (await listRequestPhotos(db, record.id)).map((photo) => ({ ...photo, url: photoUrl(baseUrl, photo.id) }));
}

/** The parts both audiences see alike; contact data is filled in by each view. */
async function commonView(db: Queryable, record: RequestRecord, context: ViewContext, publicOnly: boolean) {
  // One after the other: a transaction is one connection.
  const path = await areaPath(db, record.areaId);
  const photos = await photosOf(db, record, context.baseUrl);
  const timeline = (await listEvents(db, record.id, { publicOnly })).map(toEntry);
  const answers = (await answersOf(db, [record.id])).get(record.id) ?? {};
  const deadline = reopenDeadline(record);
  return {
    code: record.code,
    categoryId: record.categoryId,
    areaId: record.areaId,
    areaPath: path,
    description: record.description,
    status: record.status,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    location: record.latitude === null || record.longitude === null ? null : { latitude: record.latitude, longitude: record.longitude },
    address: record.address,
    answers,
    photos,
    timeline,
    assignedTo: record.assignedTo,
    expectedDate: record.expectedDate,
    supportCount: record.supportCount,
    resolvedAt: record.resolvedAt?.toISOString() ?? null,
    reopenableUntil: deadline && deadline.getTime() >= context.now.getTime() ? deadline.toISOString() : null,
    ratable: record.resolvedAt !== null && record.rating === null && record.mergedIntoId === null,
    rating:
      record.rating === null || record.ratedAt === null
        ? null
        : { score: record.rating, comment: record.ratingComment, ratedAt: record.ratedAt.toISOString() },
    mergedInto: record.mergedIntoCode,
  };
}

/** The view anyone holding the tracking code gets: contact data masked, internal notes left out. */
export async function publicView(db: Queryable, record: RequestRecord, context: ViewContext): Promise<ServiceRequestPublic> {
  return {
    ...(await commonView(db, record, context, true)),
    contactName: record.contactName === null ? null : maskName(record.contactName),
    contactPhone: record.contactPhone === null ? null : maskPhone(record.contactPhone),
    onBehalfOf:
      record.onBehalfName === null
        ? null
        : {
            name: maskName(record.onBehalfName),
            phone: record.onBehalfPhone === null ? null : maskPhone(record.onBehalfPhone),
            areaId: record.onBehalfAreaId,
          },
  };
}

/** The view for staff with the `requests` role: contact data in full, internal notes, consent, duplicates. */
export async function staffView(db: Queryable, record: RequestRecord, context: ViewContext): Promise<ServiceRequestStaff> {
  return {
    ...(await commonView(db, record, context, false)),
    contactName: record.contactName,
    contactPhone: record.contactPhone,
    onBehalfOf:
      record.onBehalfName === null
        ? null
        : { name: record.onBehalfName, phone: record.onBehalfPhone, areaId: record.onBehalfAreaId },
    consent:
      record.consentedAt === null || record.privacyNoticeVersion === null
        ? null
        : { at: record.consentedAt.toISOString(), privacyNoticeVersion: record.privacyNoticeVersion },
    duplicates: await listDuplicateCodes(db, record.id),
    reopenCount: record.reopenCount,
  };
}
