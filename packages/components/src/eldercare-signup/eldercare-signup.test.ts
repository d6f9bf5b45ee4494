import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EldercareApplicationCreate } from '@doorstep/sdk';
import type { DsAreaPicker } from '../area-picker/area-picker.js';
import {
  $,
  BIRTH_YEAR,
  DRAFT_STORAGE_KEY,
  atStep,
  back,
  choose,
  cleanSlate,
  fillConsent,
  fillContact,
  fillElder,
  fillFacts,
  fillServices,
  fillToReview,
  fillWho,
  mount,
  pickArea,
  proceed,
  summaryLinks,
  text,
  tick,
  type,
  until,
} from '../test-support/eldercare-helpers.js';
import { FakeEldercareApi, REFERENCE_CODE } from '../test-support/fake-eldercare.js';
import type { DsEldercareSignup } from './eldercare-signup.js';
import { STEPS } from './values.js';

const THEMES = ['default', 'elder'] as const;

/** The element focus is on, through shadow roots. */
function deepActive(root: ShadowRoot): Element | null {
  let element: Element | null = root.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

async function reachStep(widget: DsEldercareSignup, step: (typeof STEPS)[number]): Promise<void> {
  const fills = [fillWho, fillElder, fillServices, fillFacts, fillContact, fillConsent];
  for (const [index, fill] of fills.entries()) {
    if (STEPS[index] === step) return;
    await atStep(widget, STEPS[index]!);
    await fill(widget);
    await proceed(widget);
  }
}

describe('<ds-eldercare-signup>', () => {
  beforeEach(cleanSlate);

  describe('progress and steps', () => {
    it('shows "step N of M" as an ordered list with the current step marked', async () => {
      const { widget, root } = await mount();
      const steps = [...root.querySelectorAll('[part~="progress"] li')];
      expect(steps).to.have.length(7);
      expect(steps[0]!.getAttribute('aria-current')).to.equal('step');
      expect(steps.slice(1).every((step) => !step.hasAttribute('aria-current'))).to.be.true;
      expect(text(root, '.step-heading')).to.equal('第 1 步，共 7 步 谁在填写');
      expect(widget.getAttribute('step')).to.equal('who');
      await fillWho(widget);
      await proceed(widget);
      await atStep(widget, 'elder');
      const after = [...root.querySelectorAll('[part~="progress"] li')];
      expect(after[1]!.getAttribute('aria-current')).to.equal('step');
      expect(after[0]!.textContent).to.contain('已完成');
      expect(text(root, '.step-heading')).to.equal('第 2 步，共 7 步 老人信息');
    });

    for (const theme of THEMES) {
      it(`every step is accessible, clean and with its errors (${theme} theme)`, async () => {
        const { widget } = await mount({ theme });
        const fills = [fillWho, fillElder, fillServices, fillFacts, fillContact, fillConsent];
        for (const [index, fill] of fills.entries()) {
          await atStep(widget, STEPS[index]!);
          await expect(widget, `${STEPS[index]} clean`).to.be.accessible();
          if (STEPS[index] !== 'services') {
            await proceed(widget);
            expect(widget.currentStep, 'an incomplete step cannot be left').to.equal(STEPS[index]);
            await expect(widget, `${STEPS[index]} with errors`).to.be.accessible();
          }
          await fill(widget);
          await proceed(widget);
        }
        await atStep(widget, 'review');
        await expect(widget, 'review').to.be.accessible();
      });
    }

    it('moves focus to the step heading on every step change', async () => {
      const { widget, root } = await mount();
      await fillWho(widget);
      await proceed(widget);
      await atStep(widget, 'elder');
      await until(() => root.activeElement?.id === 'step-heading', 'focus did not move to the heading');
      await back(widget);
      await atStep(widget, 'who');
      expect(root.activeElement?.id).to.equal('step-heading');
    });

    it('each step says what is missing in a focused summary whose links reach the fields', async () => {
      const { widget, root } = await mount();
      await proceed(widget);
      await until(() => root.activeElement?.matches('[part="error-summary"]'), 'the summary did not get focus');
      expect(summaryLinks(root)).to.deep.equal(['role']);
      expect(text(root, '#role-error')).to.equal('错误：请选择是谁在填写');
      await choose(widget, 'role', 'steward');
      await type(widget, 'applicant-phone', '12345');
      await proceed(widget);
      expect(summaryLinks(root)).to.deep.equal(['applicant-name', 'applicant-phone']);
      expect(text(root, '#applicant-phone-error')).to.contain('请输入正确的电话号码');
      expect($(root, '#applicant-phone').getAttribute('aria-invalid')).to.equal('true');
      expect($(root, '#applicant-phone').getAttribute('aria-describedby')).to.contain('applicant-phone-error');
      $<HTMLAnchorElement>(root, '[part="error-link"][href="#applicant-phone"]').click();
      expect(root.activeElement?.id).to.equal('applicant-phone');
    });
  });

  describe('step 2: the elder', () => {
    it('checks name, year, phone (when the elder applies), building, room and living situation', async () => {
      const { widget, root } = await mount();
      await choose(widget, 'role', 'self');
      await proceed(widget);
      await atStep(widget, 'elder');
      expect($(root, '#elder-phone-hint').textContent).to.contain('后四位');
      await type(widget, 'birth-year', '45');
      await proceed(widget);
      expect(summaryLinks(root)).to.deep.equal(['elder-name', 'birth-year', 'elder-phone', 'area', 'room', 'living']);
      expect(text(root, '#birth-year-error')).to.contain('四位数字');
      await type(widget, 'birth-year', String(new Date().getFullYear() + 2));
      await proceed(widget);
      expect(text(root, '#birth-year-error')).to.contain('不能晚于今年');
      // The picker shows its own message next to its selects and names the level it needs.
      const picker = $<DsAreaPicker>(root, 'ds-area-picker');
      await until(() => picker.shadowRoot!.querySelector('[part="error"]'), 'the picker shows no error');
      expect(picker.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('请选到楼栋');
      await pickArea(widget, ['c-1', 'cp-1']);
      await proceed(widget);
      expect(root.querySelector('[part="error-link"][href="#area"]')?.textContent).to.contain('请选到楼栋');
      $<HTMLAnchorElement>(root, '[part="error-link"][href="#area"]').click();
      expect(deepActive(root)?.id).to.equal('level-building');
    });

    it('loads the programs of the community the building is in', async () => {
      const { api, widget } = await mount();
      await fillWho(widget);
      await proceed(widget);
      await atStep(widget, 'elder');
      await fillElder(widget);
      await until(() => api.received.some((request) => request.path === '/v1/eldercare/programs'), 'programs were not asked for');
      const asked = api.received.find((request) => request.path === '/v1/eldercare/programs')!;
      expect(asked.method).to.equal('GET');
      await proceed(widget);
      await atStep(widget, 'services');
      await until(() => widget.shadowRoot!.querySelectorAll('[part="program"]').length === 4, 'four programs');
      expect(text(widget.shadowRoot!, '#services-intro')).to.contain('幸福里社区');
    });
  });

  describe('step 3: services and the live estimate', () => {
    it('shows each program with a "likely eligible, because …" estimate and its prices', async () => {
      const { widget, root } = await mount();
      await reachStep(widget, 'services');
      await until(() => root.querySelector('#want-meals'), 'services');
      const meals = text(root, '#want-meals-eligibility');
      expect(meals).to.contain('可能符合条件');
      expect(meals).to.contain(`今年 85 岁，满 60 岁`);
      expect(meals).to.contain('每餐').and.to.contain('原价 ¥15.00，现 ¥10.00/餐');
      expect(meals).to.contain('如果符合，还可以享受：低保家庭免费送餐');
      expect(text(root, '#want-homeVisits-eligibility')).to.contain('独自居住');
      expect(text(root, '#want-housekeeping-eligibility')).to.contain('¥40.00/小时');
    });

    it('asks for the options of the services ticked, and only those', async () => {
      const { widget, root } = await mount();
      await reachStep(widget, 'services');
      await until(() => root.querySelector('#want-meals'), 'services');
      await proceed(widget);
      expect(summaryLinks(root)).to.deep.equal(['services']);
      await tick(widget, 'want-meals');
      await tick(widget, 'want-housekeeping');
      await type(widget, 'housekeeping-hours', '30');
      await proceed(widget);
      expect(summaryLinks(root)).to.deep.equal(['meal-mode', 'meals', 'meal-days', 'housekeeping-hours']);
      expect(text(root, '#housekeeping-hours-error')).to.contain('1 到 20');
      expect([...root.querySelectorAll('#meal-days input')].map((input) => (input as HTMLInputElement).value)).to.deep.equal(['1', '2', '3', '4', '5', '6']);
      await tick(widget, 'want-housekeeping');
      expect(root.querySelector('#housekeeping-hours')).to.be.null;
    });

    it('shows loading and a failure with a retry that recovers, all accessible', async () => {
      const api = new FakeEldercareApi();
      api.programsFailure = 500;
      const { widget, root } = await mount({ api });
      await reachStep(widget, 'services');
      await until(() => root.querySelector('[part="alert"]'), 'the failure');
      expect(text(root, '[part="alert"]')).to.contain('服务列表没能加载出来');
      await expect(widget).to.be.accessible();
      await proceed(widget);
      expect(summaryLinks(root)).to.deep.equal(['services']);
      api.programsFailure = undefined;
      api.programsDelayMs = 300;
      $<HTMLButtonElement>(root, '[part="alert"] button').click();
      await until(() => root.querySelector('[part="loading"]'), 'loading');
      expect(text(root, '[part="loading"]')).to.contain('正在加载');
      await expect(widget).to.be.accessible();
      await until(() => root.querySelector('#want-meals'), 'recovered');
    });

    it('a building in another community unchooses what that community does not offer', async () => {
      const { widget, root } = await mount();
      await reachStep(widget, 'services');
      await fillServices(widget);
      await back(widget);
      await atStep(widget, 'elder');
      await pickArea(widget, ['c-2', 'cp-4', 'b-9']);
      await proceed(widget);
      await atStep(widget, 'services');
      await until(() => root.querySelectorAll('[part="program"]').length === 1, 'c-2 programs');
      expect(widget.formValues.mealMode, 'delivery is not offered there').to.equal('');
      expect(widget.formValues.meals).to.deep.equal(['lunch']);
      expect(widget.formValues.mealDays).to.deep.equal([1, 2, 3, 4, 5]);
      await proceed(widget);
      expect(summaryLinks(root)).to.deep.equal(['meal-mode']);
    });

    it('says when a community offers nothing online, and is accessible', async () => {
      const { widget, root } = await mount();
      await fillWho(widget);
      await proceed(widget);
      await atStep(widget, 'elder');
      await fillElder(widget);
      await pickArea(widget, ['c-3', 'cp-6', 'b-20']);
      await proceed(widget);
      await atStep(widget, 'services');
      await until(() => root.querySelector('#services[part="notice"]'), 'no notice');
      expect(text(root, '#services')).to.contain('暂时没有可以在网上申请的养老服务');
      await expect(widget).to.be.accessible();
      await proceed(widget);
      expect(summaryLinks(root)).to.deep.equal(['services']);
    });

    it('lists only what the elder’s community offers', async () => {
      const { widget, root } = await mount();
      await fillWho(widget);
      await proceed(widget);
      await atStep(widget, 'elder');
      await fillElder(widget);
      await pickArea(widget, ['c-2', 'cp-4', 'b-9']);
      await proceed(widget);
      await atStep(widget, 'services');
      await until(() => root.querySelector('#want-meals'), 'c-2 programs');
      expect(root.querySelectorAll('[part="program"]')).to.have.length(1);
      await tick(widget, 'want-meals');
      expect([...root.querySelectorAll('#meal-mode input')].map((input) => (input as HTMLInputElement).value)).to.deep.equal(['canteen']);
    });
  });

  describe('step 4: circumstances', () => {
    it('updates the estimate as facts are answered, and announces a change of verdict', async () => {
      const { widget, root } = await mount();
      await fillWho(widget);
      await proceed(widget);
      await atStep(widget, 'elder');
      await fillElder(widget);
      // 55 this year: meals need a disability (or 60 years), so the estimate waits for that answer.
      await type(widget, 'birth-year', String(new Date().getFullYear() - 55));
      await proceed(widget);
      await atStep(widget, 'services');
      await fillServices(widget);
      expect(text(root, '#want-meals-eligibility')).to.contain('还不能确定').and.to.contain('是否有残疾');
      await proceed(widget);
      await atStep(widget, 'facts');
      expect(text(root, '#estimate-meals')).to.contain('送餐费').and.to.contain('¥3.00/餐');
      await choose(widget, 'lowIncome', 'yes');
      expect(text(root, '#estimate-meals')).to.match(/送餐费\s*免费/);
      expect(text(root, '.estimates')).to.contain('以社区审核结果为准');
      expect(text(root, '.estimates [aria-live]'), 'no change of verdict, nothing said').to.equal('');
      await choose(widget, 'disability', 'yes');
      expect(text(root, '#estimate-meals')).to.contain('可能符合条件').and.to.contain('有残疾');
      await until(() => text(root, '.estimates [aria-live]').includes('幸福食堂助餐'), 'no announcement');
      expect(text(root, '.estimates [aria-live]')).to.equal('根据目前的回答，可能符合条件的服务：幸福食堂助餐、关爱探访');
    });
  });

  describe('step 6: consent', () => {
    it('needs the data consent, and the separate health consent only when health information was given', async () => {
      const { widget, root } = await mount();
      await reachStep(widget, 'consent');
      await atStep(widget, 'consent');
      await proceed(widget);
      expect(summaryLinks(root)).to.deep.equal(['consent-personal', 'consent-health']);
      await tick(widget, 'consent-personal');
      await proceed(widget);
      expect(text(root, '#consent-health-error')).to.contain('健康信息');
      // Removing the health information (diet, disability answer) makes the health consent optional.
      await back(widget);
      await back(widget);
      await atStep(widget, 'facts');
      await choose(widget, 'disability', 'unsaid');
      await back(widget);
      await atStep(widget, 'services');
      await choose(widget, 'diet', 'lowSalt');
      for (let i = 0; i < 3; i++) await proceed(widget);
      await atStep(widget, 'consent');
      expect(text(root, '#consent-health-hint')).to.contain('可以不勾选');
      await proceed(widget);
      await atStep(widget, 'review');
    });
  });

  describe('back and forward', () => {
    it('keeps everything when going back and forward, and the review edits a step and returns', async () => {
      const { widget, root } = await mount();
      await fillToReview(widget);
      for (let i = 0; i < 6; i++) await back(widget);
      await atStep(widget, 'who');
      expect($<HTMLInputElement>(root, '#role input[value="family"]').checked).to.be.true;
      expect($<HTMLInputElement>(root, '#applicant-name').value).to.equal('王芳');
      await proceed(widget);
      await atStep(widget, 'elder');
      expect($<HTMLInputElement>(root, '#elder-name').value).to.equal('王秀英');
      expect($<DsAreaPicker>(root, 'ds-area-picker').value).to.equal('u-1-1');
      await proceed(widget);
      await atStep(widget, 'services');
      expect($<HTMLInputElement>(root, '#want-meals').checked).to.be.true;
      expect($<HTMLInputElement>(root, '#meal-mode input[value="delivery"]').checked).to.be.true;
      expect($<HTMLInputElement>(root, '#diet input[value="lowSalt"]').checked).to.be.true;
      for (let i = 0; i < 4; i++) await proceed(widget);
      await atStep(widget, 'review');
      const review = text(root, '[part="review"]');
      expect(review).to.contain('王秀英').and.to.contain(BIRTH_YEAR).and.to.contain('幸福里社区 › 幸福花园 › 1号楼 › 1单元 502');
      expect(review).to.contain('送餐上门：午餐、晚餐；周一、周二、周三、周四、周五').and.to.contain('低盐').and.to.contain('每周一次');

      const edit = $<HTMLButtonElement>(root, '[part~="edit-button"][aria-label="修改：紧急联系人"]');
      edit.click();
      await atStep(widget, 'contact');
      expect(text(root, '[part~="next-button"]')).to.equal('改好了，回到核对页');
      await type(widget, 'contact-name', '王小强');
      await proceed(widget);
      await atStep(widget, 'review');
      expect(text(root, '[part="review"]')).to.contain('王小强');
    });
  });

  describe('sending', () => {
    it('sends the application once, shows the reference code with a copy button, and is accessible', async () => {
      for (const theme of THEMES) {
        await cleanSlate();
        const { api, widget, root } = await mount({ theme });
        await fillToReview(widget);
        const submitted = oneEvent(widget, 'ds-eldercare-submitted');
        await proceed(widget);
        const { detail } = await submitted;
        expect(detail.code).to.equal(REFERENCE_CODE);
        await until(() => widget.state === 'success', 'success');
        expect(text(root, '[part="code"]')).to.equal(REFERENCE_CODE);
        await until(() => root.activeElement?.matches('[part="success"]'), 'focus on the confirmation');
        expect(api.applications).to.have.length(1);
        expect(api.applications[0]!.headers.get('idempotency-key')).to.be.a('string').and.not.empty;
        const body = api.applications[0]!.body as EldercareApplicationCreate;
        expect(body).to.deep.equal({
          applicant: { role: 'family', name: '王芳', phone: '13900001111', relationship: '女儿' },
          elder: { name: '王秀英', birthYear: Number(BIRTH_YEAR), areaId: 'u-1-1', room: '502', livingSituation: 'alone' },
          services: { meals: { mode: 'delivery', meals: ['lunch', 'dinner'], days: [1, 2, 3, 4, 5] }, homeVisits: { frequency: 'weekly' } },
          diet: { needs: ['lowSalt'] },
          facts: { lowIncome: true, disability: false, specialCare: null },
          emergencyContact: { name: '王强', phone: '13900002222', relationship: '儿子' },
          consent: { personalData: true, health: true },
        });
        expect(localStorage.getItem(DRAFT_STORAGE_KEY), 'the draft is gone once sent').to.be.null;
        await expect(widget).to.be.accessible();
      }
    });

    it('a server failure keeps everything and a retry sends with the same key', async () => {
      const { api, widget, root } = await mount();
      await fillToReview(widget);
      api.applyMode = 'server';
      await proceed(widget);
      await until(() => widget.state === 'submit-error', 'submit-error');
      expect(text(root, '[part="alert"]')).to.contain('填写的内容都还在');
      await expect(widget).to.be.accessible();
      api.applyMode = 'ok';
      $<HTMLButtonElement>(root, '[part~="retry-button"]').click();
      await until(() => widget.state === 'success', 'success after retry');
      const keys = api.applications.map((request) => request.headers.get('idempotency-key'));
      expect(keys).to.have.length(2);
      expect(keys[0]).to.equal(keys[1]);
    });

    it('the server’s field problems lead back to their step, in its words', async () => {
      const { api, widget, root } = await mount();
      await fillToReview(widget);
      api.applyMode = 'validation';
      await proceed(widget);
      await atStep(widget, 'elder');
      await until(() => summaryLinks(root).length > 0, 'no summary');
      expect(summaryLinks(root)).to.deep.equal(['room']);
      expect(text(root, '#room-error')).to.contain('这个门牌号在该楼栋不存在');
      expect(text(root, '[part~="next-button"]')).to.equal('改好了，回到核对页');
    });

    it('without a connection the application waits on the device and is sent later, once', async () => {
      const { api, widget, root } = await mount();
      await fillToReview(widget);
      api.applyMode = 'network';
      const queued = oneEvent(widget, 'ds-eldercare-queued');
      await proceed(widget);
      const { detail } = await queued;
      await until(() => widget.state === 'queued', 'queued');
      expect(text(root, '[part="queued"]')).to.contain('已保存在这台设备上');
      await expect(widget).to.be.accessible();
      api.applyMode = 'ok';
      $<HTMLButtonElement>(root, '[part="queued"] button').click();
      await until(() => widget.state === 'success', 'sent from the outbox');
      const keys = new Set(api.applications.map((request) => request.headers.get('idempotency-key')));
      expect([...keys]).to.deep.equal([detail.key]);
    });
  });

  describe('keyboard', () => {
    it('can be completed with the keyboard alone', async () => {
      const { api, widget, root } = await mount();
      const active = () => deepActive(root);
      const press = async (key: string) => {
        await sendKeys({ press: key });
        await widget.updateComplete;
      };
      const tabTo = async (id: string, limit = 20) => {
        for (let i = 0; i < limit; i++) {
          await press('Tab');
          if (active()?.id === id || (active() as HTMLInputElement | null)?.name === id) return;
        }
        throw new Error(`Tab never reached ${id} (at ${active()?.id || active()?.tagName})`);
      };
      const typeInto = async (id: string, value: string) => {
        await tabTo(id);
        await sendKeys({ type: value });
        await widget.updateComplete;
      };
      const tabToSubmit = async () => {
        for (let i = 0; i < 30 && active()?.getAttribute('type') !== 'submit'; i++) await press('Tab');
        expect(active()?.getAttribute('type'), 'the main button').to.equal('submit');
      };
      const enterAndWait = async (step: (typeof STEPS)[number]) => {
        await tabToSubmit();
        await press('Enter');
        await atStep(widget, step);
        await until(() => root.activeElement?.id === 'step-heading', 'heading focus');
      };
      $<HTMLElement>(root, '#step-heading').focus();
      // Step 1: the first radio, then arrow to "family".
      await tabTo('role');
      await press('ArrowDown');
      await typeInto('applicant-name', '王芳');
      await typeInto('applicant-phone', '13900001111');
      await enterAndWait('elder');
      await typeInto('elder-name', '王秀英');
      await typeInto('birth-year', BIRTH_YEAR);
      await tabTo('level-community');
      await press('ArrowDown');
      await until(() => !$<DsAreaPicker>(root, 'ds-area-picker').shadowRoot!.querySelector<HTMLSelectElement>('#level-compound')!.disabled, 'compounds');
      await tabTo('level-compound');
      await press('ArrowDown');
      await tabTo('level-building');
      await press('ArrowDown');
      await typeInto('room', '502');
      await tabTo('living');
      await press('Space');
      await enterAndWait('services');
      await until(() => root.querySelector('#want-meals'), 'services');
      await tabTo('want-homeVisits');
      await press('Space');
      await tabTo('visit-frequency');
      await press('Space');
      await enterAndWait('facts');
      for (const fact of ['lowIncome', 'disability', 'specialCare']) {
        await tabTo(fact);
        await press('Space');
      }
      await enterAndWait('contact');
      await typeInto('contact-name', '王强');
      await typeInto('contact-phone', '13900002222');
      await typeInto('contact-relationship', '儿子');
      await enterAndWait('consent');
      await tabTo('consent-personal');
      await press('Space');
      await tabTo('consent-health');
      await press('Space');
      await enterAndWait('review');
      await tabToSubmit();
      expect(active()?.textContent).to.contain('提交申请');
      await press('Enter');
      await until(() => widget.state === 'success', 'keyboard submission did not succeed');
      const body = api.applications[0]!.body as EldercareApplicationCreate;
      expect(body.applicant).to.deep.equal({ role: 'family', name: '王芳', phone: '13900001111' });
      expect(body.elder.areaId).to.equal('b-1');
      expect(body.services).to.deep.equal({ homeVisits: { frequency: 'weekly' } });
      expect(body.facts).to.deep.equal({ lowIncome: true, disability: true, specialCare: true });
    });
  });

  describe('draft', () => {
    it('restores what was entered after a reload, but never the circumstances, diet or consents', async () => {
      const first = await mount();
      await reachStep(first.widget, 'contact');
      await atStep(first.widget, 'contact');
      await type(first.widget, 'contact-name', '王强');
      first.widget.remove();
      const stored = localStorage.getItem(DRAFT_STORAGE_KEY)!;
      expect(stored).to.contain('王秀英').and.to.contain('王强');
      for (const secret of ['lowIncome', 'disability', 'specialCare', 'lowSalt', 'consent']) expect(stored, secret).not.to.contain(secret);

      const { widget, root } = await mount();
      await atStep(widget, 'facts');
      expect(text(root, '[part="notice"]')).to.contain('已恢复上次没有填完的内容');
      expect(widget.formValues.elderName).to.equal('王秀英');
      expect(widget.formValues.contactName).to.equal('王强');
      expect(widget.formValues.lowIncome).to.equal('');
      expect(widget.formValues.diet).to.deep.equal([]);
      expect(widget.formValues.wanted).to.deep.equal(['meals', 'homeVisits']);
      await expect(widget).to.be.accessible();

      $<HTMLButtonElement>(root, '[part~="forget-button"]').click();
      await atStep(widget, 'who');
      expect(localStorage.getItem(DRAFT_STORAGE_KEY)).to.be.null;
      expect(widget.formValues.elderName).to.equal('');
      expect(text(root, '[part="notice"]')).to.contain('已清空');
    });
  });

  describe('status check', () => {
    for (const theme of THEMES) {
      it(`checks with the reference code and the last 4 digits; wrong ones get the server's answer (${theme} theme)`, async () => {
        const api = new FakeEldercareApi();
        api.remember(
          {
            code: REFERENCE_CODE,
            status: 'approved',
            communityName: '幸福里社区',
            elderName: '王**',
            contactPhone: '139****1111',
            services: { meals: { mode: 'delivery', meals: ['lunch'], days: [1, 3, 5] } },
            granted: { meals: { mode: 'delivery', meals: ['lunch'], days: [1, 3] } },
            startDate: '2026-12-01',
            reason: null,
            createdAt: '2026-11-23T09:30:00+08:00',
            updatedAt: '2026-11-24T10:00:00+08:00',
          },
          { elder: { name: '王秀英', birthYear: 1941, areaId: 'u-1-1', room: '502', livingSituation: 'alone' }, applicant: { role: 'family', phone: '13900001111' } },
        );
        const { widget, root } = await mount({ api, mode: 'status', theme });
        expect(text(root, '.title')).to.equal('查询养老服务申请进度');
        await expect(widget).to.be.accessible();
        $<HTMLButtonElement>(root, '[part~="next-button"]').click();
        await widget.updateComplete;
        expect(summaryLinks(root)).to.deep.equal(['status-code', 'status-last4']);
        await expect(widget).to.be.accessible();
        await type(widget, 'status-code', 'ec 7k2m 9qx4');
        await type(widget, 'status-last4', '0000');
        $<HTMLButtonElement>(root, '[part~="next-button"]').click();
        await until(() => root.querySelector('.status-alert'), 'no failure shown');
        expect(text(root, '.status-alert')).to.contain('没有找到与这个申请编号和电话后四位相符的申请');
        await expect(widget).to.be.accessible();
        await type(widget, 'status-last4', '1111');
        const found = oneEvent(widget, 'ds-eldercare-status');
        $<HTMLButtonElement>(root, '[part~="next-button"]').click();
        expect((await found).detail.status).to.equal('approved');
        await until(() => root.activeElement?.matches('[part="status-result"]'), 'focus on the result');
        const result = text(root, '[part="status-result"]');
        expect(result).to.contain('申请进度：已批准').and.to.contain('2026年12月1日').and.to.contain('周一、周三').and.to.contain('王**');
        expect(result).not.to.contain('王秀英');
        await expect(widget).to.be.accessible();
      });
    }

    it('after sending, "check progress" opens the status check with the code filled in', async () => {
      const { widget, root } = await mount();
      await fillToReview(widget);
      await proceed(widget);
      await until(() => widget.state === 'success', 'success');
      [...root.querySelectorAll<HTMLButtonElement>('[part~="button"]')].find((button) => button.textContent?.includes('查询进度'))!.click();
      await until(() => widget.state === 'status', 'status mode');
      expect($<HTMLInputElement>(root, '#status-code').value).to.equal(REFERENCE_CODE);
      expect(root.activeElement?.id).to.equal('status-last4');
    });
  });

  it('explains itself when no API is configured', async () => {
    const widget = await fixture<DsEldercareSignup>(html`<ds-eldercare-signup></ds-eldercare-signup>`);
    expect(widget.state).to.equal('unconfigured');
    expect(text(widget.shadowRoot!, '[part="notice"]')).to.contain('暂时无法使用');
    await expect(widget).to.be.accessible();
  });

  it('speaks English and Traditional Chinese', async () => {
    const en = await mount({ locale: 'en' });
    expect(text(en.root, '.step-heading')).to.equal('Step 1 of 7 Who is applying');
    expect(text(en.root, '[part~="next-button"]')).to.equal('Continue');
    en.widget.parentElement!.remove();
    await cleanSlate();
    const tw = await mount({ locale: 'zh-TW' });
    expect(text(tw.root, '.title')).to.equal('居家照顧服務申請');
  });
});
