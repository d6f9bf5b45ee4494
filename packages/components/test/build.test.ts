/**
 * The npm build (packages/components/dist): production modules without the development warnings, the
 * `development` copies with them, and the export map pointing at files that exist. Needs `pnpm build`.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const pkgDir = join(import.meta.dirname, '..');
const dist = join(pkgDir, 'dist');
const read = (file: string) => readFileSync(join(dist, file), 'utf8');

describe('the npm build', () => {
  it('drops the development warnings from production modules and keeps them in development/', () => {
    assert.ok(existsSync(join(dist, 'base/doorstep-element.js')), 'run `pnpm build` first');
    const warnings = ['no Doorstep API is configured', 'which Doorstep does not speak'];
    for (const warning of warnings) {
      assert.ok(!read('base/doorstep-element.js').includes(warning), `production build still says "${warning}"`);
      assert.ok(read('development/base/doorstep-element.js').includes(warning), `development build lost "${warning}"`);
    }
    assert.ok(!read('locales/catalog.js').includes('warnOnce('), 'production format() still warns');
    assert.ok(read('development/locales/catalog.js').includes('warnOnce('));
  });

  it('has a module, a development copy and types for every export target', () => {
    const { exports } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
    const defines = readdirSync(join(pkgDir, 'src/define')).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
    assert.ok(defines.length > 2);
    for (const file of defines) {
      const name = file.replace(/\.ts$/, '');
      for (const target of [`define/${name}.js`, `development/define/${name}.js`, `define/${name}.d.ts`]) {
        assert.ok(existsSync(join(dist, target)), `dist/${target} is missing`);
      }
    }
    assert.ok(exports['./define/*.js'] && exports['./*.js'] && exports['./doorstep.js']);
  });

  it('lists only define modules and the drop-in bundle as having side effects', () => {
    const { sideEffects } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { sideEffects: string[] };
    for (const pattern of sideEffects) assert.match(pattern, /\/define\/\*\.(js|ts)$|doorstep\.js$|\/cdn\/\*\.js$/);
    // A class module defines nothing when imported: it must not call define() or customElements.define.
    for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.js') || file.startsWith('define/') || file.startsWith('development/') || file.startsWith('cdn/') || file === 'doorstep.js') continue;
      assert.ok(!/customElements\.define\(|\bdefine\(['"]ds-/.test(read(file)), `${file} registers a tag on import`);
    }
  });

  it('leaves the staff operations out of the resident request widgets in the drop-in bundle', async () => {
    const { widgetFiles } = (await import('../../../scripts/size-report.mjs')) as { widgetFiles: (tag: string) => Set<string> };
    for (const tag of ['ds-request-form', 'ds-request-status']) {
      const code = [...widgetFiles(tag)].map((file) => readFileSync(file, 'utf8')).join('\n');
      assert.ok(code.includes('v1/requests'), `<${tag}>'s files do not call the requests API at all`);
      assert.ok(!code.includes('v1/staff/'), `<${tag}>'s files carry staff operations`);
    }
  });
});
