import type { Answers, CategoryQuestion, LocalizedText, QuestionAnswer, QuestionDatatype } from '@doorstep/sdk';
import { SEED_CATEGORY_LISTING, SEED_CATEGORY_QUESTIONS } from '../sample-data/category-questions.js';
import type { Queryable } from './database.js';

interface QuestionRow {
  categoryId: string;
  code: string;
  datatype: QuestionDatatype;
  required: boolean;
  variable: boolean;
  order: number;
  prompt: LocalizedText;
  hint: LocalizedText | null;
}

interface ValueRow {
  categoryId: string;
  questionCode: string;
  key: string;
  name: LocalizedText;
}

/**
 * The questions of the given categories (all categories when `categoryIds` is omitted), in order,
 * keyed by category id. Two queries whatever the number of categories, so listing stays cheap.
 */
export async function questionsByCategory(
  db: Queryable,
  categoryIds?: readonly string[],
): Promise<Map<string, CategoryQuestion[]>> {
  const filter = categoryIds ? 'WHERE category_id = ANY($1::text[])' : '';
  const params = categoryIds ? [[...categoryIds]] : [];
  const questions = await db.query<QuestionRow>(
    `SELECT category_id AS "categoryId", code, datatype, required, variable, sort_order AS "order", prompt, hint
     FROM category_questions ${filter} ORDER BY category_id, sort_order, code`,
    params,
  );
  const values = await db.query<ValueRow>(
    `SELECT category_id AS "categoryId", question_code AS "questionCode", key, name
     FROM category_question_values ${filter} ORDER BY category_id, question_code, sort_order, key`,
    params,
  );
  const choices = new Map<string, { key: string; name: LocalizedText }[]>();
  for (const value of values) {
    const id = `${value.categoryId}\u0000${value.questionCode}`;
    choices.set(id, [...(choices.get(id) ?? []), { key: value.key, name: value.name }]);
  }
  const byCategory = new Map<string, CategoryQuestion[]>();
  for (const { categoryId, hint, ...row } of questions) {
    const question: CategoryQuestion = {
      ...row,
      ...(hint === null ? {} : { hint }),
      values: choices.get(`${categoryId}\u0000${row.code}`) ?? [],
    };
    byCategory.set(categoryId, [...(byCategory.get(categoryId) ?? []), question]);
  }
  return byCategory;
}

/** One category's questions, in order (empty when it has none). */
export async function questionsOf(db: Queryable, categoryId: string): Promise<CategoryQuestion[]> {
  return (await questionsByCategory(db, [categoryId])).get(categoryId) ?? [];
}

/** Stores a category's questions (seed, or an admin tool), in the order given. */
export async function insertQuestions(
  tx: Queryable,
  categoryId: string,
  questions: readonly CategoryQuestion[],
): Promise<void> {
  for (const question of questions) {
    await tx.query(
      `INSERT INTO category_questions (category_id, code, datatype, required, variable, sort_order, prompt, hint)
       VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8::text::jsonb)`,
      [
        categoryId,
        question.code,
        question.datatype,
        question.required,
        question.variable,
        question.order,
        JSON.stringify(question.prompt),
        question.hint ? JSON.stringify(question.hint) : null,
      ],
    );
    for (const [index, choice] of question.values.entries()) {
      await tx.query(
        `INSERT INTO category_question_values (category_id, question_code, key, name, sort_order)
         VALUES ($1, $2, $3, $4::text::jsonb, $5)`,
        [categoryId, question.code, choice.key, JSON.stringify(choice.name), index + 1],
      );
    }
  }
}

/** Stores a new request's answers (already checked with `checkAnswers`). */
export async function insertAnswers(tx: Queryable, requestId: string, answers: Answers): Promise<void> {
  for (const [code, value] of Object.entries(answers)) {
    await tx.query(`INSERT INTO service_request_answers (request_id, question_code, value) VALUES ($1, $2, $3::text::jsonb)`, [
      requestId,
      code,
      JSON.stringify(value),
    ]);
  }
}

/** The answers of the given requests, keyed by request id (a request without answers is absent). */
export async function answersOf(db: Queryable, requestIds: readonly string[]): Promise<Map<string, Answers>> {
  const byRequest = new Map<string, Answers>();
  if (requestIds.length === 0) return byRequest;
  const rows = await db.query<{ requestId: string; code: string; value: QuestionAnswer }>(
    `SELECT request_id AS "requestId", question_code AS code, value
     FROM service_request_answers WHERE request_id = ANY($1::text[]) ORDER BY request_id, question_code`,
    [[...requestIds]],
  );
  for (const row of rows) byRequest.set(row.requestId, { ...byRequest.get(row.requestId), [row.code]: row.value });
  return byRequest;
}

/**
 * Seeds the sample categories' questions, groups and keywords (see `sample-data/category-questions.ts`);
 * called once from `seed`, after the categories.
 */
export async function seedCategoryQuestions(tx: Queryable): Promise<number> {
  for (const [categoryId, { group, keywords }] of Object.entries(SEED_CATEGORY_LISTING)) {
    await tx.query(`UPDATE categories SET service_group = $2::text::jsonb, keywords = $3::text::jsonb WHERE id = $1`, [
      categoryId,
      JSON.stringify(group),
      JSON.stringify(keywords),
    ]);
  }
  let count = 0;
  for (const [categoryId, questions] of Object.entries(SEED_CATEGORY_QUESTIONS)) {
    await insertQuestions(tx, categoryId, questions);
    count += questions.length;
  }
  return count;
}
