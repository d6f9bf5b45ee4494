import { html, nothing, type TemplateResult } from 'lit';
import { ApiError, NetworkError, TimeoutError, ValidationError, type FieldIssue } from '@doorstep/sdk';

/** An error to show on a control (and as a link in the error summary). `field` is the control's id. */
export interface FieldError<F extends string = string> {
  field: F;
  message: string;
}

/** Keeps the first error per field and orders them as the fields appear on the page. */
export function orderErrors<F extends string>(errors: readonly FieldError<F>[], order: readonly F[]): FieldError<F>[] {
  const first = new Map<F, FieldError<F>>();
  for (const error of errors) if (!first.has(error.field)) first.set(error.field, error);
  return order.flatMap((field) => first.get(field) ?? []);
}

/** The issues of a zod `safeParse` failure in the SDK's `FieldIssue` shape (path joined with dots). */
export function issuesOf(error: { issues: readonly { path: readonly PropertyKey[]; code: string; message: string }[] }): FieldIssue[] {
  return error.issues.map((issue) => {
    const limits = issue as { minimum?: unknown; maximum?: unknown };
    return {
      path: issue.path.map(String).join('.'),
      code: issue.code,
      message: issue.message,
      ...(typeof limits.minimum === 'number' ? { minimum: limits.minimum } : {}),
      ...(typeof limits.maximum === 'number' ? { maximum: limits.maximum } : {}),
    };
  });
}

/**
 * The field errors a failed call carries: the SDK's own check of the input (`ValidationError` from the
 * request), or the server's per-field messages (`ApiError.fields`, already in the resident's language).
 * `fieldOf` maps a payload path to the control that shows it; `messageOf` words a local issue.
 */
export function fieldErrorsOf<F extends string>(
  error: unknown,
  fieldOf: (path: string) => F | undefined,
  messageOf: (field: F, issue: FieldIssue) => string,
): FieldError<F>[] {
  if (error instanceof ValidationError && error.source === 'request') {
    return error.issues.flatMap((issue) => {
      const field = fieldOf(issue.path);
      return field ? [{ field, message: messageOf(field, issue) }] : [];
    });
  }
  if (error instanceof ApiError) {
    return Object.entries(error.fields).flatMap(([path, message]) => {
      const field = fieldOf(path);
      return field ? [{ field, message }] : [];
    });
  }
  return [];
}

/** Which plain-language failure message fits an error that is not about a field. */
export type FailureKind = 'network' | 'timeout' | 'rateLimited' | 'rejected' | 'server';

export function failureKindOf(error: unknown): FailureKind {
  if (error instanceof NetworkError) return 'network';
  if (error instanceof TimeoutError) return 'timeout';
  if (error instanceof ApiError) {
    if (error.status === 429) return 'rateLimited';
    if (error.status >= 400 && error.status < 500 && error.message) return 'rejected';
  }
  return 'server';
}

/**
 * The error summary: a focusable alert at the top of a form, a link per problem that moves focus to the
 * control. `heading` is the widget's localized "There is a problem".
 */
export function renderErrorSummary<F extends string>(
  errors: readonly FieldError<F>[],
  heading: string,
  focusField: (field: F) => void,
  idPrefix = '',
): TemplateResult | typeof nothing {
  if (errors.length === 0) return nothing;
  const headingId = `${idPrefix}summary-heading`;
  return html`<div part="error-summary" class="summary" tabindex="-1" role="alert" aria-labelledby=${headingId}>
    <h3 id=${headingId} class="summary-heading">${heading}</h3>
    <ul class="summary-list">
      ${errors.map(
        (error) =>
          html`<li>
            <a
              part="error-link"
              href="#${error.field}"
              @click=${(event: Event) => {
                event.preventDefault();
                focusField(error.field);
              }}
              >${error.message}</a
            >
          </li>`,
      )}
    </ul>
  </div>`;
}

/** An inline error under a label, read before the control's own description. */
export function renderFieldError(id: string, message: string, prefix: string): TemplateResult {
  return html`<p part="field-error" class="field-error" id="${id}-error">
    <span class="visually-hidden">${prefix}</span>${message}
  </p>`;
}

/** Focuses a control (or the first radio of a group) inside `root` and brings it into view. */
export function focusControl(root: ParentNode, id: string): void {
  const target = root.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
  const control =
    target && !target.matches('input, select, textarea, button, [tabindex]')
      ? (target.querySelector<HTMLElement>('input:checked:not(:disabled)') ?? target.querySelector<HTMLElement>('input:not(:disabled), select, textarea, button'))
      : target;
  control?.focus();
  control?.scrollIntoView?.({ block: 'center' });
}
