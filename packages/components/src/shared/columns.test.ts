import { expect, fixture, html } from '@open-wc/testing';
import { css, type CSSResult } from 'lit';
import '../define/area-picker.js';
import type { DsAreaPicker } from '../area-picker/area-picker.js';
import { FakeApi, fakeClient } from '../test-support/fake-api.js';
import { equalColumns, fillColumns } from './columns.js';

/** A grid of `items` boxes with `columns` as its template, in a box `width` wide (font-size 16px). */
async function gridOf(columns: CSSResult, items: number, width: string): Promise<HTMLElement> {
  const host = await fixture<HTMLElement>(html`<div style="width: ${width}; font-size: 16px">
    <div class="grid" style="display: grid; gap: 16px; grid-template-columns: ${columns.cssText}">
      ${Array.from({ length: items }, () => html`<div style="min-height: 10px"></div>`)}
    </div>
  </div>`);
  return host.querySelector<HTMLElement>('.grid')!;
}

/** How many items sit on each row, top to bottom. */
function rows(grid: HTMLElement): number[] {
  const tops = new Map<number, number>();
  for (const item of grid.children) {
    const top = Math.round(item.getBoundingClientRect().top);
    tops.set(top, (tops.get(top) ?? 0) + 1);
  }
  return [...tops.entries()].sort((a, b) => a[0] - b[0]).map(([, count]) => count);
}

const GAP = css`16px`;

describe('equalColumns', () => {
  it('is one column below its width and `count` equal columns from it on', async () => {
    const columns = equalColumns(GAP, ['26em', 2]);
    expect(rows(await gridOf(columns, 2, '415px'))).to.deep.equal([1, 1]);
    expect(rows(await gridOf(columns, 2, '416px'))).to.deep.equal([2]);
    const wide = await gridOf(columns, 2, '700px');
    expect(rows(wide)).to.deep.equal([2]);
    const [first, second] = [...wide.children].map((item) => item.getBoundingClientRect().width);
    expect(first).to.be.closeTo(second!, 0.5);
    expect(first! + second! + 16).to.be.closeTo(700, 0.5);
  });

  it('is all or nothing: three in a row or one under another, never two and one', async () => {
    const columns = equalColumns(GAP, ['36em', 3]);
    for (const width of ['300px', '450px', '575px']) expect(rows(await gridOf(columns, 3, width)), width).to.deep.equal([1, 1, 1]);
    for (const width of ['576px', '900px']) expect(rows(await gridOf(columns, 3, width)), width).to.deep.equal([3]);
  });

  it('goes step by step: one, two by two, then four in a row — never three', async () => {
    const columns = equalColumns(GAP, ['24em', 2], ['48em', 4]);
    expect(rows(await gridOf(columns, 4, '380px'))).to.deep.equal([1, 1, 1, 1]);
    expect(rows(await gridOf(columns, 4, '384px'))).to.deep.equal([2, 2]);
    expect(rows(await gridOf(columns, 4, '700px'))).to.deep.equal([2, 2]);
    expect(rows(await gridOf(columns, 4, '768px'))).to.deep.equal([4]);
  });
});

describe('fillColumns', () => {
  it('is one column below its width and as many columns of at least `min` as fit from it on', async () => {
    const columns = fillColumns('28em', '12em');
    expect(rows(await gridOf(columns, 6, '440px'))).to.deep.equal([1, 1, 1, 1, 1, 1]);
    expect(rows(await gridOf(columns, 6, '448px'))).to.deep.equal([2, 2, 2]);
    expect(rows(await gridOf(columns, 6, '640px'))).to.deep.equal([3, 3]);
    // Never wider than the grid, however narrow it is.
    const narrow = await gridOf(columns, 1, '120px');
    expect(narrow.firstElementChild!.getBoundingClientRect().width).to.be.at.most(120);
  });
});

describe('<ds-area-picker> levels', () => {
  for (const [width, expected] of [
    ['20em', [1, 1, 1, 1]],
    ['30em', [2, 2]],
    ['60em', [4]],
  ] as const) {
    it(`lays four levels out as ${expected.join(' + ')} in a ${width} wide picker`, async () => {
      const picker = await fixture<DsAreaPicker>(
        html`<ds-provider .client=${fakeClient(new FakeApi())}><ds-area-picker level="unit" value="u-2-1" style="width: ${width}"></ds-area-picker></ds-provider>`,
      ).then((provider) => provider.querySelector<DsAreaPicker>('ds-area-picker')!);
      await new Promise<void>((resolve) => {
        const check = () => (picker.state === 'ready' && picker.shadowRoot!.querySelectorAll('select').length === 4 ? resolve() : requestAnimationFrame(check));
        check();
      });
      expect(rows(picker.shadowRoot!.querySelector<HTMLElement>('.levels')!)).to.deep.equal(expected);
    });
  }
});
