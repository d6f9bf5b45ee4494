import {
  ServiceRequestCreate,
  checkAnswers,
  type AnswerProblem,
  type Category,
  type CategoryQuestion,
  type FieldIssue,
  type GeoPoint,
  type QuestionAnswer,
  localize,
} from '@doorstep/sdk';
import { format, type Locale, type MessageParams } from '../locales/index.js';
import { requestFormMessages } from './request-form.messages.js';

type MessageKey = keyof (typeof requestFormMessages)['zh-CN'];
const msg = (locale: Locale, key: MessageKey, params?: MessageParams) => format(requestFormMessages, locale, key, params);

/** The form's fixed controls, in the order they appear (and errors are listed); answers follow the category. */
export const FIELDS = [
  'category',
  'area',
  'location',
  'address',
  'description',
  'photos',
  'name',
  'phone',
  'otherName',
  'otherPhone',
  'otherArea',
  'consent',
] as const;
export type StaticField = (typeof FIELDS)[number];
/** A control of the form: a fixed one, or the answer to a category question (`answers.<code>`). */
export type FieldName = StaticField | `answers.${string}`;

/** What the resident has entered; kept as typed, whatever happens to a submission. */
export interface RequestFormValues {
  category: string;
  /** Answers as typed, by question code: text, or the keys ticked in a multi-choice question. */
  answers: Record<string, string | string[]>;
  /** The most precise area chosen (community, compound, building or unit). */
  area: string;
  address: string;
  description: string;
  /** Reporting for someone else (a neighbour, an elderly parent). */
  forSomeoneElse: boolean;
  otherName: string;
  otherPhone: string;
  /** Their building (or unit), when it is not where the problem is. */
  otherArea: string;
  /** Without a name and phone (only where the category allows it, and not for someone else). */
  anonymous: boolean;
  name: string;
  phone: string;
  /** Agreed to the privacy notice. */
  consent: boolean;
}

export const EMPTY_VALUES: RequestFormValues = {
  category: '',
  answers: {},
  area: '',
  address: '',
  description: '',
  forSomeoneElse: false,
  otherName: '',
  otherPhone: '',
  otherArea: '',
  anonymous: false,
  name: '',
  phone: '',
  consent: false,
};

/** An error to show on a field (and in the summary). */
export interface FieldError {
  field: FieldName;
  message: string;
}

/** What the form knows besides the values, to build and check a report. */
export interface ValidationContext {
  locale: Locale;
  category: Category | undefined;
  /** From "use my location", when the resident chose to add it. */
  location?: GeoPoint | undefined;
  /** Photos already uploaded. */
  photoIds?: readonly string[];
  /** Sent as `consent.privacyNoticeVersion`. */
  privacyNoticeVersion: string;
}

/** The questions of a category that take an answer, in order (notes are shown, never answered). */
export function questionsOf(category: Category | undefined): CategoryQuestion[] {
  return [...(category?.questions ?? [])].sort((a, b) => a.order - b.order);
}

/** Whether this report goes without a name and phone. */
export function isAnonymous(values: RequestFormValues, category: Category | undefined): boolean {
  return values.anonymous && category?.allowAnonymous === true && !values.forSomeoneElse;
}

/** Where a payload path's problems are shown (`answers.<code>` to that question). */
const FIELD_OF_PATH: Record<string, StaticField> = {
  categoryId: 'category',
  areaId: 'area',
  location: 'location',
  address: 'address',
  description: 'description',
  photoIds: 'photos',
  contactName: 'name',
  contactPhone: 'phone',
  'onBehalfOf.name': 'otherName',
  'onBehalfOf.phone': 'otherPhone',
  'onBehalfOf.areaId': 'otherArea',
  onBehalfOf: 'otherName',
  consent: 'consent',
};

export function fieldOfPath(path: string): FieldName | undefined {
  if (path.startsWith('answers.')) return path as FieldName;
  const [first = '', second] = path.split('.');
  return FIELD_OF_PATH[second === undefined ? first : `${first}.${second}`] ?? FIELD_OF_PATH[first];
}

