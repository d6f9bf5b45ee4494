import { checkAnswers, type AnswerProblem, type Answers, type QuestionAnswer } from '@doorstep/sdk';
import { questionsOf } from './db/category-questions.js';
import type { Queryable } from './db/database.js';
import type { FieldMessages } from './errors.js';
import type { Message } from './i18n.js';

function messageFor(problem: AnswerProblem): Message {
  switch (problem.problem) {
    case 'too_long':
      return { key: 'question_too_long', params: { max: problem.max } };
    default:
      return { key: `question_${problem.problem}` };
  }
}

/**
 * Checks a report's answers against its category's questions (see the SDK's `checkAnswers`). Problems
 * come back as field messages under `answers.<code>`, next to the request's other field errors, so
 * one 422 names everything a form must mark.
 */
export async function checkRequestAnswers(
  tx: Queryable,
  categoryId: string,
  answers: Readonly<Record<string, QuestionAnswer>> | undefined,
): Promise<{ answers: Answers; fields: FieldMessages }> {
  const checked = checkAnswers(await questionsOf(tx, categoryId), answers);
  const fields: FieldMessages = {};
  for (const problem of checked.problems) fields[`answers.${problem.code}`] = messageFor(problem);
  return { answers: checked.answers, fields };
}
