/** What the request form's browser tests share: mounting, filling like a resident, and a clean slate. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { createOutbox } from '@doorstep/sdk';
import '../define/index.js';
import type { DsAreaPicker } from '../area-picker/area-picker.js';
import type { DsProvider } from '../provider/provider.js';
import type { DsRequestForm, RequestFormState } from '../request-form/request-form.js';
import { FakeApi, fakeClient } from './fake-api.js';

/** `waitUntil` with room for a busy machine (two test files run at once; photos take a moment to encode). */
export function until(
  condition: () => unknown,
  message?: string,
  options: { timeout?: number; interval?: number } = {},
): Promise<void> {
  return waitUntil(condition, message, { timeout: 5000, ...options });
}

export interface Mounted {
  api: FakeApi;
  provider: DsProvider;
  form: DsRequestForm;
  root: ShadowRoot;
}

export interface MountOptions {
  locale?: string;
  theme?: 'default' | 'elder';
  api?: FakeApi;
  waitFor?: RequestFormState;
  /** Attributes for the form, e.g. `{ 'status-href': '/status?code={code}' }`. */
  attributes?: Record<string, string>;
}

export async function mount(options: MountOptions = {}): Promise<Mounted> {
  const api = options.api ?? new FakeApi();
  const provider = await fixture<DsProvider>(html`
    <ds-provider .client=${fakeClient(api)} locale=${options.locale ?? 'zh-CN'} theme=${options.theme ?? 'default'}></ds-provider>
  `);
  const form = document.createElement('ds-request-form');
  for (const [name, value] of Object.entries(options.attributes ?? {})) form.setAttribute(name, value);
  provider.append(form);
  const wanted = options.waitFor ?? 'ready';
  await until(() => form.state === wanted, `form never became ${wanted} (is ${form.state})`);
  await form.updateComplete;
  return { api, provider, form, root: form.shadowRoot! };
}

/** A "reload": the element goes away (its draft is written) and a new one takes its place. */
export async function remount(mounted: Mounted, waitFor: RequestFormState = 'ready'): Promise<Mounted> {
  mounted.form.remove();
  const form = document.createElement('ds-request-form');
  mounted.provider.append(form);
  await until(() => form.state === waitFor, `form never became ${waitFor} after the reload (is ${form.state})`);
  await form.updateComplete;
  return { ...mounted, form, root: form.shadowRoot! };
}

/** Forgets drafts and outbox entries other tests left. */
export async function cleanSlate(): Promise<void> {
  localStorage.clear();
  const outbox = createOutbox({ name: 'request-form', send: async () => undefined });
  for (const entry of await outbox.entries()) await outbox.remove(entry.key);
}

export function $<T extends Element = HTMLElement>(root: ShadowRoot, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

export function text(root: ShadowRoot, selector: string): string {
  return $(root, selector).textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Types into (or chooses in) the control with this id, as a resident would. */
export async function fill(form: DsRequestForm, id: string, value: string): Promise<void> {
  const control = $<Control>(form.shadowRoot!, `#${id}`);
  control.value = value;
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  await form.updateComplete;
}

/** Ticks or clears a checkbox or radio button. */
export async function check(form: DsRequestForm, id: string, checked = true): Promise<void> {
  const control = $<HTMLInputElement>(form.shadowRoot!, `#${id}`);
  if (control.checked !== checked) control.click();
  await form.updateComplete;
}

/** Chooses a place in one of the form's area pickers, level by level (ids from the community down). */
export async function chooseArea(form: DsRequestForm, pickerId: 'area' | 'otherArea', ids: readonly string[]): Promise<void> {
  const picker = $<DsAreaPicker>(form.shadowRoot!, `#${pickerId}`);
  await until(() => picker.state === 'ready', `the ${pickerId} picker never became ready`);
  const levels = ['community', 'compound', 'building', 'unit'];
  for (const [index, id] of ids.entries()) {
    const select = $<HTMLSelectElement>(picker.shadowRoot!, `#level-${levels[index]}`);
    await until(() => !select.disabled, `level ${levels[index]} stayed disabled`);
    select.value = id;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await picker.updateComplete;
  }
  await form.updateComplete;
}

export const VALID = {
  category: 'public-light',
  area: ['c-1', 'p-1', 'b-2'],
  description: '3单元5楼楼道灯不亮，已经三天了',
  name: '张三',
  phone: '13812345678',
} as const;

/** Fills every required field with valid answers (public lighting in 幸福社区 › 阳光小区 › 2号楼). */
export async function fillValid(form: DsRequestForm): Promise<void> {
  await fill(form, 'category', VALID.category);
  await chooseArea(form, 'area', VALID.area);
  await fill(form, 'description', VALID.description);
  await fill(form, 'name', VALID.name);
  await fill(form, 'phone', VALID.phone);
  await check(form, 'consent');
}

export async function submit(form: DsRequestForm): Promise<void> {
  $<HTMLButtonElement>(form.shadowRoot!, 'button[type="submit"]').click();
  await form.updateComplete;
}

/** Pretends the device is offline (`navigator.onLine` false) until {@link goOnline}. */
export function goOffline(): void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
}

/** Back online: `navigator.onLine` is true again and the `online` event fires. */
export function goOnline(): void {
  delete (navigator as unknown as { onLine?: boolean }).onLine;
  window.dispatchEvent(new Event('online'));
}

/** A JPEG photo of the given size, drawn on a canvas (with some detail, so it does not compress to nothing). */
export async function photoFile(width: number, height: number, name = 'IMG_2031.jpg'): Promise<File> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  const gradient = context.createLinearGradient(0, 0, width, height);
  gradient.addColorStop(0, '#3a6ea5');
  gradient.addColorStop(1, '#f2c14e');
  context.fillStyle = gradient;
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#222';
  for (let x = 0; x < width; x += 97) context.fillRect(x, (x * 7) % height, 40, 40);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
  return new File([blob], name, { type: 'image/jpeg' });
}

/** Hands files to the form's "choose photos" input, as the file chooser would. */
export async function choosePhotos(form: DsRequestForm, files: File[]): Promise<void> {
  const input = $<HTMLInputElement>(form.shadowRoot!, '#photo-files');
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await form.updateComplete;
}
