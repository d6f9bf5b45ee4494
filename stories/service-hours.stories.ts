import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { DsServiceHours } from '@doorstep/components';
import type { FakeApiOptions } from './support/fake-api.js';
import { LIVE_COMMUNITY, UNAVAILABLE_COMMUNITY } from './support/fake-volunteering.js';
import { element, renderElement } from './support/element.js';

/**
 * `<ds-service-hours>`: the volunteer hours a community, team or volunteer served, counted from the hours
 * staff approved, with the goal, the split by team and the 12-month trend. The stories run on the fake
 * API (stories/support/fake-volunteering.ts) with the server's sample year of hours.
 */
const meta = {
  title: 'Widgets/Service hours',
  component: 'ds-service-hours',
  tags: ['autodocs'],
  render: renderElement('ds-service-hours'),
  args: { community: 'c-1' },
  parameters: {
    fakeApi: { mode: 'ok' } satisfies FakeApiOptions,
    docs: {
      description: {
        component:
          'A live counter of approved volunteer hours ("本月 412 / 550 小时") for a community, team or volunteer, ' +
          'with a count-up (none under reduced motion), goal progress, a split by team and a 12-month trend, ' +
          'each chart with a table alternative. `variant="compact"` fits a page header.',
      },
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

async function counterIn(canvasElement: HTMLElement, state: DsServiceHours['state'] = 'ready') {
  const counter = canvasElement.querySelector<DsServiceHours>('ds-service-hours')!;
  await waitFor(() => expect(counter.getAttribute('state')).toBe(state), { timeout: 5000 });
  return counter;
}

/** This month in 幸福里社区: total, progress toward the 550-hour goal, the five teams and the year's trend. */
export const ThisMonth: Story = {
  name: 'This month (community)',
  play: async ({ canvasElement }) => {
    const counter = await counterIn(canvasElement);
    await expect(counter.shadowRoot!.querySelector('[role="progressbar"]')).not.toBeNull();
    await expect(counter.shadowRoot!.querySelectorAll('figure').length).toBe(2);
  },
};

/** The one-line strip for a portal's header. */
export const Compact: Story = {
  args: { variant: 'compact' },
  render: (args) => html`<div style="max-width: 28rem">${element('ds-service-hours', args)}</div>`,
  play: async ({ canvasElement }) => {
    const counter = await counterIn(canvasElement);
    await expect(counter.shadowRoot!.querySelector('figure')).toBeNull();
  },
};

/** This year so far: no monthly goal applies to a year. */
export const ThisYear: Story = {
  args: { period: 'year' },
  play: async ({ canvasElement }) => {
    const counter = await counterIn(canvasElement);
    await expect(counter.shadowRoot!.querySelector('[role="progressbar"]')).toBeNull();
  },
};

/** Every approved hour ever. */
export const AllTime: Story = {
  args: { period: 'all' },
  play: async ({ canvasElement }) => void (await counterIn(canvasElement)),
};

/** One team (助老服务队) with its own monthly goal of 180 hours; no split by team. */
export const Team: Story = {
  args: { team: 'elder-visits', community: undefined },
  play: async ({ canvasElement }) => {
    const counter = await counterIn(canvasElement);
    await expect(counter.shadowRoot!.querySelectorAll('figure').length).toBe(1);
  },
};

/** One volunteer's approved hours this year, by team. */
export const Volunteer: Story = {
  args: { volunteer: 'V-ZHXY-8K6M', period: 'year', community: undefined },
  play: async ({ canvasElement }) => void (await counterIn(canvasElement)),
};

/** A page's own goal, already passed: the bar is full and says by how much. */
export const GoalReached: Story = {
  name: 'Goal reached',
  args: { period: 'year', goal: '1000' },
  play: async ({ canvasElement }) => {
    const counter = await counterIn(canvasElement);
    await expect(counter.shadowRoot!.querySelector('.goal--reached')).not.toBeNull();
  },
};

/** Dates of your own (a quarter). */
export const Range: Story = {
  args: { from: `${new Date().getFullYear()}-01-01`, to: `${new Date().getFullYear()}-03-31` },
  play: async ({ canvasElement }) => void (await counterIn(canvasElement)),
};

/** Nothing approved in the period yet. */
export const Empty: Story = {
  args: { from: '2001-01-01', to: '2001-12-31' },
  play: async ({ canvasElement }) => void (await counterIn(canvasElement, 'empty')),
};

/** Both charts shown as tables (the toggle under each caption). */
export const AsTables: Story = {
  name: 'Charts as tables',
  play: async ({ canvasElement }) => {
    const counter = await counterIn(canvasElement);
    for (const toggle of counter.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="toggle-button"]')) await userEvent.click(toggle);
    await waitFor(() => expect(counter.shadowRoot!.querySelectorAll('table:not(.visually-hidden)').length).toBe(2));
  },
};

/** The total grows while you watch (every few seconds here); the change is announced once, politely. */
export const LiveUpdate: Story = {
  name: 'Live update',
  args: { community: LIVE_COMMUNITY, 'poll-interval': '3000' },
  play: async ({ canvasElement }) => void (await counterIn(canvasElement)),
};

/** The hours are on their way (here they never arrive). */
export const Loading: Story = {
  parameters: { fakeApi: { mode: 'loading' } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => void (await counterIn(canvasElement, 'loading')),
};

/** Loading failed: a plain message and a retry. */
export const LoadError: Story = {
  name: 'Load error',
  args: { community: UNAVAILABLE_COMMUNITY },
  play: async ({ canvasElement }) => void (await counterIn(canvasElement, 'load-error')),
};

/** No community, team or volunteer given: the counter says what it is missing. */
export const NoScope: Story = {
  name: 'No scope given',
  args: { community: undefined },
  play: async ({ canvasElement }) => void (await counterIn(canvasElement, 'unconfigured')),
};
