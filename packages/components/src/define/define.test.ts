import { expect } from '@open-wc/testing';
import { DsRequestForm } from '../request-form/request-form.js';
import { VERSION } from '../version.js';
import { define } from './define.js';
import './index.js';

declare global {
  interface HTMLElementTagNameMap {
    // Stands for a tag that code other than Doorstep took first.
    'ds-foreign-widget': HTMLElement;
  }
}

function captureWarnings<T>(run: () => T): { result: T; warnings: string[] } {
  const warnings: string[] = [];
  const realWarn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    return { result: run(), warnings };
  } finally {
    console.warn = realWarn;
  }
}

describe('define()', () => {
  it('registers the tags when a define module is imported', () => {
    expect(customElements.get('ds-request-form')).to.equal(DsRequestForm);
    expect(customElements.get('ds-provider')).to.exist;
  });

  it('does nothing, silently, when the same version defines a tag again', () => {
    const { warnings } = captureWarnings(() => define('ds-request-form', class extends DsRequestForm {}));
    expect(warnings).to.deep.equal([]);
    expect(customElements.get('ds-request-form')).to.equal(DsRequestForm);
  });

  it('never throws and warns with both versions when another version defines a tag', () => {
    const { warnings } = captureWarnings(() => define('ds-request-form', class extends DsRequestForm {}, '9.9.9'));
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain(VERSION).and.to.contain('9.9.9').and.to.contain('<ds-request-form>');
    expect(customElements.get('ds-request-form')).to.equal(DsRequestForm);
  });

  it('warns when a tag was taken by code that is not Doorstep', () => {
    customElements.define('ds-foreign-widget', class extends HTMLElement {});
    const { warnings } = captureWarnings(() => define('ds-foreign-widget', class extends HTMLElement {}));
    expect(warnings[0]).to.contain('other code').and.to.contain(VERSION);
  });

  it('accepts only tags declared in HTMLElementTagNameMap, with their class (checked by the type-check)', () => {
    // A widget whose class file forgot `declare global { interface HTMLElementTagNameMap … }` cannot be
    // registered: its define module fails `pnpm typecheck` just like these lines would without the comments.
    const attempt = () => {
      // @ts-expect-error — 'ds-not-declared' is not in HTMLElementTagNameMap.
      define('ds-not-declared', class extends HTMLElement {});
      // @ts-expect-error — <ds-request-form> must be registered with a DsRequestForm.
      define('ds-request-form', class extends HTMLElement {});
    };
    expect(attempt).to.be.a('function');
  });

  it('matches the package version', async () => {
    const pkg = (await (await fetch('/packages/components/package.json')).json()) as { version: string };
    expect(VERSION).to.equal(pkg.version);
  });
});
