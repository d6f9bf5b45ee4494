import {
  CHILD_AGE_MAX,
  CONFIRMATION_CODE_PREFIXES,
  EventRegistrationCode,
  EventRegistrationCreate,
  Phone,
  normalizeConfirmationCode,
  type EventPublic,
  type FieldIssue,
} from '@doorstep/sdk';
import { format, type Locale, type MessageParams } from '../locales/index.js';
import { issuesOf, orderErrors, type FieldError } from '../shared/field-errors.js';
import { eventListMessages } from './event-list.messages.js';

type Key = keyof (typeof eventListMessages)['zh-CN'];
const msg = (locale: Locale, key: Key, params?: MessageParams) => format(eventListMessages, locale, key, params);

/** The sign-up form's controls (their ids), in page order. */
export const SIGNUP_FIELDS = ['name', 'phone', 'people', 'ages'] as const;
export type SignUpField = (typeof SIGNUP_FIELDS)[number];

/** What the resident has entered; kept as typed. `ages` is free text ("4, 7"). */
export interface SignUpValues {
  name: string;
  phone: string;
  people: string;
  ages: string;
}

export const EMPTY_SIGNUP: SignUpValues = { name: '', phone: '', people: '1', ages: '' };

/** "4, 7", "4，7", "4 7" or "4、7" → [4, 7]; `undefined` when something is not a whole number. */
export function parseAges(text: string): number[] | undefined {
  const parts = text.split(/[\s,，、;；/]+/).filter(Boolean);
  const ages = parts.map((part) => (/^\d{1,2}$/.test(part) ? Number(part) : Number.NaN));
  return ages.some(Number.isNaN) ? undefined : ages;
}

export function signUpFieldOf(path: string): SignUpField | undefined {
  const head = path.split('.')[0] ?? '';
  return ({ name: 'name', phone: 'phone', people: 'people', childrenAges: 'ages' } as Record<string, SignUpField>)[head];
}

export function signUpMessage(field: SignUpField, issue: Pick<FieldIssue, 'code' | 'maximum'>, values: SignUpValues, locale: Locale): string {
  switch (field) {
    case 'name':
      return issue.code === 'too_big' ? msg(locale, 'error.name.tooLong', { count: issue.maximum ?? 0 }) : msg(locale, 'error.name.required');
    case 'phone':
      return values.phone.trim() ? msg(locale, 'error.phone.invalid') : msg(locale, 'error.phone.required');
    case 'people':
      return msg(locale, 'error.people.required');
    case 'ages':
      return msg(locale, 'error.ages.invalid', { count: CHILD_AGE_MAX });
  }
}

export type SignUpCheck = { ok: true; input: EventRegistrationCreate } | { ok: false; errors: FieldError<SignUpField>[] };

/** Checks a sign-up against the SDK's schema and the event's own rules (party size, children's ages). */
export function checkSignUp(values: SignUpValues, event: EventPublic, locale: Locale): SignUpCheck {
  const errors: FieldError<SignUpField>[] = [];
  const people = Number(values.people);
  let childrenAges: number[] | undefined;
  if (event.asksChildrenAges) {
    childrenAges = parseAges(values.ages);
    if (!values.ages.trim()) errors.push({ field: 'ages', message: msg(locale, 'error.ages.required') });
    else if (!childrenAges || childrenAges.some((age) => age > CHILD_AGE_MAX)) {
      errors.push({ field: 'ages', message: msg(locale, 'error.ages.invalid', { count: CHILD_AGE_MAX }) });
    } else if (childrenAges.length > people) errors.push({ field: 'ages', message: msg(locale, 'error.ages.tooMany') });
  }
  if (!(Number.isInteger(people) && people >= 1 && people <= event.maxPartySize)) {
    errors.push({ field: 'people', message: msg(locale, 'error.people.required') });
  }
  const input: EventRegistrationCreate = {
    name: values.name,
    phone: values.phone,
    people,
    ...(event.asksChildrenAges && childrenAges ? { childrenAges } : {}),
  };
  const result = EventRegistrationCreate.safeParse(input);
  if (!result.success) {
    for (const issue of issuesOf(result.error)) {
      const field = signUpFieldOf(issue.path);
      if (field && field !== 'ages') errors.push({ field, message: signUpMessage(field, issue, values, locale) });
    }
  }
  if (errors.length > 0 || !result.success) return { ok: false, errors: orderErrors(errors, SIGNUP_FIELDS) };
  return { ok: true, input: result.data };
}

// ── look up / cancel ──────────────────────────────────────────────────────────────────────────────────

export const MANAGE_FIELDS = ['manage-code', 'manage-phone'] as const;
export type ManageField = (typeof MANAGE_FIELDS)[number];

export function checkLookup(code: string, phone: string, locale: Locale): { ok: true; code: string } | { ok: false; errors: FieldError<ManageField>[] } {
  const errors: FieldError<ManageField>[] = [];
  const normalized = normalizeConfirmationCode(code, CONFIRMATION_CODE_PREFIXES.eventRegistration);
  if (!code.trim()) errors.push({ field: 'manage-code', message: msg(locale, 'error.code.required') });
  else if (!EventRegistrationCode.safeParse(normalized).success) errors.push({ field: 'manage-code', message: msg(locale, 'error.code.invalid') });
  if (!phone.trim()) errors.push({ field: 'manage-phone', message: msg(locale, 'error.phone.required') });
  else if (!Phone.safeParse(phone).success) errors.push({ field: 'manage-phone', message: msg(locale, 'error.phone.invalid') });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, code: normalized };
}
