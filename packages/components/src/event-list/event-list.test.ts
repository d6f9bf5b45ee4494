import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { NetworkError, type EventRegistrationPublic } from '@doorstep/sdk';
import '../define/index.js';
import type { DsProvider } from '../provider/provider.js';
import { FakeEventsApi, REGISTRATION_CODE, SIGNUP_PHONE, fakeEventsClient } from '../test-support/fake-events.js';
import type { DsEventList, EventListState } from './event-list.js';

interface Mounted {
  api: FakeEventsApi;
  widget: DsEventList;
  root: ShadowRoot;
}

const DRAFT_PREFIX = 'doorstep:draft:event-list:';

async function mount(
  options: { locale?: string; theme?: 'default' | 'elder'; api?: FakeEventsApi; waitFor?: EventListState } = {},
): Promise<Mounted> {
  const api = options.api ?? new FakeEventsApi();
  const provider = await fixture<DsProvider>(html`
    <ds-provider .client=${fakeEventsClient(api)} locale=${options.locale ?? 'zh-CN'} theme=${options.theme ?? 'default'}>
      <ds-event-list area="c-1"></ds-event-list>
    </ds-provider>
  `);
  const widget = provider.querySelector('ds-event-list')!;
  const wanted = options.waitFor ?? 'list';
  await waitUntil(() => widget.state === wanted, `widget never became ${wanted} (is ${widget.state})`);
  await widget.updateComplete;
  return { api, widget, root: widget.shadowRoot! };
}

