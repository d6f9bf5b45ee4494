#!/usr/bin/env node
// `pnpm bench`: the size and speed report, one table. Needs `pnpm build` (it measures the real build of
// the widgets and the demo; the reference server runs from its sources, hence tsx and doorstep-source).
//
//   pnpm bench                             sizes, speed (5 runs each) and Lighthouse
//   pnpm bench --runs 9                    more runs per measurement (the median is reported)
//   pnpm bench --no-lighthouse
//
// Speed, in headless Chromium with the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate), median of
// the runs, each against a plain-Lit form with the same fields (scripts/bench/baseline-form.ts) measured
// in the same run, alternating, so machine noise hits both:
//   - form ready: from navigation start to the request form rendered with its choices loaded (the
//     drop-in doorstep.js on a plain page, its chunks fetched on demand) and a frame painted after it;
//   - 100 forms: the same for a page with 100 forms.
// The API is the reference server's sample data, served as static JSON (taken from a real server at the
// start), so the server's own speed is not part of the figures.
// Lighthouse (the npm package, on the Debian Chromium) audits the demo portal served by the reference
// server — with its default (mobile: a mid-range phone on a slow 4G network, simulated) and its desktop
// preset: performance, accessibility, best practices, and CLS.
//
// Goals (the issue's): speed ratios ≤ 1.2; Lighthouse performance ≥ 0.98, accessibility 1, best practices
// 1, CLS 0; plus the size budgets of scripts/size-report.mjs. Exits 1 when one is missed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions, chromiumPath } from './chromium.mjs';
import { measure, printTable as printSizes } from './size-report.mjs';
import { startTestServer } from './test-pages.mjs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 5;
const WITH_LIGHTHOUSE = !args.includes('--no-lighthouse');
const MANY = 100;
const THROTTLE = 4;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function withServer(run) {
  const { startServer } = await import('@doorstep/server');
  const dataDir = mkdtempSync(join(tmpdir(), 'doorstep-bench-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, staticDir: join(root, 'packages/demo/dist'), logRequests: false });
  try {
    return await run(server);
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The sample data the forms load, read once from a real server. */
async function sampleAnswers(server) {
  const answers = {};
  for (const path of ['/v1/categories', '/v1/areas']) answers[path] = await (await fetch(`${server.url}${path}`)).text();
  return answers;
}

async function baselineBundle() {
  const result = await build({
    entryPoints: [join(root, 'scripts/bench/baseline-form.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

const page = (head, body) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>bench</title>${head}</head><body>${body}</body></html>`;

/** Resolves, in the page, when `count` elements matching `selector` are ready: the time since navigation start. */
const READY_PROBE = (selector, count) => `
  window.__ready = new Promise((resolve) => {
    const check = () => {
      const elements = document.querySelectorAll(${JSON.stringify(selector)});
      const ready = elements.length === ${count} && [...elements].every((element) => element.getAttribute('state') === 'ready' && element.shadowRoot?.querySelector('button[type="submit"], [part~="submit-button"]'));
      // One more frame after the last form rendered: it is on screen and takes input.
      if (ready) requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
`;

async function timePage(browser, url, probe) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await tab.addInitScript(probe);
  await tab.goto(url);
  const ms = await tab.evaluate(() => window.__ready);
  await context.close();
  return ms;
}

async function speed(answers) {
  const forms = (tag, attributes, count) => Array.from({ length: count }, () => `<${tag} ${attributes}></${tag}>`).join('\n');
  const typed = await startTestServer({
    '/api/': (_request, response, { url }) => {
      const body = answers[url.pathname.slice('/api'.length)];
      if (body === undefined) return response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(body);
    },
    '/doorstep/': { dir: join(root, 'packages/components/dist') },
    '/baseline.js': await baselineBundle(),
    '/doorstep-form.html': page('<script type="module" src="/doorstep/doorstep.js"></script>', forms('ds-request-form', 'api-base="/api"', 1)),
    '/baseline-form.html': page('<script type="module" src="/baseline.js"></script>', forms('baseline-form', 'api-base="/api"', 1)),
    '/doorstep-many.html': page(
      '<script type="module" src="/doorstep/doorstep.js"></script>',
      `<ds-provider api-base="/api">${forms('ds-request-form', '', MANY)}</ds-provider>`,
    ),
    '/baseline-many.html': page('<script type="module" src="/baseline.js"></script>', forms('baseline-form', 'api-base="/api"', MANY)),
  });
  const browser = await chromium.launch(chromiumLaunchOptions);
  const results = {};
  try {
    for (const [name, count] of [
      ['form', 1],
      ['many', MANY],
    ]) {
      const doorstep = [];
      const baseline = [];
      for (let run = 0; run < RUNS; run++) {
        doorstep.push(await timePage(browser, `${typed.url}/doorstep-${name}.html`, READY_PROBE('ds-request-form', count)));
        baseline.push(await timePage(browser, `${typed.url}/baseline-${name}.html`, READY_PROBE('baseline-form', count)));
      }
      results[name] = { doorstep: median(doorstep), baseline: median(baseline) };
    }
  } finally {
    await browser.close();
    await typed.close();
  }
  return results;
}

/** Lighthouse's scores for the demo page, on its mobile settings (the default) or its desktop preset. */
async function lighthouseScores(server, formFactor) {
  const { default: lighthouse } = await import('lighthouse');
  const config = formFactor === 'desktop' ? (await import('lighthouse/core/config/desktop-config.js')).default : undefined;
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: chromiumLaunchOptions.args,
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(`${server.url}/`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    }, config);
    const { categories, audits, runtimeError } = result.lhr;
    const failing = Object.values(audits)
      .filter((audit) => audit.score !== null && audit.score < 1 && ['binary', 'numeric'].includes(audit.scoreDisplayMode))
      .map((audit) => `${audit.id} (${audit.score})`);
    // A category Lighthouse could not score (the page failed to load, no paint…) is a 0 with its reason.
    const unscored = Object.values(categories).filter((category) => category.score === null);
    if (runtimeError || unscored.length) {
      const errors = Object.values(audits).filter((audit) => audit.errorMessage).map((audit) => `${audit.id}: ${audit.errorMessage}`);
      failing.unshift(`not scored: ${[runtimeError?.message, ...unscored.map((category) => category.id), ...errors].filter(Boolean).join('; ')}`);
    }
    return {
      performance: categories.performance.score ?? 0,
      accessibility: categories.accessibility.score ?? 0,
      bestPractices: categories['best-practices'].score ?? 0,
      cls: audits['cumulative-layout-shift'].numericValue ?? Number.NaN,
      lcpMs: audits['largest-contentful-paint'].numericValue,
      failing,
    };
  } finally {
    await chrome.kill();
  }
}

function printReport(sizes, speeds, lighthouse) {
  const rows = [['measure', 'value', 'goal', '']];
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  for (const budget of sizes.budgets) rows.push([`size: ${budget.name} (gzip)`, kb(budget.gzip), `≤ ${kb(budget.limit)}`, budget.ok ? 'ok' : 'MISSED']);
  for (const [name, label] of [
    ['form', 'request form ready (ms, 4× CPU)'],
    ['many', `${MANY} request forms ready (ms, 4× CPU)`],
  ]) {
    const { doorstep, baseline } = speeds[name];
    const ratio = doorstep / baseline;
    rows.push([`speed: ${label}`, `${doorstep.toFixed(0)} vs ${baseline.toFixed(0)} plain Lit = ${ratio.toFixed(2)}×`, '≤ 1.20×', ratio <= 1.2 ? 'ok' : 'MISSED']);
  }
  for (const [formFactor, scores] of Object.entries(lighthouse ?? {})) {
    const score = (value, goal) => [value.toFixed(2), `≥ ${goal.toFixed(2)}`, value >= goal ? 'ok' : 'MISSED'];
    rows.push([`lighthouse ${formFactor}: performance (demo page)`, ...score(scores.performance, 0.98)]);
    rows.push([`lighthouse ${formFactor}: accessibility`, ...score(scores.accessibility, 1)]);
    rows.push([`lighthouse ${formFactor}: best practices`, ...score(scores.bestPractices, 1)]);
    rows.push([`lighthouse ${formFactor}: cumulative layout shift`, scores.cls.toFixed(3), '0', scores.cls === 0 ? 'ok' : 'MISSED']);
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) console.info(row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd());
  for (const [formFactor, scores] of Object.entries(lighthouse ?? {})) {
    if (scores.failing.length) console.info(`\nLighthouse ${formFactor} audits below 1: ${scores.failing.join(', ')}`);
  }
  return rows.slice(1).every((row) => row[3] === 'ok');
}

const sizes = measure();
console.info('Sizes of the drop-in build (per widget: what a page with only that widget downloads):\n');
printSizes(sizes);
console.info(`\nSpeed: ${RUNS} runs each, median, CPU slowed ${THROTTLE}×${WITH_LIGHTHOUSE ? '; then Lighthouse on the demo page' : ''}…\n`);
const { speeds, lighthouse } = await withServer(async (server) => ({
  speeds: await speed(await sampleAnswers(server)),
  lighthouse: WITH_LIGHTHOUSE
    ? { mobile: await lighthouseScores(server, 'mobile'), desktop: await lighthouseScores(server, 'desktop') }
    : undefined,
}));
const ok = printReport(sizes, speeds, lighthouse);
process.exitCode = ok ? 0 : 1;