/** `2026-11-23T09:30` from a datetime-local input → `2026-11-23T09:30:00+08:00` in the device's time zone. */
export function localDateTimeToIso(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?/.exec(value);
  const date = new Date(value);
  if (!match || Number.isNaN(date.getTime())) return value;
  const offset = -date.getTimezoneOffset();
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${match[1]}${match[2] ?? ':00'}${offset >= 0 ? '+' : '-'}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** The answers as the SDK's `checkAnswers` takes them: date-times with their offset, blanks left out. */
function rawAnswers(values: RequestFormValues, questions: readonly CategoryQuestion[]): Record<string, QuestionAnswer> {
  const raw: Record<string, QuestionAnswer> = {};
  for (const question of questions) {
    const value = values.answers[question.code];
    if (value === undefined || !question.variable) continue;
    raw[question.code] = question.datatype === 'datetime' && typeof value === 'string' && value ? localDateTimeToIso(value) : value;
  }
  return raw;
}

/** The payload for `client.requests.create`, before the schema checks it (answers are added by {@link validate}). */
export function toCreateInput(values: RequestFormValues, context: ValidationContext): ServiceRequestCreate {
  const anonymous = isAnonymous(values, context.category);
  const photoIds = context.photoIds ?? [];
  return {
    categoryId: values.category,
    areaId: values.area,
    description: values.description,
    ...(values.address.trim() ? { address: values.address } : {}),
    ...(context.location ? { location: { latitude: context.location.latitude, longitude: context.location.longitude } } : {}),
    ...(!anonymous && values.name.trim() ? { contactName: values.name } : {}),
    ...(!anonymous && values.phone.trim() ? { contactPhone: values.phone } : {}),
    ...(values.forSomeoneElse
      ? {
          onBehalfOf: {
            name: values.otherName,
            ...(values.otherPhone.trim() ? { phone: values.otherPhone } : {}),
            ...(values.otherArea ? { areaId: values.otherArea } : {}),
          },
        }
      : {}),
    ...(values.consent ? { consent: { privacyNoticeVersion: context.privacyNoticeVersion } } : {}),
    ...(photoIds.length > 0 ? { photoIds: [...photoIds] } : {}),
  };
}

type Issue = Pick<FieldIssue, 'path' | 'code' | 'minimum' | 'maximum'>;

/** A plain-language message for one schema issue (field + zod issue code). */
export function messageForIssue(field: FieldName, issue: Issue, values: RequestFormValues, locale: Locale): string {
  const tooLong = issue.code === 'too_big';
  switch (field) {
    case 'category':
      return msg(locale, 'error.category.required');
    case 'area':
      return msg(locale, 'error.area.required');
    case 'otherArea':
      return msg(locale, 'error.otherArea.invalid');
    case 'description':
      if (issue.code === 'too_small') {
        return values.description.trim() === ''
          ? msg(locale, 'error.description.required')
          : msg(locale, 'error.description.tooShort', { count: issue.minimum ?? 0 });
      }
      if (tooLong) return msg(locale, 'error.description.tooLong', { count: issue.maximum ?? 0 });
      return msg(locale, 'error.description.required');
    case 'address':
      return tooLong ? msg(locale, 'error.address.tooLong', { count: issue.maximum ?? 0 }) : msg(locale, 'error.invalid');
    case 'name':
      return tooLong ? msg(locale, 'error.name.tooLong', { count: issue.maximum ?? 0 }) : msg(locale, 'error.invalid');
    case 'otherName':
      if (tooLong) return msg(locale, 'error.name.tooLong', { count: issue.maximum ?? 0 });
      return values.otherName.trim() ? msg(locale, 'error.invalid') : msg(locale, 'error.otherName.required');
    case 'phone':
    case 'otherPhone':
      return msg(locale, 'error.phone.invalid');
    default:
      return msg(locale, 'error.invalid');
  }
}

/** The message for an answer that does not fit its question, naming the question (the summary lists several). */
export function messageForAnswer(problem: AnswerProblem, question: CategoryQuestion | undefined, locale: Locale): string {
  const prompt = question ? localize(question.prompt, locale) : '';
  switch (problem.problem) {
    case 'required':
      if (question?.datatype === 'multivaluelist') return msg(locale, 'error.answer.chooseSome', { question: prompt });
      if (question?.datatype === 'singlevaluelist') return msg(locale, 'error.answer.chooseOne', { question: prompt });
      return msg(locale, 'error.answer.required', { question: prompt });
    case 'not_a_number':
      return msg(locale, 'error.answer.number', { question: prompt });
    case 'not_a_datetime':
      return msg(locale, 'error.answer.datetime', { question: prompt });
    case 'too_long':
      return msg(locale, 'error.answer.tooLong', { question: prompt, count: problem.max });
    default:
      return msg(locale, 'error.answer.invalid', { question: prompt });
  }
}

/** Keeps the first error per field and orders them as the fields appear (answers right after the category). */
export function orderErrors(errors: FieldError[], questions: readonly CategoryQuestion[] = []): FieldError[] {
  const order: FieldName[] = ['category', ...questions.map((question) => `answers.${question.code}` as const), ...FIELDS.slice(1)];
  const first = new Map<FieldName, FieldError>();
  for (const error of errors) if (!first.has(error.field)) first.set(error.field, error);
  const known = order.flatMap((field) => first.get(field) ?? []);
  // Anything else the server names (an answer to a question this form does not know) still shows, last.
  return [...known, ...[...first.values()].filter((error) => !order.includes(error.field))];
}

/** Maps schema issues (from zod or from the SDK's `ValidationError`) to per-field messages. */
export function issuesToErrors(
  issues: readonly Issue[],
  values: RequestFormValues,
  locale: Locale,
  questions: readonly CategoryQuestion[] = [],
): FieldError[] {
  return orderErrors(
    issues.flatMap((issue) => {
      const field = fieldOfPath(issue.path);
      return field ? [{ field, message: messageForIssue(field, issue, values, locale) }] : [];
    }),
    questions,
  );
}

export type ValidationResult =
  | { ok: true; input: ServiceRequestCreate }
  | { ok: false; errors: FieldError[] };

/**
 * Checks the values the way the server will: the SDK's `ServiceRequestCreate` schema, the category's
 * questions with the SDK's `checkAnswers`, plus what the form itself asks — a name and phone unless
 * reporting anonymously where the category allows it, the other person's name when reporting for
 * someone else, and agreement to the privacy notice.
 */
export function validate(values: RequestFormValues, context: ValidationContext): ValidationResult {
  const { locale, category } = context;
  const questions = questionsOf(category);
  const errors: FieldError[] = [];

  const checkedAnswers = checkAnswers(questions, rawAnswers(values, questions));
  for (const problem of checkedAnswers.problems) {
    const question = questions.find((candidate) => candidate.code === problem.code);
    errors.push({ field: `answers.${problem.code}`, message: messageForAnswer(problem, question, locale) });
  }

  const input = toCreateInput(values, context);
  if (Object.keys(checkedAnswers.answers).length > 0) input.answers = checkedAnswers.answers;
  const result = ServiceRequestCreate.safeParse(input);
  if (!result.success) {
    errors.push(
      ...issuesToErrors(
        result.error.issues.map((issue) => ({
          path: issue.path.map(String).join('.'),
          code: issue.code,
          ...('minimum' in issue && typeof issue.minimum === 'number' ? { minimum: issue.minimum } : {}),
          ...('maximum' in issue && typeof issue.maximum === 'number' ? { maximum: issue.maximum } : {}),
        })),
        values,
        locale,
      ),
    );
  }

  if (!isAnonymous(values, category)) {
    if (!values.name.trim()) errors.push({ field: 'name', message: msg(locale, 'error.name.required') });
    if (!values.phone.trim()) {
      const key = values.forSomeoneElse ? 'error.phone.forSomeoneElse' : 'error.phone.required';
      errors.push({ field: 'phone', message: msg(locale, key) });
    }
  }
  if (values.forSomeoneElse && !values.otherName.trim()) {
    errors.push({ field: 'otherName', message: msg(locale, 'error.otherName.required') });
  }
  if (!values.consent) errors.push({ field: 'consent', message: msg(locale, 'error.consent.required') });

  if (errors.length > 0 || !result.success) return { ok: false, errors: orderErrors(errors, questions) };
  return { ok: true, input: result.data };
}
