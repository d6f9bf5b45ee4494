import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/**
 * CORS from an allow-list: an origin is echoed back only when listed; `*` only when `*` is listed.
 * With an empty list no browser on another origin can read an answer.
 */
export function corsFromAllowList(allowed: readonly string[]): MiddlewareHandler {
  const anyOrigin = allowed.includes('*');
  return cors({
    origin: (origin) => (anyOrigin ? '*' : allowed.includes(origin) ? origin : null),
    allowMethods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Accept-Language', 'Idempotency-Key', 'Authorization', 'If-None-Match'],
    exposeHeaders: ['Idempotent-Replayed', 'Content-Language', 'Retry-After', 'ETag'],
    maxAge: 600,
  });
}
