import type { Category } from '@doorstep/sdk';
import { questionsByCategory } from './category-questions.js';
import type { Queryable } from './database.js';

interface CategoryRow {
  id: string;
  name: Category['name'];
  description: Category['name'] | null;
  allowAnonymous: boolean;
  group: Category['name'] | null;
  keywords: Category['keywords'] | null;
}

const CATEGORY_COLUMNS = `id, name, description, allow_anonymous AS "allowAnonymous", service_group AS "group", keywords`;

/** Leaves out what a category does not have, rather than sending nulls. */
function toCategory({ description, group, keywords, ...row }: CategoryRow): Category {
  return {
    ...row,
    ...(description === null ? {} : { description }),
    ...(group === null ? {} : { group }),
    ...(keywords === null ? {} : { keywords }),
  };
}

export async function listCategories(db: Queryable): Promise<Category[]> {
  const rows = await db.query<CategoryRow>(`SELECT ${CATEGORY_COLUMNS} FROM categories ORDER BY sort_order, id`);
  return rows.map(toCategory);
}

export async function findCategory(db: Queryable, id: string): Promise<Category | undefined> {
  const [row] = await db.query<CategoryRow>(`SELECT ${CATEGORY_COLUMNS} FROM categories WHERE id = $1`, [id]);
  return row && toCategory(row);
}

/** Every category with its questions, in display order: the answer of `GET /v1/categories`. */
export async function listCategoriesWithQuestions(db: Queryable): Promise<Category[]> {
  const categories = await listCategories(db);
  const questions = await questionsByCategory(db);
  return categories.map((category) => ({ ...category, questions: questions.get(category.id) ?? [] }));
}

/** One category with its questions, or `undefined`. */
export async function findCategoryWithQuestions(db: Queryable, id: string): Promise<Category | undefined> {
  const category = await findCategory(db, id);
  if (!category) return undefined;
  return { ...category, questions: (await questionsByCategory(db, [id])).get(id) ?? [] };
}
