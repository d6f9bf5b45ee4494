// Builds @doorstep/components:
//  1. dist/**/*.js — one ESM module per source module, production: every `if (DEV)` branch (the console
//     warnings for a page that is wired up wrongly) is gone. lit, @lit/context, @doorstep/sdk and zod stay
//     imports, so apps dedupe them. The .d.ts files come from `tsc -p tsconfig.build.json` afterwards.
//  2. dist/development/**/*.js — the same modules with the warnings, for the `development` export
//     condition (Vite, webpack and @web/dev-server pick it in dev mode).
//  3. dist/doorstep.js + dist/cdn/*.js — the drop-in bundle: doorstep.js is a small autoloader that
//     defines nothing up front and imports a widget's chunk from cdn/ the first time its tag is in the
//     page. Self-contained (no bare imports), minified, production. The tags and their chunks come from
//     src/define/*.ts: a new widget's define module is picked up without editing this file. Each
//     catalogue's zh-TW and en strings are chunks of their own, loaded when a widget shows that language.
//  4. dist/themes/*.css — the design tokens as plain CSS, generated from src/themes/tokens.ts.
// Sizes and budgets: scripts/size-report.mjs (`pnpm size`).
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build as esbuildBuild } from 'esbuild';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { minifyTemplates } from './build/minify-templates.mjs';
import { splitLocales } from './build/split-locales.mjs';
import { tagModules } from './build/tags.mjs';
import { pureSchemasPlugin } from '../../scripts/pure-annotations.mjs';

const { version: VERSION } = JSON.parse(readFileSync('package.json', 'utf8'));
const EXTERNAL = [/^lit($|\/)/, /^@lit\//, /^@doorstep\/sdk($|\/)/, /^zod($|\/)/];

const modules = readdirSync('src', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
  .filter((file) => !file.startsWith('test-support'))
  .map((file) => join('src', file));

const typescript = () => esbuild({ tsconfig: 'tsconfig.json', target: 'es2022', sourceMap: true });

/** Production builds: `DEV` (src/base/dev.ts) becomes `false`, and rollup drops the branches it guards. */
function devFlag(dev) {
  return {
    name: 'doorstep-dev-flag',
    transform(code, id) {
      if (dev || !id.endsWith('/src/base/dev.ts')) return null;
      const replaced = code.replace('export const DEV: boolean = true;', 'export const DEV = false as boolean;');
      if (replaced === code) this.error('src/base/dev.ts no longer declares `export const DEV: boolean = true;`');
      return { code: replaced, map: null };
    },
  };
}

const CDN_ENTRY = '\0doorstep-cdn-entry';
const PRELOADS = '__DOORSTEP_PRELOADS__';

/**
 * Writes into doorstep.js, for each tag, the chunks its module imports (recursively), so the autoloader
 * can fetch them in parallel with the widget's chunk instead of discovering them one level at a time.
 */
function cdnPreloads() {
  return {
    name: 'doorstep-cdn-preloads',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((file) => file.type === 'chunk' && file.isEntry);
      const tags = tagModules();
      const preloads = {};
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isDynamicEntry || !chunk.facadeModuleId) continue;
        const closure = new Set();
        const visit = (name) => {
          for (const imported of bundle[name]?.imports ?? []) {
            if (!closure.has(imported)) {
              closure.add(imported);
              visit(imported);
            }
          }
        };
        visit(chunk.fileName);
        for (const [tag, module] of tags) if (module === chunk.facadeModuleId) preloads[tag] = [...closure].map((file) => `./${file}`).sort();
      }
      const placeholder = JSON.stringify(PRELOADS);
      if (!entry.code.includes(placeholder)) this.error('doorstep.js lost its preload placeholder');
      entry.code = entry.code.replace(placeholder, JSON.stringify(preloads));
    },
  };
}

/** The drop-in entry: the autoloader, started with one dynamic import per tag. */
function cdnEntry() {
  return {
    name: 'doorstep-cdn-entry',
    resolveId: (id) => (id === CDN_ENTRY ? id : null),
    load(id) {
      if (id !== CDN_ENTRY) return null;
      const loaders = [...tagModules()].map(([tag, path]) => `  ${JSON.stringify(tag)}: () => import(${JSON.stringify(path)}),`);
      return [
        `import { startAutoloader } from ${JSON.stringify(resolve('src/autoloader.ts'))};`,
        // PRELOADS is replaced with each tag's chunk dependencies once the chunks exist (cdnPreloads).
        `const autoloader = startAutoloader({\n${loaders.join('\n')}\n}, ${JSON.stringify(VERSION)}, ${JSON.stringify(PRELOADS)}, import.meta.url);`,
        '/** Watch a shadow root your own code creates for Doorstep tags (the document is watched already). */',
        'export const discover = (root) => autoloader.discover(root);',
      ].join('\n');
    },
  };
}

