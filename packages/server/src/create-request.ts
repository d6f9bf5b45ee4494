import { REPORTABLE_AREA_LEVELS, type ServiceRequestCreate } from '@doorstep/sdk';
import type * as z from 'zod/mini';
import { checkRequestAnswers } from './category-answers.js';
import { findArea } from './db/areas.js';
import { insertAnswers } from './db/category-questions.js';
import { findCategory } from './db/categories.js';
import type { Queryable } from './db/database.js';
import { insertServiceRequest, type ServiceRequestRow } from './db/requests.js';
import { unprocessable, type FieldMessages } from './errors.js';
import { checkRequestDetails, storeRequestDetails, type DetailRules } from './request-details.js';

/**
 * Applies the rules a schema cannot know (the area and category exist, the area is a community or
 * below, some categories need a phone number, answers fit the category's questions) and stores the
 * request with its answers. Broken rules are a 422 with every problem found, so a form can mark them
 * all at once.
 */
export async function createServiceRequest(
  tx: Queryable,
  input: z.output<typeof ServiceRequestCreate>,
  /** When it was received (the workflow's clock; see `clock.ts`). */
  now: Date = new Date(),
  rules: DetailRules = {},
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
  const answers = category ? await checkRequestAnswers(tx, category.id, input.answers) : undefined;
  Object.assign(fields, answers?.fields);
  Object.assign(fields, await checkRequestDetails(tx, input, rules));
  if (Object.keys(fields).length > 0) throw unprocessable(fields);
  const row = await insertServiceRequest(tx, {
    categoryId: input.categoryId,
    areaId: input.areaId,
    description: input.description,
    contactName,
    contactPhone,
  });
  if (answers) await insertAnswers(tx, row.id, answers.answers);
  await storeRequestDetails(tx, row.id, input, now);
  return { ...row, createdAt: now, updatedAt: now };
}
