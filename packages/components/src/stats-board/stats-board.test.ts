import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createClient, type CommunityStats } from '@doorstep/sdk';
import '../define/index.js';
import type { StatsBoardState } from './stats-board.js';
import { periodLabel, periodRange } from './period.js';

const SAMPLE: CommunityStats = {
  area: 'c-1',
  from: '2026-10-31T16:00:00.000Z',
  to: '2026-11-30T16:00:00.000Z',
  requests: {
    collected: 123,
    resolved: 111,
    resolutionRate: 0.902,
    medianResolutionSeconds: 2.5 * 86400,
    topCategories: [
      { categoryId: 'public-light', name: { 'zh-CN': '公共照明', 'zh-TW': '公共照明', en: 'Public lighting' }, collected: 40, resolved: 38 },
      { categoryId: 'water-leak', name: { 'zh-CN': '漏水', 'zh-TW': '漏水', en: 'Water leak' }, collected: 21, resolved: 15 },
    ],
  },
  volunteering: { hours: 1234.5, volunteers: 86 },
  eldercare: { recipients: 57 },
  events: { held: 9, participants: 312 },
};

/** A fake API for the board: answers `/v1/stats/summary` with ETags like the server, and counts asks. */
class FakeStatsApi {
  stats: CommunityStats | undefined = SAMPLE;
  version = 1;
  fail = false;
  hold = false;
  readonly asked: URL[] = [];
  readonly fetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    this.asked.push(url);
    if (this.hold) await new Promise(() => {});
    if (this.fail) throw new TypeError('Failed to fetch');
    const etag = `"v${this.version}"`;
    if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag } });
    return new Response(JSON.stringify(this.stats), { status: 200, headers: { 'content-type': 'application/json', etag } });
  };
}

async function mount(options: { api?: FakeStatsApi; theme?: 'default' | 'elder'; locale?: string; attrs?: string; waitFor?: StatsBoardState } = {}) {
  const api = options.api ?? new FakeStatsApi();
  const client = createClient({ baseUrl: 'http://api.test', fetch: api.fetch, retry: 0 });
  const provider = await fixture(html`<ds-provider .client=${client} locale=${options.locale ?? 'zh-CN'} theme=${options.theme ?? 'default'}>
    <ds-stats-board area="c-1" poll-interval="40"></ds-stats-board>
  </ds-provider>`);
  const board = provider.querySelector('ds-stats-board')!;
  for (const [name, value] of Object.entries(JSON.parse(options.attrs ?? '{}') as Record<string, string>)) board.setAttribute(name, value);
  await waitUntil(() => board.state === (options.waitFor ?? 'ready'), `board is ${board.state}`);
  await board.updateComplete;
  return { api, board, root: board.shadowRoot! };
}

const text = (root: ShadowRoot, selector: string) =>
  [...root.querySelectorAll(selector)].map((element) => element.textContent!.replace(/\s+/g, ' ').trim());
const cells = (root: ShadowRoot, selector: string) =>
  [...root.querySelectorAll(selector)].map((row) => [...row.children].map((cell) => cell.textContent!.trim()));

