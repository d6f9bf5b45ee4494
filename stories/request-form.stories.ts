import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { DsAreaPicker, DsRequestForm } from '@doorstep/components';
import type { FakeApiOptions } from './support/fake-api.js';
import { requestFakeSettings } from './support/fake-requests.js';
import { renderElement } from './support/element.js';

/**
 * `<ds-request-form>`: a resident reports a problem and gets a tracking code. Every story runs against
 * an in-memory fake of the API (stories/support/fake-api.ts), so no server is needed. Use the toolbar
 * to switch theme (default / elder) and language.
 */
const meta = {
  title: 'Widgets/Request form',
  component: 'ds-request-form',
  tags: ['autodocs'],
  render: renderElement('ds-request-form'),
  args: { 'privacy-href': 'https://portal.example.cn/privacy' },
  parameters: {
    fakeApi: { mode: 'ok' } satisfies FakeApiOptions,
    docs: {
      description: {
        component:
          'A form for residents to report a problem (a broken light, a leak…) to community staff: the ' +
          "category's extra questions, the place (with `<ds-area-picker>`), photos, contact, consent, a check " +
          'for open reports of the same problem, and a tracking code at the end. Nothing typed is lost, and a ' +
          'report sent offline waits on the device and is delivered once. Embed it inside ' +
          '`<ds-provider api-base="…">`, or alone with `api-base` and `lang`.',
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
  return { form, root: form.shadowRoot! };
}

async function waitForState(form: DsRequestForm, state: DsRequestForm['state']) {
  await waitFor(() => expect(form.getAttribute('state')).toBe(state), { timeout: 5000 });
}

/** Chooses 幸福里社区 › 幸福花园 › 3号楼 in the form's area picker, select by select. */
async function choosePlace(root: ShadowRoot) {
  const picker = root.querySelector<DsAreaPicker>('#area')!;
  await waitFor(() => expect(picker.state).toBe('ready'), { timeout: 5000 });
  const level = (name: string) => picker.shadowRoot!.querySelector<HTMLSelectElement>(`#level-${name}`)!;
  for (const [name, id] of [['community', 'c-1'], ['compound', 'cp-1'], ['building', 'b-3']] as const) {
    await waitFor(() => expect(level(name).disabled).toBe(false));
    await userEvent.selectOptions(level(name), id);
  }
}

/** Fills every required field the way a resident would (the fake API's seed: 幸福里社区 › 幸福花园 › 3号楼). */
async function fillIn(canvasElement: HTMLElement, category = 'door-lock') {
  const { form, root } = await formIn(canvasElement);
  await waitForState(form, 'ready');
  await userEvent.selectOptions(root.querySelector<HTMLSelectElement>('#category')!, category);
  await choosePlace(root);
  await userEvent.type(root.querySelector<HTMLTextAreaElement>('#description')!, '3单元的单元门关不上，门禁刷卡也没反应');
  await userEvent.type(root.querySelector<HTMLInputElement>('#name')!, '张秀英');
  await userEvent.type(root.querySelector<HTMLInputElement>('#phone')!, '13812345678');
  await userEvent.click(root.querySelector<HTMLInputElement>('#consent')!);
  return { form, root };
}

async function submit(root: ShadowRoot) {
  await userEvent.click(root.querySelector<HTMLButtonElement>('button[type="submit"]')!);
}

/** A photo as a phone would take it: 3000 × 2000 px, drawn on a canvas. */
async function samplePhoto(name = 'IMG_2031.jpg'): Promise<File> {
  const canvas = new OffscreenCanvas(3000, 2000);
  const context = canvas.getContext('2d')!;
  const sky = context.createLinearGradient(0, 0, 0, 2000);
  sky.addColorStop(0, '#5b7fa6');
  sky.addColorStop(1, '#d9cbb0');
  context.fillStyle = sky;
  context.fillRect(0, 0, 3000, 2000);
  context.fillStyle = '#3b3b3b';
  context.fillRect(1300, 500, 400, 1500);
  context.fillStyle = '#f5e9a8';
  context.beginPath();
  context.arc(1500, 380, 140, 0, Math.PI * 2);
  context.fill();
  return new File([await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })], name, { type: 'image/jpeg' });
}

/** Hands files to the form's "choose photos" input, as the file chooser would. */
function choosePhotos(root: ShadowRoot, files: File[]) {
  const input = root.querySelector<HTMLInputElement>('#photo-files')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Ready: the categories and areas have arrived and nothing is filled in yet. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const { form } = await formIn(canvasElement);
    await waitForState(form, 'ready');
  },
};

