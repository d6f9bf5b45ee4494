import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { addDays, calendarDateOf, type HoursEntry } from '@doorstep/sdk';
import '../define/index.js';
import type { DsProvider } from '../provider/provider.js';
import { ACCESS_KEY, FakeVolunteeringApi, fakeVolunteeringClient } from '../test-support/fake-volunteering.js';
import type { DsHoursLog, HoursLogState } from './hours-log.js';
import { rememberAccessKey, storedAccessKey } from './volunteer-key.js';

interface Mounted {
  api: FakeVolunteeringApi;
  log: DsHoursLog;
  root: ShadowRoot;
}

async function mount(
  options: { api?: FakeVolunteeringApi; theme?: 'default' | 'elder'; locale?: string; view?: string; waitFor?: HoursLogState; signedIn?: boolean } = {},
): Promise<Mounted> {
  const api = options.api ?? new FakeVolunteeringApi();
  if (options.signedIn ?? true) rememberAccessKey(ACCESS_KEY);
  const provider = await fixture<DsProvider>(html`
    <ds-provider .client=${fakeVolunteeringClient(api)} locale=${options.locale ?? 'zh-CN'} theme=${options.theme ?? 'default'}>
      <ds-hours-log view=${options.view ?? 'log'}></ds-hours-log>
    </ds-provider>
  `);
  const log = provider.querySelector('ds-hours-log')!;
  const wanted = options.waitFor ?? ((options.signedIn ?? true) ? 'ready' : 'signed-out');
  await waitUntil(() => log.state === wanted, `log never became ${wanted} (is ${log.state})`);
  await log.updateComplete;
  return { api, log, root: log.shadowRoot! };
}

