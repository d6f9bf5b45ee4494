import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { DsHoursLog } from '@doorstep/components';
import type { FakeApiOptions } from './support/fake-api.js';
import { DEMO_ACCESS_KEY, NO_ROLE_TOKEN, STAFF_TOKEN } from './support/fake-volunteering.js';
import { element, renderElement } from './support/element.js';

/**
 * `<ds-hours-log>`: a volunteer logs service hours, follows them from pending to approved and prints a
 * certificate; with `mode="staff"`, staff review the queue. Runs on the fake API
 * (stories/support/fake-volunteering.ts): the demo volunteer 张秀英 and the server's sample year of hours.
 */
const meta = {
  title: 'Widgets/Hours log',
  component: 'ds-hours-log',
  tags: ['autodocs'],
  // The demo volunteer's key, handed over as a property (a key never goes in markup).
  render: renderElement('ds-hours-log'),
  args: { volunteerKey: DEMO_ACCESS_KEY },
  parameters: {
    fakeApi: { mode: 'ok' } satisfies FakeApiOptions,
    docs: {
      description: {
        component:
          'Volunteers identify with the access key from `<ds-volunteer-signup>` (kept on the device if they want). ' +
          'Log a date and hours or a start and end, where, who was served (as a group) and a note; see the totals ' +
          'and records; print a certificate. `mode="staff"` is the review queue: approve, reject with a reason, edit ' +
          'with a reason, history of every change, CSV exports.',
      },
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

async function logIn(canvasElement: HTMLElement, state: DsHoursLog['state'] = 'ready') {
  const log = canvasElement.querySelector<DsHoursLog>('ds-hours-log')!;
  await waitFor(() => expect(log.getAttribute('state')).toBe(state), { timeout: 5000 });
  return { log, root: log.shadowRoot! };
}

const submit = (root: ShadowRoot) => userEvent.click(root.querySelector<HTMLButtonElement>('form button[type="submit"]')!);

/** No key on this device yet: the volunteer types the one from sign-up. */
export const SignedOut: Story = {
  name: 'Signed out',
  args: { volunteerKey: undefined },
  render: (args) => element('ds-hours-log', args, html`<a slot="signup" href="#signup">还没有报名？先报名成为志愿者</a>`),
  play: async ({ canvasElement }) => void (await logIn(canvasElement, 'signed-out')),
};

/** A key that does not work: the field says so. */
export const WrongKey: Story = {
  name: 'Wrong key',
  args: { volunteerKey: undefined },
  play: async ({ canvasElement }) => {
    const { root } = await logIn(canvasElement, 'signed-out');
    await userEvent.type(root.querySelector<HTMLInputElement>('#access-key')!, 'ABCD-EFGH-JKLM-NPQR-STUV');
    await submit(root);
    await waitFor(() => expect(root.querySelector('#access-key-error')).not.toBeNull(), { timeout: 5000 });
  },
};

/** Signed in: the totals and the log form. */
export const LogForm: Story = {
  name: 'Log form',
  play: async ({ canvasElement }) => void (await logIn(canvasElement)),
};

/** Start and end times instead of hours (a night patrol past midnight). */
export const StartAndEnd: Story = {
  name: 'Start and end times',
  play: async ({ canvasElement }) => {
    const { root } = await logIn(canvasElement);
    await userEvent.click(root.querySelector<HTMLInputElement>('#timeMode input[value="times"]')!);
    await userEvent.type(root.querySelector<HTMLInputElement>('#start')!, '2230');
    await userEvent.type(root.querySelector<HTMLInputElement>('#end')!, '0115');
  },
};

/** Sent without hours: the summary takes focus, the field says what is wrong. */
export const ValidationErrors: Story = {
  name: 'Validation errors',
  play: async ({ canvasElement }) => {
    const { root } = await logIn(canvasElement);
    await submit(root);
    await waitFor(() => expect(root.querySelector('[part="error-summary"]')).not.toBeNull());
  },
};

/** Logged: pending until staff approve it; the records tab shows it first. */
export const Logged: Story = {
  play: async ({ canvasElement }) => {
    const { root } = await logIn(canvasElement);
    await userEvent.type(root.querySelector<HTMLInputElement>('#hours')!, '2');
    await submit(root);
    await waitFor(() => expect(root.querySelector('.logged')).not.toBeNull(), { timeout: 5000 });
  },
};

/** Sending failed; everything typed is still there, with a retry. */
export const SubmitError: Story = {
  name: 'Submit error',
  parameters: { fakeApi: { mode: 'server-error' } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => {
    const { log, root } = await logIn(canvasElement);
    await userEvent.type(root.querySelector<HTMLInputElement>('#hours')!, '2');
    await submit(root);
    await waitFor(() => expect(log.getAttribute('state')).toBe('submit-error'), { timeout: 5000 });
  },
};

/** The volunteer's records: pending, approved, and not approved with the reason. */
export const Records: Story = {
  args: { view: 'history' },
  play: async ({ canvasElement }) => void (await logIn(canvasElement)),
};

/** A certificate of this year's approved hours, ready to print (only the certificate goes on paper). */
export const Certificate: Story = {
  args: { view: 'certificate' },
  play: async ({ canvasElement }) => {
    const { root } = await logIn(canvasElement);
    await submit(root);
    await waitFor(() => expect(root.querySelector('[part="certificate"]')).not.toBeNull(), { timeout: 5000 });
  },
};

/** Loading the volunteer's record (here it never arrives). */
export const Loading: Story = {
  parameters: { fakeApi: { mode: 'loading' } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => void (await logIn(canvasElement, 'loading')),
};

/** The record could not be loaded. */
export const LoadError: Story = {
  name: 'Load error',
  parameters: { fakeApi: { mode: 'read-error' } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => void (await logIn(canvasElement, 'load-error')),
};

/** Staff: the queue of entries waiting for review. */
export const StaffQueue: Story = {
  name: 'Staff: review queue',
  args: { mode: 'staff', volunteerKey: undefined },
  parameters: { fakeApi: { mode: 'ok', token: STAFF_TOKEN } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => void (await logIn(canvasElement)),
};

/** Staff: rejecting needs a reason the volunteer will read. */
export const StaffRejecting: Story = {
  name: 'Staff: rejecting',
  args: { mode: 'staff', volunteerKey: undefined },
  parameters: { fakeApi: { mode: 'ok', token: STAFF_TOKEN } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => {
    const { root } = await logIn(canvasElement);
    await waitFor(() => expect(root.querySelector('[part~="reject-button"]')).not.toBeNull());
    await userEvent.click(root.querySelector<HTMLButtonElement>('[part~="reject-button"]')!);
    await userEvent.click(root.querySelector<HTMLButtonElement>('.review-editor button[type="submit"]')!);
  },
};

/** Staff: approved entries, each with its history of changes. */
export const StaffApproved: Story = {
  name: 'Staff: approved entries',
  args: { mode: 'staff', volunteerKey: undefined },
  parameters: { fakeApi: { mode: 'ok', token: STAFF_TOKEN } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => {
    const { log, root } = await logIn(canvasElement);
    const status = root.querySelector<HTMLSelectElement>('#review-status')!;
    await userEvent.selectOptions(status, 'approved');
    await waitFor(() => expect(log.getAttribute('state')).toBe('ready'), { timeout: 5000 });
  },
};

/** Staff without the volunteering role (or without a token): what to do about it. */
export const StaffForbidden: Story = {
  name: 'Staff: no permission',
  args: { mode: 'staff', volunteerKey: undefined },
  parameters: { fakeApi: { mode: 'ok', token: NO_ROLE_TOKEN } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => void (await logIn(canvasElement, 'forbidden')),
};
