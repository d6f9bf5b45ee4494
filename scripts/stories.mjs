#!/usr/bin/env node
// `pnpm test stories`: every story of the built Storybook (storybook-static/, from `pnpm build-storybook`)
// opened in headless Chromium, its play function run to the end, as a designer clicking through the
// sidebar would see it: a story passes when Storybook reports it finished without an error.
//
//   node scripts/stories.mjs                  all stories
//   node scripts/stories.mjs request-form     only the stories whose id contains the text
//   DOORSTEP_STORIES_SUMMARY=file.json        also writes { passed, failed } there (scripts/test.mjs)
//
// A story that passes must also show no part the element does not document: every `part` token in each
// Doorstep element's shadow root is in that element's `@csspart` list of custom-elements.json (parts are
// how portals style widgets, so one left out of the docs is an API nobody can find).
//
// Two tabs share the work, one after another story each, in one browser context apiece (the stories in
// a tab share its localStorage and IndexedDB, as they do in a designer's browser).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium.mjs';
import { startTestServer } from './test-pages.mjs';

const root = new URL('..', import.meta.url).pathname;
const staticDir = join(root, 'storybook-static');
const TABS = 2;
const STORY_TIMEOUT_MS = 30_000;

if (!existsSync(join(staticDir, 'index.json'))) {
  console.error('No storybook-static/index.json: run `pnpm build-storybook` first.');
  process.exit(1);
}
const filter = process.argv[2] ?? '';
const index = JSON.parse(readFileSync(join(staticDir, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story' && entry.id.includes(filter));

/** Tag → the parts its manifest entry documents. */
const manifest = JSON.parse(readFileSync(join(root, 'packages/components/custom-elements.json'), 'utf8'));
const documentedParts = Object.fromEntries(
  manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.tagName)
    .map((declaration) => [declaration.tagName, (declaration.cssParts ?? []).map((part) => part.name)]),
);

/** In the story's iframe: `<tag> part` for each part a Doorstep element shows that it does not document. */
function undocumentedParts(documented) {
  const found = new Set();
  const visit = (root) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot && element.localName in documented) {
        for (const child of element.shadowRoot.querySelectorAll('[part]')) {
          for (const part of child.part) if (!documented[element.localName].includes(part)) found.add(`<${element.localName}> ${part}`);
        }
      }
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(document);
  return [...found].sort();
}

/** In the story's iframe: resolves with Storybook's verdict on the story (rendered, play function run). */
function verdict(timeoutMs) {
  return new Promise((resolve) => {
    const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
    const timer = setTimeout(() => resolve(`did not finish within ${timeoutMs / 1000} s`), timeoutMs);
    const settle = (outcome) => {
      clearTimeout(timer);
      resolve(outcome);
    };
    channel.on('storyFinished', ({ status }) => settle(status === 'success' ? 'success' : `finished with status ${status}`));
    channel.on('storyThrewException', (error) => settle(`threw: ${error?.message ?? error}`));
    channel.on('storyErrored', (error) => settle(`errored: ${error?.title ?? ''} ${error?.description ?? ''}`));
    channel.on('playFunctionThrewException', (error) => settle(`play function: ${error?.message ?? error}`));
  });
}

const server = await startTestServer({ '/': { dir: staticDir } });
const browser = await chromium.launch(chromiumLaunchOptions);
const failures = [];
let passed = 0;
try {
  const queue = [...stories];
  await Promise.all(
    Array.from({ length: TABS }, async () => {
      const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
      const page = await context.newPage();
      for (let story = queue.shift(); story; story = queue.shift()) {
        await page.goto(`${server.url}/iframe.html?id=${story.id}&viewMode=story`);
        let outcome = await page.evaluate(verdict, STORY_TIMEOUT_MS);
        if (outcome === 'success') {
          const undocumented = await page.evaluate(undocumentedParts, documentedParts);
          if (undocumented.length) outcome = `shows parts its element does not document (@csspart): ${undocumented.join(', ')}`;
        }
        // Only the first line: an assertion's message goes on with the whole DOM.
        const reason = String(outcome).split('\n')[0];
        if (outcome === 'success') {
          passed++;
          console.info(`  ✓ ${story.title} › ${story.name}`);
        } else {
          failures.push(`${story.id}: ${reason}`);
          console.info(`  ✗ ${story.title} › ${story.name}: ${reason}`);
        }
      }
      await context.close();
    }),
  );
} finally {
  await browser.close();
  await server.close();
}

if (failures.length) console.info(`\nFailed stories:\n${failures.map((failure) => `  ${failure}`).join('\n')}`);
console.info(`\nstories: ${passed} passed, ${failures.length} failed`);
if (process.env.DOORSTEP_STORIES_SUMMARY) writeFileSync(process.env.DOORSTEP_STORIES_SUMMARY, JSON.stringify({ passed, failed: failures.length }));
process.exitCode = failures.length || !stories.length ? 1 : 0;
