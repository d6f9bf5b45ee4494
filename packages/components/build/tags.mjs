// Which module defines which tag: the drop-in bundle's autoloader map and the size report read it.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Tag → define module, read from src/define/*.ts: every `define('ds-…', …)` call there. A tag defined
 * in several modules (one widget's module importing another's is the normal way) belongs to the module
 * named after it, else the first.
 */
export function tagModules(defineDir = new URL('../src/define', import.meta.url).pathname) {
  const tags = new Map();
  const files = readdirSync(defineDir)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
    .filter((file) => file !== 'define.ts' && file !== 'index.ts')
    .sort();
  for (const file of files) {
    const source = readFileSync(join(defineDir, file), 'utf8');
    for (const [, tag] of source.matchAll(/\bdefine\(\s*['"](ds-[a-z0-9-]+)['"]/g)) {
      const path = resolve(defineDir, file);
      if (!tags.has(tag) || `ds-${file.replace(/\.ts$/, '')}` === tag) tags.set(tag, path);
    }
  }
  return tags;
}

