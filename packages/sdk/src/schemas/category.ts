import * as z from 'zod/mini';
import { CategoryQuestion } from './category-question.js';
import { Id, LocalizedText } from './common.js';

/** Search words in each locale; like {@link LocalizedText}, `zh-CN` is always present. */
export const LocalizedKeywords = z.object({
  'zh-CN': z.array(z.string()),
  'zh-TW': z.optional(z.array(z.string())),
  en: z.optional(z.array(z.string())),
});
export type LocalizedKeywords = z.infer<typeof LocalizedKeywords>;

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
  /** A broader heading the category belongs under, e.g. 房屋设施 (Open311 `group`). */
  group: z.optional(LocalizedText),
  /** Other words residents use for it, per locale, for search (Open311 `keywords`). */
  keywords: z.optional(LocalizedKeywords),
});
export type Category = z.infer<typeof Category>;

/** `GET /v1/categories`: every category with its questions. */
export const CategoryListResponse = z.object({ categories: z.array(Category) });
