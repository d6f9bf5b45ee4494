import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { NetworkError, addDays, calendarDateOf, type AppointmentPublic } from '@doorstep/sdk';
import '../define/index.js';
import type { DsProvider } from '../provider/provider.js';
import {
  APPOINTMENT_CODE,
  BOOKING_PHONE,
  FakeAppointmentsApi,
  fakeAppointmentsClient,
  fakeSlotDays,
} from '../test-support/fake-appointments.js';
import type { AppointmentBookingState, DsAppointmentBooking } from './appointment-booking.js';

interface Mounted {
  api: FakeAppointmentsApi;
  widget: DsAppointmentBooking;
  root: ShadowRoot;
}

const DRAFT_PREFIX = 'doorstep:draft:appointment-booking:';

async function mount(
  options: { locale?: string; theme?: 'default' | 'elder'; api?: FakeAppointmentsApi; waitFor?: AppointmentBookingState; area?: string } = {},
): Promise<Mounted> {
  const api = options.api ?? new FakeAppointmentsApi();
  const provider = await fixture<DsProvider>(html`
    <ds-provider .client=${fakeAppointmentsClient(api)} locale=${options.locale ?? 'zh-CN'} theme=${options.theme ?? 'default'}>
      <ds-appointment-booking area=${options.area ?? 'c-1'}></ds-appointment-booking>
    </ds-provider>
  `);
  const widget = provider.querySelector('ds-appointment-booking')!;
  const wanted = options.waitFor ?? 'ready';
  await waitUntil(() => widget.state === wanted, `widget never became ${wanted} (is ${widget.state})`);
  await widget.updateComplete;
  return { api, widget, root: widget.shadowRoot! };
}

