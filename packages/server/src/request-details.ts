import { REPORTABLE_AREA_LEVELS, type ServiceRequestCreate } from '@doorstep/sdk';
import type * as z from 'zod/mini';
import { findArea } from './db/areas.js';
import type { Queryable } from './db/database.js';
import { attachPhotos, photoStates } from './db/photos.js';
import { insertEvent, updateRequest } from './db/request-records.js';
import type { FieldMessages } from './errors.js';

type CreateInput = z.output<typeof ServiceRequestCreate>;

export interface DetailRules {
  /**
   * Whether a report with personal data needs `consent`: yes from residents (`/v1`); an Open311 client
   * app, known by its API key, asks its users for consent itself.
   */
  requireConsent?: boolean;
}

/**
 * The rules of a report's details a schema cannot know: consent when personal data is given, the
 * photos were uploaded and are not part of another request, the other person's area exists, and
 * whoever reports for someone else leaves their own phone. Returns the broken ones (for one 422 with
 * everything else `createServiceRequest` finds).
 */
export async function checkRequestDetails(tx: Queryable, input: CreateInput, rules: DetailRules = {}): Promise<FieldMessages> {
  const fields: FieldMessages = {};
  if (rules.requireConsent && carriesPersonalData(input) && !input.consent) {
    fields.consent = { key: 'requests_field_consent_required' };
  }
  if (input.onBehalfOf) {
    if (!input.contactPhone) fields.contactPhone = { key: 'requests_field_phone_for_someone_else' };
    if (input.onBehalfOf.areaId !== undefined) {
      const area = await findArea(tx, input.onBehalfOf.areaId);
      if (!area) fields['onBehalfOf.areaId'] = { key: 'field_unknown_area' };
      else if (!REPORTABLE_AREA_LEVELS.includes(area.level)) fields['onBehalfOf.areaId'] = { key: 'field_area_too_broad' };
    }
  }
  const photoIds = input.photoIds ?? [];
  if (photoIds.length > 0) {
    const states = await photoStates(tx, photoIds);
    photoIds.forEach((id, index) => {
      const field = `photoIds.${index}`;
      if (photoIds.indexOf(id) !== index) fields[field] = { key: 'requests_field_photo_repeated' };
      else if (!states.has(id)) fields[field] = { key: 'requests_field_photo_unknown' };
      else if (states.get(id) === 'used') fields[field] = { key: 'requests_field_photo_used' };
    });
  }
  return fields;
}

/** The personal data a report carries: with any of it, the resident must agree to the privacy notice. */
export function carriesPersonalData(input: CreateInput): boolean {
  return Boolean(input.contactName || input.contactPhone || input.onBehalfOf);
}

/**
 * Stores a new request's details (checked by {@link checkRequestDetails}), attaches its photos and
 * starts its history with the `submitted` entry, all at `at`.
 */
export async function storeRequestDetails(tx: Queryable, requestId: string, input: CreateInput, at: Date): Promise<void> {
  await updateRequest(tx, requestId, at, {
    created_at: at,
    on_behalf_name: input.onBehalfOf?.name ?? null,
    on_behalf_phone: input.onBehalfOf?.phone || null,
    on_behalf_area_id: input.onBehalfOf?.areaId ?? null,
    consented_at: input.consent ? at : null,
    privacy_notice_version: input.consent?.privacyNoticeVersion ?? null,
    latitude: input.location?.latitude ?? null,
    longitude: input.location?.longitude ?? null,
    address: input.address || null,
  });
  await attachPhotos(tx, requestId, input.photoIds ?? []);
  await insertEvent(tx, { requestId, at, kind: 'submitted', status: 'submitted', actor: { kind: 'resident' } });
}
