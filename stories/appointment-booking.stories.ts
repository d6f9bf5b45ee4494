import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { DsAppointmentBooking } from '@doorstep/components';
import type { FakeApiOptions } from './support/fake-api.js';
import { EMPTY_AREA, UNAVAILABLE_AREA, fillSlot, sampleBooking } from './support/fake-appointments.js';
import { renderElement } from './support/element.js';

/**
 * `<ds-appointment-booking>`: a resident picks a service, sees what to bring, books a time at the
 * service station or asks for a home visit, and gets a confirmation code; with the code and the phone
 * they move or cancel it. The fake API serves the reference server's sample services (幸福里社区) and
 * two weeks of slots, the first morning's first time full.
 */
const meta = {
  title: 'Widgets/Appointment booking',
  component: 'ds-appointment-booking',
  tags: ['autodocs'],
  args: { area: 'c-1' },
  render: renderElement('ds-appointment-booking'),
  parameters: {
    fakeApi: { mode: 'ok' } satisfies FakeApiOptions,
    docs: {
      description: {
        component:
          'Book a slot instead of queueing: 优抚卡办理, 养老金资格认证… Capacity is enforced by the server; a time that ' +
          'fills up while the resident is choosing is reported on the time, with the fresh list.',
      },
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

async function widgetIn(canvasElement: HTMLElement, state: DsAppointmentBooking['state'] = 'ready') {
  const widget = canvasElement.querySelector<DsAppointmentBooking>('ds-appointment-booking');
  if (!widget) throw new Error('ds-appointment-booking is not in the canvas');
  await waitFor(() => expect(widget.getAttribute('state')).toBe(state), { timeout: 5000 });
  return { widget, root: widget.shadowRoot! };
}

async function pick(root: ShadowRoot, group: string, index = 0) {
  await waitFor(() => expect(root.querySelector(`#${group} input:not(:disabled)`)).not.toBeNull(), { timeout: 5000 });
  const radios = [...root.querySelectorAll<HTMLInputElement>(`#${group} input:not(:disabled)`)];
  await userEvent.click(radios[Math.min(index, radios.length - 1)]!);
}

/** The pension check, at the station, on the first day with room, its first free time. */
async function chooseTime(canvasElement: HTMLElement) {
  const found = await widgetIn(canvasElement);
  await pick(found.root, 'service');
  await pick(found.root, 'mode');
  await pick(found.root, 'day');
  await pick(found.root, 'slot');
  return found;
}

async function fillContact(root: ShadowRoot) {
  await userEvent.type(root.querySelector<HTMLInputElement>('#name')!, '王秀英');
  await userEvent.type(root.querySelector<HTMLInputElement>('#phone')!, '13912345678');
}

async function submit(root: ShadowRoot) {
  await userEvent.click(root.querySelector<HTMLButtonElement>('form button[type="submit"]')!);
}

/** Ready: the services of 幸福里社区 (and of its subdistrict), nothing chosen yet. */
export const Services: Story = {
  play: async ({ canvasElement }) => {
    await widgetIn(canvasElement);
  },
};

/** The services are on their way (here they never arrive). */
export const Loading: Story = {
  parameters: { fakeApi: { mode: 'loading' } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => {
    await widgetIn(canvasElement, 'loading');
  },
};

/** The service list failed to load: the reason in plain words and a retry. */
export const LoadError: Story = {
  name: 'Load error',
  args: { area: UNAVAILABLE_AREA },
  play: async ({ canvasElement }) => {
    await widgetIn(canvasElement, 'load-error');
  },
};

/** Nothing can be booked in this area; a booking made elsewhere can still be managed. */
export const Empty: Story = {
  args: { area: EMPTY_AREA },
  play: async ({ canvasElement }) => {
    await widgetIn(canvasElement, 'empty');
  },
};

/** A service chosen (what to bring is shown), at the station, a day and a time picked; the full time is greyed out. */
export const ChoosingATime: Story = {
  name: 'Choosing a time',
  play: async ({ canvasElement }) => {
    const { root } = await chooseTime(canvasElement);
    await expect(root.querySelector('[part="materials"]')).not.toBeNull();
  },
};

/** Asking for a home visit: the day, the address and why the resident cannot come. */
export const HomeVisit: Story = {
  name: 'Home visit',
  play: async ({ canvasElement }) => {
    const { root } = await widgetIn(canvasElement);
    await pick(root, 'service');
    await pick(root, 'mode', 1);
    await waitFor(() => expect(root.querySelector('#address')).not.toBeNull());
  },
};

/** Sent with gaps: the error summary has focus and links to each field; each field says what is wrong. */
export const ValidationErrors: Story = {
  name: 'Validation errors',
  play: async ({ canvasElement }) => {
    const { root } = await widgetIn(canvasElement);
    await pick(root, 'service');
    await pick(root, 'mode', 1);
    await submit(root);
    await waitFor(() => expect(root.activeElement).toBe(root.querySelector('[part="error-summary"]')));
  },
};

/** Another resident took the last place while this one was choosing: the time says so, the list is fresh. */
export const TimeFilledUp: Story = {
  name: 'Time filled up (full)',
  play: async ({ canvasElement }) => {
    const { root } = await chooseTime(canvasElement);
    await fillContact(root);
    fillSlot(root.querySelector<HTMLInputElement>('#slot input:checked')!.value);
    await submit(root);
    await waitFor(() => expect(root.querySelector('#slot-error')).not.toBeNull(), { timeout: 5000 });
  },
};

/** The server answered 500: everything stays as typed and a retry is offered (it reuses the same key). */
export const ServerError: Story = {
  name: 'Server error (500)',
  parameters: { fakeApi: { mode: 'server-error' } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => {
    const { widget, root } = await chooseTime(canvasElement);
    await fillContact(root);
    await submit(root);
    await waitFor(() => expect(widget.getAttribute('state')).toBe('submit-error'), { timeout: 5000 });
  },
};

/** The connection dropped while sending: same recovery, with a network message. */
export const NetworkError: Story = {
  name: 'Network error',
  parameters: { fakeApi: { mode: 'network-error' } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => {
    const { widget, root } = await chooseTime(canvasElement);
    await fillContact(root);
    await submit(root);
    await waitFor(() => expect(widget.getAttribute('state')).toBe('submit-error'), { timeout: 5000 });
  },
};

/** Booked: the confirmation code (announced), the time and place, and what to bring. */
export const Booked: Story = {
  play: async ({ canvasElement }) => {
    const { widget, root } = await chooseTime(canvasElement);
    await fillContact(root);
    await submit(root);
    await waitFor(() => expect(widget.getAttribute('state')).toBe('success'), { timeout: 5000 });
    await expect(root.querySelector('[part="code"]')?.textContent?.trim()).toMatch(/^AP-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  },
};

async function openManage(canvasElement: HTMLElement) {
  const found = await widgetIn(canvasElement);
  await userEvent.click(found.root.querySelector<HTMLButtonElement>('.manage-link button')!);
  await waitFor(() => expect(found.widget.getAttribute('state')).toBe('manage'));
  return found;
}

async function findBooking(canvasElement: HTMLElement) {
  const found = await openManage(canvasElement);
  const booking = sampleBooking();
  await userEvent.type(found.root.querySelector<HTMLInputElement>('#manage-code')!, booking.code);
  await userEvent.type(found.root.querySelector<HTMLInputElement>('#manage-phone')!, booking.phone);
  await userEvent.click(found.root.querySelector<HTMLButtonElement>('form button[type="submit"]')!);
  await waitFor(() => expect(found.root.querySelector('#found-heading')).not.toBeNull(), { timeout: 5000 });
  return found;
}

/** Move or cancel: the code and the phone number the booking was made with. */
export const Manage: Story = {
  name: 'Move or cancel: look up',
  play: async ({ canvasElement }) => {
    await openManage(canvasElement);
  },
};

/** The booking found, with its time and status, and the two things one can do with it. */
export const Found: Story = {
  name: 'Move or cancel: found',
  play: async ({ canvasElement }) => {
    await findBooking(canvasElement);
  },
};

/** Choosing a new time (the current one is not offered). */
export const Moving: Story = {
  name: 'Move or cancel: choosing a new time',
  play: async ({ canvasElement }) => {
    const { root } = await findBooking(canvasElement);
    await userEvent.click(root.querySelector<HTMLButtonElement>('.found .button--secondary')!);
    await pick(root, 'new-day');
  },
};

/** Moved: the code stays, the new time is shown. */
export const Moved: Story = {
  name: 'Move or cancel: moved',
  play: async ({ canvasElement }) => {
    const { widget, root } = await findBooking(canvasElement);
    await userEvent.click(root.querySelector<HTMLButtonElement>('.found .button--secondary')!);
    await pick(root, 'new-day', 1);
    await pick(root, 'new-slot');
    await userEvent.click(root.querySelector<HTMLButtonElement>('.found form button[type="submit"]')!);
    await waitFor(() => expect(widget.getAttribute('state')).toBe('rescheduled'), { timeout: 5000 });
  },
};

/** Cancelled after a confirmation: the place goes back to other residents. */
export const Cancelled: Story = {
  name: 'Move or cancel: cancelled',
  play: async ({ canvasElement }) => {
    const { widget, root } = await findBooking(canvasElement);
    await userEvent.click(root.querySelector<HTMLButtonElement>('.button--danger-outline')!);
    await userEvent.click(root.querySelector<HTMLButtonElement>('.button--danger')!);
    await waitFor(() => expect(widget.getAttribute('state')).toBe('cancelled'), { timeout: 5000 });
  },
};
