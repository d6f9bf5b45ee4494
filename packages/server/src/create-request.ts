import { REPORTABLE_AREA_LEVELS, type ServiceRequestCreate } from '@doorstep/sdk';
import type * as z from 'zod/mini';
import { findArea } from './db/areas.js';
import { findCategory } from './db/categories.js';
import type { Queryable } from './db/database.js';
import { insertServiceRequest, type ServiceRequestRow } from './db/requests.js';
import { unprocessable, type FieldMessages } from './errors.js';

/**
 * Applies the rules a schema cannot know (the area and category exist, the area is a community or
 * below, some categories need a phone number) and stores the request. Broken rules are a 422 with
 * every problem found, so a form can mark them all at once.
 */
export async function createServiceRequest(
  tx: Queryable,
  input: z.output<typeof ServiceRequestCreate>,
): Promise<ServiceRequestRow> {
  // One after the other: a transaction is one connection, and pg warns about overlapping queries on it.
  const area = await findArea(tx, input.areaId);
  const category = await findCategory(tx, input.categoryId);
  const contactName = input.contactName || null;
  const contactPhone = input.contactPhone || null;
  const fields: FieldMessages = {};
  if (!area) fields.areaId = { key: 'field_unknown_area' };
  else if (!REPORTABLE_AREA_LEVELS.includes(area.level)) fields.areaId = { key: 'field_area_too_broad' };
  if (!category) fields.categoryId = { key: 'field_unknown_category' };
  else if (!category.allowAnonymous && !contactPhone) fields.contactPhone = { key: 'field_contact_required' };
  if (Object.keys(fields).length > 0) throw unprocessable(fields);
  return insertServiceRequest(tx, {
    categoryId: input.categoryId,
    areaId: input.areaId,
    description: input.description,
    contactName,
    contactPhone,
  });
}
