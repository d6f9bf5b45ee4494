/**
 * The drop-in bundle and npm modules on real pages in headless Chromium: a plain page where a widget's
 * tag is added late, a CMS template, two copies of the bundle (same and different versions), and a Vue 3
 * app. Needs the build (`pnpm build`): the pages load packages/components/dist exactly as a portal would.
 *
 *   pnpm build && node --import tsx --conditions=doorstep-source --test packages/components/test/embedding.test.ts
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { bundleApp, launchChromium, startTestServer, unavailableApi, watchConsole } from '../../../scripts/test-pages.mjs';

const dist = join(import.meta.dirname, '../dist');
const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '../package.json'), 'utf8')) as { version: string };
const OTHER_VERSION = '9.9.9';

const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:";

const page = (body: string, { head = '', lang = 'zh-CN' } = {}) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>test</title>${head}</head><body>${body}</body></html>`;

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

before(async () => {
  if (!existsSync(join(dist, 'doorstep.js')) || !existsSync(join(dist, 'cdn'))) {
    throw new Error(`${dist} has no doorstep.js and cdn/: run \`pnpm build\` first.`);
  }
  const vueApp = await bundleApp(join(import.meta.dirname, 'apps/vue-app.ts'), {
    // The full build: it compiles the template string in the browser, as a CMS-embedded Vue app would.
    alias: { vue: createRequire(import.meta.url).resolve('vue/dist/vue.esm-bundler.js') },
    define: { __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
  });
  server = await startTestServer({
    '/a/': { dir: dist },
    '/b/': { dir: dist },
    // The same files claiming to be another version, as a second, different copy on the page would be.
    '/c/': { dir: dist, rewrite: (code: string) => code.replaceAll(JSON.stringify(version), JSON.stringify(OTHER_VERSION)) },
    '/api/': unavailableApi,
    '/plain.html': page('<main><h1>Plain page</h1></main><script type="module" src="/a/doorstep.js"></script>'),
    '/provider-only.html': page('<ds-provider></ds-provider><script type="module" src="/a/doorstep.js"></script>'),
    // What a CMS template outputs: the address in a meta tag, the tag in an article, the script in the footer.
    '/cms.html': page(
      `<header><h1>幸福里社区</h1></header>
       <article><h2>Report a problem</h2><ds-request-form></ds-request-form></article>
       <script>document.addEventListener('ds-error', (event) => { document.title = 'error:' + event.detail.phase; });</script>
       <footer><script type="module" src="/a/doorstep.js"></script></footer>`,
      { head: '<meta name="doorstep:api-base" content="/api">', lang: 'en' },
    ),
    '/two-copies.html': page('<ds-request-form></ds-request-form><script type="module" src="/a/doorstep.js"></script><script type="module" src="/b/doorstep.js"></script>'),
    '/two-versions.html': page('<ds-request-form></ds-request-form><script type="module" src="/a/doorstep.js"></script><script type="module" src="/c/doorstep.js"></script>'),
    // A portal with a strict Content Security Policy: no eval, no inline script or style, only its own origin.
    '/csp.html': (_request: unknown, response: ServerResponse) => {
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': STRICT_CSP })
        .end(page('<ds-request-form></ds-request-form><script type="module" src="/a/doorstep.js"></script>', { head: '<meta name="doorstep:api-base" content="/empty-api">' }));
    },
    '/favicon.ico': (_request: unknown, response: ServerResponse) => response.writeHead(204).end(),
    '/empty-api/': (_request: unknown, response: ServerResponse, { url }: { url: URL }) => {
      const body = url.pathname.endsWith('/v1/areas') ? { areas: [] } : { categories: [] };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    },
    '/vue.html': page('<div id="app"></div><script type="module" src="/vue-app.js"></script>', { lang: 'en' }),
    '/vue-app.js': vueApp,
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const chunkRequests = (prefix: string) => server.requests.filter((request) => request.path.startsWith(`${prefix}cdn/`)).map((request) => request.path);

async function open(path: string): Promise<{ tab: Page; console: ReturnType<typeof watchConsole> }> {
  const tab = await browser.newPage();
  const console = watchConsole(tab);
  server.requests.length = 0;
  await tab.goto(`${server.url}${path}`);
  return { tab, console };
}

/** Waits until the element is defined and has rendered into its shadow root. */
const upgraded = (tab: Page, selector: string) =>
  tab.waitForFunction((s) => {
    const element = document.querySelector(s);
    return !!element && !!customElements.get(element.localName) && (element.shadowRoot?.childElementCount ?? 0) > 0;
  }, selector);

