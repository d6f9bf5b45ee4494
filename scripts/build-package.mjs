#!/usr/bin/env node
// Builds a Node/bundler package (sdk, server): every src/**/*.ts transpiled one-to-one to dist/*.js
// with esbuild (no bundling: consumers' bundlers tree-shake), then .d.ts files from tsc.
// Run from the package folder: `node ../../scripts/build-package.mjs`.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const cwd = process.cwd();
const sources = readdirSync(join(cwd, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
  .map((file) => join('src', file));

rmSync(join(cwd, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: sources,
  outdir: 'dist',
  outbase: 'src',
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  sourcemap: true,
  logLevel: 'warning',
});
execFileSync(process.execPath, [join(cwd, '../../node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--emitDeclarationOnly', '--outDir', 'dist'], {
  stdio: 'inherit',
});
console.log(`${cwd.split('/').pop()}: built ${sources.length} modules into dist/`);
