import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { addDays, calendarDateOf } from '@doorstep/sdk';
import '../define/index.js';
import type { DsProvider } from '../provider/provider.js';
import { FakeCanteenApi, fakeCanteenClient, thisWeek } from '../test-support/fake-canteen.js';
import type { CanteenMenuState, DsCanteenMenu } from './canteen-menu.js';

interface Mounted {
  api: FakeCanteenApi;
  widget: DsCanteenMenu;
  root: ShadowRoot;
}

async function mount(
  options: {
    locale?: string;
    theme?: 'default' | 'elder';
    api?: FakeCanteenApi;
    waitFor?: CanteenMenuState;
    width?: string;
    canteen?: string;
  } = {},
): Promise<Mounted> {
  const api = options.api ?? new FakeCanteenApi();
  const provider = await fixture<DsProvider>(html`
    <ds-provider .client=${fakeCanteenClient(api)} locale=${options.locale ?? 'zh-CN'} theme=${options.theme ?? 'default'}>
      <div style="width: ${options.width ?? '1400px'}">
        ${options.canteen
          ? html`<ds-canteen-menu canteen=${options.canteen}></ds-canteen-menu>`
          : html`<ds-canteen-menu area="c-1"></ds-canteen-menu>`}
      </div>
    </ds-provider>
  `);
  const widget = provider.querySelector('ds-canteen-menu')!;
  const wanted = options.waitFor ?? 'menu';
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
const visualOrder = (root: ShadowRoot) =>
  [...root.querySelectorAll<HTMLElement>('[part~="day"]')]
    .map((day) => ({ id: day.getAttribute('aria-labelledby')!.slice(4), top: day.getBoundingClientRect().top, left: day.getBoundingClientRect().left }))
    .sort((a, b) => a.top - b.top || a.left - b.left)
    .map((day) => day.id);

describe('<ds-canteen-menu>', () => {
  describe('states', () => {
    it('shows a loading status, and is accessible', async () => {
      const api = new FakeCanteenApi();
      api.listDelayMs = 60_000;
      const { widget, root } = await mount({ api, waitFor: 'loading' });
      expect(text(root, '[part~="loading"]')).to.contain('正在加载菜单');
      await expect(widget).to.be.accessible();
    });

    it('shows a failure with a retry that recovers', async () => {
      const api = new FakeCanteenApi();
      api.menuFailure = 503;
      const { widget, root } = await mount({ api, waitFor: 'load-error' });
      await expect(widget).to.be.accessible();
      api.menuFailure = undefined;
      $<HTMLButtonElement>(root, '[part~="retry-button"]').click();
      await waitUntil(() => widget.state === 'menu');
    });

    it('says when there is no canteen near', async () => {
      const api = new FakeCanteenApi();
      api.canteens = [];
      const { widget, root } = await mount({ api, waitFor: 'no-canteen' });
      expect(text(root, '[part~="notice"]')).to.contain('还没有社区食堂');
      await expect(widget).to.be.accessible();
    });

    for (const theme of ['default', 'elder'] as const) {
      it(`shows the week accessibly (${theme} theme)`, async () => {
        const { widget, root } = await mount({ theme });
        expect(root.querySelectorAll('[part~="day"]')).to.have.length(7);
        await expect(widget).to.be.accessible();
      });

      it(`says when the week is not published yet, accessibly (${theme} theme)`, async () => {
        const { widget, root } = await mount({ theme });
        $<HTMLButtonElement>(root, '.week-nav button:nth-of-type(2)').click();
        await waitUntil(() => widget.state === 'unpublished');
        expect(text(root, '[part~="notice"]')).to.contain('还没有发布');
        await expect(widget).to.be.accessible();
      });

      it(`is accessible filtered to nothing (${theme} theme)`, async () => {
        const { widget, root } = await mount({ theme, width: '360px' });
        for (const tag of ['halal', 'vegetarian']) {
          $<HTMLInputElement>(root, `input[value="${tag}"]`).click();
          await widget.updateComplete;
        }
        expect(text(root, '.filter-count')).to.contain('没有符合');
        await expect(widget).to.be.accessible();
      });
    }
  });

  describe('the week', () => {
    it('lists each day’s meals with hours, dishes with tags, prices and elder prices with the subsidy', async () => {
      const { root } = await mount();
      const monday = $(root, `#day-${thisWeek()}`).closest('[part~="day"]')!;
      const mondayText = monday.textContent!.replace(/\s+/g, ' ');
      expect(mondayText).to.contain('早餐 07:00–08:30').and.to.contain('午餐 11:00–13:00');
      expect(mondayText).to.contain('清蒸鲈鱼').and.to.contain('少盐').and.to.contain('软烂易嚼');
      expect(mondayText).to.contain('价格 ¥18.00').and.to.contain('长者价 ¥12.00').and.to.contain('（补贴 ¥6.00）');
      expect(mondayText).to.contain('价格 ¥16.00');
      const beef = [...monday.querySelectorAll('[part~="dish"]')].find((dish) => dish.textContent!.includes('土豆炖牛肉'))!;
      expect(beef.querySelector('[part~="elder-price"]')).to.equal(null, 'no subsidy, no elder price');
      const sunday = $(root, `#day-${addDays(thisWeek(), 6)}`).closest('[part~="day"]')!;
      expect(sunday.textContent).to.contain('休息，不供餐');
      expect(text(root, '[part~="subsidy"]')).to.contain('60 岁以上凭长者卡');
      expect(text(root, '[part~="canteen"]')).to.contain('幸福里长者食堂').and.to.contain('010-6234 5678');
      expect($(root, '[part~="canteen"] a').getAttribute('href')).to.equal('tel:01062345678');
    });

    it('formats money for the locale', async () => {
      const { root } = await mount({ locale: 'en' });
      expect(text(root, '[part~="days"]')).to.contain('Price CN¥18.00').and.to.contain('Elder price CN¥12.00').and.to.contain('(subsidy CN¥6.00)');
    });

    it('marks today and shows today’s serving hours', async () => {
      const { root } = await mount();
      const today = calendarDateOf(new Date());
      const day = $(root, `#day-${today}`).closest('[part~="day"]')!;
      expect(day.classList.contains('day--today')).to.equal(true);
      expect(day.querySelector('[part~="today"]')?.textContent?.trim()).to.equal('今天');
      if (today !== addDays(thisWeek(), 6)) expect(text(root, '.today-hours')).to.contain('午餐 11:00–13:00');
    });

    it('puts today first on a narrow widget, and reads Monday to Sunday on a wide one', async () => {
      const today = calendarDateOf(new Date());
      const week = Array.from({ length: 7 }, (_, i) => addDays(thisWeek(), i));
      const narrow = await mount({ width: '360px' });
      expect(visualOrder(narrow.root)).to.deep.equal([...week.filter((d) => d >= today), ...week.filter((d) => d < today)]);
      const wide = await mount({ width: '1400px' });
      expect(visualOrder(wide.root)).to.deep.equal(week);
      // The page's reading order is the calendar's in both.
      expect([...narrow.root.querySelectorAll('[part~="day"] h3')].map((h) => h.id.slice(4))).to.deep.equal(week);
    });

    it('moves between weeks, asks for the week it shows, announces it, and comes back', async () => {
      const { api, widget, root } = await mount();
      $<HTMLButtonElement>(root, '.week-nav button:nth-of-type(2)').click();
      await waitUntil(() => widget.state === 'unpublished');
      expect(widget.weekStart).to.equal(addDays(thisWeek(), 7));
      expect(widget.getAttribute('week')).to.equal(addDays(thisWeek(), 7));
      expect(api.received.at(-1)!.search?.get('week')).to.equal(addDays(thisWeek(), 7));
      expect(text(root, '[aria-live="polite"]')).to.contain('正在显示');
      $<HTMLButtonElement>(root, '.week-nav .link-button').click();
      await waitUntil(() => widget.state === 'menu');
      expect(widget.weekStart).to.equal(thisWeek());
      expect(root.querySelector('.week-nav .link-button')).to.equal(null);
    });

    it('shows a chosen canteen directly, and offers a choice when the area has several', async () => {
      const direct = await mount({ canteen: 'canteen-a' });
      expect(direct.api.received.map((request) => request.path)).to.deep.equal(['/v1/canteens/canteen-a/menu']);
      const { widget, root } = await mount();
      const select = $<HTMLSelectElement>(root, '#canteen');
      expect([...select.options].map((option) => option.value)).to.deep.equal(['canteen-a', 'canteen-b']);
      select.value = 'canteen-b';
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => widget.state === 'unpublished');
      expect(widget.canteen).to.equal('canteen-b');
    });
  });

  describe('diet filter', () => {
    it('shows only dishes with every ticked tag, and counts them', async () => {
      const { widget, root } = await mount();
      $<HTMLInputElement>(root, 'input[value="soft"]').click();
      await widget.updateComplete;
      const names = [...root.querySelectorAll(`#day-${thisWeek()} ~ [part~="meal"] .dish-name`)].map((name) => name.textContent);
      expect(names).to.deep.equal(['小米粥', '清蒸鲈鱼']);
      expect(text(root, '.filter-count')).to.equal('这一周有 7 道菜符合');
      expect(text(root, '[aria-live="polite"]')).to.equal('这一周有 7 道菜符合');
      $<HTMLInputElement>(root, 'input[value="low_salt"]').click();
      await widget.updateComplete;
      expect(text(root, '.filter-count')).to.equal('这一周有 6 道菜符合');
      $<HTMLInputElement>(root, 'input[value="low_salt"]').click();
      $<HTMLInputElement>(root, 'input[value="soft"]').click();
      await widget.updateComplete;
      expect(root.querySelector('.filter-count')).to.equal(null);
    });

    it('works from the keyboard', async () => {
      const { widget, root } = await mount();
      $<HTMLInputElement>(root, 'input[value="halal"]').focus();
      await sendKeys({ press: 'Space' });
      await widget.updateComplete;
      expect(text(root, '.filter-count')).to.equal('这一周有 6 道菜符合');
    });
  });

  describe('keyboard and elder theme', () => {
    it('reaches the week navigation and every filter with Tab', async () => {
      const { widget, root } = await mount();
      const before = document.createElement('button');
      before.textContent = 'before';
      widget.before(before);
      before.focus();
      const reached: string[] = [];
      for (let i = 0; i < 8; i++) {
        await sendKeys({ press: 'Tab' });
        const active = root.activeElement as HTMLElement | null;
        if (active) reached.push(active.tagName === 'INPUT' ? (active as HTMLInputElement).value : (active.textContent?.trim() ?? ''));
      }
      expect(reached).to.include.members(['‹ 上一周', '下一周 ›', 'low_salt', 'soft', 'halal', 'vegetarian']);
    });

    it('uses text of at least 18px and targets of at least 60px', async () => {
      const { root } = await mount({ theme: 'elder', width: '360px' });
      for (const selector of ['.dish-name', '.tag', '.price', '.hours', '.day-heading .date', '.week-label']) {
        expect(parseFloat(getComputedStyle($(root, selector)).fontSize), selector).to.be.at.least(18);
      }
      for (const selector of ['.week-nav .button', '.filter .choice']) {
        expect($(root, selector).getBoundingClientRect().height, selector).to.be.at.least(60);
      }
    });
  });
});
