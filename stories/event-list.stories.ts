import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { DsEventList } from '@doorstep/components';
import type { FakeApiOptions } from './support/fake-api.js';
import { EMPTY_AREA, UNAVAILABLE_AREA, sampleRegistration } from './support/fake-events.js';
import { renderElement } from './support/element.js';

/**
 * `<ds-event-list>`: the community's upcoming activities with seats left; sign up, join the waitlist when
 * full, add to the calendar, check or cancel a sign-up. The fake API serves the reference server's sample
 * events for 幸福里社区 (the paper-cutting class is full with two waiting).
 */
const meta = {
  title: 'Widgets/Event list',
  component: 'ds-event-list',
  tags: ['autodocs'],
  args: { area: 'c-1' },
  render: renderElement('ds-event-list'),
  parameters: {
    fakeApi: { mode: 'ok' } satisfies FakeApiOptions,
    docs: {
      description: {
        component:
          'Weekly parent-child activities, health checks, talks: date, place, audience and seats left. A full event ' +
          'takes sign-ups on its waitlist, promoted in order when someone cancels.',
      },
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

async function widgetIn(canvasElement: HTMLElement, state: DsEventList['state'] = 'list') {
  const widget = canvasElement.querySelector<DsEventList>('ds-event-list');
  if (!widget) throw new Error('ds-event-list is not in the canvas');
  await waitFor(() => expect(widget.getAttribute('state')).toBe(state), { timeout: 5000 });
  return { widget, root: widget.shadowRoot! };
}

async function openForm(canvasElement: HTMLElement, eventId: string) {
  const found = await widgetIn(canvasElement);
  await userEvent.click(found.root.querySelector<HTMLButtonElement>(`#signup-${eventId}`)!);
  await waitFor(() => expect(found.widget.getAttribute('state')).toBe('form'));
  return found;
}

async function fillIn(root: ShadowRoot, ages = true) {
  await userEvent.type(root.querySelector<HTMLInputElement>('#name')!, '李梅');
  await userEvent.type(root.querySelector<HTMLInputElement>('#phone')!, `139${String(Date.now()).slice(-8)}`);
  await userEvent.selectOptions(root.querySelector<HTMLSelectElement>('#people')!, '2');
  if (ages) await userEvent.type(root.querySelector<HTMLInputElement>('#ages')!, '5');
}

const submit = (root: ShadowRoot) => userEvent.click(root.querySelector<HTMLButtonElement>('form button[type="submit"]')!);

/** The list: seats left, a full event with its queue, each with "sign up" and "add to calendar". */
export const Events: Story = {
  play: async ({ canvasElement }) => {
    await widgetIn(canvasElement);
  },
};

/** The events are on their way (here they never arrive). */
export const Loading: Story = {
  parameters: { fakeApi: { mode: 'loading' } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => {
    await widgetIn(canvasElement, 'loading');
  },
};

/** The list failed to load: the reason in plain words and a retry. */
export const LoadError: Story = {
  name: 'Load error',
  args: { area: UNAVAILABLE_AREA },
  play: async ({ canvasElement }) => {
    await widgetIn(canvasElement, 'load-error');
  },
};

/** Nothing planned yet; a sign-up can still be checked or cancelled. */
export const Empty: Story = {
  args: { area: EMPTY_AREA },
  play: async ({ canvasElement }) => {
    await widgetIn(canvasElement, 'empty');
  },
};

/** The sign-up form of the parent-child reading: name, phone, how many, the children's ages. */
export const SignUpForm: Story = {
  name: 'Sign-up form',
  play: async ({ canvasElement }) => {
    await openForm(canvasElement, 'ev-reading');
  },
};

/** Sent with gaps: the error summary has focus and links to each field. */
export const ValidationErrors: Story = {
  name: 'Validation errors',
  play: async ({ canvasElement }) => {
    const { root } = await openForm(canvasElement, 'ev-reading');
    await submit(root);
    await waitFor(() => expect(root.activeElement).toBe(root.querySelector('[part="error-summary"]')));
  },
};

/** A full event's form: the notice says the sign-up goes on the waitlist. */
export const FullEvent: Story = {
  name: 'Full: the waitlist form',
  play: async ({ canvasElement }) => {
    await openForm(canvasElement, 'ev-paper-cutting');
  },
};

/** The server answered 500: everything stays as typed, and a retry reuses the same key. */
export const ServerError: Story = {
  name: 'Server error (500)',
  parameters: { fakeApi: { mode: 'server-error' } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => {
    const { widget, root } = await openForm(canvasElement, 'ev-reading');
    await fillIn(root);
    await submit(root);
    await waitFor(() => expect(widget.getAttribute('state')).toBe('submit-error'), { timeout: 5000 });
  },
};

/** The connection dropped while sending. */
export const NetworkError: Story = {
  name: 'Network error',
  parameters: { fakeApi: { mode: 'network-error' } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => {
    const { widget, root } = await openForm(canvasElement, 'ev-reading');
    await fillIn(root);
    await submit(root);
    await waitFor(() => expect(widget.getAttribute('state')).toBe('submit-error'), { timeout: 5000 });
  },
};

/** Signed up: the registration code, the details and "add to calendar". */
export const SignedUp: Story = {
  name: 'Signed up',
  play: async ({ canvasElement }) => {
    const { widget, root } = await openForm(canvasElement, 'ev-reading');
    await fillIn(root);
    await submit(root);
    await waitFor(() => expect(widget.getAttribute('state')).toBe('registered'), { timeout: 5000 });
  },
};

/** On the waitlist: the place in the queue and how promotion works. */
export const Waitlisted: Story = {
  play: async ({ canvasElement }) => {
    const { widget, root } = await openForm(canvasElement, 'ev-paper-cutting');
    await fillIn(root, false);
    await submit(root);
    await waitFor(() => expect(widget.getAttribute('state')).toBe('registered'), { timeout: 5000 });
    await expect(root.querySelector('.success-heading')?.textContent).toMatch(/候补|waitlist|候補/);
  },
};

async function findRegistration(canvasElement: HTMLElement) {
  const found = await widgetIn(canvasElement);
  await userEvent.click(found.root.querySelector<HTMLButtonElement>('.manage-link button')!);
  await waitFor(() => expect(found.widget.getAttribute('state')).toBe('manage'));
  const { code, phone } = sampleRegistration();
  await userEvent.type(found.root.querySelector<HTMLInputElement>('#manage-code')!, code);
  await userEvent.type(found.root.querySelector<HTMLInputElement>('#manage-phone')!, phone);
  await submit(found.root);
  await waitFor(() => expect(found.root.querySelector('#found-heading')).not.toBeNull(), { timeout: 5000 });
  return found;
}

/** Check a sign-up: its status (or place in the queue). */
export const Check: Story = {
  name: 'Check a sign-up',
  play: async ({ canvasElement }) => {
    await findRegistration(canvasElement);
  },
};

/** Cancelled after a confirmation: the seats go to the waitlist in order. */
export const Cancelled: Story = {
  play: async ({ canvasElement }) => {
    const { widget, root } = await findRegistration(canvasElement);
    await userEvent.click(root.querySelector<HTMLButtonElement>('.button--danger-outline')!);
    await userEvent.click(root.querySelector<HTMLButtonElement>('.button--danger')!);
    await waitFor(() => expect(widget.getAttribute('state')).toBe('cancelled'), { timeout: 5000 });
  },
};
