#!/usr/bin/env node
// Assembles the demo portal into dist/: the page, its stylesheet, and the widget bundle and themes
// exactly as a portal would copy them from @doorstep/components (or load them from a CDN).
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

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

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'themes'), { recursive: true });

for (const file of ['index.html', 'portal.css', 'favicon.svg']) copyFileSync(join(here, file), join(out, file));
copyFileSync(bundle, join(out, 'doorstep.js'));
if (existsSync(`${bundle}.map`)) copyFileSync(`${bundle}.map`, join(out, 'doorstep.js.map'));
const themeFiles = existsSync(themes) ? readdirSync(themes).filter((file) => file.endsWith('.css')) : [];
for (const file of themeFiles) copyFileSync(join(themes, file), join(out, 'themes', file));

console.log(`demo: built dist/ (index.html, portal.css, doorstep.js, ${themeFiles.length} themes)`);
