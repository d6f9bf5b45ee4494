/**
 * End to end: the demo portal served by the reference server, a resident filling in <ds-request-form>
 * in headless Chromium, and the stored request read back through the SDK.
 *
 *   pnpm build && pnpm test node
 *
 * Chromium is taken from CHROMIUM_PATH (default /usr/bin/chromium).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { createClient, TrackingCode } from '@doorstep/sdk';
import { startServer } from '@doorstep/server';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';

const demoDist = join(import.meta.dirname, '../dist');

let server: Awaited<ReturnType<typeof startServer>> | undefined;
let browser: Browser | undefined;
let dataDir: string | undefined;

before(async () => {
  if (!existsSync(join(demoDist, 'index.html')) || !existsSync(join(demoDist, 'doorstep.js'))) {
    throw new Error(`The demo is not built (${demoDist} has no index.html / doorstep.js). Run \`pnpm build\` first.`);
  }
  const { executablePath } = chromiumLaunchOptions;
  if (!existsSync(executablePath)) throw new Error(`No Chromium at ${executablePath}; set CHROMIUM_PATH.`);
  dataDir = mkdtempSync(join(tmpdir(), 'doorstep-e2e-'));
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, staticDir: demoDist, logRequests: false });
  browser = await chromium.launch(chromiumLaunchOptions);
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Console errors and uncaught exceptions of a page, as text. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  return errors;
}

test('a resident reports a broken stair light on the demo portal and the request is stored', async () => {
  assert.ok(server && browser);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = collectErrors(page);
  try {
    await page.goto(`${server.url}/?lang=zh-CN&elder=0`);

    // Playwright's role locators pierce the widget's open shadow root.
    const form = page.locator('ds-request-form');
    await assert.doesNotReject(form.locator('[part="form"]').waitFor({ timeout: 15_000 }), 'the form never became ready');
    await form.getByRole('combobox', { name: '问题类型' }).selectOption({ label: '公共照明' });
    await form.getByRole('combobox', { name: '社区', exact: true }).selectOption({ label: '幸福里社区' });
    // Optional fields are named with their marker, e.g. “小区（选填）”.
    await form.getByRole('combobox', { name: /^小区/ }).selectOption({ label: '幸福花园' });
    await form.getByRole('combobox', { name: /^楼栋/ }).selectOption({ label: '2号楼' });
    await form.getByRole('textbox', { name: '问题描述' }).fill('2号楼3单元5楼楼道灯不亮，晚上上下楼看不清');
    await form.getByRole('textbox', { name: '您的称呼' }).fill('王秀兰');
    await form.getByRole('textbox', { name: '联系电话' }).fill('139 1234 5678');
    await form.getByRole('checkbox', { name: '我已阅读并同意上述隐私说明' }).check();

    const submitted = page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          document.addEventListener('ds-submitted', (event) => resolve((event as CustomEvent<{ code: string }>).detail.code), {
            once: true,
          }),
        ),
    );
    await form.getByRole('button', { name: '提交' }).click();

    const codeElement = form.locator('[part="code"]');
    await codeElement.waitFor({ timeout: 15_000 });
    const code = (await codeElement.textContent())?.trim() ?? '';
    assert.match(code, /^DS-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/, `unexpected tracking code "${code}"`);
    assert.ok(TrackingCode.safeParse(code).success);
    assert.equal(await submitted, code, 'ds-submitted carried a different code than the one shown');
    assert.equal(await form.getAttribute('state'), 'success');
    assert.match((await form.getByRole('heading', { level: 3 }).textContent()) ?? '', /已收到/);

    // What was stored, read back as any holder of the code would: contact data masked.
    const client = createClient({ baseUrl: server.url, retry: 0 });
    const stored = await client.requests.get(code.toLowerCase());
    assert.equal(stored.code, code);
    assert.equal(stored.categoryId, 'public-light');
    assert.equal(stored.areaId, 'b-2');
    assert.deepEqual(stored.areaPath, ['幸福区', '和平街道', '幸福里社区', '幸福花园', '2号楼']);
    assert.equal(stored.description, '2号楼3单元5楼楼道灯不亮，晚上上下楼看不清');
    assert.equal(stored.status, 'submitted');
    assert.equal(stored.contactName, '王**');
    assert.equal(stored.contactPhone, '139****5678');

    assert.deepEqual(errors, [], 'the page logged errors');
  } finally {
    await context.close();
  }
});

test('the portal around the widgets follows the language switch: header, navigation, footer and title', async () => {
  assert.ok(server && browser);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  try {
    await page.goto(`${server.url}/status.html?lang=en&elder=0`);
    assert.equal(await page.title(), 'Check on a report · Xingfuli Community Service Centre');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    assert.equal(await nav.getByRole('link', { name: 'Check a report' }).getAttribute('aria-current'), 'page');
    assert.equal(await nav.getByRole('link', { name: 'Elder care' }).getAttribute('lang'), 'en');
    assert.ok(await page.getByRole('button', { name: 'Larger text' }).isVisible());
    assert.match((await page.locator('footer').textContent()) ?? '', /Duty phone:\s*022-8888 6666/);
    // The widget on the page is in English too.
    await page.locator('ds-request-status').getByRole('button', { name: 'Check' }).waitFor({ timeout: 15_000 });

    await page.getByRole('button', { name: '繁體' }).click();
    assert.equal(await page.title(), '查詢處理進度 · 幸福里社區服務站');
    assert.ok(await page.getByRole('navigation', { name: '主導覽' }).getByRole('link', { name: '查詢進度' }).isVisible());
    await page.getByRole('button', { name: '简体' }).click();
    assert.equal(await page.getByRole('link', { name: '跳到主要内容' }).getAttribute('lang'), 'zh-CN');
    assert.ok(await page.getByRole('button', { name: '长辈模式' }).isVisible());

    assert.deepEqual(errors, [], 'the page logged errors');
  } finally {
    await context.close();
  }
});
