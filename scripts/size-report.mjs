#!/usr/bin/env node
// `pnpm size`: what the drop-in bundle costs a page, from the real build (packages/components/dist, so
// run `pnpm build` first), minified and compressed the way a server sends it: each file gzipped (level 9)
// and brotli-compressed (quality 11) on its own, then added up.
//
//   node scripts/size-report.mjs              the table; exits 1 when a budget is broken
//   node scripts/size-report.mjs --json       the same figures as JSON (scripts/bench.mjs uses it)
//   node scripts/size-report.mjs --why TAG    which source modules make up that widget's bytes
//
// A widget's cost is what a page with only that widget downloads: doorstep.js (the autoloader), the
// widget's chunk from dist/cdn/, and every chunk it imports, recursively (Lit, the SDK, its schemas, its
// strings). The tags and their chunks are read from doorstep.js itself, so new widgets are included
// without editing this file.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const BUDGETS = {
  /** The autoloader alone. */
  autoloader: 3 * 1024,
  /** <ds-request-form> with everything it needs. */
  requestForm: 24 * 1024,
  /** Every widget at once. */
  all: 60 * 1024,
};

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'packages/components/dist');
const entry = join(dist, 'doorstep.js');

const gzip = (buffer) => gzipSync(buffer, { level: 9 }).length;
const brotli = (buffer) => brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const fileSizes = new Map();
function sizeOf(file) {
  let size = fileSizes.get(file);
  if (!size) {
    const buffer = readFileSync(file);
    size = { min: buffer.length, gzip: gzip(buffer), brotli: brotli(buffer) };
    fileSizes.set(file, size);
  }
  return size;
}

/** The relative modules `file` imports statically (`import … from "./x.js"`, `import "./x.js"`). */
function staticImports(file) {
  const code = readFileSync(file, 'utf8');
  const specifiers = [...code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)].map((match) => match[1]);
  return specifiers.map((specifier) => join(dirname(file), specifier));
}

/** `file` and everything it imports statically. */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const imported of staticImports(file)) closure(imported, seen);
  return seen;
}

/** Tag → its chunk, from the autoloader's `"ds-x": () => import("./cdn/x-hash.js")` map. */
function tagChunks() {
  const code = readFileSync(entry, 'utf8');
  const tags = new Map();
  for (const [, tag, specifier] of code.matchAll(/["']?(ds-[a-z0-9-]+)["']?\s*:\s*\(\)\s*=>\s*import\(\s*["']([^"']+)["']\s*\)/g)) {
    tags.set(tag, join(dist, specifier));
  }
  return tags;
}

/** The files a page with only `tag` downloads: doorstep.js, the tag's chunk and every chunk it imports. */
export function widgetFiles(tag, tags = tagChunks()) {
  const chunk = tags.get(tag);
  if (!chunk) throw new Error(`No widget ${tag} in doorstep.js (tags: ${[...tags.keys()].join(', ')})`);
  return closure(chunk, new Set([entry]));
}

function total(files) {
  const sum = { files: files.size, min: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const size = sizeOf(file);
    sum.min += size.min;
    sum.gzip += size.gzip;
    sum.brotli += size.brotli;
  }
  return sum;
}

/** Every figure: the autoloader, each widget with what it needs, all widgets together. */
export function measure() {
  if (!existsSync(entry)) {
    throw new Error(`${relative(process.cwd(), entry)} is missing: run \`pnpm build\` first.`);
  }
  const tags = tagChunks();
  if (tags.size === 0) throw new Error('doorstep.js names no widget chunks: is it the autoloader build?');
  const autoloader = total(new Set([entry]));
  const widgets = [...tags.keys()].map((tag) => ({ tag, ...total(widgetFiles(tag, tags)) }));
  const everything = new Set([entry]);
  for (const chunk of tags.values()) closure(chunk, everything);
  const all = total(everything);
  const requestForm = widgets.find((widget) => widget.tag === 'ds-request-form');
  const budgets = [
    { name: 'autoloader (doorstep.js)', gzip: autoloader.gzip, limit: BUDGETS.autoloader },
    { name: '<ds-request-form> with everything it needs', gzip: requestForm?.gzip ?? Infinity, limit: BUDGETS.requestForm },
    { name: 'every widget together', gzip: all.gzip, limit: BUDGETS.all },
  ].map((budget) => ({ ...budget, ok: budget.gzip <= budget.limit }));
  return { autoloader, widgets, all, budgets };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

export function printTable({ autoloader, widgets, all, budgets }) {
  const rows = [
    ['what a page downloads', 'files', 'minified', 'gzip', 'brotli'],
    ['doorstep.js (autoloader)', autoloader.files, autoloader.min, autoloader.gzip, autoloader.brotli],
    ...widgets.map((widget) => [`<${widget.tag}>`, widget.files, widget.min, widget.gzip, widget.brotli]),
    ['every widget', all.files, all.min, all.gzip, all.brotli],
  ].map(([name, files, ...bytes]) => [name, String(files), ...bytes.map((value) => (typeof value === 'number' ? kb(value) : value))]);
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.info(line(rows[0]));
  for (const row of rows.slice(1)) console.info(line(row));
  console.info('\nbudgets (gzip)');
  for (const budget of budgets) {
    console.info(`  ${budget.ok ? 'ok  ' : 'OVER'}  ${budget.name}: ${kb(budget.gzip)} of ${kb(budget.limit)}`);
  }
}

// ── --why: source modules behind a widget's bytes, from the chunks' source maps ─────────────────────

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes a source map's `mappings` into [line][{ column, source }]. */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  for (const lineText of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of lineText.split(',')) {
      if (!segment) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length > 1) source += values[1];
      segments.push({ column, source: values.length > 1 ? source : -1 });
    }
    lines.push(segments);
  }
  return lines;
}

