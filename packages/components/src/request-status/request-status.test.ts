import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createTransport, type DoorstepClient, type ServiceRequestPublic } from '@doorstep/sdk';
import '../define/index.js';
import type { DsProvider } from '../provider/provider.js';
import {
  FakeStatusApi,
  MERGED_INTO_CODE,
  STATUS_CODE,
  fakeStatusClient,
  sampleRequest,
  type SampleStage,
} from '../test-support/fake-request-status.js';
import type { DsRequestStatus, RequestStatusState } from './request-status.js';

interface Mounted {
  api: FakeStatusApi;
  widget: DsRequestStatus;
  root: ShadowRoot;
}

interface MountOptions {
  api?: FakeStatusApi;
  /** The `code` attribute; none for the lookup-only view. */
  code?: string;
  locale?: string;
  theme?: 'default' | 'elder' | 'dark';
  pollInterval?: number;
  waitFor?: RequestStatusState;
}

async function mount(options: MountOptions = {}): Promise<Mounted> {
  const api = options.api ?? new FakeStatusApi(sampleRequest('in_progress'));
  const provider = await fixture<DsProvider>(html`
    <ds-provider .client=${fakeStatusClient(api)} locale=${options.locale ?? 'zh-CN'} theme=${options.theme ?? 'default'}>
      <ds-request-status code=${options.code ?? ''} poll-interval=${options.pollInterval ?? 60_000}></ds-request-status>
    </ds-provider>
  `);
  const widget = provider.querySelector('ds-request-status')!;
  const wanted = options.waitFor ?? (options.code ? 'shown' : 'idle');
  await waitUntil(() => widget.state === wanted, `widget never became ${wanted} (is ${widget.state})`);
  await widget.updateComplete;
  return { api, widget, root: widget.shadowRoot! };
}

/** Shows a request at `stage`. */
function mountAt(stage: SampleStage, options: Omit<MountOptions, 'api' | 'code'> = {}): Promise<Mounted> {
  return mount({ ...options, api: new FakeStatusApi(sampleRequest(stage)), code: STATUS_CODE });
}

