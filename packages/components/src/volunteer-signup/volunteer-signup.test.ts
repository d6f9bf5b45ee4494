import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { VolunteerSignupResult } from '@doorstep/sdk';
import '../define/index.js';
import { storedAccessKey } from '../hours-log/volunteer-key.js';
import type { DsProvider } from '../provider/provider.js';
import { ACCESS_KEY, FakeVolunteeringApi, fakeVolunteeringClient } from '../test-support/fake-volunteering.js';
import type { DsVolunteerSignup, VolunteerSignupState } from './volunteer-signup.js';

interface Mounted {
  api: FakeVolunteeringApi;
  form: DsVolunteerSignup;
  root: ShadowRoot;
}

async function mount(
  options: { api?: FakeVolunteeringApi; theme?: 'default' | 'elder'; locale?: string; team?: string; waitFor?: VolunteerSignupState } = {},
): Promise<Mounted> {
  const api = options.api ?? new FakeVolunteeringApi();
  const provider = await fixture<DsProvider>(html`
    <ds-provider .client=${fakeVolunteeringClient(api)} locale=${options.locale ?? 'zh-CN'} theme=${options.theme ?? 'default'}>
      <ds-volunteer-signup community="c-1" team=${options.team ?? ''}></ds-volunteer-signup>
    </ds-provider>
  `);
  const form = provider.querySelector('ds-volunteer-signup')!;
  const wanted = options.waitFor ?? 'ready';
  await waitUntil(() => form.state === wanted, `form never became ${wanted} (is ${form.state})`);
  await form.updateComplete;
  return { api, form, root: form.shadowRoot! };
}

