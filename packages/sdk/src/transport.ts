import { createHttp, HTTPError, TimeoutError as KyTimeoutError, type Hooks, type Http, type Options } from './http.js';
import type * as z from 'zod/mini';
import { ApiErrorBody } from './schemas/common.js';
import { ApiError, NetworkError, TimeoutError, ValidationError, type FieldIssue } from './errors.js';

export interface RetryOptions {
  /** How many times a failed request is tried again (default 2). 0 turns retries off. */
  limit?: number;
  /** Upper bound of one back-off delay in ms (default 5000). */
  backoffLimit?: number;
  /** Longest `Retry-After` honoured, in ms (default 60000); longer waits fail at once. */
  maxRetryAfter?: number;
}

export interface ClientOptions {
  /** Where the API lives, e.g. `https://portal.example.cn/api` (the `/v1` paths are appended). */
  baseUrl: string;
  /** A `fetch` to use instead of the global one (tests, proxies, Node without global fetch). */
  fetch?: typeof fetch;
  /** Bearer token for staff endpoints, or a function that returns the current one. */
  token?: string | (() => string | undefined | Promise<string | undefined>);
  /** Per-attempt timeout in ms (default 15000). */
  timeoutMs?: number;
  /** Retries for network errors, 5xx and 429 (default 2), or finer settings. */
  retry?: number | RetryOptions;
  /** Sent as `Accept-Language`, so server messages come back in the resident's language. */
  locale?: string;
  /** Hooks around each attempt (`beforeRequest`, `afterResponse`, `beforeRetry`), for tracing or extra headers. */
  hooks?: Hooks;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface CreateOptions extends CallOptions {
  /**
   * The key that makes a create safe to retry: the server answers a repeated key with the first result.
   * Pass the same key when you resend the same submission later (an outbox); by default a new one is made per call.
   */
  idempotencyKey?: string;
}

const SAFE_METHODS = ['get', 'head', 'options', 'put', 'delete'];

/** A random UUID v4; `crypto.randomUUID` is missing on plain-HTTP pages, `getRandomValues` is not. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function toFieldIssues(error: z.core.$ZodError): FieldIssue[] {
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

/** Parses `data` with `schema`, or throws a {@link ValidationError} naming what was wrong and where. */
export function check<S extends z.ZodMiniType>(schema: S, data: unknown, source: 'request' | 'response'): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new ValidationError(source, toFieldIssues(result.error));
  return result.data;
}

async function toDoorstepError(error: unknown, timeoutMs: number): Promise<unknown> {
  if (error instanceof HTTPError) {
    let body: unknown;
    try {
      body = await error.response.json();
    } catch {
      body = undefined;
    }
    const parsed = ApiErrorBody.safeParse(body);
    const status = error.response.status;
    return parsed.success
      ? new ApiError(status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.fields)
      : new ApiError(status, status >= 500 ? 'internal' : 'unknown', `HTTP ${status} ${error.response.statusText}`);
  }
  if (error instanceof KyTimeoutError) return new TimeoutError(timeoutMs);
  if (error instanceof DOMException && error.name === 'AbortError') return error;
  if (error instanceof TypeError) return new NetworkError(error.message || 'Network request failed', { cause: error });
  return error;
}

/**
 * The HTTP layer every resource shares: ky with Doorstep's retry policy, the bearer token and
 * `Accept-Language`, answers checked against their schema, failures turned into {@link DoorstepError}s.
 */