/** Minified bytes of `file` per source module (by its source map). */
function bytesBySource(file) {
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const code = readFileSync(file, 'utf8').split('\n');
  const bytes = new Map();
  decodeMappings(map.mappings).forEach((segments, line) => {
    const text = code[line] ?? '';
    segments.forEach((segment, index) => {
      const end = segments[index + 1]?.column ?? text.length;
      const name = segment.source >= 0 ? map.sources[segment.source] : '(generated)';
      bytes.set(name, (bytes.get(name) ?? 0) + Buffer.byteLength(text.slice(segment.column, end)));
    });
  });
  return bytes;
}

function group(source) {
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (dependency) return dependency[1];
  return source.replace(/^(\.\.\/)+/, '').replace(/^packages\//, '');
}

function why(tag) {
  const files = widgetFiles(tag);
  const bytes = new Map();
  for (const file of files) {
    for (const [source, count] of bytesBySource(file)) bytes.set(group(source), (bytes.get(group(source)) ?? 0) + count);
  }
  const sum = [...bytes.values()].reduce((a, b) => a + b, 0);
  const { gzip: gzipTotal } = total(files);
  console.info(`${tag}: ${kb(sum)} minified, ${kb(gzipTotal)} gzip in ${files.size} files. Minified bytes by source (gzip share estimated):`);
  for (const [name, count] of [...bytes].sort((a, b) => b[1] - a[1])) {
    console.info(`${kb(count).padStart(9)}  ~${kb((count / sum) * gzipTotal).padStart(8)}  ${name}`);
  }
  // What the chosen stack costs before any Doorstep code: the floor under this widget's budget.
  const libraries = [...bytes].filter(([name]) => !name.startsWith('src/') && !name.startsWith('sdk/') && name !== '(generated)');
  const librariesMin = libraries.reduce((a, [, count]) => a + count, 0);
  console.info(
    `libraries (${libraries.map(([name]) => name).sort().join(', ')}): ${kb(librariesMin)} minified, ~${kb((librariesMin / sum) * gzipTotal)} gzip; Doorstep's own code: ~${kb(((sum - librariesMin) / sum) * gzipTotal)} gzip`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const whyIndex = process.argv.indexOf('--why');
    if (whyIndex > 0) {
      why(process.argv[whyIndex + 1]);
    } else {
      const report = measure();
      if (process.argv.includes('--json')) console.info(JSON.stringify(report, null, 2));
      else printTable(report);
      process.exitCode = report.budgets.every((budget) => budget.ok) ? 0 : 1;
    }
  } catch (error) {
    console.error(`size report: ${error.message}`);
    process.exitCode = 1;
  }
}
