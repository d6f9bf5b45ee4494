import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { DsRequestForm } from '@doorstep/components';
import type { FakeApiOptions } from './support/fake-api.js';

/**
 * `<ds-request-form>`: a resident reports a problem and gets a tracking code. Every story runs against
 * an in-memory fake of the API (stories/support/fake-api.ts), so no server is needed. Use the toolbar
 * to switch theme (default / elder) and language.
 */
const meta = {
  title: 'Widgets/Request form',
  component: 'ds-request-form',
  tags: ['autodocs'],
  render: () => html`<ds-request-form></ds-request-form>`,
  parameters: {
    fakeApi: { mode: 'ok' } satisfies FakeApiOptions,
    docs: {
      description: {
        component:
          'A form for residents to report a problem (a broken light, a leak…) to community staff. ' +
          'Embed it inside `<ds-provider api-base="…">`, or alone with `api-base` and `lang`.',
      },
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** The widget in the story's canvas, once it has rendered. */
async function formIn(canvasElement: HTMLElement) {
  const form = canvasElement.querySelector<DsRequestForm>('ds-request-form');
  if (!form) throw new Error('ds-request-form is not in the canvas');
  await waitFor(() => expect(form.shadowRoot).not.toBeNull());
  return { form };
}

async function waitForState(form: DsRequestForm, state: DsRequestForm['state']) {
  await waitFor(() => expect(form.getAttribute('state')).toBe(state), { timeout: 5000 });
}

/** Fills every field the way a resident would (the fake API's seed: 幸福里社区 › 幸福花园 › 3号楼). */
async function fillIn(canvasElement: HTMLElement) {
  const { form } = await formIn(canvasElement);
  await waitForState(form, 'ready');
  const root = form.shadowRoot!;
  const select = (id: string) => root.querySelector<HTMLSelectElement>(`#${id}`)!;
  await userEvent.selectOptions(select('category'), 'public-light');
  await userEvent.selectOptions(select('community'), 'c-1');
  await waitFor(() => expect(select('compound').disabled).toBe(false));
  await userEvent.selectOptions(select('compound'), 'cp-1');
  await waitFor(() => expect(select('building').disabled).toBe(false));
  await userEvent.selectOptions(select('building'), 'b-3');
  await userEvent.type(root.querySelector<HTMLTextAreaElement>('#description')!, '3单元5楼楼道灯不亮，晚上上下楼很不方便');
  await userEvent.type(root.querySelector<HTMLInputElement>('#name')!, '张秀英');
  await userEvent.type(root.querySelector<HTMLInputElement>('#phone')!, '13812345678');
  return { form, root };
}

async function submit(root: ShadowRoot) {
  await userEvent.click(root.querySelector<HTMLButtonElement>('button[type="submit"]')!);
}

/** Ready: the categories and areas have arrived and nothing is filled in yet. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const { form } = await formIn(canvasElement);
    await waitForState(form, 'ready');
  },
};

/** The categories and areas are still on their way (here they never arrive). */
export const Loading: Story = {
  parameters: { fakeApi: { mode: 'loading' } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => {
    const { form } = await formIn(canvasElement);
    await waitForState(form, 'loading');
  },
};

/** Submit pressed with nothing filled in: the error summary at the top links to each field, and has focus. */
export const ValidationError: Story = {
  name: 'Validation error',
  play: async ({ canvasElement }) => {
    const { form } = await formIn(canvasElement);
    await waitForState(form, 'ready');
    const root = form.shadowRoot!;
    await submit(root);
    await waitFor(() => expect(root.querySelector('[part="error-summary"]')).not.toBeNull());
    await waitFor(() => expect(root.activeElement).toBe(root.querySelector('[part="error-summary"]')));
    await expect(root.querySelectorAll('[part="error-link"]').length).toBeGreaterThan(0);
  },
};

/** The server answered 500: the message says nothing was sent, every field keeps its value, and retry is offered. */
export const ServerError: Story = {
  name: 'Server error (500)',
  parameters: { fakeApi: { mode: 'server-error' } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => {
    const { form, root } = await fillIn(canvasElement);
    await submit(root);
    await waitForState(form, 'submit-error');
    await expect(root.querySelector('[part="alert"]')).not.toBeNull();
    await expect(root.querySelector<HTMLTextAreaElement>('#description')!.value).toContain('楼道灯不亮');
  },
};

/** The connection dropped while sending: same recovery as a server error, with a network message. */
export const NetworkError: Story = {
  name: 'Network error',
  parameters: { fakeApi: { mode: 'network-error' } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => {
    const { form, root } = await fillIn(canvasElement);
    await submit(root);
    await waitForState(form, 'submit-error');
    await expect(root.querySelector('[part="alert"]')).not.toBeNull();
  },
};

/** Sent: the tracking code is shown (and announced), with a way to report another problem. */
export const Success: Story = {
  play: async ({ canvasElement }) => {
    const { form, root } = await fillIn(canvasElement);
    await submit(root);
    await waitForState(form, 'success');
    await expect(root.querySelector('[part="code"]')?.textContent?.trim()).toMatch(/^DS-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  },
};