describe('<ds-stats-board>', () => {
  it('shows every figure, formatted for the locale', async () => {
    const { root } = await mount();
    expect(text(root, '.figure dt')).to.deep.equal([
      '收集诉求', '已办结', '办结率', '办结用时（中位数）', '志愿服务时长', '参与志愿者', '居家养老服务老人', '举办活动', '活动参与人次',
    ]);
    expect(text(root, '.value')).to.deep.equal(['123', '111', '90.2%', '2.5天', '1,234.5 小时', '86 人', '57 人', '9 场', '312 人次']);
  });

  it('speaks English too, with plural forms', async () => {
    const { root } = await mount({ locale: 'en' });
    expect(text(root, '.value')).to.deep.equal([
      '123', '111', '90.2%', '2.5 days', '1,234.5 hours', '86 people', '57 people', '9 events', '312 participants',
    ]);
    expect(text(root, '.bar-label')).to.deep.equal(['Public lighting', 'Water leak']);
  });

  it('asks for the area and the current month in China Standard Time', async () => {
    const { api } = await mount();
    const url = api.asked[0]!;
    expect(url.pathname).to.equal('/v1/stats/summary');
    expect(url.searchParams.get('area')).to.equal('c-1');
    expect({ from: url.searchParams.get('from'), to: url.searchParams.get('to') }).to.deep.equal(periodRange('month'));
  });

  it('uses from/to when given, and no period for all time', async () => {
    const custom = await mount({ attrs: JSON.stringify({ from: '2026-01-01', to: '2026-03-31' }) });
    await waitUntil(() => custom.api.asked.some((url) => url.searchParams.get('from') === '2026-01-01'));
    const all = await mount({ attrs: JSON.stringify({ period: 'all' }) });
    await waitUntil(() => all.api.asked.some((url) => !url.searchParams.has('from') && !url.searchParams.has('to')));
    expect(text(all.root, '.period')).to.deep.equal(['全部时间']);
  });

  it('gives each chart a text alternative: the rate bar a label, the category bars a table', async () => {
    const { root } = await mount();
    expect(root.querySelector('.rate-track')!.getAttribute('aria-label')).to.equal('办结率：已办结 111 件，共 123 件');
    expect(root.querySelector('.bars')!.getAttribute('aria-hidden')).to.equal('true');
    expect(cells(root, 'table tbody tr')).to.deep.equal([['公共照明', '40', '38'], ['漏水', '21', '15']]);
    expect(root.querySelector('table caption')!.textContent).to.equal('诉求较多的问题类型');
  });

  it('compact: one strip of the headline figures, no charts', async () => {
    const { root } = await mount({ attrs: JSON.stringify({ variant: 'compact' }) });
    await waitUntil(() => root.querySelectorAll('.figure').length === 4);
    expect(text(root, '.value')).to.deep.equal(['123', '111', '90.2%', '1,234.5 小时']);
    expect(root.querySelector('.chart')).to.equal(null);
  });

  it('says when nothing was reported yet', async () => {
    const api = new FakeStatsApi();
    api.stats = { ...SAMPLE, requests: { collected: 0, resolved: 0, resolutionRate: null, medianResolutionSeconds: null, topCategories: [] } };
    const { root } = await mount({ api });
    expect(text(root, '.value').slice(0, 4)).to.deep.equal(['0', '0', '暂无', '暂无']);
    expect(text(root, '.empty')).to.deep.equal(['这段时间还没有收到诉求。']);
  });

  it('keeps current: a 304 changes nothing, new figures are shown and announced once', async () => {
    const { api, board, root } = await mount();
    const live = root.querySelector('[aria-live]')!;
    await waitUntil(() => api.asked.length >= 3, 'polled with 304s');
    expect(live.textContent).to.equal('');
    api.stats = { ...SAMPLE, requests: { ...SAMPLE.requests, collected: 124 } };
    api.version += 1;
    const loaded = await oneEvent(board, 'ds-stats-loaded');
    expect(loaded.detail.requests.collected).to.equal(124);
    await board.updateComplete;
    expect(text(root, '.value')[0]).to.equal('124');
    expect(live.textContent).to.equal('数据已更新');
  });

  it('a failed load offers a retry that works', async () => {
    const api = new FakeStatsApi();
    api.fail = true;
    const { board, root } = await mount({ api, waitFor: 'load-error' });
    expect(root.querySelector('[role="alert"]')!.textContent).to.contain('数据没能加载出来');
    api.fail = false;
    root.querySelector<HTMLButtonElement>('.alert button')!.click();
    await waitUntil(() => board.state === 'ready');
  });

  describe('is accessible in every state and theme', () => {
    for (const theme of ['default', 'elder'] as const) {
      it(`${theme}: loading, error, full, compact`, async () => {
        const loading = new FakeStatsApi();
        loading.hold = true;
        await expect((await mount({ api: loading, theme, waitFor: 'loading' })).board).to.be.accessible();
        const failing = new FakeStatsApi();
        failing.fail = true;
        await expect((await mount({ api: failing, theme, waitFor: 'load-error' })).board).to.be.accessible();
        await expect((await mount({ theme })).board).to.be.accessible();
        const compact = await mount({ theme, attrs: JSON.stringify({ variant: 'compact' }) });
        await waitUntil(() => compact.root.querySelectorAll('.figure').length === 4);
        await expect(compact.board).to.be.accessible();
      });
    }
  });
});

describe('stats periods', () => {
  it('months turn at midnight in China, not in UTC', () => {
    // 2026-10-31 16:30 UTC is already 1 November 00:30 in China.
    expect(periodRange('month', new Date('2026-10-31T16:30:00Z'))).to.deep.equal({ from: '2026-11-01', to: '2026-11-30' });
    expect(periodRange('last-month', new Date('2026-01-15T00:00:00Z'))).to.deep.equal({ from: '2025-12-01', to: '2025-12-31' });
    expect(periodRange('month', new Date('2028-02-10T00:00:00Z'))).to.deep.equal({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange('year', new Date('2026-06-01T00:00:00Z'))).to.deep.equal({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodRange('all')).to.deep.equal({});
  });

  it('labels whole months and years by name, other ranges as ranges', () => {
    expect(periodLabel('zh-CN', { from: '2026-11-01', to: '2026-11-30' })).to.equal('2026年11月');
    expect(periodLabel('en', { from: '2026-11-01', to: '2026-11-30' })).to.equal('November 2026');
    expect(periodLabel('zh-CN', { from: '2026-01-01', to: '2026-12-31' })).to.equal('2026年');
    expect(periodLabel('en', { from: '2026-01-05', to: '2026-02-10' })).to.match(/Jan 5\s*–\s*Feb 10, 2026/);
    expect(periodLabel('en', {})).to.equal(undefined);
  });
});
