import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import type { DsStatsBoard } from '@doorstep/components';
import type { FakeApiOptions } from './support/fake-api.js';
import { renderElement } from './support/element.js';

/**
 * `<ds-stats-board>`: the figures a community publishes for an area and a period, computed by the server
 * from the stored records. The stories use the in-memory fake API (stories/support/fake-stats.ts).
 */
const meta = {
  title: 'Widgets/Stats board',
  component: 'ds-stats-board',
  tags: ['autodocs'],
  render: renderElement('ds-stats-board'),
  args: { area: 'c-1' },
  parameters: {
    fakeApi: { mode: 'ok' } satisfies FakeApiOptions,
    docs: {
      description: {
        component:
          'Requests collected and resolved, the resolution rate and time to resolve, the most reported problems, ' +
          'volunteer hours, elders served, events and participants — as a full board or a compact strip.',
      },
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

async function boardIn(canvasElement: HTMLElement, state: DsStatsBoard['state']) {
  const board = canvasElement.querySelector<DsStatsBoard>('ds-stats-board')!;
  await waitFor(() => expect(board.getAttribute('state')).toBe(state), { timeout: 5000 });
  return board;
}

/** This month's figures with the rate bar and the most reported problems. */
export const Full: Story = {
  play: async ({ canvasElement }) => {
    const board = await boardIn(canvasElement, 'ready');
    await expect(board.shadowRoot!.querySelectorAll('.figure').length).toBe(9);
  },
};

/** The strip for a page header. */
export const Compact: Story = {
  args: { variant: 'compact' },
  play: async ({ canvasElement }) => {
    const board = await boardIn(canvasElement, 'ready');
    await expect(board.shadowRoot!.querySelectorAll('.figure').length).toBe(4);
  },
};

/** A year, named by the period attribute. */
export const ThisYear: Story = {
  args: { period: 'year' },
};

/** Nothing recorded yet in the period. */
export const Empty: Story = {
  args: { area: 'empty' },
  play: async ({ canvasElement }) => {
    const board = await boardIn(canvasElement, 'ready');
    await expect(board.shadowRoot!.querySelector('.empty')).not.toBeNull();
  },
};

/** Waiting for the figures: the board holds its space. */
export const Loading: Story = {
  parameters: { fakeApi: { mode: 'loading' } satisfies FakeApiOptions },
};

/** The figures could not be loaded: a retry button. */
export const LoadError: Story = {
  parameters: { fakeApi: { mode: 'read-error' } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => {
    await boardIn(canvasElement, 'load-error');
  },
};
