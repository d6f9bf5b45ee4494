import * as z from 'zod/mini';
import { CategoryQuestion } from './category-question.js';
import { Id, LocalizedText } from './common.js';

/** A kind of problem a resident can report (an Open311 "service"). */
export const Category = z.object({
  id: Id,
  name: LocalizedText,
  description: z.optional(LocalizedText),
  /** Whether a report of this kind may be sent without a name and phone. */
  allowAnonymous: z.boolean(),
  /**
   * Extra questions to ask with a report of this kind, in `order` (Open311 service definition
   * attributes). The Doorstep server always sends the list (maybe empty); it is optional so that
   * data from elsewhere without questions still reads.
   */
  questions: z.optional(z.array(CategoryQuestion)),
});
export type Category = z.infer<typeof Category>;

/** `GET /v1/categories`: every category with its questions. */
export const CategoryListResponse = z.object({ categories: z.array(Category) });
