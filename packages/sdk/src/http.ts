/**
 * The small part of ky the SDK uses, on plain `fetch`: a base URL, default headers, JSON bodies,
 * search params, a timeout per attempt, retries with exponential back-off that honour `Retry-After`,
 * hooks, and errors for non-2xx answers.
 *
 * Why not ky itself: it was 5 KB of the 24 KB (gzip) budget of a widget with everything it needs — a
 * fifth of it, for features (streams, progress, `.extend`, many hook kinds) no widget uses. The API
 * here mirrors ky's names (`prefixUrl`, `searchParams`, `retry.afterStatusCodes`, `HTTPError`…), so the
 * transport reads the same and the SDK's tests pin the behaviour (see test/client.test.ts).
 */

export type SearchParams = URLSearchParams | string | Record<string, string | number | boolean | undefined>;
/** Header values; an `undefined` value leaves the header out. */
export type HeadersOption = HeadersInit | Record<string, string | undefined>;

export interface RetryPolicy {
  /** How many times a failed attempt is repeated (0: never). */
  limit?: number;
  /** Lower-case methods that may be repeated. */
  methods?: string[];
  /** Answers that are worth another attempt. */
  statusCodes?: number[];
  /** Answers whose `Retry-After` says when to try again. */
  afterStatusCodes?: number[];
  /** Longest `Retry-After` honoured (ms); a longer one fails at once. */
  maxRetryAfter?: number;
  /** Upper bound of one back-off delay (ms). */
  backoffLimit?: number;
  /** Whether a timed-out attempt is repeated. */
  retryOnTimeout?: boolean;
}

/** Runs before each attempt: may change the request, or answer it (a `Response`) without the network. */
export type BeforeRequestHook = (request: Request, options: Options) => Request | Response | void | Promise<Request | Response | void>;
/** Runs after each answer: may replace it. */
export type AfterResponseHook = (
  request: Request,
  options: Options,
  response: Response,
) => Response | void | Promise<Response | void>;
/** Runs before a retry (tracing). */
export type BeforeRetryHook = (state: { request: Request; error: unknown; retryCount: number }) => void | Promise<void>;

export interface Hooks {
  beforeRequest?: BeforeRequestHook[];
  afterResponse?: AfterResponseHook[];
  beforeRetry?: BeforeRetryHook[];
}

export interface Options {
  method?: string;
  /** Sent as JSON (and `Content-Type: application/json`). */
  json?: unknown;
  body?: BodyInit | null;
  headers?: HeadersOption;
  searchParams?: SearchParams;
  signal?: AbortSignal;
  /** Per attempt, in ms; `false` for none. */
  timeout?: number | false;
  retry?: number | RetryPolicy;
  /** The base every path is resolved against (a trailing slash lets it keep its own path). */
  prefixUrl?: string;
  fetch?: typeof fetch;
  hooks?: Hooks;
}

/** An answer outside 2xx. */
export class HTTPError extends Error {
  override name = 'HTTPError';
  constructor(
    readonly response: Response,
    readonly request: Request,
  ) {
    super(`Request failed with status code ${response.status} ${response.statusText}`.trim());
  }
}

