import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { DsCanteenMenu } from '@doorstep/components';
import type { FakeApiOptions } from './support/fake-api.js';
import { EMPTY_AREA, UNAVAILABLE_CANTEEN } from './support/fake-canteen.js';
import { element } from './support/element.js';

/**
 * `<ds-canteen-menu>`: what the community canteen serves this week — meals with serving hours, dishes with
 * diet tags, prices and elder prices. The fake API serves the reference server's sample canteen
 * (幸福里社区长者食堂) with this week's and next week's menu. Resize the canvas (or use the narrow story) to
 * see today first on a small widget.
 */
const meta = {
  title: 'Widgets/Canteen menu',
  component: 'ds-canteen-menu',
  tags: ['autodocs'],
  // `width` is the canvas's, not an attribute: the widget lays itself out by its own width.
  args: { area: 'c-1', width: '100%' },
  argTypes: { width: { control: { type: 'text' }, description: 'The width of the box around the widget (a story setting).' } },
  render: ({ width, ...args }) => html`<div style="width: ${width as string}">${element('ds-canteen-menu', args)}</div>`,
  parameters: {
    layout: 'fullscreen',
    fakeApi: { mode: 'ok' } satisfies FakeApiOptions,
    docs: {
      description: {
        component: 'A week of the community canteen: meals, hours, diet tags (少盐, 软烂易嚼, 清真, 素食), prices in fen with the elder subsidy.',
      },
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

async function widgetIn(canvasElement: HTMLElement, state: DsCanteenMenu['state'] = 'menu') {
  const widget = canvasElement.querySelector<DsCanteenMenu>('ds-canteen-menu');
  if (!widget) throw new Error('ds-canteen-menu is not in the canvas');
  await waitFor(() => expect(widget.getAttribute('state')).toBe(state), { timeout: 5000 });
  return { widget, root: widget.shadowRoot! };
}

/** This week, Monday to Sunday, on a wide page. */
export const ThisWeek: Story = {
  name: 'This week (wide)',
  play: async ({ canvasElement }) => {
    await widgetIn(canvasElement);
  },
};

/** On a phone-sized widget: the days stack with today first, the days already past at the end. */
export const Narrow: Story = {
  name: 'Narrow: today first',
  args: { width: '360px' },
  play: async ({ canvasElement }) => {
    await widgetIn(canvasElement);
  },
};

/** The menu is on its way (here it never arrives). */
export const Loading: Story = {
  parameters: { fakeApi: { mode: 'loading' } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => {
    await widgetIn(canvasElement, 'loading');
  },
};

/** The menu failed to load: the reason and a retry. */
export const LoadError: Story = {
  name: 'Load error',
  args: { canteen: UNAVAILABLE_CANTEEN, area: undefined },
  play: async ({ canvasElement }) => {
    await widgetIn(canvasElement, 'load-error');
  },
};

/** No canteen is listed for the area. */
export const NoCanteen: Story = {
  name: 'No canteen',
  args: { area: EMPTY_AREA },
  play: async ({ canvasElement }) => {
    await widgetIn(canvasElement, 'no-canteen');
  },
};

/** A week whose menu is not published yet (two weeks ahead). */
export const Unpublished: Story = {
  name: 'Not published yet',
  play: async ({ canvasElement }) => {
    const { widget, root } = await widgetIn(canvasElement);
    await userEvent.click(root.querySelector<HTMLButtonElement>('.week-nav button:nth-of-type(2)')!);
    await waitFor(() => expect(widget.getAttribute('state')).toBe('menu'));
    await userEvent.click(root.querySelector<HTMLButtonElement>('.week-nav button:nth-of-type(2)')!);
    await waitFor(() => expect(widget.getAttribute('state')).toBe('unpublished'));
  },
};

/** Only the dishes that are soft and low in salt. */
export const Filtered: Story = {
  name: 'Filtered: soft and low salt',
  play: async ({ canvasElement }) => {
    const { root } = await widgetIn(canvasElement);
    await userEvent.click(root.querySelector<HTMLInputElement>('input[value="soft"]')!);
    await userEvent.click(root.querySelector<HTMLInputElement>('input[value="low_salt"]')!);
    await waitFor(() => expect(root.querySelector('.filter-count')).not.toBeNull());
  },
};
