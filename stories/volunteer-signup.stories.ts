import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { DsVolunteerSignup } from '@doorstep/components';
import type { FakeApiOptions } from './support/fake-api.js';
import { TAKEN_PHONE, UNAVAILABLE_COMMUNITY } from './support/fake-volunteering.js';
import { renderElement } from './support/element.js';

/**
 * `<ds-volunteer-signup>`: a resident joins volunteer teams and gets a volunteer number and an access key.
 * Runs on the fake API (stories/support/fake-volunteering.ts) with the server's sample teams.
 */
const meta = {
  title: 'Widgets/Volunteer sign-up',
  component: 'ds-volunteer-signup',
  tags: ['autodocs'],
  render: renderElement('ds-volunteer-signup'),
  args: { community: 'c-1' },
  parameters: {
    fakeApi: { mode: 'ok' } satisfies FakeApiOptions,
    docs: {
      description: {
        component:
          'Team choice, availability, skills, contact and consent; idempotent, so a retry never signs anyone up twice. ' +
          'The access key it hands out is what `<ds-hours-log>` needs.',
      },
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

async function formIn(canvasElement: HTMLElement, state: DsVolunteerSignup['state'] = 'ready') {
  const form = canvasElement.querySelector<DsVolunteerSignup>('ds-volunteer-signup')!;
  await waitFor(() => expect(form.getAttribute('state')).toBe(state), { timeout: 5000 });
  return { form, root: form.shadowRoot! };
}

async function fillIn(canvasElement: HTMLElement, phone = '13812345678') {
  const { form, root } = await formIn(canvasElement);
  await userEvent.click(root.querySelector<HTMLInputElement>('#teams input[value="elder-visits"]')!);
  await userEvent.type(root.querySelector<HTMLInputElement>('#name')!, '李秀兰');
  await userEvent.type(root.querySelector<HTMLInputElement>('#phone')!, phone);
  await userEvent.click(root.querySelector<HTMLInputElement>('#availability input[value="weekend-morning"]')!);
  await userEvent.click(root.querySelector<HTMLInputElement>('#skills input[value="elder-care"]')!);
  await userEvent.click(root.querySelector<HTMLInputElement>('#consent')!);
  return { form, root };
}

const submit = (root: ShadowRoot) => userEvent.click(root.querySelector<HTMLButtonElement>('button[type="submit"]')!);

/** The teams of 幸福里社区, nothing filled in yet. */
export const Ready: Story = {
  play: async ({ canvasElement }) => void (await formIn(canvasElement)),
};

/** Opened from a team's page: that team is ticked. */
export const TeamChosen: Story = {
  name: 'Team chosen by the page',
  args: { team: 'silver-haircuts' },
  play: async ({ canvasElement }) => {
    const { root } = await formIn(canvasElement);
    await expect(root.querySelector<HTMLInputElement>('#teams input[value="silver-haircuts"]')!.checked).toBe(true);
  },
};

/** Sent empty: every problem in a summary that takes focus, and on each field. */
export const ValidationErrors: Story = {
  name: 'Validation errors',
  play: async ({ canvasElement }) => {
    const { root } = await formIn(canvasElement);
    await submit(root);
    await waitFor(() => expect(root.querySelectorAll('[part="error-link"]').length).toBeGreaterThan(2));
  },
};

/** Signed up: the volunteer number and the access key, saved on this device. */
export const Success: Story = {
  play: async ({ canvasElement }) => {
    const { root } = await fillIn(canvasElement);
    await submit(root);
    await waitFor(() => expect(root.querySelector('[part="access-key"]')).not.toBeNull(), { timeout: 5000 });
  },
};

/** This phone is already signed up in the community: the server says so, nothing typed is lost. */
export const AlreadyRegistered: Story = {
  name: 'Already registered',
  play: async ({ canvasElement }) => {
    const { form, root } = await fillIn(canvasElement, TAKEN_PHONE);
    await submit(root);
    await waitFor(() => expect(form.getAttribute('state')).toBe('submit-error'), { timeout: 5000 });
  },
};

/** The server failed: the form keeps everything and offers a retry (with the same idempotency key). */
export const ServerError: Story = {
  name: 'Server error',
  parameters: { fakeApi: { mode: 'server-error' } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => {
    const { form, root } = await fillIn(canvasElement);
    await submit(root);
    await waitFor(() => expect(form.getAttribute('state')).toBe('submit-error'), { timeout: 5000 });
  },
};

/** The connection dropped while sending. */
export const Offline: Story = {
  parameters: { fakeApi: { mode: 'network-error' } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => {
    const { form, root } = await fillIn(canvasElement);
    await submit(root);
    await waitFor(() => expect(form.getAttribute('state')).toBe('submit-error'), { timeout: 5000 });
  },
};

/** A community with no team recruiting. */
export const NoTeams: Story = {
  name: 'No teams',
  args: { community: 'c-9' },
  play: async ({ canvasElement }) => void (await formIn(canvasElement)),
};

/** The teams are on their way (here they never arrive). */
export const Loading: Story = {
  parameters: { fakeApi: { mode: 'loading' } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => void (await formIn(canvasElement, 'loading')),
};

/** The teams could not be loaded. */
export const LoadError: Story = {
  name: 'Load error',
  args: { community: UNAVAILABLE_COMMUNITY },
  play: async ({ canvasElement }) => void (await formIn(canvasElement, 'load-error')),
};
