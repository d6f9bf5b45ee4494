import type { MiddlewareHandler } from 'hono';

/**
 * Tracking codes in paths are as good as a key to a request, so the log keeps only the route; the same
 * for Open311 request ids (the codes) and tokens (a client's Idempotency-Key).
 */
export function loggablePath(path: string): string {
  return path
    .replace(/^\/v1\/requests\/[^/]+/, '/v1/requests/:code')
    .replace(/^\/open311\/v2\/(requests|tokens)\/[^/]+\.(json|xml)$/, '/open311/v2/$1/:id.$2');
}

/** One line per request — method, path without query, status, duration — and nothing about the person. */
export function requestLog(write: (line: string) => void = console.info): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const ms = Math.round(performance.now() - started);
    write(`${c.req.method} ${loggablePath(c.req.path)} ${c.res.status} ${ms}ms`);
  };
}
