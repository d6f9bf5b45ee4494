import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { NetworkError, type ServiceRequestPublic } from '@doorstep/sdk';
import '../define/index.js';
import type { DsProvider } from '../provider/provider.js';
import { FakeApi, TRACKING_CODE, fakeClient } from '../test-support/fake-api.js';
import type { DsRequestForm, RequestFormState } from './request-form.js';

interface Mounted {
  api: FakeApi;
  provider: DsProvider;
  form: DsRequestForm;
  root: ShadowRoot;
}

async function mount(
  options: { locale?: string; theme?: 'default' | 'elder'; api?: FakeApi; waitFor?: RequestFormState } = {},
): Promise<Mounted> {
  const api = options.api ?? new FakeApi();
  const provider = await fixture<DsProvider>(html`
    <ds-provider .client=${fakeClient(api)} locale=${options.locale ?? 'zh-CN'} theme=${options.theme ?? 'default'}>
      <ds-request-form></ds-request-form>
    </ds-provider>
  `);
  const form = provider.querySelector('ds-request-form')!;
  await waitUntil(() => form.state === (options.waitFor ?? 'ready'), `form never became ${options.waitFor ?? 'ready'}`);
  await form.updateComplete;
  return { api, provider, form, root: form.shadowRoot! };
}

function $<T extends Element = HTMLElement>(root: ShadowRoot, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

async function fill(form: DsRequestForm, field: string, value: string): Promise<void> {
  const control = $<Control>(form.shadowRoot!, `#${field}`);
  control.value = value;
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  await form.updateComplete;
}

const VALID = {
  category: 'public-light',
  community: 'c-1',
  compound: 'p-1',
  building: 'b-2',
  description: '3单元5楼楼道灯不亮，已经三天了',
  name: '张三',
  phone: '13812345678',
} as const;

async function fillValid(form: DsRequestForm): Promise<void> {
  for (const [field, value] of Object.entries(VALID)) await fill(form, field, value);
}

async function submit(form: DsRequestForm): Promise<void> {
  $<HTMLButtonElement>(form.shadowRoot!, 'button[type="submit"]').click();
  await form.updateComplete;
}

function text(root: ShadowRoot, selector: string): string {
  return $(root, selector).textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

describe('<ds-request-form>', () => {
  describe('states', () => {
    it('shows a loading status while the choices load, and is accessible', async () => {
      const api = new FakeApi();
      api.listDelayMs = 60_000;
      const { form, root } = await mount({ api, waitFor: 'loading' });
      expect(form.getAttribute('state')).to.equal('loading');
      expect(text(root, '[role="status"]')).to.contain('正在加载');
      expect($(root, '[part="base"]').getAttribute('aria-busy')).to.equal('true');
      await expect(form).to.be.accessible();
    });

    for (const theme of ['default', 'elder'] as const) {
      it(`is accessible when ready (${theme} theme)`, async () => {
        const { form, root } = await mount({ theme });
        expect(root.querySelectorAll('#category option')).to.have.length(5);
        await expect(form).to.be.accessible();
      });

      it(`is accessible with validation errors (${theme} theme)`, async () => {
        const { form } = await mount({ theme });
        await submit(form);
        await expect(form).to.be.accessible();
      });

      it(`is accessible after a failed send (${theme} theme)`, async () => {
        const { api, form } = await mount({ theme });
        api.createMode = 'server';
        await fillValid(form);
        await submit(form);
        await waitUntil(() => form.state === 'submit-error');
        await expect(form).to.be.accessible();
      });

      it(`is accessible on success (${theme} theme)`, async () => {
        const { form } = await mount({ theme });
        await fillValid(form);
        await submit(form);
        await waitUntil(() => form.state === 'success');
        await expect(form).to.be.accessible();
      });
    }

    it('shows a load failure with a retry that recovers', async () => {
      const api = new FakeApi();
      api.listFailure = 500;
      const { form, root } = await mount({ api, waitFor: 'load-error' });
      expect(text(root, '[role="alert"]')).to.contain('表单没能加载出来');
      await expect(form).to.be.accessible();
      api.listFailure = undefined;
      $<HTMLButtonElement>(root, '[part~="retry-button"]').click();
      await waitUntil(() => form.state === 'ready');
      expect(root.querySelectorAll('#category option')).to.have.length(5);
    });

    it('is busy while sending and never sends twice', async () => {
      const { api, form, root } = await mount();
      api.createMode = 'slow';
      await fillValid(form);
      await submit(form);
      await waitUntil(() => api.creates.length === 1);
      expect(form.state).to.equal('submitting');
      const button = $<HTMLButtonElement>(root, 'button[type="submit"]');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(button.textContent).to.contain('正在提交');
      await expect(form).to.be.accessible();
      await submit(form);
      await form.submit();
      expect(api.creates).to.have.length(1);
      api.release();
      await waitUntil(() => form.state === 'success');
    });
  });

  describe('validation', () => {
    it('lists every problem in a focused summary whose links focus the fields', async () => {
      const { form, root } = await mount();
      await submit(form);
      await waitUntil(() => root.activeElement?.matches('[part="error-summary"]'), 'summary never got focus');
      const links = [...root.querySelectorAll<HTMLAnchorElement>('[part="error-link"]')];
      expect(links.map((link) => link.getAttribute('href'))).to.deep.equal(['#category', '#community', '#description']);
      expect(links.map((link) => link.textContent?.trim())).to.deep.equal([
        '请选择问题类型',
        '请选择问题所在的社区',
        '请描述遇到的问题',
      ]);
      links[2]!.click();
      expect(root.activeElement?.id).to.equal('description');
      links[0]!.click();
      expect(root.activeElement?.id).to.equal('category');
      expect(form.state).to.equal('ready');
    });

    it('marks each invalid field and describes it by its inline error', async () => {
      const { form, root } = await mount();
      await fill(form, 'description', '灯坏了');
      await submit(form);
      const textarea = $(root, '#description');
      expect(textarea.getAttribute('aria-invalid')).to.equal('true');
      const describedBy = textarea.getAttribute('aria-describedby')!.split(' ');
      expect(describedBy).to.include('description-error');
      expect(describedBy).to.include('description-hint');
      expect(text(root, '#description-error')).to.equal('错误：问题描述至少需要 5 个字');
      expect($(root, '#name').getAttribute('aria-invalid')).to.equal('false');
    });

    it('needs a name and phone for categories that may not be anonymous', async () => {
      const { form, root } = await mount();
      await fillValid(form);
      await fill(form, 'category', 'neighbour-dispute');
      await fill(form, 'name', '');
      await fill(form, 'phone', '');
      await submit(form);
      expect(text(root, '#name-error')).to.contain('请填写您的称呼');
      expect(text(root, '#phone-error')).to.contain('请填写联系电话');
    });

    it('hints under the phone field for numbers that are not mainland mobiles, and still sends them', async () => {
      const { api, form, root } = await mount();
      await fillValid(form);
      await fill(form, 'phone', '010-12345678');
      const hint = $(root, '#phone-other-hint');
      expect(hint.textContent).to.contain('这不是大陆手机号码');
      expect($(root, '#phone').getAttribute('aria-describedby')).to.contain('phone-other-hint');
      await fill(form, 'phone', '13812345678');
      expect(hint.textContent!.trim()).to.equal('');
      expect($(root, '#phone').getAttribute('aria-describedby') ?? '').not.to.contain('phone-other-hint');
      await fill(form, 'phone', '+852 9123 4567');
      await submit(form);
      await waitUntil(() => form.state === 'success');
      expect((api.creates[0]!.body as { contactPhone: string }).contactPhone).to.equal('+852 9123 4567');
    });

    it('rejects a malformed mainland number', async () => {
      const { form, root } = await mount();
      await fillValid(form);
      await fill(form, 'phone', '1381234567');
      await submit(form);
      expect(text(root, '#phone-error')).to.contain('请输入正确的电话号码');
      expect(root.activeElement?.matches('[part="error-summary"]')).to.equal(true);
    });

    it('shows the server’s field errors on the fields', async () => {
      const { api, form, root } = await mount();
      api.createMode = 'validation';
      await fillValid(form);
      await submit(form);
      await waitUntil(() => root.querySelector('#phone-error'), 'no phone error');
      expect(text(root, '#phone-error')).to.contain('该号码已停机');
      expect(text(root, '#description-error')).to.contain('描述包含不允许的内容');
      expect(root.activeElement?.matches('[part="error-summary"]')).to.equal(true);
      expect((root.querySelector('#phone') as HTMLInputElement).value).to.equal(VALID.phone);
    });

    it('counts characters and announces the count near the limit only once typing pauses', async () => {
      const { form, root } = await mount();
      await fill(form, 'description', '楼道灯不亮');
      expect(text(root, '[part="counter"]')).to.equal('还可以输入 995 个字');
      expect($(root, '[part="counter"]').getAttribute('aria-hidden')).to.equal('true');
      await fill(form, 'description', 'x'.repeat(1003));
      expect(text(root, '[part="counter"]')).to.equal('超出 3 个字');
      expect($(root, '[part="counter"]').classList.contains('counter--over')).to.equal(true);
      const live = $(root, '[part="counter"] + [aria-live]');
      expect(live.textContent!.trim()).to.equal('');
      await waitUntil(() => live.textContent!.trim() === '超出 3 个字', 'count never announced', { timeout: 3000 });
      await submit(form);
      expect(text(root, '#description-error')).to.contain('不能超过 1000 个字');
    });
  });

  describe('sending', () => {
    it('shows the tracking code, announces it politely and fires ds-submitted', async () => {
      const { form, root } = await mount();
      await fillValid(form);
      const submitted = oneEvent(form, 'ds-submitted') as Promise<CustomEvent<ServiceRequestPublic>>;
      await submit(form);
      const event = await submitted;
      expect(event.detail.code).to.equal(TRACKING_CODE);
      expect(event.bubbles && event.composed).to.equal(true);
      await waitUntil(() => form.state === 'success');
      expect(text(root, '[part="code"]')).to.equal(TRACKING_CODE);
      expect(text(root, '[aria-live="polite"][aria-atomic="true"]')).to.contain(TRACKING_CODE);
      expect(root.activeElement?.matches('[part="success"]')).to.equal(true);
    });

    it('sends the most precise area, trimmed text and no empty contact fields', async () => {
      const { api, form } = await mount();
      await fillValid(form);
      await fill(form, 'description', '  门禁坏了打不开  ');
      await fill(form, 'name', '');
      await submit(form);
      await waitUntil(() => form.state === 'success');
      expect(api.creates[0]!.body).to.deep.equal({
        categoryId: 'public-light',
        areaId: 'b-2',
        description: '门禁坏了打不开',
        contactPhone: '13812345678',
      });
    });

    it('keeps everything typed after a network failure, and the retry reuses the idempotency key', async () => {
      const { api, form, root } = await mount();
      api.createMode = 'network';
      await fillValid(form);
      const failed = oneEvent(form, 'ds-error');
      await submit(form);
      expect((await failed).detail.error).to.be.instanceOf(NetworkError);
      await waitUntil(() => form.state === 'submit-error');
      expect(text(root, '[part="alert"]')).to.contain('网络连接中断');
      for (const [field, value] of Object.entries(VALID)) {
        expect($<Control>(root, `#${field}`).value, field).to.equal(value);
      }
      api.createMode = 'ok';
      $<HTMLButtonElement>(root, '[part~="retry-button"]').click();
      await waitUntil(() => form.state === 'success');
      const [first, retry] = api.creates;
      const key = first!.headers.get('idempotency-key');
      expect(key).to.match(/^[0-9a-f-]{36}$/);
      expect(retry!.headers.get('idempotency-key')).to.equal(key);

      // A new report is a new submission with a new key.
      $<HTMLButtonElement>(root, '[part~="another-button"]').click();
      await waitUntil(() => form.state === 'ready');
      await fill(form, 'category', 'door-lock');
      await fill(form, 'description', '单元门禁打不开了');
      await submit(form);
      await waitUntil(() => form.state === 'success');
      expect(api.creates[2]!.headers.get('idempotency-key')).not.to.equal(key);
    });

    it('says so when the server fails, and keeps the values', async () => {
      const { api, form, root } = await mount({ locale: 'en' });
      api.createMode = 'server';
      await fillValid(form);
      await submit(form);
      await waitUntil(() => form.state === 'submit-error');
      expect(text(root, '[part="alert"]')).to.contain('Something went wrong on our side');
      expect($<HTMLTextAreaElement>(root, '#description').value).to.equal(VALID.description);
    });

    it('“report another problem” keeps the place and contact, clears the problem', async () => {
      const { form, root } = await mount();
      await fillValid(form);
      await submit(form);
      await waitUntil(() => form.state === 'success');
      $<HTMLButtonElement>(root, '[part~="another-button"]').click();
      await waitUntil(() => form.state === 'ready');
      expect($<HTMLSelectElement>(root, '#category').value).to.equal('');
      expect($<HTMLTextAreaElement>(root, '#description').value).to.equal('');
      expect($<HTMLSelectElement>(root, '#building').value).to.equal('b-2');
      expect($<HTMLInputElement>(root, '#phone').value).to.equal(VALID.phone);
      expect(root.activeElement?.id).to.equal('category');
    });
  });

  describe('keyboard', () => {
    it('can be completed with the keyboard alone', async () => {
      const { api, form, root } = await mount();
      const before = document.createElement('button');
      before.textContent = 'before';
      form.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(root.activeElement?.id).to.equal('category');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Tab' });
      expect(root.activeElement?.id).to.equal('community');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Tab' });
      expect(root.activeElement?.id).to.equal('compound');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Tab' });
      expect(root.activeElement?.id).to.equal('description');
      await sendKeys({ type: 'The stair light is out' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'Li' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '13912345678' });
      await sendKeys({ press: 'Tab' });
      expect(root.activeElement?.getAttribute('type')).to.equal('submit');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => form.state === 'success', 'keyboard submission did not succeed');
      expect(api.creates[0]!.body).to.deep.equal({
        categoryId: 'public-light',
        areaId: 'b-1',
        description: 'The stair light is out',
        contactName: 'Li',
        contactPhone: '13912345678',
      });
    });
  });

  describe('elder theme', () => {
    it('uses text of at least 18px and targets of at least 60px', async () => {
      const { form, root } = await mount({ theme: 'elder' });
      for (const selector of ['.label', '.hint', '#description', '#category', 'button[type="submit"]', '.intro']) {
        const size = parseFloat(getComputedStyle($(root, selector)).fontSize);
        expect(size, selector).to.be.at.least(18);
      }
      expect($(root, 'button[type="submit"]').getBoundingClientRect().height).to.be.at.least(60);
      expect($(root, '#phone').getBoundingClientRect().height).to.be.at.least(60);
      expect(form.getBoundingClientRect().height).to.be.greaterThan(0);
    });

    it('also applies when set on the widget itself', async () => {
      const { form, root } = await mount();
      expect($(root, 'button[type="submit"]').getBoundingClientRect().height).to.be.within(44, 59);
      form.theme = 'elder';
      await form.updateComplete;
      expect(parseFloat(getComputedStyle($(root, '.label')).fontSize)).to.be.at.least(18);
      expect($(root, 'button[type="submit"]').getBoundingClientRect().height).to.be.at.least(60);
    });

    it('gives the default theme targets of at least 44px', async () => {
      const { root } = await mount();
      for (const selector of ['button[type="submit"]', '#category', '#name', '#phone']) {
        expect($(root, selector).getBoundingClientRect().height, selector).to.be.at.least(44);
      }
    });
  });
});
