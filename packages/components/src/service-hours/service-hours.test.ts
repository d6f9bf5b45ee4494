import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { HoursSummary } from '@doorstep/sdk';
import '../define/index.js';
import { communityToday } from '../shared/format.js';
import type { DsProvider } from '../provider/provider.js';
import { FakeVolunteeringApi, fakeSummary, fakeVolunteeringClient } from '../test-support/fake-volunteering.js';
import type { DsServiceHours, ServiceHoursState } from './service-hours.js';

interface Mounted {
  api: FakeVolunteeringApi;
  counter: DsServiceHours;
  root: ShadowRoot;
}

async function mount(
  options: {
    api?: FakeVolunteeringApi;
    locale?: string;
    theme?: 'default' | 'elder';
    attributes?: Record<string, string>;
    waitFor?: ServiceHoursState;
  } = {},
): Promise<Mounted> {
  const api = options.api ?? new FakeVolunteeringApi();
  const provider = await fixture<DsProvider>(html`
    <ds-provider .client=${fakeVolunteeringClient(api)} locale=${options.locale ?? 'zh-CN'} theme=${options.theme ?? 'default'}>
      <ds-service-hours></ds-service-hours>
    </ds-provider>
  `);
  const counter = provider.querySelector('ds-service-hours')!;
  for (const [name, value] of Object.entries(options.attributes ?? { community: 'c-1' })) counter.setAttribute(name, value);
  const wanted = options.waitFor ?? 'ready';
  await waitUntil(() => counter.state === wanted, `counter never became ${wanted} (is ${counter.state})`);
  await counter.updateComplete;
  return { api, counter, root: counter.shadowRoot! };
}

function $<T extends Element = HTMLElement>(root: ShadowRoot, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

const text = (root: ShadowRoot, selector: string) => $(root, selector).textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Waits until the count-up has settled on its final number. */
async function settled(counter: DsServiceHours, root: ShadowRoot, number: string): Promise<void> {
  await waitUntil(() => text(root, '[part="number"]') === number, `the number never settled on ${number} (shows ${text(root, '[part="number"]')})`, {
    timeout: 3000,
  });
  await counter.updateComplete;
}

/** Twelve months of the trend, oldest first, ending with `last` (YYYY-MM). */
function trendEndingWith(last: string): NonNullable<HoursSummary['trend']> {
  const [year, month] = last.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, index) => ({
    month: new Date(Date.UTC(year, month - 12 + index, 1)).toISOString().slice(0, 7),
    minutes: 30_000 + index * 600,
  }));
}