export function createTransport(options: ClientOptions) {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const retry: RetryOptions = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
  const retryPolicy = {
    limit: retry.limit ?? 2,
    methods: SAFE_METHODS,
    statusCodes: [408, 429, 500, 502, 503, 504],
    afterStatusCodes: [429, 503],
    maxRetryAfter: retry.maxRetryAfter ?? 60_000,
    backoffLimit: retry.backoffLimit ?? 5_000,
    retryOnTimeout: true,
  };
  const { token, locale } = options;
  const http: Http = createHttp({
    // A trailing slash lets ky join paths; `baseUrl: '/'` means this origin.
    prefixUrl: `${options.baseUrl.replace(/\/+$/, '')}/`,
    timeout: timeoutMs,
    retry: retryPolicy,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    headers: { accept: 'application/json', ...(locale ? { 'accept-language': locale } : {}) },
    hooks: {
      ...options.hooks,
      beforeRequest: [
        async (request) => {
          const bearer = typeof token === 'function' ? await token() : token;
          if (bearer) request.headers.set('authorization', `Bearer ${bearer}`);
        },
        ...(options.hooks?.beforeRequest ?? []),
      ],
    },
  });

  // Identical reads in flight at the same time share one request (a page with a report form and an
  // area picker, or a hundred forms, asks for the area tree once). Answers are shared: treat them as read-only.
  const reads = new Map<string, Promise<unknown>>();

  /**
   * Sends a request and returns its JSON body, checked against `schema`. A plain GET (no body, headers
   * or options of its own) joins an identical one already in flight; each caller's `signal` still
   * aborts that caller's wait.
   */
  function call<S extends z.ZodMiniType>(schema: S, path: string, init: Options = {}): Promise<z.output<S>> {
    const { signal, ...rest } = init;
    const plainRead = Object.keys(rest).every((key) => key === 'searchParams') && (init.method ?? 'get').toLowerCase() === 'get';
    if (!plainRead) return send(schema, path, init);
    const key = `${path}?${new URLSearchParams(rest.searchParams as Record<string, string> | undefined)}`;
    let shared = reads.get(key) as Promise<z.output<S>> | undefined;
    if (!shared) {
      shared = send(schema, path, rest);
      reads.set(key, shared);
      const forget = () => reads.delete(key);
      shared.then(forget, forget);
    }
    if (!signal) return shared;
    return new Promise((resolve, reject) => {
      const abort = () => reject(signal.reason);
      if (signal.aborted) return abort();
      signal.addEventListener('abort', abort, { once: true });
      shared.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
    });
  }

  async function send<S extends z.ZodMiniType>(schema: S, path: string, init: Options): Promise<z.output<S>> {
    let body: unknown;
    try {
      body = await http(path, init).json();
    } catch (error) {
      throw await toDoorstepError(error, timeoutMs);
    }
    return check(schema, body, 'response');
  }

  /** A create is safe to retry because the server deduplicates on its Idempotency-Key. */
  function createInit(json: unknown, opts: CreateOptions): Options {
    return {
      method: 'post',
      json,
      headers: { 'idempotency-key': opts.idempotencyKey ?? newIdempotencyKey() },
      retry: { ...retryPolicy, methods: [...SAFE_METHODS, 'post'] },
      ...(opts.signal ? { signal: opts.signal } : {}),
    };
  }

  // The last answer and ETag per URL, for callCached. Bounded: the oldest entry goes first.
  const cache = new Map<string, { etag: string; value: unknown }>();
  const CACHE_ENTRIES = 64;

  /**
   * Like {@link call} for a GET that a widget repeats to stay current (polling): sends the last answer's
   * `ETag` as `If-None-Match`, and on `304 Not Modified` returns the **same object** as last time, so a
   * caller can tell "unchanged" by identity (`next === previous`) without comparing contents.
   */
  async function callCached<S extends z.ZodMiniType>(schema: S, path: string, init: Options = {}): Promise<z.output<S>> {
    const key = `${path}?${new URLSearchParams(init.searchParams as Record<string, string> | undefined)}`;
    const previous = cache.get(key);
    let response: Response;
    try {
      response = await http(path, {
        ...init,
        headers: { ...(init.headers as Record<string, string> | undefined), ...(previous ? { 'if-none-match': previous.etag } : {}) },
      });
    } catch (error) {
      if (previous && error instanceof HTTPError && error.response.status === 304) return previous.value as z.output<S>;
      throw await toDoorstepError(error, timeoutMs);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw await toDoorstepError(error, timeoutMs);
    }
    const value = check(schema, body, 'response');
    const etag = response.headers.get('etag');
    cache.delete(key);
    if (etag) {
      cache.set(key, { etag, value });
      if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
    }
    return value;
  }

  /** Sends a request and returns its body as text (CSV, iCalendar), for answers that are not JSON. */
  async function text(path: string, init: Options = {}): Promise<string> {
    try {
      return await http(path, init).text();
    } catch (error) {
      throw await toDoorstepError(error, timeoutMs);
    }
  }

  return { call, callCached, text, createInit, http };
}

/** What a resource module gets from {@link createTransport}. */
export type Transport = ReturnType<typeof createTransport>;

/** `{ signal }` for ky, when the caller gave one. */
export function signalOf(opts: CallOptions): Options {
  return opts.signal ? { signal: opts.signal } : {};
}