function $<T extends Element = HTMLElement>(root: ShadowRoot, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

function text(root: ShadowRoot, selector: string): string {
  return $(root, selector).textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Picks the radio with `value` in the group whose fieldset has id `group`. */
async function choose(widget: DsAppointmentBooking, group: string, value: string): Promise<void> {
  await waitUntil(() => widget.shadowRoot!.querySelector(`#${group} input[value="${value}"]`), `no ${value} in #${group}`);
  const radio = $<HTMLInputElement>(widget.shadowRoot!, `#${group} input[value="${value}"]`);
  radio.click();
  await widget.updateComplete;
}

async function type(widget: DsAppointmentBooking, id: string, value: string): Promise<void> {
  const control = $<HTMLInputElement | HTMLTextAreaElement>(widget.shadowRoot!, `#${id}`);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  await widget.updateComplete;
}

async function submit(widget: DsAppointmentBooking): Promise<void> {
  $<HTMLButtonElement>(widget.shadowRoot!, 'button[type="submit"]').click();
  await widget.updateComplete;
}

const [FIRST_DAY, SECOND_DAY] = fakeSlotDays();

/** Service, on site, the first day's 09:30 slot (s-2, 2 places left), contact. */
async function fillOnSite(widget: DsAppointmentBooking): Promise<void> {
  await choose(widget, 'service', 'pension-check');
  await choose(widget, 'mode', 'on_site');
  await choose(widget, 'day', FIRST_DAY);
  await choose(widget, 'slot', 's-2');
  await type(widget, 'name', '王秀英');
  await type(widget, 'phone', BOOKING_PHONE);
}

describe('<ds-appointment-booking>', () => {
  beforeEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith(DRAFT_PREFIX)) localStorage.removeItem(key);
  });

  describe('states', () => {
    it('shows a loading status while the services load, and is accessible', async () => {
      const api = new FakeAppointmentsApi();
      api.listDelayMs = 60_000;
      const { widget, root } = await mount({ api, waitFor: 'loading' });
      expect(text(root, '[role="status"]')).to.contain('正在加载');
      expect($(root, '[part="base"]').getAttribute('aria-busy')).to.equal('true');
      await expect(widget).to.be.accessible();
    });

    it('asks only for the area’s services', async () => {
      const { api } = await mount({ area: 'cp-3' });
      expect(api.received[0]!.path).to.equal('/v1/appointments/services');
      expect(api.received[0]!.search?.get('area')).to.equal('cp-3');
    });

    it('shows a load failure with a retry that recovers', async () => {
      const api = new FakeAppointmentsApi();
      api.listFailure = 500;
      const { widget, root } = await mount({ api, waitFor: 'load-error' });
      expect(text(root, '[role="alert"]')).to.contain('没能加载出来');
      await expect(widget).to.be.accessible();
      api.listFailure = undefined;
      $<HTMLButtonElement>(root, '[part~="retry-button"]').click();
      await waitUntil(() => widget.state === 'ready');
      expect(root.querySelectorAll('#service input[type="radio"]')).to.have.length(2);
    });

    it('says when there is nothing to book, and still offers to manage a booking', async () => {
      const api = new FakeAppointmentsApi();
      api.services = [];
      const { widget, root } = await mount({ api, waitFor: 'empty', locale: 'en' });
      expect(text(root, '[part~="notice"]')).to.contain('There is nothing to book here');
      expect(text(root, '.manage-link')).to.equal('Already booked? Move or cancel it');
      await expect(widget).to.be.accessible();
    });

    for (const theme of ['default', 'elder'] as const) {
      it(`is accessible choosing a time, with a full day and a full time (${theme} theme)`, async () => {
        const { widget, root } = await mount({ theme });
        await choose(widget, 'service', 'pension-check');
        expect(text(root, '[part="materials"]')).to.contain('本人身份证原件').and.to.contain('社会保障卡');
        await choose(widget, 'mode', 'on_site');
        await choose(widget, 'day', FIRST_DAY);
        const times = [...root.querySelectorAll<HTMLInputElement>('#slot input')];
        expect(times.map((input) => input.disabled)).to.deep.equal([true, false, false]);
        expect(text(root, '#slot')).to.contain('09:00–09:30').and.to.contain('已约满').and.to.contain('剩 2 个名额');
        await expect(widget).to.be.accessible();
      });

      it(`is accessible with validation errors (${theme} theme)`, async () => {
        const { widget } = await mount({ theme });
        await submit(widget);
        await expect(widget).to.be.accessible();
        await choose(widget, 'service', 'pension-check');
        await choose(widget, 'mode', 'home_visit');
        await submit(widget);
        await expect(widget).to.be.accessible();
      });

      it(`is accessible after booking (${theme} theme)`, async () => {
        const { widget } = await mount({ theme });
        await fillOnSite(widget);
        await submit(widget);
        await waitUntil(() => widget.state === 'success');
        await expect(widget).to.be.accessible();
      });

      it(`is accessible after a failed send and when a time filled up (${theme} theme)`, async () => {
        const { api, widget } = await mount({ theme });
        api.bookingMode = 'server';
        await fillOnSite(widget);
        await submit(widget);
        await waitUntil(() => widget.state === 'submit-error');
        await expect(widget).to.be.accessible();
        api.bookingMode = 'full';
        $<HTMLButtonElement>(widget.shadowRoot!, '[part~="retry-button"]').click();
        await waitUntil(() => widget.shadowRoot!.querySelector('#slot-error'));
        await expect(widget).to.be.accessible();
      });

      it(`is accessible while moving and after cancelling (${theme} theme)`, async () => {
        const api = new FakeAppointmentsApi();
        api.seedAppointment();
        const { widget, root } = await mount({ theme, api });
        $<HTMLButtonElement>(root, '.manage-link button').click();
        await waitUntil(() => widget.state === 'manage');
        await expect(widget).to.be.accessible();
        await type(widget, 'manage-code', APPOINTMENT_CODE);
        await type(widget, 'manage-phone', BOOKING_PHONE);
        await submit(widget);
        await waitUntil(() => root.querySelector('#found-heading'));
        await expect(widget).to.be.accessible();
        $<HTMLButtonElement>(root, '.found .button--secondary').click();
        await waitUntil(() => root.querySelector('#new-day'));
        await expect(widget).to.be.accessible();
        $<HTMLButtonElement>(root, '.found form .button--secondary').click();
        await widget.updateComplete;
        $<HTMLButtonElement>(root, '.button--danger-outline').click();
        await widget.updateComplete;
        await expect(widget).to.be.accessible();
        $<HTMLButtonElement>(root, '.button--danger').click();
        await waitUntil(() => widget.state === 'cancelled');
        await expect(widget).to.be.accessible();
      });
    }
  });

  describe('choosing', () => {
    it('offers a home visit only for services that have one, and lists days with their free places', async () => {
      const { widget, root } = await mount({ locale: 'en' });
      await choose(widget, 'service', 'senior-card');
      expect([...root.querySelectorAll<HTMLInputElement>('#mode input')].map((input) => input.value)).to.deep.equal(['on_site']);
      await choose(widget, 'service', 'pension-check');
      expect([...root.querySelectorAll<HTMLInputElement>('#mode input')].map((input) => input.value)).to.deep.equal(['on_site', 'home_visit']);
      await choose(widget, 'mode', 'on_site');
      await waitUntil(() => root.querySelector('#day'));
      const days = [...root.querySelectorAll<HTMLLabelElement>('#day .choice')].map((label) => label.textContent!.replace(/\s+/g, ' ').trim());
      expect(days).to.have.length(2);
      expect(days[0]).to.contain('7 places left');
      expect(days[1]).to.contain('4 places left');
    });

    it('says so when a service has no free times in the next two weeks', async () => {
      const api = new FakeAppointmentsApi();
      api.slots.splice(0, api.slots.length);
      const { widget, root } = await mount({ api });
      await choose(widget, 'service', 'pension-check');
      await choose(widget, 'mode', 'on_site');
      await waitUntil(() => root.querySelector('[part~="notice"]'));
      expect(text(root, '[part~="notice"]')).to.contain('可以申请上门办理');
      await expect(widget).to.be.accessible();
    });

    it('shows a failed slot list with a retry', async () => {
      const api = new FakeAppointmentsApi();
      api.slotsFailure = 503;
      const { widget, root } = await mount({ api });
      await choose(widget, 'service', 'pension-check');
      await choose(widget, 'mode', 'on_site');
      await waitUntil(() => root.querySelector('[part~="alert"]'));
      api.slotsFailure = undefined;
      $<HTMLButtonElement>(root, '[part~="retry-button"]').click();
      await waitUntil(() => root.querySelector('#day'));
    });

    it('clears the time when the service or the mode changes', async () => {
      const { widget } = await mount();
      await fillOnSite(widget);
      await choose(widget, 'mode', 'home_visit');
      expect(widget.formValues.slot).to.equal('');
      expect(widget.formValues.day).to.equal('');
      await choose(widget, 'service', 'senior-card');
      expect(widget.formValues.mode).to.equal('');
      expect(widget.formValues.name).to.equal('王秀英', 'the contact stays');
    });
  });

  describe('validation', () => {
    it('lists every problem in a focused summary whose links focus the controls', async () => {
      const { widget, root } = await mount();
      await submit(widget);
      await waitUntil(() => root.activeElement?.matches('[part="error-summary"]'), 'summary never got focus');
      const links = [...root.querySelectorAll<HTMLAnchorElement>('[part="error-link"]')];
      expect(links.map((link) => link.textContent?.trim())).to.deep.equal(['请选择要办理的事项']);
      links[0]!.click();
      expect(root.activeElement?.getAttribute('name')).to.equal('service');
      expect(widget.state).to.equal('ready');
      await choose(widget, 'service', 'senior-card');
      await submit(widget);
      expect(text(root, '#mode-error')).to.equal('错误：请选择办理方式');
      expect(root.querySelectorAll('[part="error-link"]')).to.have.length(1);
    });

    it('asks for a day, then a time, then the contact details', async () => {
      const { widget, root } = await mount();
      await choose(widget, 'service', 'pension-check');
      await choose(widget, 'mode', 'on_site');
      await waitUntil(() => root.querySelector('#day'));
      await submit(widget);
      expect([...root.querySelectorAll('[part="error-link"]')].map((link) => link.getAttribute('href'))).to.deep.equal(['#day', '#name', '#phone']);
      expect(text(root, '#day-error')).to.equal('错误：请选择日期');
      expect($(root, '#day').getAttribute('aria-describedby')).to.contain('day-error');
      await choose(widget, 'day', SECOND_DAY);
      await type(widget, 'phone', '1391234');
      await submit(widget);
      expect(text(root, '#slot-error')).to.contain('请选择一个时间段');
      expect(text(root, '#phone-error')).to.contain('请输入正确的电话号码');
      expect($(root, '#phone').getAttribute('aria-invalid')).to.equal('true');
    });

    it('checks the home visit’s day, address and reason', async () => {
      const { api, widget, root } = await mount({ locale: 'en' });
      await choose(widget, 'service', 'pension-check');
      await choose(widget, 'mode', 'home_visit');
      const today = calendarDateOf(new Date());
      expect($<HTMLInputElement>(root, '#date').min).to.equal(addDays(today, 1));
      expect($<HTMLInputElement>(root, '#date').max).to.equal(addDays(today, 60));
      await type(widget, 'date', today);
      await type(widget, 'address', '3号');
      await type(widget, 'name', 'Li');
      await type(widget, 'phone', BOOKING_PHONE);
      await submit(widget);
      expect(text(root, '#date-error')).to.contain('from tomorrow up to 60 days ahead');
      expect(text(root, '#address-error')).to.contain('at least 5 characters');
      expect(text(root, '#reason-error')).to.contain('Say why you cannot come');
      expect(api.bookings).to.have.length(0);
      await type(widget, 'date', addDays(today, 4));
      await type(widget, 'address', '幸福花园 3号楼 2单元 502');
      await type(widget, 'reason', '卧床');
      await submit(widget);
      await waitUntil(() => widget.state === 'success');
      expect(api.bookings[0]!.body).to.deep.equal({
        mode: 'home_visit',
        serviceId: 'pension-check',
        name: 'Li',
        phone: BOOKING_PHONE,
        preferredDate: addDays(today, 4),
        address: '幸福花园 3号楼 2单元 502',
        reason: '卧床',
      });
      expect(text(widget.shadowRoot!, '.success-heading')).to.equal('We have your request for a home visit');
    });

    it('shows the server’s field errors on the fields', async () => {
      const { api, widget, root } = await mount();
      api.bookingMode = 'validation';
      await fillOnSite(widget);
      await submit(widget);
      await waitUntil(() => root.querySelector('#phone-error'));
      expect(text(root, '#phone-error')).to.contain('这个号码无法接收短信');
      expect(root.activeElement?.matches('[part="error-summary"]')).to.equal(true);
    });
  });

  describe('booking', () => {
    it('books, shows the code with what to bring, announces it and fires ds-appointment-booked', async () => {
      const { api, widget, root } = await mount();
      await fillOnSite(widget);
      const booked = oneEvent(widget, 'ds-appointment-booked') as Promise<CustomEvent<AppointmentPublic>>;
      await submit(widget);
      const event = await booked;
      expect(event.detail.code).to.equal(APPOINTMENT_CODE);
      expect(event.bubbles && event.composed).to.equal(true);
      await waitUntil(() => widget.state === 'success');
      expect(text(root, '[part="code"]')).to.equal(APPOINTMENT_CODE);
      expect(text(root, '[part="details"]')).to.contain('养老金领取资格认证').and.to.contain('09:30–10:00').and.to.contain('2 号窗口');
      expect(text(root, '.success [part="materials"]')).to.contain('社会保障卡');
      expect(text(root, '[aria-live="polite"][aria-atomic="true"]')).to.contain(APPOINTMENT_CODE);
      expect(root.activeElement?.matches('[part="success"]')).to.equal(true);
      expect(api.bookings[0]!.body).to.deep.equal({ mode: 'on_site', serviceId: 'pension-check', name: '王秀英', phone: BOOKING_PHONE, slotId: 's-2' });
    });

    it('is busy while sending and never sends twice', async () => {
      const { api, widget, root } = await mount();
      api.bookingMode = 'slow';
      await fillOnSite(widget);
      await submit(widget);
      await waitUntil(() => api.bookings.length === 1);
      expect(widget.state).to.equal('submitting');
      expect($(root, 'button[type="submit"]').getAttribute('aria-disabled')).to.equal('true');
      await expect(widget).to.be.accessible();
      await submit(widget);
      await widget.submit();
      expect(api.bookings).to.have.length(1);
      api.release();
      await waitUntil(() => widget.state === 'success');
    });

    it('when the time fills up meanwhile, says so on the time and shows the fresh list', async () => {
      const { api, widget, root } = await mount();
      await fillOnSite(widget);
      api.bookingMode = 'full';
      const slotRequests = () => api.received.filter((request) => request.path.endsWith('/slots')).length;
      const before = slotRequests();
      await submit(widget);
      await waitUntil(() => root.querySelector('#slot-error'), 'no error on the time');
      expect(text(root, '#slot-error')).to.contain('这个时间段刚刚约满了');
      await waitUntil(() => slotRequests() === before + 1, 'the slots were not reloaded');
      expect(widget.formValues.slot).to.equal('');
      expect(widget.formValues.name).to.equal('王秀英');
      expect(widget.state).to.equal('ready');
    });

    it('keeps everything typed after a network failure, and the retry reuses the idempotency key', async () => {
      const { api, widget, root } = await mount();
      api.bookingMode = 'network';
      await fillOnSite(widget);
      const failed = oneEvent(widget, 'ds-error');
      await submit(widget);
      expect((await failed).detail.error).to.be.instanceOf(NetworkError);
      await waitUntil(() => widget.state === 'submit-error');
      expect(text(root, '[part="alert"]')).to.contain('网络连接中断');
      expect($<HTMLInputElement>(root, '#slot input[value="s-2"]').checked).to.equal(true);
      expect($<HTMLInputElement>(root, '#phone').value).to.equal(BOOKING_PHONE);
      api.bookingMode = 'ok';
      $<HTMLButtonElement>(root, '[part~="retry-button"]').click();
      await waitUntil(() => widget.state === 'success');
      const [first, retry] = api.bookings;
      expect(first!.headers.get('idempotency-key')).to.match(/^[0-9a-f-]{36}$/);
      expect(retry!.headers.get('idempotency-key')).to.equal(first!.headers.get('idempotency-key'));
    });

    it('keeps a draft across a reload of the page, and forgets it once booked', async () => {
      const first = await mount();
      await fillOnSite(first.widget);
      first.widget.remove(); // leaving the page writes the draft at once
      const second = await mount();
      await waitUntil(() => second.root.querySelector('#slot input[value="s-2"]'), 'the chosen time was not restored');
      expect(second.widget.formValues).to.include({ service: 'pension-check', mode: 'on_site', slot: 's-2', name: '王秀英', phone: BOOKING_PHONE });
      await submit(second.widget);
      await waitUntil(() => second.widget.state === 'success');
      expect(localStorage.getItem(`${DRAFT_PREFIX}c-1`)).to.equal(null);
    });

    it('“book something else” keeps the contact and starts over', async () => {
      const { widget, root } = await mount();
      await fillOnSite(widget);
      await submit(widget);
      await waitUntil(() => widget.state === 'success');
      $<HTMLButtonElement>(root, '.success .button--secondary').click();
      await waitUntil(() => widget.state === 'ready');
      expect(widget.formValues).to.include({ service: '', slot: '', name: '王秀英', phone: BOOKING_PHONE });
    });
  });

  describe('moving and cancelling', () => {
    async function openFound(api = new FakeAppointmentsApi(), locale = 'zh-CN') {
      if (!api.appointments.size) api.seedAppointment();
      const mounted = await mount({ api, locale });
      $<HTMLButtonElement>(mounted.root, '.manage-link button').click();
      await waitUntil(() => mounted.widget.state === 'manage');
      await type(mounted.widget, 'manage-code', 'ap 7k2m 9qx4');
      await type(mounted.widget, 'manage-phone', BOOKING_PHONE);
      await submit(mounted.widget);
      await waitUntil(() => mounted.root.querySelector('#found-heading'));
      return mounted;
    }

    it('checks the code and phone before looking, and names an unknown code on its field', async () => {
      const { widget, root } = await mount();
      $<HTMLButtonElement>(root, '.manage-link button').click();
      await waitUntil(() => widget.state === 'manage');
      expect(root.activeElement?.id).to.equal('manage-heading');
      await type(widget, 'manage-code', 'AP-12');
      await submit(widget);
      expect(text(root, '#manage-code-error')).to.contain('预约码的格式不对');
      expect(text(root, '#manage-phone-error')).to.contain('请填写手机号码');
      await type(widget, 'manage-code', 'AP-ZZZZ-ZZZZ');
      await type(widget, 'manage-phone', BOOKING_PHONE);
      await submit(widget);
      await waitUntil(() => root.querySelector('#manage-code-error')?.textContent?.includes('没有找到'));
    });

    it('finds a booking by a loosely typed code and shows it', async () => {
      const { root, api } = await openFound();
      expect(api.received.some((request) => request.path === `/v1/appointments/${APPOINTMENT_CODE}`)).to.equal(true);
      expect(text(root, '.found [part="details"]')).to.contain('已预约').and.to.contain('09:30–10:00');
      expect(root.activeElement?.id).to.equal('found-heading');
    });

    it('cancels after a confirmation, with the phone, and fires ds-appointment-cancelled', async () => {
      const { widget, root, api } = await openFound();
      $<HTMLButtonElement>(root, '.button--danger-outline').click();
      await widget.updateComplete;
      expect(root.activeElement?.id).to.equal('confirm-cancel');
      const cancelled = oneEvent(widget, 'ds-appointment-cancelled');
      $<HTMLButtonElement>(root, '.button--danger').click();
      expect((await cancelled).detail.status).to.equal('cancelled');
      await waitUntil(() => widget.state === 'cancelled');
      expect(text(root, '.success-heading')).to.equal('预约已取消');
      const request = api.received.find((candidate) => candidate.path.endsWith('/cancel'))!;
      expect(request.body).to.deep.equal({ phone: BOOKING_PHONE });
    });

    it('shows a wrong phone on the phone field', async () => {
      const { widget, root } = await openFound();
      await type(widget, 'manage-phone', '13900000000');
      $<HTMLButtonElement>(root, '.button--danger-outline').click();
      await widget.updateComplete;
      $<HTMLButtonElement>(root, '.button--danger').click();
      await waitUntil(() => root.querySelector('#manage-phone-error'));
      expect(text(root, '#manage-phone-error')).to.contain('不一致');
      expect(widget.state).to.equal('manage');
    });

    it('moves to another time, never offering the current one', async () => {
      const { widget, root } = await openFound();
      $<HTMLButtonElement>(root, '.found .button--secondary').click();
      await choose(widget, 'new-day', FIRST_DAY);
      const offered = [...root.querySelectorAll<HTMLInputElement>('#new-slot input')].map((input) => input.value);
      expect(offered).to.deep.equal(['s-1', 's-3']);
      $<HTMLButtonElement>(root, '.found form button[type="submit"]').click();
      await widget.updateComplete;
      expect(text(root, '#new-slot-error')).to.contain('请选择一个时间段');
      await choose(widget, 'new-slot', 's-3');
      const moved = oneEvent(widget, 'ds-appointment-rescheduled');
      $<HTMLButtonElement>(root, '.found form button[type="submit"]').click();
      expect((await moved).detail.slot?.id).to.equal('s-3');
      await waitUntil(() => widget.state === 'rescheduled');
      expect(text(root, '[part="details"]')).to.contain('10:00–10:30');
    });

    it('says a settled appointment can no longer be changed', async () => {
      const api = new FakeAppointmentsApi();
      api.seedAppointment({ status: 'attended' });
      const { root } = await openFound(api, 'en');
      expect(text(root, '.found')).to.contain('This appointment is “Done”, so it can no longer be cancelled or moved.');
      expect(root.querySelector('.button--danger-outline')).to.equal(null);
    });
  });

  describe('keyboard', () => {
    it('can be completed with the keyboard alone', async () => {
      const { api, widget, root } = await mount();
      const before = document.createElement('button');
      before.textContent = 'before';
      widget.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(root.activeElement?.getAttribute('name')).to.equal('service');
      await sendKeys({ press: 'Space' });
      await widget.updateComplete;
      expect(widget.formValues.service).to.equal('pension-check');
      await sendKeys({ press: 'Tab' });
      expect(root.activeElement?.getAttribute('name')).to.equal('mode');
      await sendKeys({ press: 'Space' });
      await waitUntil(() => root.querySelector('#day input'));
      await sendKeys({ press: 'Tab' });
      expect(root.activeElement?.getAttribute('name')).to.equal('day');
      await sendKeys({ press: 'Space' });
      await waitUntil(() => root.querySelector('#slot input'));
      await sendKeys({ press: 'Tab' });
      expect(root.activeElement?.getAttribute('name')).to.equal('slot');
      expect((root.activeElement as HTMLInputElement).value).to.equal('s-2', 'the full first time is skipped');
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '李雷' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '13912345678' });
      await sendKeys({ press: 'Tab' });
      expect(root.activeElement?.getAttribute('type')).to.equal('submit');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => widget.state === 'success', 'keyboard booking did not succeed');
      expect(api.bookings[0]!.body).to.deep.include({ slotId: 's-2', name: '李雷' });
    });
  });

  describe('elder theme', () => {
    it('uses text of at least 18px and targets of at least 60px', async () => {
      const { widget, root } = await mount({ theme: 'elder' });
      await choose(widget, 'service', 'pension-check');
      await choose(widget, 'mode', 'on_site');
      await choose(widget, 'day', FIRST_DAY);
      for (const selector of ['.legend', '.choice-title', '.choice-note', '.hint', '#name', 'button[type="submit"]']) {
        expect(parseFloat(getComputedStyle($(root, selector)).fontSize), selector).to.be.at.least(18);
      }
      for (const selector of ['#service .choice', '#slot .choice', '#phone', 'button[type="submit"]', '.manage-link button']) {
        expect($(root, selector).getBoundingClientRect().height, selector).to.be.at.least(60);
      }
    });

    it('gives the default theme targets of at least 44px', async () => {
      const { widget, root } = await mount();
      await choose(widget, 'service', 'pension-check');
      for (const selector of ['#service .choice', '#mode .choice', 'button[type="submit"]', '.manage-link button']) {
        expect($(root, selector).getBoundingClientRect().height, selector).to.be.at.least(44);
      }
    });
  });
});
