import { expect, fixture, html } from '@open-wc/testing';
import '../define/index.js';
import { defineCatalog, format, type Catalog } from '../locales/index.js';
import { FakeApi, fakeClient } from '../test-support/fake-api.js';

// These run on the sources, which are the development build: the warnings below are there. The
// production build drops them (packages/components/test/build.test.ts checks dist/).

async function warningsOf(run: () => Promise<unknown> | unknown): Promise<string[]> {
  const warnings: string[] = [];
  const realWarn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    await run();
    await new Promise((resolve) => setTimeout(resolve, 0));
  } finally {
    console.warn = realWarn;
  }
  return warnings;
}

describe('development warnings', () => {
  it('names an unsupported provider locale and what happens instead', async () => {
    const warnings = await warningsOf(() => fixture(html`<ds-provider locale="fr-FR" .client=${fakeClient(new FakeApi())}></ds-provider>`));
    expect(warnings.join('\n')).to.contain('locale="fr-FR"').and.to.contain('zh-CN, zh-TW and en');
  });

  it('names an unsupported page language and the language used instead', async () => {
    const warnings = await warningsOf(() =>
      fixture(html`<div lang="ja"><ds-provider .client=${fakeClient(new FakeApi())}><ds-request-form></ds-request-form></ds-provider></div>`),
    );
    expect(warnings.join('\n')).to.contain('lang="ja"').and.to.contain('<ds-request-form>').and.to.contain('zh-CN');
  });

  it('names a string missing in a language, once', async () => {
    const catalog = defineCatalog({ 'zh-CN': { 'test.only-in-chinese': '只有中文' }, 'zh-TW': { 'test.only-in-chinese': '只有中文' }, en: {} as never });
    const warnings = await warningsOf(() => {
      expect(format(catalog as Catalog<'test.only-in-chinese'>, 'en', 'test.only-in-chinese')).to.equal('只有中文');
      format(catalog as Catalog<'test.only-in-chinese'>, 'en', 'test.only-in-chinese');
    });
    expect(warnings.filter((warning) => warning.includes('test.only-in-chinese'))).to.have.length(1);
    expect(warnings[0]).to.contain('no en text');
  });
});

describe('SDK resources', () => {
  it('every widget in the manifest declares the SDK resources it uses', async () => {
    const manifest = (await (await fetch('/packages/components/custom-elements.json')).json()) as {
      modules: Array<{ declarations?: Array<{ tagName?: string }> }>;
    };
    const tags = manifest.modules.flatMap((module) => (module.declarations ?? []).map((declaration) => declaration.tagName ?? '')).filter(Boolean);
    const undeclared = tags.filter((tag) => {
      const element = document.createElement(tag) as HTMLElement & { resources?: unknown; tagLabel?: unknown };
      // Widgets (DoorstepElement) have a tagLabel; the provider is not one.
      return element.tagLabel !== undefined && (typeof element.resources !== 'object' || element.resources === null);
    });
    expect(tags.length).to.be.greaterThan(2);
    expect(undeclared, 'widgets without `protected override readonly resources = { … }`').to.deep.equal([]);
  });
});
