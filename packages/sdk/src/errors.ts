/** A problem found in data: the field's dotted path, the zod issue code, and limits where they apply. */
export interface FieldIssue {
  path: string;
  code: string;
  message: string;
  minimum?: number;
  maximum?: number;
}

/** Every error the SDK throws is a DoorstepError, so one `instanceof` check catches them all. */
export class DoorstepError extends Error {
  override name = 'DoorstepError';
}

/**
 * Data did not match its schema: either the input you passed (`source: 'request'`, nothing was sent)
 * or what the server answered (`source: 'response'`).
 */
export class ValidationError extends DoorstepError {
  override name = 'ValidationError';
  /** First message per field, keyed by dotted path (`contactPhone`, `areas.0.id`). */
  readonly fields: Record<string, string>;
  constructor(
    readonly source: 'request' | 'response',
    readonly issues: FieldIssue[],
  ) {
    super(
      source === 'request'
        ? `Invalid input: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`
        : `The server's response did not match the expected shape (${issues.length} problem(s))`,
    );
    this.fields = {};
    for (const issue of issues) this.fields[issue.path] ??= issue.message;
  }
}

/** The server answered with an error status and `{ error: { code, message, fields? } }`. */
export class ApiError extends DoorstepError {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The request never got an answer: offline, DNS, connection refused, CORS. */
export class NetworkError extends DoorstepError {
  override name = 'NetworkError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** No answer arrived within `timeoutMs`. */
export class TimeoutError extends DoorstepError {
  override name = 'TimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`No answer from the server within ${timeoutMs} ms`);
  }
}