function $<T extends Element = HTMLElement>(root: ShadowRoot, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

function text(root: ShadowRoot, selector: string): string {
  return $(root, selector).textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function texts(root: ShadowRoot, selector: string): string[] {
  return [...root.querySelectorAll(selector)].map((element) => element.textContent!.replace(/\s+/g, ' ').trim());
}

function live(root: ShadowRoot): string {
  return $(root, '[aria-live="polite"]').textContent!.trim();
}

async function typeInto(widget: DsRequestStatus, selector: string, value: string): Promise<void> {
  const control = $<HTMLInputElement | HTMLTextAreaElement>(widget.shadowRoot!, selector);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await widget.updateComplete;
}

async function click(widget: DsRequestStatus, selector: string): Promise<void> {
  $<HTMLElement>(widget.shadowRoot!, selector).click();
  await widget.updateComplete;
}

async function chooseStars(widget: DsRequestStatus, score: number): Promise<void> {
  await click(widget, `input[name="score"][value="${score}"]`);
}

async function submitForm(widget: DsRequestStatus, selector: string): Promise<void> {
  $<HTMLFormElement>(widget.shadowRoot!, selector).requestSubmit();
  await widget.updateComplete;
}

/** Each state, reached as a resident would; every one is axe-checked in the default, elder and dark themes. */
const STATES: Array<{ name: string; reach: (theme: 'default' | 'elder' | 'dark') => Promise<Mounted> }> = [
  { name: 'idle (no code yet)', reach: (theme) => mount({ theme }) },
  {
    name: 'lookup with a malformed code',
    reach: async (theme) => {
      const mounted = await mount({ theme });
      await typeInto(mounted.widget, '#code', 'DS-12');
      await submitForm(mounted.widget, 'form');
      return mounted;
    },
  },
  {
    name: 'loading',
    reach: async (theme) => {
      const api = new FakeStatusApi(sampleRequest('accepted'));
      api.holdReads = true;
      return mount({ api, theme, code: STATUS_CODE, waitFor: 'loading' });
    },
  },
  { name: 'not found', reach: (theme) => mount({ api: new FakeStatusApi(), theme, code: 'DS-AAAA-BBBB', waitFor: 'not-found' }) },
  {
    name: 'load error',
    reach: async (theme) => {
      const api = new FakeStatusApi(sampleRequest('accepted'));
      api.readFailure = 'network';
      return mount({ api, theme, code: STATUS_CODE, waitFor: 'load-error' });
    },
  },
  { name: 'shown: submitted', reach: (theme) => mountAt('submitted', { theme }) },
  { name: 'shown: in progress', reach: (theme) => mountAt('in_progress', { theme }) },
  { name: 'shown: resolved (rate or reopen)', reach: (theme) => mountAt('resolved', { theme }) },
  { name: 'shown: rejected', reach: (theme) => mountAt('rejected', { theme }) },
  { name: 'shown: rated', reach: (theme) => mountAt('rated', { theme }) },
  { name: 'shown: merged', reach: (theme) => mountAt('merged', { theme }) },
  {
    name: 'rating with errors',
    reach: async (theme) => {
      const mounted = await mountAt('resolved', { theme });
      await submitForm(mounted.widget, '.rating form');
      return mounted;
    },
  },
  {
    name: 'rating-submitting',
    reach: async (theme) => {
      const mounted = await mountAt('resolved', { theme });
      mounted.api.holdWrites = true;
      await chooseStars(mounted.widget, 4);
      await submitForm(mounted.widget, '.rating form');
      await waitUntil(() => mounted.widget.state === 'rating-submitting');
      return mounted;
    },
  },
  {
    name: 'rating-submitted',
    reach: async (theme) => {
      const mounted = await mountAt('resolved', { theme });
      await chooseStars(mounted.widget, 4);
      await submitForm(mounted.widget, '.rating form');
      await waitUntil(() => mounted.widget.state === 'rating-submitted');
      return mounted;
    },
  },
  {
    name: 'rating-error',
    reach: async (theme) => {
      const mounted = await mountAt('resolved', { theme });
      mounted.api.writeFailure = 500;
      await chooseStars(mounted.widget, 2);
      await submitForm(mounted.widget, '.rating form');
      await waitUntil(() => mounted.widget.state === 'rating-error');
      return mounted;
    },
  },
  {
    name: 'reopen-form with an error',
    reach: async (theme) => {
      const mounted = await mountAt('resolved', { theme });
      await click(mounted.widget, '.reopen-start');
      await submitForm(mounted.widget, '.reopen form');
      return mounted;
    },
  },
  {
    name: 'reopen-submitting',
    reach: async (theme) => {
      const mounted = await mountAt('resolved', { theme });
      mounted.api.holdWrites = true;
      await click(mounted.widget, '.reopen-start');
      await typeInto(mounted.widget, '#reason', '灯又不亮了');
      await submitForm(mounted.widget, '.reopen form');
      await waitUntil(() => mounted.widget.state === 'reopen-submitting');
      return mounted;
    },
  },
  {
    name: 'reopened',
    reach: async (theme) => {
      const mounted = await mountAt('resolved', { theme });
      await click(mounted.widget, '.reopen-start');
      await typeInto(mounted.widget, '#reason', '灯又不亮了');
      await submitForm(mounted.widget, '.reopen form');
      await waitUntil(() => mounted.widget.state === 'reopened');
      return mounted;
    },
  },
  {
    name: 'reopen-error',
    reach: async (theme) => {
      const mounted = await mountAt('resolved', { theme });
      mounted.api.writeFailure = 'network';
      await click(mounted.widget, '.reopen-start');
      await typeInto(mounted.widget, '#reason', '灯又不亮了');
      await submitForm(mounted.widget, '.reopen form');
      await waitUntil(() => mounted.widget.state === 'reopen-error');
      return mounted;
    },
  },
];

describe('<ds-request-status>', () => {
  describe('accessibility of every state', () => {
    // Default and elder as the issue asks; dark too, since portals can choose it.
    for (const theme of ['default', 'elder', 'dark'] as const) {
      for (const { name, reach } of STATES) {
        it(`${name} (${theme} theme)`, async () => {
          const { widget, api } = await reach(theme);
          await expect(widget).to.be.accessible();
          api.release();
        });
      }
    }

    it('unconfigured: explains itself', async () => {
      const realError = console.error;
      console.error = () => {};
      try {
        const widget = await fixture<DsRequestStatus>(html`<ds-request-status lang="zh-CN"></ds-request-status>`);
        await widget.updateComplete;
        expect(widget.state).to.equal('unconfigured');
        expect(text(widget.shadowRoot!, '[part="notice"]')).to.contain('暂时无法使用');
        await expect(widget).to.be.accessible();
      } finally {
        console.error = realError;
      }
    });
  });

  describe('looking up', () => {
    it('shows the request named by the code attribute and fires ds-loaded', async () => {
      const api = new FakeStatusApi(sampleRequest('in_progress'));
      const loaded = new Promise<CustomEvent<ServiceRequestPublic>>((resolve) =>
        document.addEventListener('ds-loaded', (event) => resolve(event), { once: true }),
      );
      const { widget, root } = await mount({ api, code: 'ds 7k2m 9qx4' });
      expect((await loaded).detail.code).to.equal(STATUS_CODE);
      expect(widget.getAttribute('state')).to.equal('shown');
      expect(widget.code).to.equal(STATUS_CODE);
      expect(text(root, '[part="code"]')).to.equal(STATUS_CODE);
      expect(text(root, '#request-heading')).to.contain('公共照明');
      expect(live(root)).to.equal(`已找到 ${STATUS_CODE}，当前状态：处理中`);
    });

    it('works when created in script with a code (the form’s inline switch)', async () => {
      const api = new FakeStatusApi(sampleRequest('submitted'));
      const provider = await fixture<DsProvider>(html`<ds-provider .client=${fakeStatusClient(api)}></ds-provider>`);
      const widget = document.createElement('ds-request-status');
      widget.code = STATUS_CODE;
      provider.append(widget);
      await waitUntil(() => widget.state === 'shown');
      expect(text(widget.shadowRoot!, '[part="status"]')).to.contain('已提交');
    });

    it('builds its own operations when the provider hands down only a transport (api-base)', async () => {
      const api = new FakeStatusApi(sampleRequest('accepted'));
      const source = { transport: createTransport({ baseUrl: 'http://doorstep.test', fetch: api.fetch as typeof fetch, retry: 0 }) };
      const provider = await fixture<DsProvider>(html`
        <ds-provider .client=${source as unknown as DoorstepClient}><ds-request-status code=${STATUS_CODE}></ds-request-status></ds-provider>
      `);
      const widget = provider.querySelector('ds-request-status')!;
      await waitUntil(() => widget.state === 'shown');
      await waitUntil(() => text(widget.shadowRoot!, '#request-heading').includes('公共照明'), 'no category name');
    });

    it('looks up what the resident types, forgiving case and spaces', async () => {
      const { api, widget, root } = await mount();
      await typeInto(widget, '#code', '  ds7k2m 9qx4 ');
      await submitForm(widget, 'form');
      await waitUntil(() => widget.state === 'shown');
      expect(widget.getAttribute('code')).to.equal(STATUS_CODE);
      expect(api.reads.map((read) => read.path)).to.deep.equal([`/v1/requests/${STATUS_CODE}`]);
      expect($<HTMLInputElement>(root, '#code').value).to.equal(STATUS_CODE);
    });

    it('says again what it found when the resident looks up the code already shown', async () => {
      const { api, widget, root } = await mount({ code: STATUS_CODE });
      const region = $(root, '[aria-live="polite"]');
      const before = region.textContent;
      await submitForm(widget, 'form');
      // The same words again: the region's text must still change for a screen reader to read it.
      await waitUntil(() => region.textContent !== before, 'nothing announced');
      expect(live(root)).to.equal(`已找到 ${STATUS_CODE}，当前状态：处理中`);
      expect(api.reads).to.have.length(2);
    });

    it('forgets a half-given rating when another request is looked up', async () => {
      const api = new FakeStatusApi(sampleRequest('resolved'), sampleRequest('resolved', Date.now(), MERGED_INTO_CODE));
      const { widget, root } = await mount({ api, code: STATUS_CODE });
      await chooseStars(widget, 2);
      await typeInto(widget, '#comment', '不满意');
      await typeInto(widget, '#code', MERGED_INTO_CODE);
      await submitForm(widget, 'form');
      await waitUntil(() => widget.current?.code === MERGED_INTO_CODE);
      await widget.updateComplete;
      expect(root.querySelector('input[name="score"]:checked')).to.equal(null);
      expect($<HTMLTextAreaElement>(root, '#comment').value).to.equal('');
    });

    it('says what is wrong with a malformed or missing code, at the input, and sends nothing', async () => {
      const { api, widget, root } = await mount();
      await submitForm(widget, 'form');
      expect(text(root, '#code-error')).to.equal('错误：请输入查询编号');
      await typeInto(widget, '#code', 'DS-0000-1111');
      await submitForm(widget, 'form');
      expect(text(root, '#code-error')).to.contain('查询编号的格式不对');
      const input = $<HTMLInputElement>(root, '#code');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.equal('code-hint code-error');
      await waitUntil(() => root.activeElement === input, 'focus did not go to the input');
      expect(api.reads).to.have.length(0);
      expect(widget.state).to.equal('idle');
    });

    it('shows a malformed code attribute in the box with the reason', async () => {
      const { api, root } = await mount({ code: 'DS-12', waitFor: 'idle' });
      expect($<HTMLInputElement>(root, '#code').value).to.equal('DS-12');
      expect(text(root, '#code-error')).to.contain('查询编号的格式不对');
      expect(api.reads).to.have.length(0);
    });

    it('says plainly when there is no such request', async () => {
      const { root } = await mount({ api: new FakeStatusApi(), code: 'DS-AAAA-BBBB', waitFor: 'not-found' });
      expect(text(root, '[role="alert"]')).to.contain('没有查询编号为 DS-AAAA-BBBB 的问题');
    });

    it('reports a network failure, fires ds-error, and recovers on retry', async () => {
      const api = new FakeStatusApi(sampleRequest('accepted'));
      api.readFailure = 'network';
      const failed = new Promise<CustomEvent>((resolve) =>
        document.addEventListener('ds-error', (event) => resolve(event as CustomEvent), { once: true }),
      );
      const { widget, root } = await mount({ api, code: STATUS_CODE, waitFor: 'load-error' });
      const event = await failed;
      expect(event.detail.phase).to.equal('load');
      expect(event.detail.error.name).to.equal('NetworkError');
      expect(text(root, '[role="alert"]')).to.contain('网络连接中断');
      api.readFailure = undefined;
      await click(widget, '[role="alert"] button');
      await waitUntil(() => widget.state === 'shown');
    });

    it('says the server failed on a 500', async () => {
      const api = new FakeStatusApi(sampleRequest('accepted'));
      api.readFailure = 500;
      const { root } = await mount({ api, code: STATUS_CODE, waitFor: 'load-error' });
      expect(text(root, '[role="alert"]')).to.contain('系统暂时出了故障');
    });
  });

  describe('the timeline', () => {
    it('shows the steps with the current one marked, times, notes, expected date and support', async () => {
      const request = sampleRequest('in_progress');
      const { root } = await mount({ api: new FakeStatusApi(request), code: STATUS_CODE });
      const steps = [...root.querySelectorAll('[part="step"]')];
      expect(steps.map((step) => step.querySelector('.step-label')!.textContent)).to.deep.equal([
        '已提交',
        '已受理',
        '处理中',
        '已解决',
        '已办结',
      ]);
      expect(steps.map((step) => step.getAttribute('aria-current'))).to.deep.equal([null, null, 'step', null, null]);
      expect(steps.map((step) => step.className.match(/step--(\w+)/)![1])).to.deep.equal(['done', 'done', 'current', 'upcoming', 'upcoming']);
      const started = request.timeline.find((entry) => entry.kind === 'started')!;
      expect(steps[2]!.querySelector('time')!.getAttribute('datetime')).to.equal(started.at);
      expect(steps[2]!.querySelector('time')!.textContent).to.equal(
        new Intl.DateTimeFormat('zh-CN', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(started.at)),
      );

      const entries = texts(root, '[part="entry"]');
      expect(entries[0]).to.contain('居民反映了问题').and.to.contain('居民');
      expect(entries[1]).to.contain('工作人员已受理').and.to.contain('工作人员 王芳').and.to.contain('已收到，安排物业电工查看。');
      expect(entries[2]).to.contain('交给 物业维修组 处理');
      const expected = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${request.expectedDate}T00:00:00Z`),
      );
      expect(entries[4]).to.contain(`预计 ${expected} 完成`);
      expect(root.querySelectorAll('[part="entry"] time')).to.have.length(request.timeline.length);

      const facts = text(root, '[part="facts"]');
      expect(facts).to.contain('幸福区 › 和平街道 › 幸福里社区 › 幸福花园 › 1号楼 › 1单元');
      expect(facts).to.contain('5楼楼梯口');
      expect(facts).to.contain(expected);
      expect(facts).to.contain('物业维修组');
      expect(facts).to.contain('另有 2 位居民也反映了这个问题');
      // Public views are masked already; the widget does not show contact details at all.
      expect(root.textContent).not.to.contain('138****5678');
    });

    it('names the outcome step after a rejection and marks skipped steps', async () => {
      const { root } = await mountAt('rejected');
      const steps = [...root.querySelectorAll('[part="step"]')];
      expect(steps[3]!.textContent).to.contain('未能办理');
      expect(steps[3]!.getAttribute('aria-current')).to.equal('step');
      expect(steps[1]!.className).to.contain('step--skipped');
      expect(steps[1]!.textContent).to.contain('未经过这一步');
      expect(text(root, '[part="status"]')).to.contain('未能办理');
      expect(text(root, '[part="timeline"]')).to.contain('12319');
    });

    it('shows photos as thumbnails with alt text that open full size', async () => {
      const { root } = await mountAt('resolved');
      const links = [...root.querySelectorAll<HTMLAnchorElement>('[part="photo"]')];
      expect(links).to.have.length(2);
      expect(links[0]!.target).to.equal('_blank');
      expect(links[0]!.href).to.match(/^data:image\/png/);
      expect(links.map((link) => link.querySelector('img')!.alt)).to.deep.equal(['问题照片 1（共 2 张）', '问题照片 2（共 2 张）']);
      expect(links[0]!.textContent).to.contain('查看大图');
    });

    it('formats times in the widget’s locale', async () => {
      const request = sampleRequest('accepted');
      const { root } = await mount({ api: new FakeStatusApi(request), code: STATUS_CODE, locale: 'en' });
      expect(text(root, '[part="status"]')).to.equal('Status: Accepted');
      const reported = $(root, '[part="facts"] time');
      expect(reported.textContent).to.equal(
        new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(request.createdAt)),
      );
      expect(text(root, '[part="entry"]')).to.contain('Reported by a resident');
    });

    it('offers the request a merged one now follows', async () => {
      const api = new FakeStatusApi(sampleRequest('merged'), sampleRequest('in_progress', Date.now(), MERGED_INTO_CODE));
      const { widget, root } = await mount({ api, code: STATUS_CODE });
      expect(text(root, '[part="notice"]')).to.contain(`已与 ${MERGED_INTO_CODE} 合并处理`);
      expect(root.querySelector('.rating')).to.equal(null);
      expect(root.querySelector('.reopen')).to.equal(null);
      await click(widget, '[part="notice"] button');
      await waitUntil(() => widget.current?.code === MERGED_INTO_CODE);
      expect(widget.code).to.equal(MERGED_INTO_CODE);
    });
  });

  describe('rating', () => {
    it('rates once: 1–5 with a comment, thanks the resident, and offers no second rating', async () => {
      const { api, widget, root } = await mountAt('resolved');
      expect(texts(root, '[part="star"] .star-text')).to.deep.equal([
        '1 星：很不满意',
        '2 星：不满意',
        '3 星：一般',
        '4 星：满意',
        '5 星：很满意',
      ]);
      await chooseStars(widget, 4);
      await typeInto(widget, '#comment', '  修好了，但等了三天 ');
      const rated = oneEvent(widget, 'ds-rated');
      await submitForm(widget, '.rating form');
      const event = (await rated) as CustomEvent<ServiceRequestPublic>;
      expect(event.detail.rating?.score).to.equal(4);
      expect(api.writes).to.have.length(1);
      expect(api.writes[0]!.path).to.equal(`/v1/requests/${STATUS_CODE}/rating`);
      expect(api.writes[0]!.body).to.deep.equal({ score: 4, comment: '修好了，但等了三天' });
      expect(api.writes[0]!.headers.get('idempotency-key')).to.be.a('string');
      expect(widget.state).to.equal('rating-submitted');
      await waitUntil(() => root.activeElement?.classList.contains('rating-confirmation'), 'focus did not go to the thanks');
      expect(text(root, '.rating')).to.contain('感谢您的评价').and.to.contain('4 星：满意').and.to.contain('修好了，但等了三天');
      expect(root.querySelector('input[name="score"]')).to.equal(null);
      expect(live(root)).to.equal('感谢您的评价！');
    });

    it('asks for a score before sending and puts focus on the stars', async () => {
      const { api, widget, root } = await mountAt('resolved');
      await submitForm(widget, '.rating form');
      expect(text(root, '#score-error')).to.equal('错误：请选择 1 到 5 星');
      await waitUntil(() => root.activeElement?.matches('input[name="score"]'));
      expect(api.writes).to.have.length(0);
    });

    it('refuses a comment over the limit without losing it', async () => {
      const { api, widget, root } = await mountAt('resolved');
      await chooseStars(widget, 3);
      const long = '很'.repeat(501);
      await typeInto(widget, '#comment', long);
      await submitForm(widget, '.rating form');
      expect(text(root, '#comment-error')).to.contain('评价不能超过 500 个字');
      expect($<HTMLTextAreaElement>(root, '#comment').value).to.equal(long);
      expect(api.writes).to.have.length(0);
    });

    it('keeps what was entered after a failure, and the retry is the same submission', async () => {
      const { api, widget, root } = await mountAt('resolved');
      api.writeFailure = 'network';
      await chooseStars(widget, 5);
      await typeInto(widget, '#comment', '谢谢');
      await submitForm(widget, '.rating form');
      await waitUntil(() => widget.state === 'rating-error');
      expect(text(root, '.action-alert')).to.contain('网络连接中断');
      expect($<HTMLInputElement>(root, 'input[name="score"][value="5"]').checked).to.equal(true);
      expect($<HTMLTextAreaElement>(root, '#comment').value).to.equal('谢谢');
      api.writeFailure = undefined;
      await submitForm(widget, '.rating form');
      await waitUntil(() => widget.state === 'rating-submitted');
      expect(api.writes).to.have.length(2);
      expect(api.writes[1]!.headers.get('idempotency-key')).to.equal(api.writes[0]!.headers.get('idempotency-key'));
    });

    it('when it was rated meanwhile, says so and shows that rating', async () => {
      const { api, widget, root } = await mountAt('resolved');
      api.update(STATUS_CODE, () => ({ ratable: false, rating: { score: 2, comment: null, ratedAt: new Date().toISOString() } }));
      await chooseStars(widget, 5);
      await submitForm(widget, '.rating form');
      await waitUntil(() => root.querySelector('.conflict-alert'));
      expect(text(root, '.conflict-alert')).to.contain('这个问题已经评价过了');
      expect(text(root, '.rating')).to.contain('2 星：不满意');
      expect(widget.state).to.equal('shown');
    });

    it('shows no rating form before resolution', async () => {
      const { root } = await mountAt('in_progress');
      expect(root.querySelector('.rating')).to.equal(null);
    });
  });

  describe('reopening', () => {
    it('reopens within the window with a reason', async () => {
      const { api, widget, root } = await mountAt('resolved');
      const until = widget.current!.reopenableUntil!;
      expect(text(root, '.reopen')).to.contain(new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long' }).format(new Date(until)));
      await click(widget, '.reopen-start');
      expect(widget.state).to.equal('reopen-form');
      await waitUntil(() => root.activeElement?.id === 'reason');
      await submitForm(widget, '.reopen form');
      expect(text(root, '#reason-error')).to.equal('错误：请说明哪里还没有解决');
      await typeInto(widget, '#reason', '灯只亮了一天又坏了');
      const reopened = oneEvent(widget, 'ds-reopened');
      await submitForm(widget, '.reopen form');
      expect(((await reopened) as CustomEvent<ServiceRequestPublic>).detail.status).to.equal('in_progress');
      expect(api.writes[0]!.body).to.deep.equal({ reason: '灯只亮了一天又坏了' });
      await waitUntil(() => root.activeElement?.classList.contains('reopen-confirmation'));
      expect(text(root, '[part="status"]')).to.contain('处理中');
      expect(text(root, '[part="timeline"]')).to.contain('居民重新打开').and.to.contain('灯只亮了一天又坏了');
      expect(root.querySelector('.reopen-start')).to.equal(null);
    });

    it('can be cancelled, returning focus to the offer', async () => {
      const { widget, root } = await mountAt('resolved');
      await click(widget, '.reopen-start');
      await typeInto(widget, '#reason', '还是不亮');
      await click(widget, '.reopen form .button--secondary');
      expect(widget.state).to.equal('shown');
      await waitUntil(() => root.activeElement?.classList.contains('reopen-start'));
    });

    it('offers no reopen when the API says the window is closed, or when it ran out while open', async () => {
      const closed = sampleRequest('resolved');
      const { root } = await mount({ api: new FakeStatusApi({ ...closed, reopenableUntil: null }), code: STATUS_CODE });
      expect(root.querySelector('.reopen-start')).to.equal(null);
      const stale = await mount({
        api: new FakeStatusApi({ ...closed, reopenableUntil: new Date(Date.now() - 1000).toISOString() }),
        code: STATUS_CODE,
      });
      expect(stale.root.querySelector('.reopen-start')).to.equal(null);
    });

    it('says why when the server refuses (the window closed meanwhile)', async () => {
      const { api, widget, root } = await mountAt('resolved');
      await click(widget, '.reopen-start');
      await typeInto(widget, '#reason', '还是不亮');
      api.update(STATUS_CODE, () => ({ reopenableUntil: new Date(Date.now() - 1000).toISOString() }));
      await submitForm(widget, '.reopen form');
      await waitUntil(() => root.querySelector('.conflict-alert'));
      expect(text(root, '.conflict-alert')).to.contain('已超过 14 天');
      expect(root.querySelector('.reopen-start')).to.equal(null);
    });
  });

  describe('live updates', () => {
    it('polls with ETags, stays quiet while nothing changes, and announces a change', async () => {
      const { api, widget, root } = await mountAt('in_progress', { pollInterval: 40 });
      await waitUntil(() => api.notModified >= 2, 'no conditional polls', { timeout: 3000 });
      expect(api.reads.slice(1).every((read) => read.headers.get('if-none-match'))).to.equal(true);
      expect(live(root)).to.equal(`已找到 ${STATUS_CODE}，当前状态：处理中`);

      const loaded = oneEvent(widget, 'ds-loaded');
      api.put(sampleRequest('resolved'));
      await loaded;
      await widget.updateComplete;
      expect(live(root)).to.equal(`${STATUS_CODE} 的状态已更新：已解决`);
      expect(text(root, '[part="status"]')).to.contain('已解决');
      expect(root.querySelector('.rating')).not.to.equal(null);
    });

    it('announces a new staff note that does not change the status', async () => {
      const { api, widget, root } = await mountAt('in_progress', { pollInterval: 40 });
      api.update(STATUS_CODE, (request) => ({
        timeline: [
          ...request.timeline,
          {
            id: 'e-new',
            at: new Date().toISOString(),
            kind: 'noted',
            status: 'in_progress',
            actor: { kind: 'staff', name: '李强' },
            note: '灯具已到货，明天上午更换。',
            visibility: 'public',
          },
        ],
      }));
      await waitUntil(() => live(root).includes('有新的处理记录'), 'no announcement', { timeout: 3000 });
      expect(live(root)).to.equal(`${STATUS_CODE} 有新的处理记录：工作人员留言`);
      expect(text(root, '[part="timeline"]')).to.contain('灯具已到货').and.to.contain('工作人员 李强');
      expect(widget.state).to.equal('shown');
    });

    it('stops polling once nothing more can happen', async () => {
      const closed = { ...sampleRequest('closed'), reopenableUntil: null };
      const { api } = await mount({ api: new FakeStatusApi(closed), code: STATUS_CODE, pollInterval: 30 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(api.reads).to.have.length(1);
    });

    it('keeps showing the request when a poll fails', async () => {
      const { api, widget } = await mountAt('accepted', { pollInterval: 30 });
      api.readFailure = 'network';
      const before = api.reads.length;
      await waitUntil(() => api.reads.length > before + 1, 'no polls', { timeout: 3000 });
      expect(widget.state).to.equal('shown');
    });
  });

  describe('keyboard', () => {
    it('looks up and rates with the keyboard alone', async () => {
      const api = new FakeStatusApi(sampleRequest('resolved'));
      const { widget, root } = await mount({ api });
      const before = document.createElement('button');
      before.textContent = 'before';
      widget.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(root.activeElement?.id).to.equal('code');
      await sendKeys({ type: 'ds7k2m9qx4' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => widget.state === 'shown');
      await widget.updateComplete;
      // Tab from the lookup to the first control of the request: the photo links, then the stars.
      $<HTMLElement>(root, '[part="photo"]').focus();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(root.activeElement?.getAttribute('name')).to.equal('score');
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await widget.updateComplete;
      expect($<HTMLInputElement>(root, 'input[name="score"]:checked').value).to.equal('3');
      await sendKeys({ press: 'Tab' });
      expect(root.activeElement?.id).to.equal('comment');
      await sendKeys({ type: 'OK' });
      await sendKeys({ press: 'Tab' });
      expect(root.activeElement?.getAttribute('type')).to.equal('submit');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => widget.state === 'rating-submitted');
      expect(api.writes[0]!.body).to.deep.equal({ score: 3, comment: 'OK' });
    });
  });

  describe('elder theme', () => {
    it('uses text of at least 18px and targets of at least 60px', async () => {
      const { root } = await mountAt('resolved', { theme: 'elder' });
      for (const selector of ['.hint', '.label', '.step-time', '.entry-meta', '#code', '.star-text']) {
        expect(parseFloat(getComputedStyle($(root, selector)).fontSize), selector).to.be.at.least(18);
      }
      for (const selector of ['#code', '.lookup button', '.reopen-start', '[part="star"]']) {
        expect($(root, selector).getBoundingClientRect().height, selector).to.be.at.least(60);
      }
    });
  });
});
