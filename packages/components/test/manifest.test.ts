/**
 * What the committed custom-elements.json says about attribute types (the manifest step checks that it
 * is current): the values behind type aliases are written out, for the API reference and Storybook's
 * controls, and every attribute has a type.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { STATS_PERIODS } from '../src/stats-board/period.js';
import { THEMES } from '../src/themes/tokens.js';

interface Attribute {
  name: string;
  type?: { text: string };
}
interface Declaration {
  tagName?: string;
  attributes?: Attribute[];
}
const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../custom-elements.json'), 'utf8')) as {
  modules: Array<{ declarations?: Declaration[] }>;
};
const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName);
const typeOf = (tag: string, attribute: string) =>
  elements.find((element) => element.tagName === tag)?.attributes?.find((candidate) => candidate.name === attribute)?.type?.text;
// The checker's order (it sorts a union's members by when it first met each), so compared as sets.
const valuesOf = (text = '') => text.split(' | ').sort();
const literals = (values: readonly string[]) => values.map((value) => `'${value}'`).sort();

describe('the manifest', () => {
  it('writes out the values of an alias, also one built from a list (`(typeof LIST)[number]`)', () => {
    assert.deepEqual(valuesOf(typeOf('ds-stats-board', 'period')), literals(STATS_PERIODS));
    assert.deepEqual(valuesOf(typeOf('ds-hours-log', 'view')), literals(['log', 'history', 'certificate']));
  });

  it('writes out template-literal unions, keeping `undefined` where the attribute may be unset', () => {
    const theme = valuesOf(typeOf('ds-provider', 'theme'));
    for (const name of [...Object.keys(THEMES), 'auto', 'elder dark', 'dark elder']) assert.ok(theme.includes(`'${name}'`), `${name} in ${theme.join(' | ')}`);
    assert.ok(!theme.includes('undefined'));
    assert.match(typeOf('ds-request-form', 'theme') ?? '', /^'default' \| .* \| undefined$/);
  });

  it('keeps other types as written and gives every attribute one', () => {
    assert.equal(typeOf('ds-request-form', 'api-base'), 'string | undefined');
    assert.equal(typeOf('ds-area-picker', 'required'), 'boolean');
    // Initialised from a constant: the analyzer reads no type, the checker does.
    assert.equal(typeOf('ds-request-form', 'photo-max-bytes'), 'number');
    const untyped = elements.flatMap((element) => (element.attributes ?? []).filter((attribute) => !attribute.type).map((attribute) => `${element.tagName} ${attribute.name}`));
    assert.deepEqual(untyped, []);
  });
});