/** Writes the theme stylesheets from the token source (loaded through esbuild, it is TypeScript). */
function themeFiles() {
  return {
    name: 'doorstep-themes',
    async generateBundle() {
      const { outputFiles } = await esbuildBuild({
        entryPoints: ['src/themes/tokens.ts'],
        bundle: true,
        format: 'esm',
        platform: 'neutral',
        write: false,
      });
      const url = `data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`;
      const { THEMES, themeStylesheet } = await import(url);
      for (const name of Object.keys(THEMES)) {
        this.emitFile({ type: 'asset', fileName: `themes/${name}.css`, source: themeStylesheet(name) });
      }
    },
  };
}

/**
 * What (nearly) every widget needs goes into one chunk, `core`, rather than the several rollup would cut
 * it into by which widgets share which module: Lit, zod, ky, the SDK's transport, the widget base class
 * with its locales and themes, the shared card, control, field and column styles, the draft controller, and
 * <ds-provider>. Each file costs a phone a request and a module to compile before the widget can start,
 * which weighs more than the kilobyte or two a page with a lone counter downloads for nothing. The SDK
 * part is reached through `@doorstep/sdk/core`, not the package's main entry: rollup moves a manual
 * chunk's imports into it, and the main entry imports every service's schemas.
 */
const CORE = [
  /\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(?:lit|lit-html|lit-element|@lit\/[^/]+|zod|ky)\//,
  /\/packages\/sdk\/src\/(?:core|transport|errors|http|schemas\/common)\.ts$/,
  /\/packages\/components\/src\/(?:base\/(?:doorstep-element|api-client|context|lang|dev|draft-controller)|shared\/(?:card|card\.styles|control\.styles|field\.styles|columns)|locales\/(?:index|catalog|common\.messages)|themes\/(?:tokens|styles)|define\/(?:define|provider)|provider\/provider(?:\.styles)?|version)\.ts$/,
];
const isCore = (id) => CORE.some((pattern) => pattern.test(id));

/** zod's sources carry comments rollup cannot place and an internal import cycle: known, harmless. */
function onwarn(warning, warn) {
  const inDependency = (warning.id ?? warning.ids?.join() ?? '').includes('node_modules');
  if (inDependency && (warning.code === 'INVALID_ANNOTATION' || warning.code === 'CIRCULAR_DEPENDENCY')) return;
  // locales/types.ts holds only types: its module is empty, as expected.
  if (warning.code === 'EMPTY_BUNDLE') return;
  warn(warning);
}

function cleanDist() {
  return {
    name: 'doorstep-clean',
    buildStart() {
      rmSync('dist', { recursive: true, force: true });
    },
  };
}

/** One ESM module per source module (the npm build), with or without the development warnings. */
const npmBuild = ({ dev, dir, plugins = [] }) => ({
  input: modules,
  onwarn,
  external: (id) => EXTERNAL.some((pattern) => pattern.test(id)),
  plugins: [...plugins, devFlag(dev), typescript()],
  output: {
    dir,
    format: 'esm',
    preserveModules: true,
    preserveModulesRoot: 'src',
    entryFileNames: '[name].js',
    sourcemap: true,
  },
});

export default [
  npmBuild({ dev: false, dir: 'dist', plugins: [cleanDist(), themeFiles()] }),
  npmBuild({ dev: true, dir: 'dist/development' }),
  {
    input: { doorstep: CDN_ENTRY },
    onwarn,
    // Reading a property has no side effect in this code base (no getters that do work when their value
    // is thrown away). Without this, a schema such as `z.array(…).check(z.maxLength(LIST.length))` is
    // kept in every bundle that imports anything from its module.
    treeshake: { propertyReadSideEffects: false },
    plugins: [
      cdnEntry(),
      nodeResolve({ exportConditions: ['doorstep-source'], browser: true, extensions: ['.ts', '.mjs', '.js'] }),
      devFlag(false),
      typescript(),
      pureSchemasPlugin(),
      splitLocales(),
      minifyTemplates(),
      terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
      cdnPreloads(),
    ],
    output: {
      dir: 'dist',
      format: 'esm',
      entryFileNames: '[name].js',
      chunkFileNames: 'cdn/[name]-[hash].js',
      manualChunks: (id) => (isCore(id) ? 'core' : undefined),
      sourcemap: true,
    },
  },
];