describe('the drop-in bundle', () => {
  it('defines nothing up front, and loads a widget when its tag is added later', async () => {
    const { tab, console } = await open('/plain.html');
    await tab.waitForLoadState('networkidle');
    assert.deepEqual(chunkRequests('/a/'), [], 'no widget code on a page without widgets');
    assert.equal(await tab.evaluate(() => customElements.get('ds-request-form')), undefined);

    await tab.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<div><ds-request-form></ds-request-form></div>'));
    await upgraded(tab, 'ds-request-form');
    assert.ok(chunkRequests('/a/').some((path) => /\/request-form-[\w-]+\.js$/.test(path)), 'the request form chunk was loaded');
    // Its dependencies were asked for together with it, not one import level at a time.
    const preloads = await tab.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((link) => link.href));
    assert.ok(preloads.length > 0 && preloads.every((href) => href.startsWith(`${server.url}/a/cdn/`)), preloads.join(', '));
    assert.equal(await tab.evaluate(() => document.querySelector('ds-request-form')!.getAttribute('state')), 'unconfigured');
    assert.deepEqual(console.uncaught, []);
    await tab.close();
  });

  it('loads only the code of the widgets on the page', async () => {
    const { tab } = await open('/provider-only.html');
    await tab.waitForFunction(() => !!customElements.get('ds-provider'));
    await tab.waitForLoadState('networkidle');
    const loaded = chunkRequests('/a/');
    // The provider lives in the chunk every widget shares (Lit, the SDK's transport, the base class).
    assert.ok(loaded.some((path) => /\/core-[\w-]+\.js$/.test(path)), `no core chunk: ${loaded.join(', ')}`);
    assert.ok(!loaded.some((path) => /\/request-form-[\w-]+\.js$/.test(path)), `request form code loaded: ${loaded.join(', ')}`);
    await tab.close();
  });

  it('works in a CMS template: api-base from a meta tag, events on the document', async () => {
    const { tab, console } = await open('/cms.html');
    await upgraded(tab, 'ds-request-form');
    await tab.waitForFunction(() => document.title === 'error:load', undefined, { timeout: 15_000 });
    const api = server.requests.filter((request) => request.path.startsWith('/api/v1/'));
    assert.ok(api.length >= 2, 'the widget asked the API named in the meta tag');
    assert.equal(api[0]!.headers['accept-language'], 'en', 'in the language of the page');
    assert.equal(await tab.evaluate(() => document.querySelector('ds-request-form')!.getAttribute('state')), 'load-error');
    // English strings are a chunk of their own, loaded for this page before the widget rendered.
    const heading = await tab.evaluate(() => document.querySelector('ds-request-form')!.shadowRoot!.querySelector('[part~="title"]')?.textContent?.trim());
    assert.equal(heading, 'Report a problem');
    assert.ok(chunkRequests('/a/').some((path) => /request-form\.messages\.en\.locale-[\w-]+\.js$/.test(path)), 'the English strings were loaded');
    assert.ok(!chunkRequests('/a/').some((path) => /zh-TW\.locale/.test(path)), 'no Traditional Chinese strings on an English page');
    assert.deepEqual(console.uncaught, []);
    await tab.close();
  });

  it('works under a strict Content Security Policy (no eval), which it never violates', async () => {
    const tab = await browser.newPage();
    const console = watchConsole(tab);
    await tab.addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { violations: string[] }).violations = violations;
      document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await tab.goto(`${server.url}/csp.html`);
    await tab.waitForFunction(() => document.querySelector('ds-request-form')?.getAttribute('state') === 'ready');
    assert.deepEqual(await tab.evaluate(() => (window as unknown as { violations: string[] }).violations), []);
    assert.deepEqual([...console.error, ...console.uncaught], []);
    await tab.close();
  });

  it('runs two copies of the same version side by side: one loads, the other stays quiet', async () => {
    const { tab, console } = await open('/two-copies.html');
    await upgraded(tab, 'ds-request-form');
    await tab.waitForLoadState('networkidle');
    assert.ok(chunkRequests('/a/').length > 0);
    assert.deepEqual(chunkRequests('/b/'), [], 'the second copy left the tag to the first');
    assert.deepEqual(console.warning.filter((text) => text.includes('@doorstep')), []);
    assert.deepEqual([...console.error, ...console.uncaught], []);
    await tab.close();
  });

  it('warns, naming both versions, when a second copy is another version, and keeps working', async () => {
    const { tab, console } = await open('/two-versions.html');
    await upgraded(tab, 'ds-request-form');
    await tab.waitForLoadState('networkidle');
    const warnings = console.warning.filter((text) => text.includes('@doorstep'));
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.ok(warnings[0]!.includes(version) && warnings[0]!.includes(OTHER_VERSION), warnings[0]);
    assert.deepEqual(chunkRequests('/c/'), []);
    assert.deepEqual(console.uncaught, []);
    await tab.close();
  });
});

describe('a Vue 3 app', () => {
  it('renders a widget with a bound attribute and receives its event', async () => {
    const { tab, console } = await open('/vue.html');
    await upgraded(tab, 'ds-request-form');
    assert.equal(await tab.evaluate(() => document.querySelector('ds-request-form')!.getAttribute('api-base')), '/api');
    await tab.waitForFunction(() => document.querySelector('#phase')?.textContent === 'load', undefined, { timeout: 15_000 });
    assert.deepEqual(console.uncaught, []);
    assert.deepEqual(console.warning.filter((text) => text.includes('Vue warn')), [], 'Vue resolved the tag as a custom element');
    await tab.close();
  });
});