function $<T extends Element = HTMLElement>(root: ShadowRoot, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

const text = (root: ParentNode, selector: string) => root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function set(log: DsHoursLog, id: string, value: string): Promise<void> {
  const control = $<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(log.shadowRoot!, `#${id}`);
  control.value = value;
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  await log.updateComplete;
}

async function click(log: DsHoursLog, selector: string): Promise<void> {
  $<HTMLElement>(log.shadowRoot!, selector).click();
  await log.updateComplete;
}

const submit = (log: DsHoursLog) => click(log, 'form button[type="submit"]');
const yesterday = () => addDays(calendarDateOf(new Date()), -1);
const posts = (api: FakeVolunteeringApi) => api.received.filter((request) => request.method === 'POST' && request.path === '/v1/volunteering/me/entries');

describe('<ds-hours-log> (volunteer)', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => emulateMedia({ media: 'screen' }));

  describe('states', () => {
    for (const theme of ['default', 'elder'] as const) {
      it(`is accessible asking for the access key, and with its error (${theme} theme)`, async () => {
        const { log } = await mount({ theme, signedIn: false });
        await expect(log).to.be.accessible();
        await submit(log);
        await expect(log).to.be.accessible();
      });

      it(`is accessible with the log form, and with its errors (${theme} theme)`, async () => {
        const { log, root } = await mount({ theme });
        expect(root.querySelector('ds-area-picker')).to.exist;
        await expect(log).to.be.accessible();
        await set(log, 'date', '');
        await submit(log);
        await expect(log).to.be.accessible();
      });

      it(`is accessible showing the records (${theme} theme)`, async () => {
        const { log, root } = await mount({ theme, view: 'history' });
        expect(root.querySelectorAll('.history-entry')).to.have.length(3);
        await expect(log).to.be.accessible();
      });

      it(`is accessible with a certificate (${theme} theme)`, async () => {
        const { log, root } = await mount({ theme, view: 'certificate' });
        await click(log, '#certificate-period input[value="custom"]');
        await set(log, 'certificate-from', '2026-01-01');
        await set(log, 'certificate-to', '2026-12-31');
        await click(log, 'form button[type="submit"]');
        await waitUntil(() => root.querySelector('[part="certificate"]'));
        await expect(log).to.be.accessible();
      });

      it(`is accessible after a failed send (${theme} theme)`, async () => {
        const { api, log } = await mount({ theme });
        api.logMode = 'server';
        await set(log, 'hours', '2');
        await submit(log);
        await waitUntil(() => log.state === 'submit-error');
        await expect(log).to.be.accessible();
      });
    }

    it('shows a load failure with a retry that recovers', async () => {
      const api = new FakeVolunteeringApi();
      api.teamsFailure = 500;
      const { log, root } = await mount({ api, waitFor: 'load-error' });
      expect(text(root, '[role="alert"]')).to.contain('没能加载出来');
      await expect(log).to.be.accessible();
      api.teamsFailure = undefined;
      await click(log, '[part~="retry-button"]');
      await waitUntil(() => log.state === 'ready');
    });
  });

  describe('identifying', () => {
    it('checks the key: required, its shape, then with the server; a good one (typed loosely) is remembered', async () => {
      const { log, root } = await mount({ signedIn: false });
      await submit(log);
      expect(text(root, '#access-key-error')).to.contain('请输入志愿者密钥');
      expect(root.activeElement?.id).to.equal('access-key');
      await set(log, 'access-key', 'abc');
      await submit(log);
      expect(text(root, '#access-key-error')).to.contain('格式不对');
      await set(log, 'access-key', 'ABCD-EFGH-JKLM-NPQR-STUV');
      await submit(log);
      await waitUntil(() => text(root, '#access-key-error').includes('不正确或已失效'));
      expect($(root, '#access-key').getAttribute('aria-describedby')).to.contain('access-key-error');

      await set(log, 'access-key', ' zhxy dema keys 2345 6789 ');
      await submit(log);
      await waitUntil(() => log.state === 'ready');
      expect(storedAccessKey()).to.equal(ACCESS_KEY);
      expect(text(root, '.greeting')).to.contain('张秀英');
      expect(text(root, '.greeting')).to.contain('V-ZHXY-8K6M');
      expect([...root.querySelectorAll('.total')].map((item) => item.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
        '本月已审核 10 小时',
        '今年已审核 70 小时',
        '累计已审核 90.5 小时',
        '等待审核 1.5 小时',
      ]);
    });

    it('sends the key as Authorization: Volunteer on every call', async () => {
      const { api } = await mount();
      const mine = api.received.filter((request) => request.path.startsWith('/v1/volunteering/me'));
      expect(mine.length).to.be.at.least(2);
      expect(mine.every((request) => request.headers.get('authorization') === `Volunteer ${ACCESS_KEY}`)).to.equal(true);
    });

    it('forgets a saved key that no longer works and asks again', async () => {
      const api = new FakeVolunteeringApi();
      api.accessKey = 'WXYZ-WXYZ-WXYZ-WXYZ-WXYZ';
      const { root } = await mount({ api, waitFor: 'signed-out' });
      expect(text(root, '[role="alert"]')).to.contain('已失效');
      expect(storedAccessKey()).to.equal(undefined);
    });

    it('signs out and forgets the device', async () => {
      const { log, root } = await mount();
      await click(log, '.me .link-button');
      expect(log.state).to.equal('signed-out');
      expect(storedAccessKey()).to.equal(undefined);
      expect(root.querySelector('#access-key')).to.exist;
    });
  });

  describe('tabs', () => {
    it('moves between log, records and certificate with the arrow keys, Home and End', async () => {
      const { log, root } = await mount();
      const tab = (view: string) => $(root, `#tab-${view}`);
      expect(tab('log').getAttribute('aria-selected')).to.equal('true');
      expect(tab('history').getAttribute('tabindex')).to.equal('-1');
      tab('log').focus();
      await sendKeys({ press: 'ArrowRight' });
      await log.updateComplete;
      expect(root.activeElement?.id).to.equal('tab-history');
      expect(tab('history').getAttribute('aria-selected')).to.equal('true');
      expect($(root, '[role="tabpanel"]').getAttribute('aria-labelledby')).to.equal('tab-history');
      await sendKeys({ press: 'End' });
      await log.updateComplete;
      expect(root.activeElement?.id).to.equal('tab-certificate');
      await sendKeys({ press: 'ArrowRight' });
      await log.updateComplete;
      expect(root.activeElement?.id).to.equal('tab-log', 'wraps around');
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'Home' });
      await log.updateComplete;
      expect(root.activeElement?.id).to.equal('tab-log');
    });
  });

  describe('logging', () => {
    it('logs a date and hours; the entry shows as pending, the news is announced and ds-hours-logged fires', async () => {
      const { api, log, root } = await mount();
      expect((root.querySelector('#team') as HTMLSelectElement).value).to.equal('elder-visits', 'the volunteer’s own team first');
      await set(log, 'activity', 'escort');
      await set(log, 'hours', '1.5');
      await set(log, 'servedGroup', 'elders-alone');
      await set(log, 'servedCount', '2');
      await set(log, 'note', '  陪同复查  ');
      const picker = $(root, 'ds-area-picker');
      picker.dispatchEvent(new CustomEvent('change', { detail: { value: 'b-1', path: [] }, bubbles: true, composed: true }));
      const logged = oneEvent(log, 'ds-hours-logged') as Promise<CustomEvent<HoursEntry>>;
      await submit(log);
      expect((await logged).detail.status).to.equal('pending');
      const [post] = posts(api);
      expect(post!.body).to.deep.equal({
        teamId: 'elder-visits',
        activityType: 'escort',
        date: calendarDateOf(new Date()),
        hours: 1.5,
        areaId: 'b-1',
        servedGroup: 'elders-alone',
        servedCount: 2,
        note: '陪同复查',
      });
      expect(post!.headers.get('idempotency-key')).to.be.a('string');
      await waitUntil(() => root.activeElement?.classList.contains('logged'), 'the confirmation never got focus');
      expect(text(root, '.logged')).to.equal('已提交 1.5 小时 的服务记录，等待社区审核。');
      expect(text(root, '[aria-live="polite"][aria-atomic="true"]')).to.contain('1.5 小时');
      expect(log.formValues).to.include({ team: 'elder-visits', activity: 'escort', hours: '', note: '' });
      await click(log, '#tab-history');
      expect(text(root, '.history-entry')).to.contain('待审核');
      expect(text(root, '.history-entry')).to.contain('1.5 小时');
    });

    it('logs a start and end in Beijing time, an end after midnight on the next day', async () => {
      const { api, log, root } = await mount();
      const day = yesterday();
      await set(log, 'date', addDays(day, -1));
      await click(log, '#timeMode input[value="times"]');
      await set(log, 'start', '22:30');
      await set(log, 'end', '01:15');
      expect(text(root, '.duration')).to.equal('2.75 小时');
      await submit(log);
      await waitUntil(() => posts(api).length === 1);
      expect(posts(api)[0]!.body).to.deep.include({
        startedAt: `${addDays(day, -1)}T22:30:00+08:00`,
        endedAt: `${day}T01:15:00+08:00`,
      });
      expect(posts(api)[0]!.body).not.to.have.property('hours');
    });

    it('explains every problem in a focused summary, and sends nothing', async () => {
      const { api, log, root } = await mount();
      await set(log, 'date', addDays(calendarDateOf(new Date()), 2));
      await set(log, 'hours', '1.1');
      await set(log, 'servedCount', '0');
      await submit(log);
      await waitUntil(() => root.activeElement?.matches('[part="error-summary"]'), 'summary never got focus');
      expect([...root.querySelectorAll('[part="error-link"]')].map((link) => link.getAttribute('href'))).to.deep.equal(['#date', '#hours', '#servedCount']);
      expect(text(root, '#date-error')).to.contain('不能登记还没有发生的服务');
      expect(text(root, '#hours-error')).to.contain('0.25');
      $<HTMLAnchorElement>(root, '[part="error-link"][href="#hours"]').click();
      expect(root.activeElement?.id).to.equal('hours');
      await click(log, '#timeMode input[value="times"]');
      await set(log, 'date', yesterday());
      await set(log, 'start', '09:00');
      await set(log, 'end', '09:00');
      await submit(log);
      expect(text(root, '#end-error')).to.contain('不能和开始时间相同');
      expect(posts(api)).to.have.length(0);
    });

    it('shows the server’s field errors on the fields', async () => {
      const { api, log, root } = await mount();
      api.logMode = 'validation';
      await set(log, 'hours', '2');
      await submit(log);
      await waitUntil(() => root.querySelector('#date-error'));
      expect(text(root, '#date-error')).to.contain('已经登记过');
      expect(log.formValues.hours).to.equal('2');
    });

    it('retries a lost submission with the same idempotency key', async () => {
      const { api, log, root } = await mount();
      api.logMode = 'network';
      await set(log, 'hours', '2');
      await submit(log);
      await waitUntil(() => log.state === 'submit-error');
      expect(text(root, '[role="alert"]')).to.contain('网络连接中断');
      api.logMode = 'ok';
      await click(log, '[part~="retry-button"]');
      await waitUntil(() => log.state === 'ready' && posts(api).length === 2);
      const keys = posts(api).map((request) => request.headers.get('idempotency-key'));
      expect(keys[1]).to.equal(keys[0]);
    });

    it('keeps a draft across a reload', async () => {
      const first = await mount();
      await set(first.log, 'note', '给李大爷买药');
      await set(first.log, 'hours', '0.75');
      first.log.remove();
      const second = await mount();
      expect(second.log.formValues).to.include({ note: '给李大爷买药', hours: '0.75' });
    });
  });

  describe('records and certificate', () => {
    it('lists the entries with their status and a rejection’s reason', async () => {
      const { root } = await mount({ view: 'history' });
      const rows = [...root.querySelectorAll('.history-entry')].map((row) => row.textContent!.replace(/\s+/g, ' ').trim());
      expect(rows[0]).to.contain('待审核');
      expect(rows[1]).to.contain('已通过');
      expect(rows[2]).to.contain('未通过').and.contain('原因：同一次探访已由队友登记');
    });

    it('makes a certificate of approved hours for a period, prints only it', async () => {
      const { api, log, root } = await mount({ view: 'certificate' });
      await click(log, '#certificate-period input[value="custom"]');
      await set(log, 'certificate-from', '2026-12-31');
      await set(log, 'certificate-to', '2026-01-01');
      await click(log, 'form button[type="submit"]');
      expect(text(root, '#certificate-error')).to.contain('开始日期不能晚于结束日期');
      await set(log, 'certificate-from', '2026-01-01');
      await set(log, 'certificate-to', '2026-12-31');
      await click(log, 'form button[type="submit"]');
      await waitUntil(() => root.querySelector('[part="certificate"]'));
      const asked = api.received.find((request) => request.path === '/v1/volunteering/me/certificate')!;
      expect(Object.fromEntries(asked.search!)).to.deep.equal({ from: '2026-01-01', to: '2026-12-31' });
      const certificate = $(root, '[part="certificate"]');
      expect(text(certificate, '.certificate-title')).to.equal('志愿服务时长证明');
      expect(text(certificate, '.certificate-body')).to.equal(
        '兹证明 张秀英（志愿者编号 V-ZHXY-8K6M）于 2026年1月1日星期四 至 2026年12月31日星期四 期间，在幸福里社区参加助老服务队志愿服务，经社区审核，累计服务时长 2 小时。',
      );
      expect(certificate.querySelectorAll('tbody tr')).to.have.length(1);
      expect(text(certificate, 'tfoot')).to.contain('2');
      expect(text(certificate, '.certificate-footer')).to.contain('幸福里社区志愿服务站').and.contain('2026年11月23日');

      let printed = 0;
      const original = window.print;
      window.print = () => void printed++;
      try {
        await click(log, '[part~="print-button"]');
      } finally {
        window.print = original;
      }
      expect(printed).to.equal(1);

      await emulateMedia({ media: 'print' });
      expect(getComputedStyle($(root, '.tabs')).display).to.equal('none');
      expect(getComputedStyle($(root, '.totals')).display).to.equal('none');
      expect(getComputedStyle($(root, '[part~="print-button"]').parentElement!).display).to.equal('none');
      expect(getComputedStyle(certificate).display).to.equal('block');
    });
  });
});
