import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { buildOpenApiDocument } from '../openapi.js';

/** The package version, read from package.json next to `src/` and `dist/`. */
function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

/** `GET /openapi.json`, generated once per app from the SDK's schemas. */
export function openApiRoutes(): Hono {
  let document: string | undefined;
  return new Hono().get('/openapi.json', (c) => {
    document ??= JSON.stringify(buildOpenApiDocument(packageVersion()));
    return c.body(document, 200, { 'content-type': 'application/json' });
  });
}
