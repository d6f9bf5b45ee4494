import { createHash } from 'node:crypto';
import type { Context } from 'hono';

/** Whether an `If-None-Match` header names `etag` (weak comparison, as RFC 9110 asks for this header). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((candidate) => opaque(candidate) === opaque(etag));
}

/**
 * Answers `body` as JSON with a strong ETag — a hash of the exact bytes, so it changes whenever
 * anything in the answer does (a status, a note, the support count, a rating) and never otherwise —
 * or `304 Not Modified` without a body when the caller already has it (`If-None-Match`).
 * `Cache-Control: no-cache` lets a browser keep the answer but makes it ask every time: a polling
 * widget pays a few hundred bytes per unchanged poll. `private` keeps a resident's request out of
 * shared caches.
 */
export function conditionalJson(c: Context, body: unknown, { shared = false } = {}): Response {
  const text = JSON.stringify(body);
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
  const headers = { ETag: etag, 'Cache-Control': shared ? 'no-cache' : 'private, no-cache' };
  if (matchesIfNoneMatch(c.req.header('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  return new Response(text, { status: 200, headers: { 'content-type': 'application/json', ...headers } });
}