/** No answer within the timeout. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
  constructor(readonly request: Request) {
    super(`Request timed out: ${request.method} ${request.url}`);
  }
}

/** `http(path)` resolves to the `Response`; `.json()` and `.text()` read its body. */
export type ResponsePromise = Promise<Response> & { json(): Promise<unknown>; text(): Promise<string> };
export type Http = (path: string, init?: Options) => ResponsePromise;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function mergeHeaders(...sources: Array<HeadersOption | undefined>): Headers {
  const headers = new Headers();
  for (const source of sources) {
    const entries = source instanceof Headers || Array.isArray(source) ? new Headers(source) : Object.entries(source ?? {});
    for (const [name, value] of entries) if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

function searchString(params: SearchParams | undefined): string {
  if (params === undefined) return '';
  if (typeof params === 'string' || params instanceof URLSearchParams) return String(new URLSearchParams(params));
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) search.set(name, String(value));
  return String(search);
}

/** Milliseconds a `Retry-After` header asks for (seconds or an HTTP date), or undefined. */
function retryAfterMs(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (!Number.isNaN(seconds)) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** An HTTP client with `defaults` (ky's `ky.create`); each call's options are merged over them. */
export function createHttp(defaults: Options = {}): Http {
  return (path, init = {}) => {
    const options: Options = {
      ...defaults,
      ...init,
      headers: mergeHeaders(defaults.headers, init.headers),
      hooks: {
        beforeRequest: [...(defaults.hooks?.beforeRequest ?? []), ...(init.hooks?.beforeRequest ?? [])],
        afterResponse: [...(defaults.hooks?.afterResponse ?? []), ...(init.hooks?.afterResponse ?? [])],
        beforeRetry: [...(defaults.hooks?.beforeRetry ?? []), ...(init.hooks?.beforeRetry ?? [])],
      },
    };
    const promise = send(path, options) as ResponsePromise;
    promise.json = async () => {
      const response = await promise;
      const text = await response.text();
      return text === '' ? '' : (JSON.parse(text) as unknown);
    };
    promise.text = async () => (await promise).text();
    return promise;
  };
}

async function send(path: string, options: Options): Promise<Response> {
  // Like a browser's fetch, a relative base (`/api/`) is resolved against the page.
  const url = new URL(`${options.prefixUrl ?? ''}${path}`, globalThis.location?.href);
  const search = searchString(options.searchParams);
  if (search) url.search = search;
  const method = (options.method ?? 'get').toUpperCase();
  const headers = mergeHeaders(options.headers);
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  const policy = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
  const limit = policy.limit ?? 2;
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);

  for (let attempt = 0; ; attempt++) {
    const request = new Request(url, { method, headers, body: body ?? null });
    let retryAfter: number | undefined;
    try {
      return await attemptOnce(request, options, fetchFn);
    } catch (error) {
      const retryable = attempt < limit && (policy.methods ?? ['get']).includes(method.toLowerCase());
      if (!retryable) throw error;
      if (error instanceof HTTPError) {
        const status = error.response.status;
        if (!(policy.statusCodes ?? []).includes(status)) throw error;
        if ((policy.afterStatusCodes ?? []).includes(status)) {
          retryAfter = retryAfterMs(error.response);
          if (retryAfter !== undefined && retryAfter > (policy.maxRetryAfter ?? Infinity)) throw error;
        }
      } else if (error instanceof TimeoutError) {
        if (!policy.retryOnTimeout) throw error;
      } else if (!(error instanceof TypeError)) {
        // Aborted by the caller, or a hook's own error: not the network's fault, not worth repeating.
        throw error;
      }
      for (const hook of options.hooks?.beforeRetry ?? []) await hook({ request, error, retryCount: attempt + 1 });
      const backoff = Math.min(0.3 * 2 ** attempt * 1000, policy.backoffLimit ?? Infinity);
      await wait(retryAfter ?? backoff);
      if (options.signal?.aborted) throw options.signal.reason;
    }
  }
}

/** One attempt: hooks around a `fetch` that gives up after the timeout and follows the caller's signal. */
async function attemptOnce(original: Request, options: Options, fetchFn: typeof fetch): Promise<Response> {
  let request = original;
  for (const hook of options.hooks?.beforeRequest ?? []) {
    const result = await hook(request, options);
    if (result instanceof Response) return result;
    if (result instanceof Request) request = result;
  }
  const controller = new AbortController();
  const caller = options.signal;
  const followCaller = () => controller.abort(caller!.reason);
  if (caller?.aborted) throw caller.reason;
  caller?.addEventListener('abort', followCaller, { once: true });
  let timedOut = false;
  const timer =
    options.timeout === false
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, options.timeout ?? 10_000);
  let response: Response;
  try {
    response = await fetchFn(new Request(request, { signal: controller.signal }));
  } catch (error) {
    throw timedOut ? new TimeoutError(request) : error;
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener('abort', followCaller);
  }
  for (const hook of options.hooks?.afterResponse ?? []) {
    const replaced = await hook(request, options, response);
    if (replaced instanceof Response) response = replaced;
  }
  if (!response.ok) throw new HTTPError(response, request);
  return response;
}
