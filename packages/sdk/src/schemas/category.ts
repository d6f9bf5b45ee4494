import * as z from 'zod/mini';
import { Id, LocalizedText } from './common.js';

/** A kind of problem a resident can report (an Open311 "service"). */
export const Category = z.object({
  id: Id,
  name: LocalizedText,
  description: z.optional(LocalizedText),
  /** Whether a report of this kind may be sent without a name and phone. */
  allowAnonymous: z.boolean(),
});
export type Category = z.infer<typeof Category>;

/** `GET /v1/categories` */
export const CategoryListResponse = z.object({ categories: z.array(Category) });
