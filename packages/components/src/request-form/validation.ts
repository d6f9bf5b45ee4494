import { ServiceRequestCreate, type FieldIssue } from '@doorstep/sdk';
import { format, type Locale, type MessageParams } from '../locales/index.js';
import { requestFormMessages } from './request-form.messages.js';

const msg = (locale: Locale, key: keyof (typeof requestFormMessages)['zh-CN'], params?: MessageParams) =>
  format(requestFormMessages, locale, key, params);

/** The form's controls, in the order they appear (and errors are listed). */
export const FIELDS = ['category', 'community', 'compound', 'building', 'description', 'name', 'phone'] as const;
export type FieldName = (typeof FIELDS)[number];

/** What the resident has entered; kept as typed, whatever happens to a submission. */
export interface RequestFormValues {
  category: string;
  community: string;
  compound: string;
  building: string;
  description: string;
  name: string;
  phone: string;
}

export const EMPTY_VALUES: RequestFormValues = {
  category: '',
  community: '',
  compound: '',
  building: '',
  description: '',
  name: '',
  phone: '',
};

/** An error to show on a field (and in the summary). */
export interface FieldError {
  field: FieldName;
  message: string;
}

/** Where a payload path's problems are shown. */
const FIELD_OF_PATH: Record<string, FieldName> = {
  categoryId: 'category',
  areaId: 'community',
  description: 'description',
  contactName: 'name',
  contactPhone: 'phone',
};

export function fieldOfPath(path: string): FieldName | undefined {
  return FIELD_OF_PATH[path.split('.')[0] ?? ''];
}

/** The payload for `client.requests.create`: the most precise area chosen, blank contact fields left out. */
export function toCreateInput(values: RequestFormValues): ServiceRequestCreate {
  return {
    categoryId: values.category,
    areaId: values.building || values.compound || values.community,
    description: values.description,
    ...(values.name.trim() ? { contactName: values.name } : {}),
    ...(values.phone.trim() ? { contactPhone: values.phone } : {}),
  };
}

type Issue = Pick<FieldIssue, 'path' | 'code' | 'minimum' | 'maximum'>;

/** A plain-language message for one schema issue (field + zod issue code). */
export function messageForIssue(field: FieldName, issue: Issue, values: RequestFormValues, locale: Locale): string {
  switch (field) {
    case 'category':
      return msg(locale, 'error.category.required');
    case 'community':
    case 'compound':
    case 'building':
      return msg(locale, 'error.area.required');
    case 'description':
      if (issue.code === 'too_small') {
        return values.description.trim() === ''
          ? msg(locale, 'error.description.required')
          : msg(locale, 'error.description.tooShort', { count: issue.minimum ?? 0 });
      }
      if (issue.code === 'too_big') return msg(locale, 'error.description.tooLong', { count: issue.maximum ?? 0 });
      return msg(locale, 'error.description.required');
    case 'name':
      if (issue.code === 'too_big') return msg(locale, 'error.name.tooLong', { count: issue.maximum ?? 0 });
      return msg(locale, 'error.invalid');
    case 'phone':
      return msg(locale, 'error.phone.invalid');
  }
}

/** Keeps the first error per field and orders them as the fields appear. */
export function orderErrors(errors: FieldError[]): FieldError[] {
  const first = new Map<FieldName, FieldError>();
  for (const error of errors) if (!first.has(error.field)) first.set(error.field, error);
  return FIELDS.flatMap((field) => first.get(field) ?? []);
}

/** Maps schema issues (from zod or from the SDK's `ValidationError`) to per-field messages. */
export function issuesToErrors(issues: readonly Issue[], values: RequestFormValues, locale: Locale): FieldError[] {
  return orderErrors(
    issues.flatMap((issue) => {
      const field = fieldOfPath(issue.path);
      return field ? [{ field, message: messageForIssue(field, issue, values, locale) }] : [];
    }),
  );
}

export type ValidationResult =
  | { ok: true; input: ServiceRequestCreate }
  | { ok: false; errors: FieldError[] };

/**
 * Checks the values against the SDK's `ServiceRequestCreate` schema, plus a name and phone when the
 * category does not allow anonymous reports.
 */
export function validate(values: RequestFormValues, locale: Locale, contactRequired: boolean): ValidationResult {
  const result = ServiceRequestCreate.safeParse(toCreateInput(values));
  const errors: FieldError[] = result.success
    ? []
    : issuesToErrors(
        result.error.issues.map((issue) => ({
          path: issue.path.map(String).join('.'),
          code: issue.code,
          ...('minimum' in issue && typeof issue.minimum === 'number' ? { minimum: issue.minimum } : {}),
          ...('maximum' in issue && typeof issue.maximum === 'number' ? { maximum: issue.maximum } : {}),
        })),
        values,
        locale,
      );
  if (contactRequired) {
    if (!values.name.trim()) errors.push({ field: 'name', message: msg(locale, 'error.name.required') });
    if (!values.phone.trim()) errors.push({ field: 'phone', message: msg(locale, 'error.phone.required') });
  }
  if (errors.length > 0 || !result.success) return { ok: false, errors: orderErrors(errors) };
  return { ok: true, input: result.data };
}
