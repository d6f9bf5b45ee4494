import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/index.js';
import type { DsProvider } from '../provider/provider.js';
import { FakeVolunteeringApi, fakeVolunteeringClient } from '../test-support/fake-volunteering.js';
import type { DsHoursLog, HoursLogState } from './hours-log.js';

const TOKEN = 'staff-volunteering-token-xxxxxxxx';

interface Mounted {
  api: FakeVolunteeringApi;
  log: DsHoursLog;
  root: ShadowRoot;
}

async function mount(options: { api?: FakeVolunteeringApi; theme?: 'default' | 'elder'; token?: string | null; waitFor?: HoursLogState } = {}): Promise<Mounted> {
  const api = options.api ?? new FakeVolunteeringApi();
  const token = options.token === undefined ? TOKEN : (options.token ?? undefined);
  const provider = await fixture<DsProvider>(html`
    <ds-provider .client=${fakeVolunteeringClient(api, token)} theme=${options.theme ?? 'default'}>
      <ds-hours-log mode="staff"></ds-hours-log>
    </ds-provider>
  `);
  const log = provider.querySelector('ds-hours-log')!;
  const wanted = options.waitFor ?? 'ready';
  await waitUntil(() => log.state === wanted, `review never became ${wanted} (is ${log.state})`);
  await log.updateComplete;
  return { api, log, root: log.shadowRoot! };
}

function $<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

const text = (root: ParentNode, selector: string) => root.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const entry = (root: ShadowRoot, id: string) => $(root, `[aria-labelledby="entry-${id}-title"]`);

async function click(log: DsHoursLog, root: ParentNode, selector: string): Promise<void> {
  $<HTMLElement>(root, selector).click();
  await log.updateComplete;
}

async function type(log: DsHoursLog, id: string, value: string): Promise<void> {
  const control = $<HTMLInputElement | HTMLTextAreaElement>(log.shadowRoot!, `#${id}`);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  await log.updateComplete;
}

const actions = (api: FakeVolunteeringApi) => api.received.filter((request) => request.method === 'POST');