/** The categories are still on their way (here they never arrive). */
export const Loading: Story = {
  parameters: { fakeApi: { mode: 'loading' } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => {
    const { form } = await formIn(canvasElement);
    await waitForState(form, 'loading');
  },
};

/** The categories could not be loaded: the failure and a way to try again. */
export const LoadError: Story = {
  name: 'Load error',
  parameters: { fakeApi: { mode: 'read-error' } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => {
    const { form } = await formIn(canvasElement);
    await waitForState(form, 'load-error');
  },
};

/**
 * A category with extra questions (漏水渗水): a note, required single choices as radio buttons, and
 * optional ones — each datatype as its own kind of field.
 */
export const Questions: Story = {
  play: async ({ canvasElement }) => {
    const { form, root } = await formIn(canvasElement);
    await waitForState(form, 'ready');
    await userEvent.selectOptions(root.querySelector<HTMLSelectElement>('#category')!, 'water-leak');
    await waitFor(() => expect(root.querySelector('.questions')).not.toBeNull());
  },
};

/** Reporting for someone else (an elderly parent): their name, phone and building; the reporter's phone is required. */
export const ForSomeoneElse: Story = {
  name: 'For someone else',
  play: async ({ canvasElement }) => {
    const { form, root } = await formIn(canvasElement);
    await waitForState(form, 'ready');
    await userEvent.click(root.querySelector<HTMLInputElement>('#forSomeoneElse')!);
    await waitFor(() => expect(root.querySelector('#otherName')).not.toBeNull());
    await userEvent.type(root.querySelector<HTMLInputElement>('#otherName')!, '王奶奶');
  },
};

/** A photo is being shrunk and uploaded: its thumbnail and a progress bar (here the upload never finishes). */
export const PhotosUploading: Story = {
  name: 'Photos uploading',
  beforeEach: () => {
    requestFakeSettings.photos = 'slow';
    return () => void (requestFakeSettings.photos = 'ok');
  },
  play: async ({ canvasElement }) => {
    const { form, root } = await formIn(canvasElement);
    await waitForState(form, 'ready');
    choosePhotos(root, [await samplePhoto()]);
    await waitFor(() => expect(root.querySelector('.photo--uploading progress')).not.toBeNull(), { timeout: 5000 });
  },
};

/** A file that is not a photo, and an upload that failed on the network (with "try again" for that photo alone). */
export const PhotoError: Story = {
  name: 'Photo error',
  beforeEach: () => {
    requestFakeSettings.photos = 'fail';
    return () => void (requestFakeSettings.photos = 'ok');
  },
  play: async ({ canvasElement }) => {
    const { form, root } = await formIn(canvasElement);
    await waitForState(form, 'ready');
    choosePhotos(root, [new File(['%PDF-1.7'], '物业通知.pdf', { type: 'application/pdf' }), await samplePhoto()]);
    await waitFor(() => expect(root.querySelector('.photo--failed')).not.toBeNull(), { timeout: 5000 });
    await waitFor(() => expect(root.querySelector('.photo-problems')?.textContent).toContain('物业通知.pdf'));
  },
};

/** Public lighting in 3号楼 is already reported: the open report is shown with "me too". */
export const DuplicatesFound: Story = {
  name: 'Duplicates found',
  play: async ({ canvasElement }) => {
    const { form, root } = await formIn(canvasElement);
    await waitForState(form, 'ready');
    await userEvent.selectOptions(root.querySelector<HTMLSelectElement>('#category')!, 'public-light');
    await choosePlace(root);
    await waitFor(() => expect(root.querySelector('[part="duplicates"]')).not.toBeNull(), { timeout: 5000 });
  },
};

/** "Me too" pressed: the resident's support was added to the open report; its code and count are shown. */
export const Supported: Story = {
  play: async (context) => {
    await DuplicatesFound.play!(context);
    const { form, root } = await formIn(context.canvasElement);
    await userEvent.click(root.querySelector<HTMLButtonElement>('[part~="support-button"]')!);
    await waitForState(form, 'supported');
  },
};

/** Submit pressed with nothing filled in: the error summary at the top links to each field, and has focus. */
export const ValidationError: Story = {
  name: 'Validation error',
  play: async ({ canvasElement }) => {
    const { form, root } = await formIn(canvasElement);
    await waitForState(form, 'ready');
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
    await expect(root.querySelector<HTMLTextAreaElement>('#description')!.value).toContain('单元门关不上');
  },
};

/**
 * The connection failed while sending: the report waits on the device (IndexedDB) and is sent by itself
 * when the connection returns — also after a reload — exactly once. "Try now" sends it at once.
 */
export const WaitingToSend: Story = {
  name: 'Offline: waiting to send',
  parameters: { fakeApi: { mode: 'network-error' } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => {
    const { form, root } = await fillIn(canvasElement);
    await submit(root);
    await waitForState(form, 'queued');
    await expect(root.querySelector('[part="queued"]')).not.toBeNull();
  },
};

/** Sent: the tracking code (with a copy button) and a way to follow it, announced politely. */
export const Success: Story = {
  play: async ({ canvasElement }) => {
    const { form, root } = await fillIn(canvasElement);
    await submit(root);
    await waitForState(form, 'success');
    await expect(root.querySelector('[part="code"]')?.textContent?.trim()).toMatch(/^DS-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  },
};
