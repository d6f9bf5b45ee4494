import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../define/index.js';
import type { DsRequestForm } from '../request-form/request-form.js';
import { FakeApi, fakeClient } from '../test-support/fake-api.js';

const heading = (form: DsRequestForm) =>
  form.shadowRoot!.querySelector('[part="title"]')!.textContent!.replace(/\s+/g, ' ').trim();

async function ready(form: DsRequestForm) {
  await waitUntil(() => form.state === 'ready', `form is ${form.state}`);
  await form.updateComplete;
}

describe('DoorstepElement: locale', () => {
  let htmlLang: string | null;
  beforeEach(() => {
    htmlLang = document.documentElement.getAttribute('lang');
    document.documentElement.removeAttribute('lang');
  });
  afterEach(() => {
    if (htmlLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', htmlLang);
  });

  it('defaults to zh-CN', async () => {
    const client = fakeClient(new FakeApi());
    const provider = await fixture(html`<ds-provider .client=${client}><ds-request-form></ds-request-form></ds-provider>`);
    const form = provider.querySelector('ds-request-form')!;
    await ready(form);
    expect(form.locale).to.equal('zh-CN');
    expect(heading(form)).to.equal('反映问题');
  });

  it('takes the provider’s locale over the page’s lang', async () => {
    document.documentElement.setAttribute('lang', 'zh-CN');
    const client = fakeClient(new FakeApi());
    const provider = await fixture(
      html`<ds-provider locale="en-GB" .client=${client}><ds-request-form></ds-request-form></ds-provider>`,
    );
    const form = provider.querySelector('ds-request-form')!;
    await ready(form);
    expect(form.locale).to.equal('en');
    expect(heading(form)).to.equal('Report a problem');
    expect(form.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('en');
  });

  it('follows the closest lang, and its changes', async () => {
    const client = fakeClient(new FakeApi());
    const wrapper = await fixture(
      html`<div lang="zh-Hant"><ds-provider .client=${client}><ds-request-form></ds-request-form></ds-provider></div>`,
    );
    const form = wrapper.querySelector('ds-request-form')!;
    await ready(form);
    expect(form.locale).to.equal('zh-TW');
    expect(heading(form)).to.equal('反映問題');
    wrapper.setAttribute('lang', 'en-US');
    await waitUntil(() => heading(form) === 'Report a problem', 'lang change not followed');
    document.documentElement.setAttribute('lang', 'en');
    wrapper.removeAttribute('lang');
    await waitUntil(() => form.locale === 'en');
    document.documentElement.setAttribute('lang', 'zh');
    await waitUntil(() => heading(form) === '反映问题', 'html lang change not followed');
  });

  it('finds lang through shadow roots', async () => {
    const host = await fixture(html`<div lang="en"></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<section><ds-provider><ds-request-form></ds-request-form></ds-provider></section>';
    const provider = shadow.querySelector('ds-provider')!;
    provider.client = fakeClient(new FakeApi());
    const form = shadow.querySelector('ds-request-form')!;
    await ready(form);
    expect(form.locale).to.equal('en');
  });

  it('speaks two languages on one page', async () => {
    const api = new FakeApi();
    const page = await fixture(html`<div>
      <ds-provider .client=${fakeClient(api)} locale="en"><ds-request-form id="a"></ds-request-form></ds-provider>
      <div lang="zh-TW">
        <ds-provider .client=${fakeClient(api)}><ds-request-form id="b"></ds-request-form></ds-provider>
      </div>
    </div>`);
    const [english, traditional] = [page.querySelector<DsRequestForm>('#a')!, page.querySelector<DsRequestForm>('#b')!];
    await Promise.all([ready(english), ready(traditional)]);
    expect(heading(english)).to.equal('Report a problem');
    expect(heading(traditional)).to.equal('反映問題');
    const option = (form: DsRequestForm) => form.shadowRoot!.querySelector('#category option[value="door-lock"]')!.textContent!.trim();
    expect(option(english)).to.equal('Door locks');
    expect(option(traditional)).to.equal('門禁門鎖');
  });
});

describe('DoorstepElement: client', () => {
  const realFetch = window.fetch;
  afterEach(() => {
    window.fetch = realFetch;
    document.head.querySelectorAll('meta[name="doorstep:api-base"]').forEach((meta) => meta.remove());
  });

  it('works without a provider, from its own api-base', async () => {
    const api = new FakeApi();
    window.fetch = api.fetch as typeof fetch;
    const form = await fixture<DsRequestForm>(html`<ds-request-form api-base="http://doorstep.test/"></ds-request-form>`);
    await ready(form);
    expect(api.received.map((request) => request.path).sort()).to.deep.equal(['/v1/areas', '/v1/categories']);
    expect(api.received[0]!.headers.get('accept-language')).to.equal('zh-CN');
  });

  it('shares one client among widgets configured alike: two forms ask for each list once', async () => {
    const api = new FakeApi();
    window.fetch = api.fetch as typeof fetch;
    const forms = await fixture<HTMLElement>(
      html`<div><ds-request-form api-base="http://shared.test"></ds-request-form><ds-request-form api-base="http://shared.test"></ds-request-form></div>`,
    );
    await Promise.all([...forms.querySelectorAll('ds-request-form')].map(ready));
    expect(api.received.map((request) => request.path).sort()).to.deep.equal(['/v1/areas', '/v1/categories']);
  });

  it('falls back to <meta name="doorstep:api-base">', async () => {
    const api = new FakeApi();
    window.fetch = api.fetch as typeof fetch;
    const meta = Object.assign(document.createElement('meta'), { name: 'doorstep:api-base', content: 'http://doorstep.test' });
    document.head.append(meta);
    const form = await fixture<DsRequestForm>(html`<ds-request-form></ds-request-form>`);
    await ready(form);
    expect(api.received.length).to.equal(2);
  });

  it('prefers the provider’s client over its own api-base', async () => {
    const api = new FakeApi();
    const stray = new FakeApi();
    window.fetch = stray.fetch as typeof fetch;
    const provider = await fixture(
      html`<ds-provider .client=${fakeClient(api)}><ds-request-form api-base="http://elsewhere.test"></ds-request-form></ds-provider>`,
    );
    await ready(provider.querySelector('ds-request-form')!);
    expect(api.received.length).to.equal(2);
    expect(stray.received.length).to.equal(0);
  });

  it('explains, on the page and in the console, when nothing configures it', async () => {
    const errors: unknown[][] = [];
    const realError = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const form = await fixture<DsRequestForm>(html`<ds-request-form lang="en"></ds-request-form>`);
      await form.updateComplete;
      expect(form.state).to.equal('unconfigured');
      expect(form.getAttribute('state')).to.equal('unconfigured');
      expect(form.shadowRoot!.querySelector('[part="notice"]')!.textContent).to.contain('Not available yet');
      expect(String(errors[0]?.[0])).to.contain('api-base').and.to.contain('<ds-provider').and.to.contain('doorstep:api-base');
      await expect(form).to.be.accessible();
    } finally {
      console.error = realError;
    }
  });
});