describe('<ds-service-hours>', () => {
  afterEach(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  describe('states', () => {
    it('shows a loading status while the hours are on their way, and is accessible', async () => {
      const api = new FakeVolunteeringApi();
      api.holdHours = true;
      const { counter, root } = await mount({ api, waitFor: 'loading' });
      expect(counter.getAttribute('state')).to.equal('loading');
      expect(text(root, '[role="status"]')).to.contain('正在加载');
      expect($(root, '[part="base"]').getAttribute('aria-busy')).to.equal('true');
      await expect(counter).to.be.accessible();
      api.release();
      await waitUntil(() => counter.state === 'ready');
    });

    for (const theme of ['default', 'elder'] as const) {
      it(`is accessible with the total, goal and both charts (${theme} theme)`, async () => {
        const { counter, root } = await mount({ theme });
        await settled(counter, root, '412');
        expect(root.querySelector('[role="progressbar"]')).to.exist;
        expect(root.querySelectorAll('figure[part="chart"]')).to.have.length(2);
        await expect(counter).to.be.accessible();
      });

      it(`is accessible with the charts shown as tables (${theme} theme)`, async () => {
        const { counter, root } = await mount({ theme });
        for (const button of root.querySelectorAll<HTMLButtonElement>('[part~="toggle-button"]')) button.click();
        await counter.updateComplete;
        expect(root.querySelectorAll('table:not(.visually-hidden)')).to.have.length(2);
        await expect(counter).to.be.accessible();
      });

      it(`is accessible in the compact variant (${theme} theme)`, async () => {
        const { counter, root } = await mount({ theme, attributes: { community: 'c-1', variant: 'compact' } });
        await settled(counter, root, '412');
        expect(text(root, '.strip')).to.contain('本月');
        expect(root.querySelector('figure')).to.equal(null, 'no charts in a page header');
        await expect(counter).to.be.accessible();
      });

      it(`is accessible when loading failed, and retry recovers (${theme} theme)`, async () => {
        const api = new FakeVolunteeringApi();
        api.hoursFailure = 500;
        const { counter, root } = await mount({ api, theme, waitFor: 'load-error' });
        expect(text(root, '[role="alert"]')).to.contain('没能加载出来');
        await expect(counter).to.be.accessible();
        api.hoursFailure = undefined;
        $<HTMLButtonElement>(root, '[part~="retry-button"]').click();
        await waitUntil(() => counter.state === 'ready');
      });

      it(`is accessible with no hours yet (${theme} theme)`, async () => {
        const api = new FakeVolunteeringApi();
        api.summary = fakeSummary(0);
        const { counter, root } = await mount({ api, theme, waitFor: 'empty' });
        expect(text(root, '.empty')).to.contain('还没有审核通过');
        expect(text(root, '[part="number"]')).to.equal('0');
        await expect(counter).to.be.accessible();
      });
    }

    it('says what is missing when no scope is given, and asks nothing', async () => {
      const { api, counter, root } = await mount({ attributes: {}, waitFor: 'unconfigured' });
      expect(text(root, '[part="notice"]')).to.contain('还没有指定统计范围');
      expect(api.hoursCalls.total).to.equal(0);
      await expect(counter).to.be.accessible();
    });
  });

  describe('what it asks and shows', () => {
    it('asks for the community’s month with the split by team and the trend', async () => {
      const { api } = await mount();
      const asked = api.received.find((request) => request.path === '/v1/volunteering/hours')!;
      expect(Object.fromEntries(asked.search!)).to.deep.equal({ community: 'c-1', period: 'month', include: 'teams,trend' });
    });

    it('asks a team without the split, the compact strip without charts, and a range by its days', async () => {
      const team = await mount({ attributes: { team: 'elder-visits', period: 'year' } });
      expect(Object.fromEntries(team.api.received[0]!.search!)).to.deep.equal({ team: 'elder-visits', period: 'year', include: 'trend' });
      const compact = await mount({ attributes: { volunteer: 'V-ZHXY-8K6M', variant: 'compact', from: '2026-01-01', to: '2026-06-30' } });
      expect(Object.fromEntries(compact.api.received[0]!.search!)).to.deep.equal({ volunteer: 'V-ZHXY-8K6M', from: '2026-01-01', to: '2026-06-30' });
    });

    it('formats the number for the locale: 1,234.5 小时 / 1,234.5 hours, and tells screen readers the final figure', async () => {
      const api = new FakeVolunteeringApi();
      api.summary = fakeSummary(74_070);
      const zh = await mount({ api });
      await settled(zh.counter, zh.root, '1,234.5');
      expect(text(zh.root, '[part="total"] [aria-hidden="true"]')).to.equal('1,234.5 小时');
      expect(text(zh.root, '[part="total"] .visually-hidden')).to.equal('2026年11月志愿服务 1,234.5 小时');
      expect(text(zh.root, '[part="period"]')).to.equal('2026年11月');

      const en = await mount({ api, locale: 'en' });
      await settled(en.counter, en.root, '1,234.5');
      expect(text(en.root, '[part="total"] [aria-hidden="true"]')).to.equal('1,234.5 hours');
      expect(text(en.root, '[part="meta"]')).to.contain('31 volunteers');
      const one = new FakeVolunteeringApi();
      one.summary = fakeSummary(60, { volunteers: 1, entries: 1 });
      const single = await mount({ api: one, locale: 'en' });
      await settled(single.counter, single.root, '1');
      expect(text(single.root, '[part="total"] [aria-hidden="true"]')).to.equal('1 hour');
      expect(text(single.root, '[part="meta"]')).to.contain('1 volunteer');
    });

    it('shows progress toward the server’s goal, or the page’s own goal instead', async () => {
      const { counter, root } = await mount();
      const bar = $(root, '[role="progressbar"]');
      expect(bar.getAttribute('aria-valuenow')).to.equal('412');
      expect(bar.getAttribute('aria-valuemax')).to.equal('550');
      expect(bar.getAttribute('aria-valuetext')).to.equal('412 小时，目标 550 小时（75%）');
      expect(text(root, '.goal-text')).to.equal('目标 550 小时，已完成 75%');
      expect(parseFloat($(root, '[part="goal-fill"]').style.inlineSize)).to.be.closeTo((412 / 550) * 100, 0.01);

      counter.goal = 400;
      await counter.updateComplete;
      expect(text(root, '.goal-text')).to.equal('已达成目标 400 小时，超出 12 小时');
      expect($(root, '[part="goal-fill"]').style.inlineSize).to.equal('100%');
      expect($(root, '[part="goal"]').classList.contains('goal--reached')).to.equal(true);

      const api = new FakeVolunteeringApi();
      api.summary = fakeSummary(24_720, { goalMinutes: null });
      const noGoal = await mount({ api });
      expect(noGoal.root.querySelector('[role="progressbar"]')).to.equal(null);
    });

    it('draws the split by team and the trend in SVG, hidden from screen readers, with tables that say the same', async () => {
      const { root } = await mount();
      const bars = $(root, '.bars');
      expect(bars.getAttribute('aria-hidden')).to.equal('true');
      expect(bars.querySelectorAll('svg rect.bar-fill')).to.have.length(2);
      expect(root.querySelector('.trend[aria-hidden="true"] svg polyline')).to.exist;
      expect(root.querySelectorAll('.trend circle')).to.have.length(12);
      expect(root.querySelector('.trend-goal'), 'the monthly goal is a line across the trend').to.exist;
      const cells = (row: Element) => [...row.children].map((cell) => cell.textContent!.trim()).join('|');
      expect([...root.querySelectorAll('#teams-table tbody tr')].map(cells)).to.deep.equal(['助老服务队|309', '平安巡逻队|103']);
      const trendRows = root.querySelectorAll('#trend-table tbody tr');
      expect(trendRows).to.have.length(12);
      expect(cells(trendRows[11]!)).to.equal('2026年11月|412');
      expect($(root, '#trend-table').classList.contains('visually-hidden')).to.equal(true);
    });

    it('shows the month under way as so far: a dotted last stretch, a legend, and the table says so', async () => {
      const thisMonth = communityToday().slice(0, 7);
      const api = new FakeVolunteeringApi();
      api.summary = { ...fakeSummary(24_720), trend: trendEndingWith(thisMonth) };
      const { root } = await mount({ api, locale: 'en' });
      expect(root.querySelectorAll('.trend-line--partial'), 'one dotted stretch, into this month').to.have.length(1);
      expect(root.querySelectorAll('.trend-dot--current')).to.have.length(1);
      expect(text(root, '.trend-legend')).to.contain('Dotted line: this month so far');
      const rows = root.querySelectorAll('#trend-table tbody tr');
      expect(rows[11]!.querySelector('th')!.textContent!.trim()).to.match(/^\w+ \d{4} \(so far\)$/);
      expect(rows[10]!.querySelector('th')!.textContent!.trim()).not.to.contain('so far');
    });

    for (const theme of ['default', 'elder'] as const) {
      it(`keeps the month names apart at every width, also with the two charts side by side (${theme})`, async () => {
        const { counter, root } = await mount({ theme });
        for (const width of [320, 480, 720, 900, 1200, 1400]) {
          counter.style.width = `${width}px`;
          await new Promise(requestAnimationFrame);
          const shown = [...root.querySelectorAll('.trend-labels li')].filter((label) => getComputedStyle(label).visibility !== 'hidden');
          const boxes = shown.map((label) => {
            const range = document.createRange();
            range.selectNodeContents(label);
            return range.getBoundingClientRect();
          });
          // At least half a character between two names, or they read as one ("10月11月").
          const gap = parseFloat(getComputedStyle(shown[0]!).fontSize) / 2;
          for (let index = 1; index < boxes.length; index++) {
            expect(boxes[index]!.left - boxes[index - 1]!.right, `${width}px: ${shown[index - 1]!.textContent} runs into ${shown[index]!.textContent}`).to.be.at.least(gap);
          }
        }
      });
    }

    it('marks no month as under way when the trend ends in the past', async () => {
      const api = new FakeVolunteeringApi();
      api.summary = { ...fakeSummary(24_720), trend: trendEndingWith('2024-06') };
      const { root } = await mount({ api });
      expect(root.querySelector('.trend-line--partial')).to.equal(null);
      expect(root.querySelector('.trend-dot--current')).to.equal(null);
      expect(text(root, '.trend-legend')).not.to.contain('点线');
      expect(root.querySelectorAll('#trend-table tbody th')[11]!.textContent!.trim()).to.equal('2024年6月');
    });

    it('swaps a chart for its table from the keyboard, and back', async () => {
      const { counter, root } = await mount();
      const toggle = $<HTMLButtonElement>(root, '#trend-caption + [part~="toggle-button"]');
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      expect(toggle.textContent!.trim()).to.equal('以表格显示');
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await counter.updateComplete;
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect(toggle.textContent!.trim()).to.equal('以图表显示');
      expect(root.querySelector('.trend')).to.equal(null);
      expect($(root, '#trend-table').classList.contains('visually-hidden')).to.equal(false);
      await sendKeys({ press: 'Space' });
      await counter.updateComplete;
      expect(root.querySelector('.trend svg')).to.exist;
    });

    it('fires ds-hours-updated with the figures', async () => {
      const api = new FakeVolunteeringApi();
      const provider = await fixture<DsProvider>(html`<ds-provider .client=${fakeVolunteeringClient(api)}></ds-provider>`);
      const counter = document.createElement('ds-service-hours');
      counter.community = 'c-1';
      const updated = oneEvent(provider, 'ds-hours-updated') as Promise<CustomEvent<HoursSummary>>;
      provider.append(counter);
      expect((await updated).detail.minutes).to.equal(24_720);
    });
  });

  describe('motion', () => {
    it('counts up over animation frames', async () => {
      const frames: number[] = [];
      const original = window.requestAnimationFrame;
      window.requestAnimationFrame = (callback) => {
        frames.push(performance.now());
        return original.call(window, callback);
      };
      try {
        const { counter, root } = await mount();
        const first = Number(text(root, '[part="number"]').replace(/,/g, ''));
        expect(first).to.be.below(412, 'it starts low and counts');
        await settled(counter, root, '412');
        expect(frames.length).to.be.above(5);
      } finally {
        window.requestAnimationFrame = original;
      }
    });

    it('shows the final number at once, with no animation frames, under prefers-reduced-motion', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      let frames = 0;
      const original = window.requestAnimationFrame;
      window.requestAnimationFrame = (callback) => {
        frames++;
        return original.call(window, callback);
      };
      try {
        const { counter, root } = await mount();
        expect(text(root, '[part="number"]')).to.equal('412');
        expect(frames).to.equal(0);
        expect(getComputedStyle($(root, '[part="goal-fill"]')).transitionDuration).to.equal('0s');
        await expect(counter).to.be.accessible();
      } finally {
        window.requestAnimationFrame = original;
      }
    });
  });

  describe('staying current', () => {
    it('polls with the ETag, stays quiet while nothing changes, and announces a new total once', async () => {
      const { api, counter, root } = await mount({ attributes: { community: 'c-1', 'poll-interval': '40' } });
      await settled(counter, root, '412');
      const live = $(root, '[aria-live="polite"]');
      const announcements: string[] = [];
      const observer = new MutationObserver(() => announcements.push(live.textContent!.trim()));
      observer.observe(live, { childList: true, characterData: true, subtree: true });

      await waitUntil(() => api.hoursCalls.conditional >= 2, 'no conditional polls', { timeout: 3000 });
      expect(announcements).to.deep.equal([], 'an unchanged answer (304) says nothing');

      api.setMinutes(25_200);
      await settled(counter, root, '420');
      const seen = api.hoursCalls.total;
      await waitUntil(() => api.hoursCalls.total >= seen + 2, 'polling stopped', { timeout: 3000 });
      observer.disconnect();
      expect(announcements.filter(Boolean)).to.deep.equal(['2026年11月志愿服务时长已更新为 420 小时。']);
      expect($(root, '[role="progressbar"]').getAttribute('aria-valuenow')).to.equal('420');
    });

    it('keeps showing the last figures when a poll fails', async () => {
      const { api, counter, root } = await mount({ attributes: { community: 'c-1', 'poll-interval': '40' } });
      api.hoursFailure = 'network';
      const seen = api.hoursCalls.total;
      await waitUntil(() => api.hoursCalls.total > seen, 'no poll', { timeout: 3000 });
      await counter.updateComplete;
      expect(counter.state).to.equal('ready');
      await settled(counter, root, '412');
    });
  });
});
