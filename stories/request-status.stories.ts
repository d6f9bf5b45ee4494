import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { createClient } from '@doorstep/sdk';
import type { DsRequestStatus } from '@doorstep/components';
import { BASE_URL, createFakeFetch, type FakeApiOptions } from './support/fake-api.js';
import { BROKEN_CODE, SAMPLE_CODES, staffUpdates } from './support/fake-status.js';
import { element, renderElement } from './support/element.js';

/**
 * `<ds-request-status>`: a resident follows a report by its tracking code, and rates it or reopens it once
 * it is resolved. Each story looks up one of the fake API's sample codes (stories/support/fake-status.ts),
 * e.g. `DS-RSLV-2DDD` for a resolved request — type one into the box to try the others.
 */
const meta = {
  title: 'Widgets/Request status',
  component: 'ds-request-status',
  tags: ['autodocs'],
  render: renderElement('ds-request-status'),
  args: { code: SAMPLE_CODES.in_progress },
  parameters: {
    fakeApi: { mode: 'ok' } satisfies FakeApiOptions,
    docs: {
      description: {
        component:
          'Look a report up by its tracking code (the `code` attribute or the box), see its progress, staff notes, ' +
          'photos and expected date; rate it once, or reopen it within 14 days. Stays current by polling with ETags.',
      },
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

async function widgetIn(canvasElement: HTMLElement, state: DsRequestStatus['state']) {
  const widget = canvasElement.querySelector<DsRequestStatus>('ds-request-status');
  if (!widget) throw new Error('ds-request-status is not in the canvas');
  await waitFor(() => expect(widget.getAttribute('state')).toBe(state), { timeout: 5000 });
  return { widget, root: widget.shadowRoot! };
}

/** A provider of its own (keeping the toolbar's language and theme) whose fake API never answers a write. */
function writesNeverAnswer(context: StoryContext, content: unknown) {
  const { locale, theme } = context.globals as { locale?: string; theme?: string };
  const fakeFetch = createFakeFetch();
  const holding: typeof fetch = (input, init) => {
    const method = (input instanceof Request ? input.method : init?.method ?? 'GET').toUpperCase();
    return method === 'POST' ? new Promise<Response>(() => {}) : fakeFetch(input, init);
  };
  const client = createClient({ baseUrl: BASE_URL, fetch: holding, retry: 0, timeoutMs: 86_400_000 });
  return html`<ds-provider .client=${client} locale=${locale ?? 'zh-CN'} theme=${theme ?? 'default'}>${content}</ds-provider>`;
}

async function rate(root: ShadowRoot, score: number, comment = '') {
  await userEvent.click(root.querySelector<HTMLInputElement>(`input[name="score"][value="${score}"]`)!);
  if (comment) await userEvent.type(root.querySelector<HTMLTextAreaElement>('#comment')!, comment);
  await userEvent.click(root.querySelector<HTMLButtonElement>('.rating button[type="submit"]')!);
}

async function reopen(root: ShadowRoot, reason: string) {
  await userEvent.click(root.querySelector<HTMLButtonElement>('.reopen-start')!);
  await userEvent.type(root.querySelector<HTMLTextAreaElement>('#reason')!, reason);
  await userEvent.click(root.querySelector<HTMLButtonElement>('.reopen button[type="submit"]')!);
}

/** No code yet: the lookup box. */
export const Idle: Story = {
  args: { code: undefined },
  play: async ({ canvasElement }) => {
    await widgetIn(canvasElement, 'idle');
  },
};

/** A code that cannot be right: the reason at the box; nothing is sent. */
export const InvalidCode: Story = {
  name: 'Invalid code',
  args: { code: undefined },
  play: async ({ canvasElement }) => {
    const { root } = await widgetIn(canvasElement, 'idle');
    await userEvent.type(root.querySelector<HTMLInputElement>('#code')!, 'DS-12');
    await userEvent.click(root.querySelector<HTMLButtonElement>('.lookup button')!);
    await waitFor(() => expect(root.querySelector('#code-error')).not.toBeNull());
  },
};

/** Looking it up (here the answer never comes). */
export const Loading: Story = {
  parameters: { fakeApi: { mode: 'loading' } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => {
    await widgetIn(canvasElement, 'loading');
  },
};

/** A well-formed code no request has. */
export const NotFound: Story = {
  name: 'Not found',
  args: { code: 'DS-AAAA-BBBB' },
  play: async ({ canvasElement }) => {
    await widgetIn(canvasElement, 'not-found');
  },
};

/** The lookup failed (503): the reason and "try again". */
export const LoadError: Story = {
  name: 'Load error',
  args: { code: BROKEN_CODE },
  play: async ({ canvasElement }) => {
    await widgetIn(canvasElement, 'load-error');
  },
};

/** Just reported: the first step of five. */
export const Submitted: Story = {
  args: { code: SAMPLE_CODES.submitted },
  play: async ({ canvasElement }) => {
    await widgetIn(canvasElement, 'shown');
  },
};

/** Accepted by staff and assigned, with the staff's note. */
export const Accepted: Story = {
  args: { code: SAMPLE_CODES.accepted },
  play: async ({ canvasElement }) => {
    await widgetIn(canvasElement, 'shown');
  },
};

/** Being worked on, with an expected date and two more residents' support. */
export const InProgress: Story = {
  name: 'In progress',
  play: async ({ canvasElement }) => {
    await widgetIn(canvasElement, 'shown');
  },
};

/** While the page is open, staff resolve it: the view updates by itself and announces the change. */
export const LiveUpdate: Story = {
  name: 'Live update',
  args: { code: SAMPLE_CODES.accepted, 'poll-interval': '1500' },
  play: async ({ canvasElement }) => {
    const { root } = await widgetIn(canvasElement, 'shown');
    staffUpdates(SAMPLE_CODES.accepted, 'resolved');
    await waitFor(() => expect(root.querySelector('.status--resolved')).not.toBeNull(), { timeout: 8000 });
  },
};

/** Resolved, with photos: the resident may rate it, or reopen it within 14 days. */
export const Resolved: Story = {
  args: { code: SAMPLE_CODES.resolved },
  play: async ({ canvasElement }) => {
    const { root } = await widgetIn(canvasElement, 'shown');
    await expect(root.querySelector('.rating form')).not.toBeNull();
    await expect(root.querySelector('.reopen-start')).not.toBeNull();
  },
};

/** Rejected: the outcome step says so, and the staff's note says why. */
export const Rejected: Story = {
  args: { code: SAMPLE_CODES.rejected },
  play: async ({ canvasElement }) => {
    await widgetIn(canvasElement, 'shown');
  },
};

/** Closed a day after the resolution; still rateable and, within 14 days, reopenable. */
export const Closed: Story = {
  args: { code: SAMPLE_CODES.closed },
  play: async ({ canvasElement }) => {
    await widgetIn(canvasElement, 'shown');
  },
};

/** Already rated: the rating is shown, and there is no second one. */
export const Rated: Story = {
  args: { code: SAMPLE_CODES.rated },
  play: async ({ canvasElement }) => {
    const { root } = await widgetIn(canvasElement, 'shown');
    await expect(root.querySelector('input[name="score"]')).toBeNull();
  },
};

/** Merged into another report: a link to follow that one. */
export const Merged: Story = {
  args: { code: SAMPLE_CODES.merged },
  play: async ({ canvasElement }) => {
    await widgetIn(canvasElement, 'shown');
  },
};

/** "Send rating" without choosing stars: the error at the stars, which get focus. */
export const RatingInvalid: Story = {
  name: 'Rating: no stars chosen',
  args: { code: SAMPLE_CODES.resolved },
  play: async ({ canvasElement }) => {
    const { root } = await widgetIn(canvasElement, 'shown');
    await userEvent.click(root.querySelector<HTMLButtonElement>('.rating button[type="submit"]')!);
    await waitFor(() => expect(root.querySelector('#score-error')).not.toBeNull());
  },
};

/** The rating is on its way (here it never arrives). */
export const RatingSubmitting: Story = {
  name: 'Rating: sending',
  args: { code: SAMPLE_CODES.resolved },
  render: (args, context) => writesNeverAnswer(context, element('ds-request-status', args)),
  play: async ({ canvasElement }) => {
    const { root } = await widgetIn(canvasElement, 'shown');
    await rate(root, 4);
    await widgetIn(canvasElement, 'rating-submitting');
  },
};

/** Rated: thanks, and the rating as given. */
export const RatingSubmitted: Story = {
  name: 'Rating: sent',
  args: { code: SAMPLE_CODES.resolved },
  play: async ({ canvasElement }) => {
    const { root } = await widgetIn(canvasElement, 'shown');
    await rate(root, 4, '修得挺快，就是等了两天');
    await widgetIn(canvasElement, 'rating-submitted');
  },
};

/** The server failed (500): the stars and comment stay; sending again is safe. */
export const RatingError: Story = {
  name: 'Rating: server error',
  parameters: { fakeApi: { mode: 'server-error' } satisfies FakeApiOptions },
  args: { code: SAMPLE_CODES.resolved },
  play: async ({ canvasElement }) => {
    const { root } = await widgetIn(canvasElement, 'shown');
    await rate(root, 2, '灯还是有点闪');
    await widgetIn(canvasElement, 'rating-error');
  },
};

/** "Not fixed?": the reason box. */
export const ReopenForm: Story = {
  name: 'Reopen: form',
  args: { code: SAMPLE_CODES.resolved },
  play: async ({ canvasElement }) => {
    const { root } = await widgetIn(canvasElement, 'shown');
    await userEvent.click(root.querySelector<HTMLButtonElement>('.reopen-start')!);
    await widgetIn(canvasElement, 'reopen-form');
  },
};

/** The reopen is on its way (here it never arrives). */
export const ReopenSubmitting: Story = {
  name: 'Reopen: sending',
  args: { code: SAMPLE_CODES.resolved },
  render: (args, context) => writesNeverAnswer(context, element('ds-request-status', args)),
  play: async ({ canvasElement }) => {
    const { root } = await widgetIn(canvasElement, 'shown');
    await reopen(root, '灯只亮了一天又坏了');
    await widgetIn(canvasElement, 'reopen-submitting');
  },
};

/** Reopened: back to "in progress", with the reason in the history. */
export const Reopened: Story = {
  name: 'Reopen: done',
  args: { code: SAMPLE_CODES.resolved },
  play: async ({ canvasElement }) => {
    const { root } = await widgetIn(canvasElement, 'shown');
    await reopen(root, '灯只亮了一天又坏了');
    await widgetIn(canvasElement, 'reopened');
  },
};

/** The connection dropped while reopening: the reason stays; sending again is safe. */
export const ReopenError: Story = {
  name: 'Reopen: network error',
  parameters: { fakeApi: { mode: 'network-error' } satisfies FakeApiOptions },
  args: { code: SAMPLE_CODES.resolved },
  play: async ({ canvasElement }) => {
    const { root } = await widgetIn(canvasElement, 'shown');
    await reopen(root, '灯只亮了一天又坏了');
    await widgetIn(canvasElement, 'reopen-error');
  },
};

/** No API configured: a localized notice (and a console message for the developer). */
export const Unconfigured: Story = {
  render: (args, context) => {
    const { locale, theme } = context.globals as { locale?: string; theme?: string };
    return html`<ds-provider locale=${locale ?? 'zh-CN'} theme=${theme ?? 'default'}>${element('ds-request-status', args)}</ds-provider>`;
  },
  play: async ({ canvasElement }) => {
    await widgetIn(canvasElement, 'unconfigured');
  },
};
