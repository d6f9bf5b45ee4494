import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';

/** The drop-in bundle's chunks (`cdn/request-form-Dmm0zxHH.js`): named by a hash of their bytes. */
const HASHED_CHUNK = /[/\\]cdn[/\\][^/\\]+-[A-Za-z0-9_-]{8}\.js(?:\.map)?(?:\.br|\.gz)?$/;

/**
 * The static folder (the demo portal, or a portal's own files): a file's `.br` or `.gz` sibling when
 * the browser takes that encoding (the demo build writes them), and a cache policy by name — a
 * drop-in chunk is kept for a year; anything else (pages, doorstep.js, themes) is revalidated on every
 * load, so a new release shows at once while the chunks it shares with the last one stay cached.
 */
export function staticFiles(root: string): MiddlewareHandler {
  return serveStatic({
    root,
    precompressed: true,
    onFound: (path, c) => {
      c.header('Cache-Control', HASHED_CHUNK.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