describe('<ds-hours-log mode="staff">', () => {
  describe('states', () => {
    for (const theme of ['default', 'elder'] as const) {
      it(`is accessible with the review queue (${theme} theme)`, async () => {
        const { log, root } = await mount({ theme });
        expect(root.querySelectorAll('[part="review-entry"]')).to.have.length(2);
        expect(text(root, '.title')).to.equal('志愿服务时长审核');
        await expect(log).to.be.accessible();
      });

      it(`is accessible rejecting with a missing reason, and with the history open (${theme} theme)`, async () => {
        const { log, root } = await mount({ theme });
        await click(log, entry(root, 's-1'), '[part~="reject-button"]');
        await click(log, entry(root, 's-1'), 'button[type="submit"]');
        expect(text(entry(root, 's-1'), '.field-error')).to.contain('请填写原因');
        $<HTMLDetailsElement>(entry(root, 's-2'), 'details').open = true;
        await expect(log).to.be.accessible();
      });
    }

    it('explains that a staff token is needed when there is none, or it lacks the role', async () => {
      const none = await mount({ token: null, waitFor: 'forbidden' });
      expect(text(none.root, '[role="alert"]')).to.contain('志愿服务');
      await expect(none.log).to.be.accessible();
      const wrong = await mount({ token: 'wrong-role-token-xxxxxxxxxxxx', waitFor: 'forbidden' });
      expect(wrong.log.state).to.equal('forbidden');
    });

    it('says so when nothing matches', async () => {
      const api = new FakeVolunteeringApi();
      api.staffEntries = [];
      const { log, root } = await mount({ api });
      expect(text(root, '[part="notice"]')).to.equal('没有符合条件的记录。');
      await expect(log).to.be.accessible();
    });
  });

  describe('reviewing', () => {
    it('lists pending entries with the volunteer’s full name and phone; filters ask again', async () => {
      const { api, log, root } = await mount();
      const first = api.received.find((request) => request.path === '/v1/staff/volunteering/entries')!;
      expect(Object.fromEntries(first.search!)).to.deep.equal({ status: 'pending', limit: '200' });
      expect(first.headers.get('authorization')).to.equal(`Bearer ${TOKEN}`);
      expect(text(entry(root, 's-1'), 'h3')).to.equal('张秀英（V-ZHXY-8K6M）· 2 小时');
      expect(text(entry(root, 's-1'), '.details')).to.contain('13900001234').and.contain('陪王奶奶去社区医院复查');
      const status = $<HTMLSelectElement>(root, '#review-status');
      status.value = 'approved';
      status.dispatchEvent(new Event('change'));
      await waitUntil(() => api.received.filter((request) => request.path === '/v1/staff/volunteering/entries').length === 2);
      await waitUntil(() => log.state === 'ready');
      expect(text(root, '[part="notice"]')).to.equal('没有符合条件的记录。');
      const team = $<HTMLSelectElement>(root, '#review-team');
      team.value = 'safety-patrol';
      team.dispatchEvent(new Event('change'));
      await waitUntil(() => api.received.filter((request) => request.path === '/v1/staff/volunteering/entries').length === 3);
      expect(api.received.at(-1)!.search!.get('team')).to.equal('safety-patrol');
    });

    it('approves with the entry’s version, shows it approved, says so and keeps focus on the entry', async () => {
      const { api, log, root } = await mount();
      await click(log, entry(root, 's-1'), '[part~="approve-button"]');
      await waitUntil(() => text(entry(root, 's-1'), '.badge') === '已通过');
      const [post] = actions(api);
      expect(post!.path).to.equal('/v1/staff/volunteering/entries/s-1/approve');
      expect(post!.body).to.deep.equal({ version: 1 });
      expect(post!.headers.get('idempotency-key')).to.be.a('string');
      expect(text(root, '.review [aria-live="polite"]')).to.equal('已通过 张秀英 的 2 小时 记录。');
      await waitUntil(() => root.activeElement?.id === 'entry-s-1-title');
      expect(text(entry(root, 's-1'), '.review-meta')).to.contain('王主任');
    });

    it('rejects only with a reason, which the volunteer will see', async () => {
      const { api, log, root } = await mount();
      await click(log, entry(root, 's-2'), '[part~="reject-button"]');
      await waitUntil(() => root.activeElement?.id === 'reason-s-2', 'the reason box never got focus');
      await sendKeys({ press: 'Enter' });
      await click(log, entry(root, 's-2'), 'button[type="submit"]');
      expect(actions(api)).to.have.length(0);
      expect($(root, '#reason-s-2').getAttribute('aria-invalid')).to.equal('true');
      await type(log, 'reason-s-2', '当天巡逻已取消');
      await click(log, entry(root, 's-2'), 'button[type="submit"]');
      await waitUntil(() => text(entry(root, 's-2'), '.badge') === '未通过');
      expect(actions(api)[0]!.body).to.deep.equal({ version: 1, reason: '当天巡逻已取消' });
      expect(text(entry(root, 's-2'), '.reason')).to.equal('原因：当天巡逻已取消');
    });

    it('edits with a reason and shows the change in the history (old → new)', async () => {
      const { api, log, root } = await mount();
      await click(log, entry(root, 's-1'), '[part~="edit-button"]');
      await waitUntil(() => root.activeElement?.id === 'hours-s-1');
      await type(log, 'hours-s-1', '1.75');
      await type(log, 'reason-s-1', '按签到表更正');
      await click(log, entry(root, 's-1'), 'button[type="submit"]');
      await waitUntil(() => actions(api).length === 1 && !root.querySelector('#hours-s-1'));
      expect(actions(api)[0]!.body).to.deep.equal({ version: 1, reason: '按签到表更正', hours: 1.75 });
      expect(text(entry(root, 's-1'), 'h3')).to.contain('1.75 小时');
      const details = $<HTMLDetailsElement>(entry(root, 's-1'), 'details');
      expect(text(details, 'summary')).to.equal('修改记录（2 条）');
      expect(text(details, 'li:last-child')).to.contain('修改').and.contain('时长（分钟）：120 → 105').and.contain('原因：按签到表更正');
    });

    it('on a conflict shows the latest version and says so', async () => {
      const { api, log, root } = await mount();
      api.staffMode = 'conflict';
      await click(log, entry(root, 's-1'), '[part~="approve-button"]');
      await waitUntil(() => text(entry(root, 's-1'), '[role="alert"]').includes('刚被其他人修改过'));
      expect(api.received.some((request) => request.method === 'GET' && request.path === '/v1/staff/volunteering/entries/s-1')).to.equal(true);
      expect(text(entry(root, 's-1'), '.badge')).to.equal('待审核');
    });

    it('exports the current list as CSV with a byte-order mark for Excel', async () => {
      const { api, log, root } = await mount();
      const blobs: Blob[] = [];
      const create = URL.createObjectURL;
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        blobs.push(blob as Blob);
        return 'blob:test';
      };
      const clicked: string[] = [];
      const anchorClick = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        clicked.push(this.download);
      };
      try {
        await click(log, root, '.toolbar-actions button:nth-child(2)');
        await waitUntil(() => blobs.length === 1);
      } finally {
        URL.createObjectURL = create;
        HTMLAnchorElement.prototype.click = anchorClick;
      }
      const asked = api.received.find((request) => request.path === '/v1/staff/volunteering/export/entries.csv')!;
      expect(asked.search!.get('status')).to.equal('pending');
      expect(clicked).to.deep.equal(['volunteer-entries.csv']);
      const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
      expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      await waitUntil(() => text(root, '.review [aria-live="polite"]').includes('volunteer-entries.csv'));
    });
  });
});
