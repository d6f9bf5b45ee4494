#!/usr/bin/env node
// Assembles the demo portal into dist/: one page per file in pages/ wrapped in layout.html, the
// stylesheet and script, and the widget bundle and themes exactly as a portal would copy them from
// @doorstep/components (or load them from a CDN).
//
// A page is an HTML fragment (what goes inside <main>) that starts with a comment holding its settings:
//   <!-- page {"title": {"zh-CN": "居家养老 · 幸福里社区服务站", "zh-TW": …, "en": …}, "nav": {"zh-CN": "居家养老", …},
//             "order": 30, "description": "…"} -->
// `nav` is the page's label in the main navigation, `order` its place there (index.html is the home page);
// `title` and `nav` come in every language the portal offers (LOCALES), as does each text the page marks
// with data-i18n / data-i18n-label (its <script type="application/json" id="page-text">, the layout's
// #layout-text): a text missing in a language fails the build.
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'dist');
const components = join(here, '../components/dist');
const bundle = join(components, 'doorstep.js');
const themes = join(components, 'themes');

if (!existsSync(bundle)) {
  console.error(
    `demo: ${relative(process.cwd(), bundle)} is missing — build the components first ` +
      '(`pnpm --filter @doorstep/components build`, or `pnpm build` at the repository root).',
  );
  process.exit(1);
}

const LOCALES = ['zh-CN', 'zh-TW', 'en'];

const escapeHtml = (text) => text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]);

function readPage(file) {
  const source = readFileSync(join(here, 'pages', file), 'utf8');
  const match = /^<!--\s*page\s+(\{[\s\S]*?\})\s*-->\n?/.exec(source);
  if (!match) throw new Error(`demo: pages/${file} must start with <!-- page {"title": …, "nav": …, "order": …} -->`);
  const settings = JSON.parse(match[1]);
  for (const key of ['title', 'nav', 'order']) {
    if (settings[key] === undefined) throw new Error(`demo: pages/${file} has no "${key}" in its page comment`);
  }
  return { file, key: file.replace(/\.html$/, ''), ...settings, content: source.slice(match[0].length) };
}

const TEXT_SCRIPT = (id) => new RegExp(`(<script type="application/json" id="${id}">)([\\s\\S]*?)(</script>)`);


/** Fails when an element of `html` names a text that `texts` (the layout's and the page's) lacks in a language. */
function checkTexts(file, html, texts) {
  for (const [, key] of html.matchAll(/data-i18n(?:-label)?="([^"]+)"/g)) {
    const missing = LOCALES.filter((locale) => typeof texts[key]?.[locale] !== 'string');
    if (missing.length) throw new Error(`demo: ${file} marks "${key}" for translation, but it has no ${missing.join(', ')} text`);
  }
}

const pages = readdirSync(join(here, 'pages'))
  .filter((file) => file.endsWith('.html'))
  .map(readPage)
  .sort((a, b) => a.order - b.order);
const layout = readFileSync(join(here, 'layout.html'), 'utf8');
// The layout's texts plus the navigation's; each page adds its own title (its #layout-text as built).
const sharedTexts = {
  ...JSON.parse(TEXT_SCRIPT('layout-text').exec(layout)[2]),
  ...Object.fromEntries(pages.map((page) => [`nav.${page.key}`, page.nav])),
};
const indent = (text, spaces) => text.replace(/^(?=.)/gm, ' '.repeat(spaces)).trimEnd();

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'themes'), { recursive: true });

for (const page of pages) {
  const nav = pages
    .map((other) => {
      const href = other.file === 'index.html' ? './' : `./${other.file}`;
      const current = other === page ? ' aria-current="page"' : '';
      return `<li><a href="${href}"${current} data-i18n="nav.${other.key}">${escapeHtml(other.nav['zh-CN'])}</a></li>`;
    })
    .join('\n');
  const texts = { ...sharedTexts, 'document.title': page.title };
  const html = layout
    .replace('{{title}}', () => escapeHtml(page.title['zh-CN']))
    .replace('{{description}}', () => escapeHtml(page.description ?? page.title['zh-CN']))
    .replace('{{nav}}', () => indent(nav, 10))
    .replace('{{content}}', () => indent(page.content, 6))
    .replace(TEXT_SCRIPT('layout-text'), (_, open, _json, close) => `${open}\n${indent(JSON.stringify(texts, null, 2), 6)}\n    ${close}`);
  const pageText = TEXT_SCRIPT('page-text').exec(page.content);
  // As portal.js reads them: the page's texts over the layout's.
  checkTexts(`pages/${page.file}`, html, { ...texts, ...(pageText ? JSON.parse(pageText[2]) : {}) });
  writeFileSync(join(out, page.file), html);
}

for (const file of ['portal.css', 'portal.js', 'favicon.svg']) copyFileSync(join(here, file), join(out, file));
// The drop-in bundle may be split into an entry plus lazily loaded chunks: copy everything next to it.
for (const entry of readdirSync(components)) {
  if (entry === 'doorstep.js' || entry === 'doorstep.js.map' || entry === 'cdn') {
    cpSync(join(components, entry), join(out, entry), { recursive: true });
  }
}
const themeFiles = existsSync(themes) ? readdirSync(themes).filter((file) => file.endsWith('.css')) : [];
for (const file of themeFiles) copyFileSync(join(themes, file), join(out, 'themes', file));

// Each text file also compressed, once, at the best settings: the server sends the `.br` or `.gz`
// sibling to a browser that takes it (serveStatic's `precompressed`), as nginx's gzip_static would.
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json']);
let compressed = 0;
for (const file of readdirSync(out, { recursive: true, encoding: 'utf8' })) {
  if (!COMPRESSIBLE.has(extname(file))) continue;
  const bytes = readFileSync(join(out, file));
  writeFileSync(join(out, `${file}.br`), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(join(out, `${file}.gz`), gzipSync(bytes, { level: 9 }));
  compressed++;
}

console.log(`demo: built dist/ (${pages.map((page) => page.file).join(', ')}; doorstep.js; ${themeFiles.length} themes; ${compressed} files also as .br and .gz)`);
