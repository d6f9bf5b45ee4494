/**
 * A React 19 app (react-dom/client) rendering Doorstep widgets in headless Chromium — through the
 * generated wrapper and as a plain tag — and receiving their typed events.
 *
 *   node --import tsx --conditions=doorstep-source --test packages/react/test/react.test.ts
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { bundleApp, launchChromium, startTestServer, unavailableApi, watchConsole } from '../../../scripts/test-pages.mjs';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

before(async () => {
  const app = await bundleApp(join(import.meta.dirname, 'app.tsx'));
  server = await startTestServer({
    '/': '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>React</title></head><body><div id="root"></div><script type="module" src="/app.js"></script></body></html>',
    '/app.js': app,
    '/api/': unavailableApi,
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('a React 19 app', () => {
  it('renders the widgets, passes props as properties, and gets their typed events', async () => {
    const page = await browser.newPage();
    const console = watchConsole(page);
    await page.goto(server.url);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('ds-request-form')].every((form) => (form.shadowRoot?.childElementCount ?? 0) > 0),
    );
    const wrapped = await page.evaluate(() => {
      const form = document.querySelector('#wrapped') as HTMLElementTagNameMap['ds-request-form'];
      return { apiBase: form.apiBase, theme: form.theme, lang: form.getAttribute('lang') };
    });
    assert.deepEqual(wrapped, { apiBase: '/api', theme: 'elder', lang: 'en' });
    // The API answers 503: after its retries each form reports the failed load through its event.
    await page.waitForFunction(() => document.querySelector('#wrapped-result')?.textContent === 'load:503', undefined, { timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('#direct-result')?.textContent === 'load', undefined, { timeout: 15_000 });
    const languages = new Set(server.requests.filter((request) => request.path.startsWith('/api/')).map((request) => request.headers['accept-language']));
    assert.deepEqual([...languages].sort(), ['en', 'zh-TW']);
    assert.deepEqual(console.uncaught, []);
    await page.close();
  });
});
