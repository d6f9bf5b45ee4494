import * as z from 'zod/mini';
import { Id, IsoDateTime, LocalizedText } from './common.js';

/**
 * The kinds of answer a category's extra question takes — exactly Open311 GeoReport v2's attribute
 * datatypes, so a service definition from any city maps one to one:
 * - `string`: one line of text; `text`: several lines;
 * - `number`: a number (a numeric string such as `"3"` is accepted and read as 3);
 * - `datetime`: an ISO 8601 date-time with an offset, e.g. `2026-11-23T09:30:00+08:00`;
 * - `singlevaluelist`: one `key` of `values`; `multivaluelist`: a list of `key`s of `values`.
 */
export const QUESTION_DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type QuestionDatatype = (typeof QUESTION_DATATYPES)[number];

/** Longest answer to a `string` question, in characters. */
export const QUESTION_STRING_MAX_LENGTH = 200;
/** Longest answer to a `text` question, in characters. */
export const QUESTION_TEXT_MAX_LENGTH = 2000;

/** One choice of a list question: the `key` is what an answer holds, the `name` what a resident reads. */
export const QuestionChoice = z.object({
  key: z.string().check(z.minLength(1), z.maxLength(100)),
  name: LocalizedText,
});
export type QuestionChoice = z.infer<typeof QuestionChoice>;

/**
 * An extra question a category asks when a resident reports (an Open311 service definition's
 * attribute). Questions are shown in `order`; `required` ones must be answered.
 *
 * A question with `variable: false` is not a question at all but a note to show (Open311 uses it
 * for text such as "For emergencies call 110"): it takes no answer.
 */
export const CategoryQuestion = z.object({
  /** Stable within its category; answers are keyed by it (`answers[code]`). */
  code: Id,
  datatype: z.enum(QUESTION_DATATYPES),
  required: z.boolean(),
  /** `false` for a note that takes no answer (Open311 `variable`). */
  variable: z._default(z.boolean(), true),
  /** Position among the category's questions, ascending. */
  order: z.number().check(z.int()),
  /** The question as a resident reads it (Open311 `description`). */
  prompt: LocalizedText,
  /** A hint on how to answer, shown under the field (Open311 `datatype_description`). */
  hint: z.optional(LocalizedText),
  /** The choices of a `singlevaluelist` or `multivaluelist` question, in display order; empty otherwise. */
  values: z._default(z.array(QuestionChoice), []),
});
export type CategoryQuestion = z.output<typeof CategoryQuestion>;
/** A question as you may write it (e.g. in a fake API): `variable` and `values` have defaults. */
export type CategoryQuestionInput = z.input<typeof CategoryQuestion>;

/**
 * One answer: text, a date-time or a list key as a string, a number, or the keys chosen in a
 * `multivaluelist`. Whether it fits its question is checked with {@link checkAnswers}.
 */
export const QuestionAnswer = z.union([
  z.string().check(z.maxLength(QUESTION_TEXT_MAX_LENGTH)),
  z.number(),
  z.array(z.string().check(z.maxLength(100))).check(z.maxLength(100)),
]);
export type QuestionAnswer = z.infer<typeof QuestionAnswer>;

/** Answers to a category's questions, keyed by question `code`. */
export const Answers = z.record(Id, QuestionAnswer);
export type Answers = z.infer<typeof Answers>;

/** Why an answer does not fit its question; the server and the form word each in every locale. */
export type AnswerProblem =
  /** A required question has no answer (or only spaces, or an empty list). */
  | { code: string; problem: 'required' }
  /** The category has no such question (or it is a note, which takes no answer). */
  | { code: string; problem: 'unknown' }
  /** The answer has the wrong shape for the datatype (a list for a `string`, text for a `multivaluelist`…). */
  | { code: string; problem: 'invalid_type' }
  | { code: string; problem: 'not_a_number' }
  | { code: string; problem: 'not_a_datetime' }
  /** A key that is not one of the question's `values`. */
  | { code: string; problem: 'not_a_choice' }
  | { code: string; problem: 'too_long'; max: number };

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** One answer checked against its question: the normalized value, `undefined` for "not answered", or a problem. */
function checkOne(question: CategoryQuestion, raw: QuestionAnswer): { value?: QuestionAnswer; problem?: AnswerProblem } {
  const code = question.code;
  const fail = (problem: AnswerProblem) => ({ problem });
  switch (question.datatype) {
    case 'string':
    case 'text': {
      if (typeof raw !== 'string') return fail({ code, problem: 'invalid_type' });
      const value = raw.trim();
      const max = question.datatype === 'string' ? QUESTION_STRING_MAX_LENGTH : QUESTION_TEXT_MAX_LENGTH;
      if (Array.from(value).length > max) return fail({ code, problem: 'too_long', max });
      return value ? { value } : {};
    }
    case 'number': {
      if (typeof raw === 'number') return Number.isFinite(raw) ? { value: raw } : fail({ code, problem: 'not_a_number' });
      if (typeof raw !== 'string') return fail({ code, problem: 'invalid_type' });
      const text = raw.trim();
      if (!text) return {};
      return NUMERIC.test(text) && Number.isFinite(Number(text)) ? { value: Number(text) } : fail({ code, problem: 'not_a_number' });
    }
    case 'datetime': {
      if (typeof raw !== 'string') return fail({ code, problem: 'invalid_type' });
      const text = raw.trim();
      if (!text) return {};
      return IsoDateTime.safeParse(text).success ? { value: text } : fail({ code, problem: 'not_a_datetime' });
    }
    case 'singlevaluelist': {
      if (typeof raw !== 'string') return fail({ code, problem: 'invalid_type' });
      if (!raw) return {};
      return question.values.some((choice) => choice.key === raw) ? { value: raw } : fail({ code, problem: 'not_a_choice' });
    }
    case 'multivaluelist': {
      if (!Array.isArray(raw)) return fail({ code, problem: 'invalid_type' });
      if (raw.some((key) => !question.values.some((choice) => choice.key === key))) return fail({ code, problem: 'not_a_choice' });
      // In the question's own order, each key once: two submissions choosing the same things store the same list.
      const value = question.values.map((choice) => choice.key).filter((key) => raw.includes(key));
      return value.length > 0 ? { value } : {};
    }
  }
}

/**
 * Checks answers against a category's questions, the same way on the server and in a form: every
 * answer must belong to a question that takes one and fit its datatype, and every required question
 * must be answered. Answers come back normalized (text trimmed, numeric strings as numbers, list
 * choices in the question's order, unanswered questions left out) with every problem found, so a
 * form can mark them all at once.
 */
export function checkAnswers(
  questions: readonly CategoryQuestion[],
  answers: Readonly<Record<string, QuestionAnswer>> = {},
): { answers: Answers; problems: AnswerProblem[] } {
  const byCode = new Map(questions.map((question) => [question.code, question]));
  const normalized: Answers = {};
  const problems: AnswerProblem[] = [];
  for (const [code, raw] of Object.entries(answers)) {
    const question = byCode.get(code);
    if (!question || !question.variable) {
      problems.push({ code, problem: 'unknown' });
      continue;
    }
    const { value, problem } = checkOne(question, raw);
    if (problem) problems.push(problem);
    else if (value !== undefined) normalized[code] = value;
  }
  const reported = new Set(problems.map((problem) => problem.code));
  for (const question of [...questions].sort((a, b) => a.order - b.order)) {
    if (question.variable && question.required && !(question.code in normalized) && !reported.has(question.code)) {
      problems.push({ code: question.code, problem: 'required' });
    }
  }
  return { answers: normalized, problems };
}
