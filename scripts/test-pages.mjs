// What the embedding tests (packages/components/test, packages/react/test) share: a small HTTP server
// for test pages, files and a stand-in API on 127.0.0.1, apps bundled with esbuild, and Chromium.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium.mjs';

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.json': 'application/json', '.map': 'application/json' };

/**
 * @typedef {{ method: string | undefined, path: string, headers: import('node:http').IncomingHttpHeaders, body: string }} RecordedRequest
 * @typedef {(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse, info: { url: URL, body: string }) => void} Handler
 * @typedef {string | { dir: string, rewrite?: (code: string) => string } | Handler} Route
 */

/**
 * Serves `routes`: a path → string (a page or script, typed by its extension, `/` is HTML), a path prefix
 * ending in `/` → a folder on disk (with an optional `rewrite(text)` for .js files), and a path prefix →
 * function(request, body) answering itself. Every request is recorded in `requests`.
 * @param {Record<string, Route>} routes
 * @returns {Promise<{ url: string, requests: RecordedRequest[], close: () => Promise<void> }>}
 */
export async function startTestServer(routes) {
  /** @type {RecordedRequest[]} */
  const requests = [];
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    let body = '';
    for await (const chunk of request) body += chunk;
    requests.push({ method: request.method, path: url.pathname, headers: request.headers, body });
    for (const [prefix, route] of Object.entries(routes)) {
      if (typeof route === 'string' && url.pathname === prefix) {
        const type = prefix.endsWith('/') ? TYPES['.html'] : (TYPES[extname(prefix)] ?? TYPES['.html']);
        response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(route);
        return;
      }
      if (typeof route === 'function' && url.pathname.startsWith(prefix)) return route(request, response, { url, body });
      if (typeof route === 'object' && prefix.endsWith('/') && url.pathname.startsWith(prefix)) {
        const file = normalize(join(route.dir, url.pathname.slice(prefix.length)));
        if (!file.startsWith(route.dir) || !existsSync(file) || !statSync(file).isFile()) break;
        let content = readFileSync(file);
        if (route.rewrite && file.endsWith('.js')) content = route.rewrite(content.toString('utf8'));
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(content);
        return;
      }
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * An API that is down for maintenance: every call answers 503 with the API's error body.
 * @type {Handler}
 */
export function unavailableApi(_request, response) {
  response
    .writeHead(503, { 'content-type': 'application/json', 'access-control-allow-origin': '*' })
    .end(JSON.stringify({ error: { code: 'unavailable', message: 'Down for maintenance' } }));
}

/**
 * Bundles an app (TypeScript/TSX) for the browser from the workspace sources, into one ES module.
 * @param {string} entry
 * @param {{ alias?: Record<string, string>, define?: Record<string, string> }} [options]
 * @returns {Promise<string>}
 */
export async function bundleApp(entry, { alias = {}, define = {} } = {}) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    conditions: ['doorstep-source'],
    jsx: 'automatic',
    alias,
    define: { 'process.env.NODE_ENV': '"production"', ...define },
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

/**
 * Chromium with the shared launch flags, or an error that says how to get one.
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchChromium() {
  if (!existsSync(chromiumLaunchOptions.executablePath)) {
    throw new Error(`No Chromium at ${chromiumLaunchOptions.executablePath}; install it or set CHROMIUM_PATH.`);
  }
  return chromium.launch(chromiumLaunchOptions);
}

/**
 * Console messages and uncaught errors of a page, as text, by type.
 * @param {import('playwright-core').Page} page
 */
export function watchConsole(page) {
  /** @type {{ warning: string[], error: string[], uncaught: string[] }} */
  const messages = { warning: [], error: [], uncaught: [] };
  page.on('console', (message) => messages[/** @type {'warning' | 'error'} */ (message.type())]?.push(message.text()));
  page.on('pageerror', (error) => messages.uncaught.push(error.message));
  return messages;
}
