import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { type ServiceRequestPublic } from '@doorstep/sdk';
import type { DsAreaPicker } from '../area-picker/area-picker.js';
import { FakeApi, TRACKING_CODE } from '../test-support/fake-api.js';
import {
  $,
  VALID,
  check,
  chooseArea,
  cleanSlate,
  fill,
  fillValid,
  mount,
  submit,
  text,
  until,
} from '../test-support/request-form-helpers.js';

describe('<ds-request-form>', () => {
  beforeEach(cleanSlate);

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

    it('asks for the area tree together with the categories, not once they have arrived', async () => {
      const api = new FakeApi();
      api.listDelayMs = 300;
      const { root } = await mount({ api, waitFor: 'loading' });
      expect(api.received.map((request) => request.path).sort()).to.deep.equal(['/v1/areas', '/v1/categories']);
      await until(() => root.querySelector<DsAreaPicker>('#area')?.state === 'ready');
      // The picker shows the tree the form asked for: no second request.
      expect(api.received.filter((request) => request.path === '/v1/areas')).to.have.length(1);
    });

    for (const theme of ['default', 'elder'] as const) {
      it(`is accessible when ready (${theme} theme)`, async () => {
        const { form, root } = await mount({ theme });
        expect(root.querySelectorAll('#category option')).to.have.length(5);
        await expect(form).to.be.accessible();
      });

      it(`is accessible with a category's questions of every kind (${theme} theme)`, async () => {
        const { form, root } = await mount({ theme });
        await fill(form, 'category', 'water-leak');
        expect(root.querySelectorAll('.questions [id^="q-"]').length).to.be.greaterThan(6);
        await expect(form).to.be.accessible();
      });

      it(`is accessible with validation errors (${theme} theme)`, async () => {
        const { form } = await mount({ theme });
        await fill(form, 'category', 'water-leak');
        await submit(form);
        await expect(form).to.be.accessible();
      });

      it(`is accessible when reporting for someone else (${theme} theme)`, async () => {
        const { form, root } = await mount({ theme });
        await check(form, 'forSomeoneElse');
        await until(() => root.querySelector<DsAreaPicker>('#otherArea')?.state === 'ready');
        await expect(form).to.be.accessible();
      });

      it(`is accessible after a failed send (${theme} theme)`, async () => {
        const { api, form } = await mount({ theme });
        api.createMode = 'server';
        await fillValid(form);
        await submit(form);
        await until(() => form.state === 'submit-error');
        await expect(form).to.be.accessible();
      });

      it(`is accessible on success (${theme} theme)`, async () => {
        const { form } = await mount({ theme });
        await fillValid(form);
        await submit(form);
        await until(() => form.state === 'success');
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
      await until(() => form.state === 'ready');
      expect(root.querySelectorAll('#category option')).to.have.length(5);
    });

    it('is busy while sending and never sends twice', async () => {
      const { api, form, root } = await mount();
      api.createMode = 'slow';
      await fillValid(form);
      await submit(form);
      await until(() => api.creates.length === 1);
      expect(form.state).to.equal('submitting');
      const button = $<HTMLButtonElement>(root, 'button[type="submit"]');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(button.textContent).to.contain('正在提交');
      await expect(form).to.be.accessible();
      await submit(form);
      await form.submit();
      expect(api.creates).to.have.length(1);
      api.release();
      await until(() => form.state === 'success');
    });
  });

  describe('validation', () => {
    it('lists every problem in a focused summary whose links focus the fields', async () => {
      const { form, root } = await mount();
      await submit(form);
      await until(() => root.activeElement?.matches('[part="error-summary"]'), 'summary never got focus');
      const links = [...root.querySelectorAll<HTMLAnchorElement>('[part="error-link"]')];
      expect(links.map((link) => link.getAttribute('href'))).to.deep.equal([
        '#category',
        '#area',
        '#description',
        '#name',
        '#phone',
        '#consent',
      ]);
      expect(links.map((link) => link.textContent?.trim())).to.deep.equal([
        '请选择问题类型',
        '请选择问题所在的社区',
        '请描述遇到的问题',
        '请填写您的称呼',
        '请填写联系电话',
        '请阅读并同意隐私说明后再提交',
      ]);
      links[2]!.click();
      expect(root.activeElement?.id).to.equal('description');
      links[5]!.click();
      expect(root.activeElement?.id).to.equal('consent');
      // The place: the picker shows the error at its select, and the link takes the resident there.
      links[1]!.click();
      const picker = $<DsAreaPicker>(root, '#area');
      expect(root.activeElement).to.equal(picker);
      expect(picker.shadowRoot!.activeElement?.id).to.equal('level-community');
      await until(() => picker.shadowRoot!.querySelector('[part="error"]'), 'the picker shows no error');
      expect(picker.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('请选择问题所在的社区');
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
      expect($(root, '#consent').getAttribute('aria-describedby')).to.equal('privacy-notice consent-error');
    });

    it('asks for consent to the privacy notice before anything is sent', async () => {
      const { api, form, root } = await mount({ attributes: { 'privacy-href': '/privacy', 'privacy-version': '2026-01' } });
      await fillValid(form);
      await check(form, 'consent', false);
      await submit(form);
      expect(text(root, '#consent-error')).to.contain('请阅读并同意隐私说明');
      expect(api.creates).to.have.length(0);
      const link = $<HTMLAnchorElement>(root, '[part="privacy"] a');
      expect(link.getAttribute('href')).to.equal('/privacy');
      expect(link.target).to.equal('_blank');
      expect(text(root, '[part="privacy"]')).to.contain('仅社区工作人员可以查看');
      await check(form, 'consent');
      await submit(form);
      await until(() => form.state === 'success');
      expect((api.creates[0]!.body as { consent: unknown }).consent).to.deep.equal({ privacyNoticeVersion: '2026-01' });
    });

    it('lets the portal replace the privacy notice through the privacy slot', async () => {
      const { form, root } = await mount();
      const notice = document.createElement('p');
      notice.slot = 'privacy';
      notice.textContent = '本社区的隐私说明';
      form.append(notice);
      const slot = $<HTMLSlotElement>(root, 'slot[name="privacy"]');
      expect(slot.assignedElements()).to.deep.equal([notice]);
    });

    it('needs a name and phone for categories that may not be anonymous, and offers anonymity where allowed', async () => {
      const { api, form, root } = await mount();
      await fillValid(form);
      await fill(form, 'category', 'neighbour-dispute');
      expect(root.querySelector('#anonymous')).to.equal(null);
      await fill(form, 'name', '');
      await fill(form, 'phone', '');
      await submit(form);
      expect(text(root, '#name-error')).to.contain('请填写您的称呼');
      expect(text(root, '#phone-error')).to.contain('请填写联系电话');

      await fill(form, 'category', 'public-light');
      await check(form, 'anonymous');
      expect(root.querySelector('#name')).to.equal(null);
      expect(text(root, '#contact-hint')).to.contain('工作人员将无法联系您');
      await submit(form);
      await until(() => form.state === 'success');
      const body = api.creates[0]!.body as Record<string, unknown>;
      expect(body).not.to.have.property('contactName');
      expect(body).not.to.have.property('contactPhone');
    });

    it('reports for someone else with their name, phone and building, and the reporter’s own phone', async () => {
      const { api, form, root } = await mount();
      await fillValid(form);
      await check(form, 'forSomeoneElse');
      expect(root.querySelector('#anonymous')).to.equal(null);
      await fill(form, 'phone', '');
      await submit(form);
      expect(text(root, '#phone-error')).to.contain('请留下您自己的电话');
      expect(text(root, '#otherName-error')).to.contain('请填写对方的称呼');
      expect([...root.querySelectorAll('[part="error-link"]')].map((link) => link.getAttribute('href'))).to.deep.equal([
        '#phone',
        '#otherName',
      ]);
      await fill(form, 'phone', VALID.phone);
      await fill(form, 'otherName', '王奶奶');
      await fill(form, 'otherPhone', '010-62345678');
      await chooseArea(form, 'otherArea', ['c-1', 'p-1', 'b-1']);
      await submit(form);
      await until(() => form.state === 'success');
      expect((api.creates[0]!.body as { onBehalfOf: unknown }).onBehalfOf).to.deep.equal({
        name: '王奶奶',
        phone: '010-62345678',
        areaId: 'b-1',
      });
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
      await until(() => form.state === 'success');
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

    it('shows the server’s field errors on the fields, answers and the place included', async () => {
      const { api, form, root } = await mount();
      api.createMode = 'validation';
      await fillValid(form);
      await submit(form);
      await until(() => root.querySelector('#phone-error'), 'no phone error');
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
      await until(() => live.textContent!.trim() === '超出 3 个字', 'count never announced', { timeout: 3000 });
      await submit(form);
      expect(text(root, '#description-error')).to.contain('不能超过 1000 个字');
    });
  });

  describe('questions', () => {
    it('renders each datatype as its own kind of field, in order, with required and optional markers', async () => {
      const { form, root } = await mount({ locale: 'en' });
      await fill(form, 'category', 'water-leak');
      const questions = $(root, '.questions');
      expect(text(root, '[part="note"]')).to.contain('turn off the main valve');
      // source: required single choice with 2 options → radios; rooms → checkboxes.
      expect(root.querySelectorAll('input[name="q-1"][type="radio"]')).to.have.length(2);
      expect(root.querySelectorAll('input[name="q-2"][type="checkbox"]')).to.have.length(3);
      expect($<HTMLInputElement>(root, '#q-3').inputMode).to.equal('decimal');
      expect($<HTMLInputElement>(root, '#q-4').type).to.equal('datetime-local');
      expect($(root, '#q-5').localName).to.equal('textarea');
      expect($<HTMLInputElement>(root, '#q-6').type).to.equal('text');
      // material: six choices → a select.
      expect($(root, '#q-7').localName).to.equal('select');
      const prompts = [...questions.querySelectorAll('.label')].map((label) => label.textContent!.replace(/\s+/g, ' ').trim());
      expect(prompts).to.deep.equal([
        'Where is the water coming from? (required)',
        'Which rooms are affected? (required)',
        'Which floor? (required)',
        'When did it start? (optional)',
        'Anything else? (optional)',
        'Flat number above (optional)',
        'What is the wall made of? (optional)',
      ]);
      expect(text(root, '#q-3-hint')).to.equal('Basement: -1');
      expect($(root, '#q-3').getAttribute('aria-describedby')).to.equal('q-3-hint');
    });

    it('checks answers with the same rules as the server, naming each question', async () => {
      const { form, root } = await mount({ locale: 'en' });
      await fillValid(form);
      await fill(form, 'category', 'water-leak');
      await fill(form, 'q-3', 'third');
      await fill(form, 'q-6', 'x'.repeat(201));
      await submit(form);
      const links = [...root.querySelectorAll('[part="error-link"]')];
      expect(links.map((link) => [link.getAttribute('href'), link.textContent!.trim()])).to.deep.equal([
        ['#q-1', 'Choose an answer to “Where is the water coming from?”'],
        ['#q-2', 'Choose at least one answer to “Which rooms are affected?”'],
        ['#q-3', 'Enter a number for “Which floor?”, like 3'],
        ['#q-6', 'The answer to “Flat number above” must be 200 characters or fewer'],
      ]);
      expect(text(root, '#q-1-error')).to.contain('Where is the water coming from?');
      (links[1] as HTMLAnchorElement).click();
      expect(root.activeElement?.id).to.equal('q-2');
    });

    it('sends answers normalized: numbers as numbers, date-times with their offset, choices in order', async () => {
      const { api, form, root } = await mount();
      await fillValid(form);
      await fill(form, 'category', 'water-leak');
      await check(form, 'q-1-1');
      await check(form, 'q-2-2');
      await check(form, 'q-2');
      await fill(form, 'q-3', ' -1 ');
      await fill(form, 'q-4', '2026-11-22T21:30');
      await fill(form, 'q-5', '  卫生间吊顶在滴水  ');
      await fill(form, 'q-7', 'tile');
      await submit(form);
      await until(() => form.state === 'success', `not sent: ${root.querySelector('[part="error-summary"]')?.textContent}`);
      const offset = -new Date('2026-11-22T21:30').getTimezoneOffset();
      const sign = offset >= 0 ? '+' : '-';
      const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
      expect((api.creates[0]!.body as { answers: unknown }).answers).to.deep.equal({
        source: 'pipe',
        rooms: ['kitchen', 'bedroom'],
        floor: -1,
        since: `2026-11-22T21:30:00${sign}${pad(offset / 60)}:${pad(offset % 60)}`,
        details: '卫生间吊顶在滴水',
        material: 'tile',
      });
    });

    it('maps the server’s answers.<code> errors back to the question', async () => {
      const { api, form, root } = await mount();
      api.createMode = 'validation';
      api.validationFields = { 'answers.fault': '请选择灯的故障类型' };
      await fillValid(form);
      await submit(form);
      await until(() => root.querySelector('#q-0-error'), 'the answer error is not on the question');
      expect(text(root, '#q-0-error')).to.contain('请选择灯的故障类型');
      expect($(root, '[part="error-link"]').getAttribute('href')).to.equal('#q-0');
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
      await until(() => form.state === 'success');
      expect(text(root, '[part="code"]')).to.equal(TRACKING_CODE);
      expect(text(root, '.announcement')).to.contain(TRACKING_CODE);
      expect(root.activeElement?.matches('[part="success"]')).to.equal(true);
    });

    it('sends the chosen place, the exact spot, trimmed text and the consent', async () => {
      const { api, form } = await mount();
      await fillValid(form);
      await chooseArea(form, 'area', ['c-1', 'p-1', 'b-2', 'u-2-1']);
      await fill(form, 'description', '  门禁坏了打不开  ');
      await fill(form, 'address', ' 1单元门口 ');
      await submit(form);
      await until(() => form.state === 'success');
      expect(api.creates[0]!.body).to.deep.equal({
        categoryId: 'public-light',
        areaId: 'u-2-1',
        description: '门禁坏了打不开',
        address: '1单元门口',
        contactName: '张三',
        contactPhone: '13812345678',
        consent: { privacyNoticeVersion: 'doorstep-2026-11' },
      });
    });

    it('says so when the server fails, keeps the values, and the retry reuses the idempotency key', async () => {
      const { api, form, root } = await mount({ locale: 'en' });
      api.createMode = 'server';
      await fillValid(form);
      await submit(form);
      await until(() => form.state === 'submit-error');
      expect(text(root, '[part="alert"]')).to.contain('Something went wrong on our side');
      expect($<HTMLTextAreaElement>(root, '#description').value).to.equal(VALID.description);
      api.createMode = 'ok';
      $<HTMLButtonElement>(root, '[part~="retry-button"]').click();
      await until(() => form.state === 'success');
      const [first, retry] = api.creates;
      expect(retry!.headers.get('idempotency-key')).to.equal(first!.headers.get('idempotency-key'));

      // A new report is a new submission with a new key.
      $<HTMLButtonElement>(root, '[part~="another-button"]').click();
      await until(() => form.state === 'ready');
      await fill(form, 'category', 'door-lock');
      await fill(form, 'description', '单元门禁打不开了');
      await submit(form);
      await until(() => form.state === 'success');
      expect(api.creates[2]!.headers.get('idempotency-key')).not.to.equal(first!.headers.get('idempotency-key'));
      expect(api.filed.size).to.equal(2);
    });

    it('“report another problem” keeps the place and contact, clears the problem', async () => {
      const { form, root } = await mount();
      await fillValid(form);
      await submit(form);
      await until(() => form.state === 'success');
      $<HTMLButtonElement>(root, '[part~="another-button"]').click();
      await until(() => form.state === 'ready');
      expect($<HTMLSelectElement>(root, '#category').value).to.equal('');
      expect($<HTMLTextAreaElement>(root, '#description').value).to.equal('');
      expect($<DsAreaPicker>(root, '#area').value).to.equal('b-2');
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
      const active = () => {
        let element: Element | null = root.activeElement;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        return element;
      };
      const tab = async (expectedId?: string) => {
        await sendKeys({ press: 'Tab' });
        await form.updateComplete;
        if (expectedId) expect(active()?.id, `focus after Tab`).to.equal(expectedId);
      };
      await tab('category');
      await sendKeys({ press: 'ArrowDown' }); // public lighting
      await tab('q-0'); // "what's wrong": radio buttons
      await sendKeys({ press: 'Space' });
      await tab('level-community');
      await sendKeys({ press: 'ArrowDown' });
      await tab('level-compound');
      await sendKeys({ press: 'ArrowDown' });
      await tab('level-building');
      await sendKeys({ press: 'ArrowDown' }); // 1号楼 (no units: the unit select stays disabled, out of the way)
      await tab('address');
      await sendKeys({ type: 'East gate' });
      await tab('locate');
      await tab('description');
      await sendKeys({ type: 'The stair light is out' });
      await tab('photos');
      await tab('forSomeoneElse');
      await tab('anonymous');
      await tab('name');
      await sendKeys({ type: 'Li' });
      await tab('phone');
      await sendKeys({ type: '13912345678' });
      await tab('consent');
      await sendKeys({ press: 'Space' });
      await tab();
      expect(active()?.getAttribute('type')).to.equal('submit');
      await sendKeys({ press: 'Enter' });
      await until(() => form.state === 'success', 'keyboard submission did not succeed');
      expect(api.creates[0]!.body).to.deep.equal({
        categoryId: 'public-light',
        areaId: 'b-1',
        description: 'The stair light is out',
        address: 'East gate',
        contactName: 'Li',
        contactPhone: '13912345678',
        consent: { privacyNoticeVersion: 'doorstep-2026-11' },
        answers: { fault: 'out' },
      });
      // The success view too: focus is on it, and Tab reaches its buttons.
      expect(root.activeElement?.matches('[part="success"]')).to.equal(true);
      await tab();
      expect(active()?.matches('[part~="copy-button"]')).to.equal(true);
    });
  });

  describe('elder theme', () => {
    it('uses text of at least 18px and targets of at least 60px', async () => {
      const { form, root } = await mount({ theme: 'elder' });
      await fill(form, 'category', 'water-leak');
      for (const selector of ['.label', '.hint', '#description', '#category', 'button[type="submit"]', '.intro', '.choice', '[part="privacy"]']) {
        const size = parseFloat(getComputedStyle($(root, selector)).fontSize);
        expect(size, selector).to.be.at.least(18);
      }
      for (const selector of ['button[type="submit"]', '#phone', '.choice', '#locate', '#photos']) {
        expect($(root, selector).getBoundingClientRect().height, selector).to.be.at.least(60);
      }
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
      const { form, root } = await mount();
      await fill(form, 'category', 'water-leak');
      for (const selector of ['button[type="submit"]', '#category', '#name', '#phone', '.choice', '#locate', '#photos', '#address']) {
        expect($(root, selector).getBoundingClientRect().height, selector).to.be.at.least(44);
      }
    });
  });
});
