/**
 * What the committed custom-elements.json says about attribute and event types (the manifest step checks
 * that it is current): the values behind type aliases are written out, for the API reference and
 * Storybook's controls, every attribute has a type, and every event its `detail`'s. Also: the widget
 * guides list the parts the manifest documents, and how the manifest step finds the events a widget emits.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { emittedEvents } from '../../../scripts/manifest.mjs';
import { STATS_PERIODS } from '../src/stats-board/period.js';
import { THEMES } from '../src/themes/tokens.js';

interface Attribute {
  name: string;
  type?: { text: string };
}
interface Declaration {
  tagName?: string;
  attributes?: Attribute[];
  events?: Attribute[];
  cssParts?: Attribute[];
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

  it('types each ds- event as GlobalEventHandlersEventMap does', () => {
    const eventType = (tag: string, event: string) => elements.find((element) => element.tagName === tag)?.events?.find((candidate) => candidate.name === event)?.type?.text;
    assert.equal(eventType('ds-request-form', 'ds-submitted'), 'CustomEvent<ServiceRequestPublic>');
    assert.equal(eventType('ds-stats-board', 'ds-error'), 'CustomEvent<DsErrorDetail>');
    const untyped = elements.flatMap((element) => (element.events ?? []).filter((event) => !event.type).map((event) => `${element.tagName} ${event.name}`));
    assert.deepEqual(untyped, []);
  });
});

describe("the widget guides' lists of parts (docs/components/*.md)", () => {
  const docs = join(import.meta.dirname, '../../../docs/components');
  /** The part names in a guide: the paragraph after `## CSS parts`, or the `Parts:` line (or list item). */
  const listedParts = (text: string) => {
    const list = /^## CSS parts\n\n([\s\S]*?)\n\n/m.exec(text)?.[1] ?? /^(?:- )?Parts: ([\s\S]*?)(?=\n\n|\n- )/m.exec(text)?.[1] ?? '';
    return [...list.matchAll(/`([a-z][a-z-]*)`/g)].map((match) => match[1]!).sort();
  };

  for (const element of elements.filter((candidate) => existsSync(join(docs, `${candidate.tagName!.slice(3)}.md`)))) {
    it(`<${element.tagName}>: the same as the manifest's`, () => {
      const listed = listedParts(readFileSync(join(docs, `${element.tagName!.slice(3)}.md`), 'utf8'));
      assert.deepEqual(listed, (element.cssParts ?? []).map((part) => part.name).sort());
    });
  }
});

describe('the events a widget sends, as the manifest step reads them', () => {
  const classOf = (body: string) => {
    const source = ts.createSourceFile('widget.ts', `class Widget { send(a: boolean, type: string) { ${body} } }`, ts.ScriptTarget.ES2022, true);
    return source.statements[0] as ts.ClassDeclaration;
  };

  it("are the names in each this.emit(…), both sides of a choice, and nothing else's", () => {
    const sent = emittedEvents(classOf(`this.emit('ds-a', 1); this.emit(a ? 'ds-b' : ('ds-c'), 2); other.emit('ds-x', 3); this.dispatch('ds-y');`));
    assert.deepEqual([...sent].sort(), ['ds-a', 'ds-b', 'ds-c']);
  });

  it('cannot be told from a variable, and say so', () => {
    assert.throws(() => emittedEvents(classOf('this.emit(type, 1);')), /cannot tell which event `this\.emit\(type, …\)` sends/);
  });
});