function $<T extends Element = HTMLElement>(root: ShadowRoot, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

const text = (root: ShadowRoot, selector: string) => $(root, selector).textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function type(form: DsVolunteerSignup, id: string, value: string): Promise<void> {
  const control = $<HTMLInputElement | HTMLTextAreaElement>(form.shadowRoot!, `#${id}`);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  await form.updateComplete;
}

async function tick(form: DsVolunteerSignup, selector: string): Promise<void> {
  $<HTMLInputElement>(form.shadowRoot!, selector).click();
  await form.updateComplete;
}

async function fillValid(form: DsVolunteerSignup): Promise<void> {
  await tick(form, '#teams input[value="elder-visits"]');
  await type(form, 'name', '李秀兰');
  await type(form, 'phone', '13812345678');
  await tick(form, '#availability input[value="weekend-morning"]');
  await tick(form, '#skills input[value="first-aid"]');
  await tick(form, '#consent');
}

async function submit(form: DsVolunteerSignup): Promise<void> {
  $<HTMLButtonElement>(form.shadowRoot!, 'button[type="submit"]').click();
  await form.updateComplete;
}

describe('<ds-volunteer-signup>', () => {
  beforeEach(() => localStorage.clear());

  describe('states', () => {
    it('shows a loading status while the teams load, and is accessible', async () => {
      const api = new FakeVolunteeringApi();
      api.teamsFailure = undefined;
      const slow = api.fetch;
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      (api as { fetch: typeof api.fetch }).fetch = async (input, init) => {
        await gate;
        return slow(input, init);
      };
      const { form, root } = await mount({ api, waitFor: 'loading' });
      expect(text(root, '[role="status"]')).to.contain('正在加载');
      await expect(form).to.be.accessible();
      release();
      await waitUntil(() => form.state === 'ready');
    });

    for (const theme of ['default', 'elder'] as const) {
      it(`is accessible when ready (${theme} theme)`, async () => {
        const { form, root } = await mount({ theme });
        expect(root.querySelectorAll('#teams input[type="checkbox"]')).to.have.length(2);
        await expect(form).to.be.accessible();
      });

      it(`is accessible with validation errors (${theme} theme)`, async () => {
        const { form } = await mount({ theme });
        await submit(form);
        await expect(form).to.be.accessible();
      });

      it(`is accessible after a failed send (${theme} theme)`, async () => {
        const { api, form } = await mount({ theme });
        api.signupMode = 'server';
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
      const api = new FakeVolunteeringApi();
      api.teamsFailure = 500;
      const { form, root } = await mount({ api, waitFor: 'load-error' });
      expect(text(root, '[role="alert"]')).to.contain('没能加载出来');
      await expect(form).to.be.accessible();
      api.teamsFailure = undefined;
      $<HTMLButtonElement>(root, '[part~="retry-button"]').click();
      await waitUntil(() => form.state === 'ready');
    });

    it('says so when the community has no teams', async () => {
      const api = new FakeVolunteeringApi();
      api.teams = [];
      const { form, root } = await mount({ api });
      expect(text(root, '[part="notice"]')).to.contain('暂时没有招募中的服务队');
      await expect(form).to.be.accessible();
    });
  });

  describe('filling in', () => {
    it('asks only for the community’s teams, and ticks the team the page names', async () => {
      const { api, root } = await mount({ team: 'safety-patrol' });
      expect(api.received[0]!.search!.get('community')).to.equal('c-1');
      expect($<HTMLInputElement>(root, '#teams input[value="safety-patrol"]').checked).to.equal(true);
      expect($<HTMLInputElement>(root, '#teams input[value="elder-visits"]').checked).to.equal(false);
    });

    it('lists every problem in a focused summary whose links reach the controls', async () => {
      const { form, root } = await mount();
      await submit(form);
      await waitUntil(() => root.activeElement?.matches('[part="error-summary"]'), 'summary never got focus');
      const links = [...root.querySelectorAll<HTMLAnchorElement>('[part="error-link"]')];
      expect(links.map((link) => link.getAttribute('href'))).to.deep.equal(['#teams', '#name', '#phone', '#consent']);
      expect(links.map((link) => link.textContent!.trim())).to.deep.equal(['请至少选择一个服务队', '请填写姓名', '请填写手机号码', '请阅读并勾选同意，才能报名']);
      links[0]!.click();
      expect(root.activeElement?.getAttribute('value')).to.equal('elder-visits', 'the first team’s checkbox');
      links[3]!.click();
      expect(root.activeElement?.id).to.equal('consent');
      expect($(root, '#consent').getAttribute('aria-describedby')).to.contain('consent-error');
    });

    it('ticks choices from the keyboard', async () => {
      const { form, root } = await mount();
      const first = $<HTMLInputElement>(root, '#skills input[value="mediation"]');
      first.focus();
      await sendKeys({ press: 'Space' });
      await form.updateComplete;
      expect(first.checked).to.equal(true);
      expect(form.formValues.skills).to.deep.equal(['mediation']);
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      await form.updateComplete;
      expect(form.formValues.skills).to.deep.equal(['mediation', 'elder-care']);
    });

    it('lays short choices out in columns when the form is wide, one under another when it is narrow', async () => {
      const { form, root } = await mount();
      const columns = () => getComputedStyle($(root, '#availability .choices')).gridTemplateColumns.split(' ').length;
      expect(columns()).to.be.above(1);
      form.style.width = '18rem';
      await waitUntil(() => columns() === 1, 'still in columns when narrow');
    });

    it('asks for a few words when “other” is ticked', async () => {
      const { form, root } = await mount();
      expect(root.querySelector('#skillsNote')).to.equal(null);
      await tick(form, '#skills input[value="other"]');
      expect(root.querySelector('#skillsNote')).to.exist;
    });

    it('keeps a draft (never the consent) across a reload', async () => {
      const first = await mount();
      await fillValid(first.form);
      first.form.remove();
      const second = await mount();
      expect(second.form.formValues.name).to.equal('李秀兰');
      expect(second.form.formValues.teams).to.deep.equal(['elder-visits']);
      expect(second.form.formValues.consent).to.equal(false);
    });
  });

  describe('sending', () => {
    it('signs up, shows the number and key, saves the key on the device and fires ds-volunteer-registered', async () => {
      const { api, form, root } = await mount();
      await fillValid(form);
      const registered = oneEvent(form, 'ds-volunteer-registered') as Promise<CustomEvent<VolunteerSignupResult>>;
      await submit(form);
      const event = await registered;
      expect(event.detail.accessKey).to.equal(ACCESS_KEY);
      const post = api.received.find((request) => request.method === 'POST')!;
      expect(post.body).to.deep.equal({
        name: '李秀兰',
        phone: '13812345678',
        teamIds: ['elder-visits'],
        availability: ['weekend-morning'],
        skills: ['first-aid'],
        consent: true,
      });
      expect(post.headers.get('idempotency-key')).to.match(/^[0-9a-f-]{36}$/);
      await waitUntil(() => root.activeElement?.matches('[part="success"]'), 'the confirmation never got focus');
      expect(text(root, '[part="access-key"]')).to.equal(ACCESS_KEY);
      expect(text(root, '[part="code"]')).to.equal('V-ZHXY-8K6M');
      expect(text(root, '[aria-live="polite"]')).to.contain('V-ZHXY-8K6M');
      expect(storedAccessKey()).to.equal(ACCESS_KEY);
    });

    it('does not keep the key on a shared computer', async () => {
      const { form, root } = await mount();
      await fillValid(form);
      await tick(form, '#remember');
      await submit(form);
      await waitUntil(() => form.state === 'success');
      expect(storedAccessKey()).to.equal(undefined);
      expect(text(root, '[part="success"]')).to.contain('没有保存在这台设备上');
    });

    it('retries a lost submission with the same idempotency key, keeping everything typed', async () => {
      const { api, form, root } = await mount();
      api.signupMode = 'network';
      await fillValid(form);
      await submit(form);
      await waitUntil(() => form.state === 'submit-error');
      expect(text(root, '[role="alert"]')).to.contain('网络连接中断');
      expect(form.formValues.name).to.equal('李秀兰');
      api.signupMode = 'ok';
      $<HTMLButtonElement>(root, '[part~="retry-button"]').click();
      await waitUntil(() => form.state === 'success');
      const keys = api.received.filter((request) => request.method === 'POST').map((request) => request.headers.get('idempotency-key'));
      expect(keys).to.have.length(2);
      expect(keys[1]).to.equal(keys[0]);
    });

    it('shows the server’s refusal (a phone already signed up) and its field errors', async () => {
      const { api, form, root } = await mount();
      api.signupMode = 'conflict';
      await fillValid(form);
      await submit(form);
      await waitUntil(() => form.state === 'submit-error');
      expect(text(root, '[role="alert"]')).to.contain('已经登记为本社区的志愿者');
      api.signupMode = 'validation';
      await submit(form);
      await waitUntil(() => root.querySelector('#phone-error'));
      expect(text(root, '#phone-error')).to.contain('无法接收短信');
      expect(root.activeElement?.matches('[part="error-summary"]')).to.equal(true);
    });
  });
});
