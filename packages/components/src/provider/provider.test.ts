import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../define/index.js';
import type { DsProvider } from './provider.js';
import { FakeApi, fakeClient } from '../test-support/fake-api.js';

describe('<ds-provider>', () => {
  const realFetch = window.fetch;
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('creates a client from api-base that sends its locale, and hands it to the widgets', async () => {
    const api = new FakeApi();
    window.fetch = api.fetch as typeof fetch;
    const provider = await fixture<DsProvider>(
      html`<ds-provider api-base="http://doorstep.test" locale="zh-TW"><ds-request-form></ds-request-form></ds-provider>`,
    );
    const form = provider.querySelector('ds-request-form')!;
    await waitUntil(() => form.state === 'ready');
    expect(form.client).to.exist;
    expect(api.received[0]!.headers.get('accept-language')).to.equal('zh-TW');
  });

  it('hands a new client to the widgets when it gets one', async () => {
    const first = new FakeApi();
    const second = new FakeApi();
    const provider = await fixture<DsProvider>(
      html`<ds-provider .client=${fakeClient(first)}><ds-request-form></ds-request-form></ds-provider>`,
    );
    const form = provider.querySelector('ds-request-form')!;
    await waitUntil(() => form.state === 'ready');
    provider.client = fakeClient(second);
    await waitUntil(() => second.received.length === 2, 'the widget did not reload through the new client');
  });

  it('takes no room of its own and passes the elder tokens down', async () => {
    const provider = await fixture<DsProvider>(html`<ds-provider theme="elder"><p>text</p></ds-provider>`);
    expect(getComputedStyle(provider).display).to.equal('contents');
    const paragraph = provider.querySelector('p')!;
    expect(getComputedStyle(paragraph).getPropertyValue('--ds-font-size-body').trim()).to.equal('20px');
    expect(getComputedStyle(paragraph).getPropertyValue('--ds-target-size').trim()).to.equal('60px');
    provider.theme = 'default';
    await provider.updateComplete;
    expect(getComputedStyle(paragraph).getPropertyValue('--ds-target-size').trim()).to.equal('');
  });
});
