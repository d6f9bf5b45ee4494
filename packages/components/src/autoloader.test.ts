import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { startAutoloader, type Autoloader } from './autoloader.js';

// Tags of this file only: a loader "defines" its tag when asked, and counts how often it was asked.
let counter = 0;
function fakeWidget() {
  const tag = `ds-autoload-test-${++counter}`;
  const calls = { count: 0 };
  const load = async () => {
    calls.count += 1;
    if (!customElements.get(tag)) customElements.define(tag, class extends HTMLElement {});
  };
  return { tag, calls, load };
}

describe('startAutoloader()', () => {
  const loaders: Autoloader[] = [];
  afterEach(() => loaders.splice(0).forEach((loader) => loader.stop()));
  const start = (...args: Parameters<typeof startAutoloader>) => {
    const loader = startAutoloader(...args);
    loaders.push(loader);
    return loader;
  };

  it('loads a widget already in the page once, and one added later (at any depth) when it appears', async () => {
    const present = fakeWidget();
    const late = fakeWidget();
    await fixture(html`<div><section id="host"></section></div>`);
    document.querySelector('#host')!.append(document.createElement(present.tag), document.createElement(present.tag));
    start({ [present.tag]: present.load, [late.tag]: late.load }, '1.0.0');
    await waitUntil(() => customElements.get(present.tag), 'present tag never loaded');
    expect(present.calls.count).to.equal(1);
    expect(late.calls.count).to.equal(0);

    document.querySelector('#host')!.insertAdjacentHTML('beforeend', `<div><p><${late.tag}></${late.tag}></p></div>`);
    await waitUntil(() => customElements.get(late.tag), 'late tag never loaded');
    expect(late.calls.count).to.equal(1);
  });

  it('sees into a shadow root it is given', async () => {
    const inside = fakeWidget();
    const loader = start({ [inside.tag]: inside.load }, '1.0.0');
    const host = await fixture(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<${inside.tag}></${inside.tag}>`;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(inside.calls.count, 'a shadow root is invisible from the document').to.equal(0);
    loader.discover(root);
    await waitUntil(() => customElements.get(inside.tag));
  });

  it('asks again after a failed load, the next time the tag appears', async () => {
    const flaky = fakeWidget();
    let fail = true;
    const errors: unknown[][] = [];
    const realError = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      start({ [flaky.tag]: () => (fail ? Promise.reject(new TypeError('Failed to fetch')) : flaky.load()) }, '1.0.0');
      const page = await fixture(html`<div></div>`);
      page.innerHTML = `<${flaky.tag}></${flaky.tag}>`;
      await waitUntil(() => errors.length === 1);
      expect(String(errors[0]![0])).to.contain(`<${flaky.tag}>`);
      fail = false;
      page.innerHTML = `<${flaky.tag}></${flaky.tag}>`;
      await waitUntil(() => customElements.get(flaky.tag), 'not asked again');
    } finally {
      console.error = realError;
    }
  });

  it('leaves the tags of a first copy to it: quietly for the same version, with a warning naming both otherwise', async () => {
    const shared = fakeWidget();
    const newer = fakeWidget();
    const second = { count: 0 };
    const warnings: string[] = [];
    const realWarn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      start({ [shared.tag]: shared.load }, '1.0.0');
      const same = start({ [shared.tag]: async () => void (second.count += 1) }, '1.0.0');
      expect(same.tags).to.deep.equal([]);
      expect(warnings).to.deep.equal([]);
      const other = start({ [shared.tag]: async () => void (second.count += 1), [newer.tag]: newer.load }, '2.0.0');
      expect(other.tags).to.deep.equal([newer.tag]);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('1.0.0').and.to.contain('2.0.0').and.to.contain(`<${newer.tag}>`);
      await fixture(html`<div>${document.createElement(shared.tag)}${document.createElement(newer.tag)}</div>`);
      await waitUntil(() => customElements.get(shared.tag) && customElements.get(newer.tag));
      expect(second.count, 'the second copy never loaded the shared tag').to.equal(0);
    } finally {
      console.warn = realWarn;
    }
  });
});
