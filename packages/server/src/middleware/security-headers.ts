import type { MiddlewareHandler } from 'hono';

const ALWAYS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'SAMEORIGIN',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Permitted-Cross-Domain-Policies': 'none',
};

/**
 * Headers every response carries. JSON answers additionally forbid any active content and framing
 * and are not cached (they may concern a resident) unless a route says otherwise (ETag answers are
 * `no-cache`: kept, but revalidated every time); static pages keep their own policies.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(ALWAYS)) c.res.headers.set(name, value);
    if (c.res.headers.get('content-type')?.startsWith('application/json')) {
      c.res.headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
      // An answer that set its own policy (a conditional GET's `no-cache`) keeps it.
      if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
    }
  };
}