function $<T extends Element = HTMLElement>(root: ShadowRoot, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

const text = (root: ShadowRoot, selector: string) => $(root, selector).textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function fill(widget: DsEventList, id: string, value: string): Promise<void> {
  const control = $<HTMLInputElement | HTMLSelectElement>(widget.shadowRoot!, `#${id}`);
  control.value = value;
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  await widget.updateComplete;
}

async function open(widget: DsEventList, eventId: string): Promise<void> {
  $<HTMLButtonElement>(widget.shadowRoot!, `#signup-${eventId}`).click();
  await waitUntil(() => widget.state === 'form');
  await widget.updateComplete;
}

async function submit(widget: DsEventList): Promise<void> {
  $<HTMLButtonElement>(widget.shadowRoot!, 'button[type="submit"]').click();
  await widget.updateComplete;
}

async function fillReading(widget: DsEventList): Promise<void> {
  await fill(widget, 'name', '李梅');
  await fill(widget, 'phone', SIGNUP_PHONE);
  await fill(widget, 'people', '2');
  await fill(widget, 'ages', '4');
}

describe('<ds-event-list>', () => {
  beforeEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith(DRAFT_PREFIX)) localStorage.removeItem(key);
  });

  describe('states', () => {
    it('shows a loading status, and is accessible', async () => {
      const api = new FakeEventsApi();
      api.listDelayMs = 60_000;
      const { widget, root } = await mount({ api, waitFor: 'loading' });
      expect(text(root, '[role="status"]')).to.contain('正在加载活动');
      await expect(widget).to.be.accessible();
    });

    it('shows a load failure with a retry that recovers', async () => {
      const api = new FakeEventsApi();
      api.listFailure = 500;
      const { widget, root } = await mount({ api, waitFor: 'load-error' });
      await expect(widget).to.be.accessible();
      api.listFailure = undefined;
      $<HTMLButtonElement>(root, '[part~="retry-button"]').click();
      await waitUntil(() => widget.state === 'list');
      expect(api.received.filter((request) => request.path === '/v1/events')).to.have.length(2);
      expect(api.received[0]!.search?.get('area')).to.equal('c-1');
    });

    it('says when nothing is planned', async () => {
      const api = new FakeEventsApi();
      api.events = [];
      const { widget, root } = await mount({ api, waitFor: 'empty', locale: 'en' });
      expect(text(root, '[part~="notice"]')).to.contain('Nothing is planned yet');
      await expect(widget).to.be.accessible();
    });

    for (const theme of ['default', 'elder'] as const) {
      it(`lists events with seats, a full one with its queue and a cancelled one, accessibly (${theme} theme)`, async () => {
        const { widget, root } = await mount({ theme });
        const events = [...root.querySelectorAll('[part~="event"]')];
        expect(events).to.have.length(3);
        expect(text(root, '[part~="event"]:nth-of-type(1)')).to.contain('周末亲子阅读会');
        const [reading, cutting, dance] = events.map((event) => event.textContent!.replace(/\s+/g, ' '));
        expect(reading).to.contain('还剩 8 个名额（共 20 个）').and.to.contain('3–6 岁儿童及家长').and.to.contain('09:30–11:00');
        expect(cutting).to.contain('名额已满，可以报名候补').and.to.contain('已有 2 人在候补');
        expect(dance).to.contain('活动已取消');
        expect(root.querySelector('#signup-ev-cancelled')).to.equal(null);
        expect(text(root, '#signup-ev-paper-cutting')).to.equal('报名候补');
        expect($(root, '#signup-ev-reading').getAttribute('aria-label')).to.equal('报名：周末亲子阅读会');
        await expect(widget).to.be.accessible();
      });

      it(`is accessible with the form open and with validation errors (${theme} theme)`, async () => {
        const { widget } = await mount({ theme });
        await open(widget, 'ev-reading');
        await expect(widget).to.be.accessible();
        await submit(widget);
        await expect(widget).to.be.accessible();
      });

      it(`is accessible signed up, waitlisted, failed and cancelled (${theme} theme)`, async () => {
        const { api, widget, root } = await mount({ theme });
        await open(widget, 'ev-reading');
        await fillReading(widget);
        await submit(widget);
        await waitUntil(() => widget.state === 'registered');
        await expect(widget).to.be.accessible();
        $<HTMLButtonElement>(root, '.success .button--secondary:last-of-type').click();
        await waitUntil(() => widget.state === 'list');
        await open(widget, 'ev-paper-cutting');
        api.signUpMode = 'server';
        await fill(widget, 'name', '李梅');
        await fill(widget, 'phone', SIGNUP_PHONE);
        await submit(widget);
        await waitUntil(() => widget.state === 'submit-error');
        await expect(widget).to.be.accessible();
        api.signUpMode = 'ok';
        $<HTMLButtonElement>(root, '[part~="retry-button"]').click();
        await waitUntil(() => widget.state === 'registered');
        expect(text(root, '.success-heading')).to.equal('已报名候补，排在第 3 位');
        await expect(widget).to.be.accessible();
        $<HTMLButtonElement>(root, '.success .button--secondary:last-of-type').click();
        await waitUntil(() => widget.state === 'list');
        $<HTMLButtonElement>(root, '.manage-link button').click();
        await waitUntil(() => widget.state === 'manage');
        await expect(widget).to.be.accessible();
        await fill(widget, 'manage-code', REGISTRATION_CODE);
        await fill(widget, 'manage-phone', SIGNUP_PHONE);
        await submit(widget);
        await waitUntil(() => root.querySelector('#found-heading'));
        await expect(widget).to.be.accessible();
        $<HTMLButtonElement>(root, '.button--danger-outline').click();
        await widget.updateComplete;
        $<HTMLButtonElement>(root, '.button--danger').click();
        await waitUntil(() => widget.state === 'cancelled');
        await expect(widget).to.be.accessible();
      });
    }
  });

  describe('signing up', () => {
    it('moves focus to the form, asks for children’s ages where the event does, and sends them', async () => {
      const { api, widget, root } = await mount();
      await open(widget, 'ev-reading');
      expect(root.activeElement?.id).to.equal('form-heading');
      expect([...root.querySelectorAll<HTMLOptionElement>('#people option')].map((option) => option.value)).to.deep.equal(['1', '2', '3']);
      await fill(widget, 'name', '李梅');
      await fill(widget, 'phone', SIGNUP_PHONE);
      await fill(widget, 'people', '3');
      await fill(widget, 'ages', '4，7');
      const registered = oneEvent(widget, 'ds-event-registered') as Promise<CustomEvent<EventRegistrationPublic>>;
      await submit(widget);
      expect((await registered).detail.status).to.equal('confirmed');
      await waitUntil(() => widget.state === 'registered');
      expect(api.signUps[0]!.path).to.equal('/v1/events/ev-reading/registrations');
      expect(api.signUps[0]!.body).to.deep.equal({ name: '李梅', phone: SIGNUP_PHONE, people: 3, childrenAges: [4, 7] });
      expect(text(root, '.success-heading')).to.equal('报名成功');
      expect(text(root, '[part="code"]')).to.equal(REGISTRATION_CODE);
      expect(text(root, '[aria-live="polite"][aria-atomic="true"]')).to.contain(REGISTRATION_CODE);
      expect(root.activeElement?.matches('[part~="success"]')).to.equal(true);
    });

    it('does not ask for ages where the event does not, and warns that a full event means the waitlist', async () => {
      const { api, widget, root } = await mount({ locale: 'en' });
      await open(widget, 'ev-paper-cutting');
      expect(root.querySelector('#ages')).to.equal(null);
      expect(text(root, '.signup [part~="notice"]')).to.contain('This event is full');
      expect(text(root, 'button[type="submit"]')).to.equal('Join the waitlist');
      await fill(widget, 'name', 'Li Mei');
      await fill(widget, 'phone', SIGNUP_PHONE);
      await submit(widget);
      await waitUntil(() => widget.state === 'registered');
      expect(api.signUps[0]!.body).to.deep.equal({ name: 'Li Mei', phone: SIGNUP_PHONE, people: 1 });
      expect(text(root, '.success-heading')).to.equal('You are on the waitlist, number 3');
      expect(text(root, '.success')).to.contain('places are passed on in order');
    });

    it('lists the problems in a focused summary and on each field', async () => {
      const { widget, root } = await mount();
      await open(widget, 'ev-reading');
      await fill(widget, 'people', '1');
      await fill(widget, 'ages', '4, 7');
      await fill(widget, 'phone', '1381234');
      await submit(widget);
      await waitUntil(() => root.activeElement?.matches('[part="error-summary"]'));
      expect([...root.querySelectorAll('[part="error-link"]')].map((link) => link.getAttribute('href'))).to.deep.equal(['#name', '#phone', '#ages']);
      expect(text(root, '#ages-error')).to.contain('孩子的人数不能多于参加人数');
      await fill(widget, 'ages', '四岁');
      await submit(widget);
      expect(text(root, '#ages-error')).to.contain('0 到 17 之间的整数');
      expect($(root, '#ages').getAttribute('aria-describedby')).to.contain('ages-error');
      ($<HTMLAnchorElement>(root, '[part="error-link"][href="#name"]')).click();
      expect(root.activeElement?.id).to.equal('name');
    });

    it('shows “already signed up” from the server on the phone field', async () => {
      const { api, widget, root } = await mount();
      api.signUpMode = 'taken';
      await open(widget, 'ev-reading');
      await fillReading(widget);
      await submit(widget);
      await waitUntil(() => root.querySelector('#phone-error'));
      expect(text(root, '#phone-error')).to.contain('已经报名了这个活动');
      expect(widget.state).to.equal('form');
    });

    it('keeps everything after a network failure and retries with the same idempotency key', async () => {
      const { api, widget, root } = await mount();
      api.signUpMode = 'network';
      await open(widget, 'ev-reading');
      await fillReading(widget);
      const failed = oneEvent(widget, 'ds-error');
      await submit(widget);
      expect((await failed).detail.error).to.be.instanceOf(NetworkError);
      await waitUntil(() => widget.state === 'submit-error');
      expect(text(root, '[part~="alert"]')).to.contain('网络连接中断');
      expect(widget.formValues).to.deep.equal({ name: '李梅', phone: SIGNUP_PHONE, people: '2', ages: '4' });
      api.signUpMode = 'ok';
      $<HTMLButtonElement>(root, '[part~="retry-button"]').click();
      await waitUntil(() => widget.state === 'registered');
      const [first, retry] = api.signUps;
      expect(retry!.headers.get('idempotency-key')).to.equal(first!.headers.get('idempotency-key'));
    });

    it('is busy while sending and never sends twice', async () => {
      const { api, widget } = await mount();
      api.signUpMode = 'slow';
      await open(widget, 'ev-reading');
      await fillReading(widget);
      await submit(widget);
      await waitUntil(() => api.signUps.length === 1);
      expect(widget.state).to.equal('submitting');
      await submit(widget);
      await widget.submit();
      expect(api.signUps).to.have.length(1);
      api.release();
      await waitUntil(() => widget.state === 'registered');
    });

    it('reopens a half-filled form after a reload, and forgets it once sent', async () => {
      const first = await mount();
      await open(first.widget, 'ev-reading');
      await fill(first.widget, 'name', '李梅');
      await fill(first.widget, 'ages', '5');
      first.widget.remove();
      const second = await mount({ waitFor: 'form' });
      expect(second.widget.selectedEvent?.id).to.equal('ev-reading');
      expect(second.widget.formValues).to.include({ name: '李梅', ages: '5' });
      await fill(second.widget, 'phone', SIGNUP_PHONE);
      await submit(second.widget);
      await waitUntil(() => second.widget.state === 'registered');
      expect(localStorage.getItem(`${DRAFT_PREFIX}c-1`)).to.equal(null);
    });

    it('“back to the events” returns focus to the event’s button', async () => {
      const { widget, root } = await mount();
      await open(widget, 'ev-paper-cutting');
      $<HTMLButtonElement>(root, '.actions .button--secondary').click();
      await waitUntil(() => widget.state === 'list');
      await widget.updateComplete;
      expect(root.activeElement?.id).to.equal('signup-ev-paper-cutting');
    });
  });

  describe('add to calendar', () => {
    let saved: Blob[] = [];
    let created: typeof URL.createObjectURL;
    beforeEach(() => {
      saved = [];
      created = URL.createObjectURL;
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        saved.push(blob as Blob);
        return 'blob:test';
      };
    });
    afterEach(() => {
      URL.createObjectURL = created;
    });

    it('downloads the event’s .ics in the widget’s language and says so', async () => {
      const { api, widget, root } = await mount({ locale: 'en' });
      const clicks: string[] = [];
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        clicks.push(this.download);
      };
      try {
        $<HTMLButtonElement>(root, '[part~="event"]:first-of-type [part~="calendar-button"]').click();
        await waitUntil(() => saved.length === 1, 'no file saved');
      } finally {
        HTMLAnchorElement.prototype.click = click;
      }
      expect(clicks).to.deep.equal(['ev-reading.ics']);
      expect(saved[0]!.type).to.equal('text/calendar');
      expect(await saved[0]!.text()).to.contain('UID:event-ev-reading@doorstep');
      const request = api.received.find((candidate) => candidate.path.endsWith('.ics'))!;
      expect(request.search?.get('lang')).to.equal('en');
      await widget.updateComplete;
      expect(text(root, '#calendar-note-ev-reading')).to.contain('Calendar file downloaded');
      expect(root.querySelector('#calendar-note-ev-paper-cutting')!.textContent!.trim()).to.equal('');
    });

    it('says when the download failed', async () => {
      const api = new FakeEventsApi();
      api.calendarFailure = 500;
      const { widget, root } = await mount({ api });
      $<HTMLButtonElement>(root, '[part~="calendar-button"]').click();
      await waitUntil(() => root.querySelector('#calendar-note-ev-reading')?.textContent?.includes('没能下载'));
      expect(saved).to.have.length(0);
      await expect(widget).to.be.accessible();
    });
  });

  describe('check and cancel', () => {
    it('finds a waitlisted sign-up by a loosely typed code and shows its place in the queue', async () => {
      const api = new FakeEventsApi();
      api.seedRegistration('waitlisted');
      const { widget, root } = await mount({ api });
      $<HTMLButtonElement>(root, '.manage-link button').click();
      await waitUntil(() => widget.state === 'manage');
      await fill(widget, 'manage-code', 'ev 7k2m 9qx4');
      await fill(widget, 'manage-phone', SIGNUP_PHONE);
      await submit(widget);
      await waitUntil(() => root.querySelector('#found-heading'));
      expect(text(root, '.found')).to.contain('候补第 1 位');
      expect(api.received.some((request) => request.path === `/v1/event-registrations/${REGISTRATION_CODE}`)).to.equal(true);
    });

    it('checks the code format and names an unknown code on its field', async () => {
      const { widget, root } = await mount();
      $<HTMLButtonElement>(root, '.manage-link button').click();
      await waitUntil(() => widget.state === 'manage');
      await fill(widget, 'manage-code', 'AP-7K2M-9QX4');
      await fill(widget, 'manage-phone', SIGNUP_PHONE);
      await submit(widget);
      expect(text(root, '#manage-code-error')).to.contain('报名码的格式不对');
      await fill(widget, 'manage-code', 'EV-ZZZZ-ZZZZ');
      await submit(widget);
      await waitUntil(() => root.querySelector('#manage-code-error')?.textContent?.includes('没有找到'));
    });

    it('cancels after a confirmation, reports a wrong phone on its field, and fires the event', async () => {
      const api = new FakeEventsApi();
      api.seedRegistration();
      const { widget, root } = await mount({ api });
      $<HTMLButtonElement>(root, '.manage-link button').click();
      await waitUntil(() => widget.state === 'manage');
      await fill(widget, 'manage-code', REGISTRATION_CODE);
      await fill(widget, 'manage-phone', '13900000000');
      await submit(widget);
      await waitUntil(() => root.querySelector('#found-heading'));
      $<HTMLButtonElement>(root, '.button--danger-outline').click();
      await widget.updateComplete;
      expect(root.activeElement?.id).to.equal('confirm-cancel');
      $<HTMLButtonElement>(root, '.button--danger').click();
      await waitUntil(() => root.querySelector('#manage-phone-error'));
      await fill(widget, 'manage-phone', SIGNUP_PHONE);
      const cancelled = oneEvent(widget, 'ds-event-registration-cancelled');
      $<HTMLButtonElement>(root, '.button--danger').click();
      expect((await cancelled).detail.status).to.equal('cancelled');
      await waitUntil(() => widget.state === 'cancelled');
      expect(text(root, '.success-heading')).to.equal('报名已取消');
    });
  });

  describe('keyboard', () => {
    it('can sign up with the keyboard alone', async () => {
      const { api, widget, root } = await mount();
      const before = document.createElement('button');
      before.textContent = 'before';
      widget.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(root.activeElement?.id).to.equal('signup-ev-reading');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => widget.state === 'form');
      await widget.updateComplete;
      await sendKeys({ press: 'Tab' });
      expect(root.activeElement?.id).to.equal('name');
      await sendKeys({ type: '李梅' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: SIGNUP_PHONE });
      await sendKeys({ press: 'Tab' });
      expect(root.activeElement?.id).to.equal('people');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '5' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => widget.state === 'registered', 'keyboard sign-up did not succeed');
      expect(api.signUps[0]!.body).to.deep.equal({ name: '李梅', phone: SIGNUP_PHONE, people: 2, childrenAges: [5] });
    });
  });

  describe('elder theme', () => {
    it('uses text of at least 18px and targets of at least 60px', async () => {
      const { widget, root } = await mount({ theme: 'elder' });
      for (const selector of ['.event-title', '.details dd', '.badge', '[part~="signup-button"]']) {
        expect(parseFloat(getComputedStyle($(root, selector)).fontSize), selector).to.be.at.least(18);
      }
      for (const selector of ['[part~="signup-button"]', '[part~="calendar-button"]', '.manage-link button']) {
        expect($(root, selector).getBoundingClientRect().height, selector).to.be.at.least(60);
      }
      await open(widget, 'ev-reading');
      for (const selector of ['#name', '#people', '#ages', 'button[type="submit"]']) {
        expect($(root, selector).getBoundingClientRect().height, selector).to.be.at.least(60);
      }
    });
  });
});
