import { fixture, html, waitUntil } from '@open-wc/testing';
import { createOutbox } from '@doorstep/sdk';
import '../define/index.js';
import type { DsAreaPicker } from '../area-picker/area-picker.js';
import type { DsEldercareSignup, EldercareSignupState } from '../eldercare-signup/eldercare-signup.js';
import type { StepId } from '../eldercare-signup/values.js';
import type { DsProvider } from '../provider/provider.js';
import { FakeEldercareApi, fakeEldercareClient } from './fake-eldercare.js';

export interface Mounted {
  api: FakeEldercareApi;
  widget: DsEldercareSignup;
  root: ShadowRoot;
}

export const DRAFT_STORAGE_KEY = 'doorstep:draft:eldercare-signup';

/** No draft, nothing waiting in the outbox: each test starts as a first visit. */
export async function cleanSlate(): Promise<void> {
  localStorage.removeItem(DRAFT_STORAGE_KEY);
  const outbox = createOutbox({ name: 'eldercare', send: async () => undefined });
  for (const entry of await outbox.entries()) await outbox.remove(entry.key);
}

export async function mount(
  options: { locale?: string; theme?: 'default' | 'elder'; api?: FakeEldercareApi; mode?: 'signup' | 'status'; waitFor?: EldercareSignupState } = {},
): Promise<Mounted> {
  const api = options.api ?? new FakeEldercareApi();
  const provider = await fixture<DsProvider>(html`
    <ds-provider .client=${fakeEldercareClient(api)} locale=${options.locale ?? 'zh-CN'} theme=${options.theme ?? 'default'}>
      <ds-eldercare-signup mode=${options.mode ?? 'signup'}></ds-eldercare-signup>
    </ds-provider>
  `);
  const widget = provider.querySelector('ds-eldercare-signup')!;
  const wanted = options.waitFor ?? (options.mode === 'status' ? 'status' : 'editing');
  await waitUntil(() => widget.state === wanted, `widget never became ${wanted} (is ${widget.state})`);
  await widget.updateComplete;
  return { api, widget, root: widget.shadowRoot! };
}

export function $<T extends Element = HTMLElement>(root: ShadowRoot, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

export function text(root: ShadowRoot, selector: string): string {
  return $(root, selector).textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Types into the input with this id, as a resident would. */
export async function type(widget: DsEldercareSignup, id: string, value: string): Promise<void> {
  const control = $<HTMLInputElement>(widget.shadowRoot!, `#${id}`);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await widget.updateComplete;
}

/** Clicks the radio or checkbox with `value` in the group (fieldset) with id `group`. */
export async function choose(widget: DsEldercareSignup, group: string, value: string): Promise<void> {
  await waitUntil(() => widget.shadowRoot!.querySelector(`#${group} input[value="${value}"]`), `no ${value} in #${group}`);
  $<HTMLInputElement>(widget.shadowRoot!, `#${group} input[value="${value}"]`).click();
  await widget.updateComplete;
}

/** Ticks (or unticks) the checkbox with this id. */
export async function tick(widget: DsEldercareSignup, id: string): Promise<void> {
  $<HTMLInputElement>(widget.shadowRoot!, `#${id}`).click();
  await widget.updateComplete;
}

/** Chooses community › compound › building (› unit) in the area picker. */
export async function pickArea(widget: DsEldercareSignup, ids: string[]): Promise<void> {
  const picker = $<DsAreaPicker>(widget.shadowRoot!, 'ds-area-picker');
  await waitUntil(() => picker.state === 'ready', 'the area picker never loaded');
  const levels = ['community', 'compound', 'building', 'unit'];
  for (const [index, id] of ids.entries()) {
    await picker.updateComplete;
    const select = picker.shadowRoot!.querySelector<HTMLSelectElement>(`#level-${levels[index]}`)!;
    select.value = id;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }
  await picker.updateComplete;
  await widget.updateComplete;
}

/** Presses the step's main button (Continue / Send). */
export async function proceed(widget: DsEldercareSignup): Promise<void> {
  $<HTMLButtonElement>(widget.shadowRoot!, '[part~="next-button"]').click();
  await widget.updateComplete;
}

export async function back(widget: DsEldercareSignup): Promise<void> {
  $<HTMLButtonElement>(widget.shadowRoot!, '[part~="back-button"]').click();
  await widget.updateComplete;
}

export async function until(condition: () => unknown, message: string): Promise<void> {
  await waitUntil(condition, message, { timeout: 4000 });
}

export async function atStep(widget: DsEldercareSignup, step: StepId): Promise<void> {
  await until(() => widget.currentStep === step, `never reached step ${step} (at ${widget.currentStep})`);
  await widget.updateComplete;
}

/** The ids of the controls the error summary links to. */
export function summaryLinks(root: ShadowRoot): string[] {
  return [...root.querySelectorAll<HTMLAnchorElement>('[part="error-link"]')].map((link) => link.getAttribute('href')!.slice(1));
}

export const BIRTH_YEAR = String(new Date().getFullYear() - 85);

/** Step 1: a daughter applying. */
export async function fillWho(widget: DsEldercareSignup): Promise<void> {
  await choose(widget, 'role', 'family');
  await type(widget, 'applicant-name', '王芳');
  await type(widget, 'applicant-phone', '13900001111');
  await type(widget, 'applicant-relationship', '女儿');
}

/** Step 2: her mother, 85, living alone in 幸福花园 1号楼 1单元. */
export async function fillElder(widget: DsEldercareSignup): Promise<void> {
  await type(widget, 'elder-name', '王秀英');
  await type(widget, 'birth-year', BIRTH_YEAR);
  await pickArea(widget, ['c-1', 'cp-1', 'b-1', 'u-1-1']);
  await type(widget, 'room', '502');
  await choose(widget, 'living', 'alone');
}

/** Step 3: lunch and dinner delivered on weekdays, low salt, and weekly visits. */
export async function fillServices(widget: DsEldercareSignup): Promise<void> {
  await until(() => widget.shadowRoot!.querySelector('#want-meals'), 'the services never loaded');
  await tick(widget, 'want-meals');
  await choose(widget, 'meal-mode', 'delivery');
  await choose(widget, 'meals', 'lunch');
  await choose(widget, 'meals', 'dinner');
  for (const day of ['1', '2', '3', '4', '5']) await choose(widget, 'meal-days', day);
  await choose(widget, 'diet', 'lowSalt');
  await tick(widget, 'want-homeVisits');
  await choose(widget, 'visit-frequency', 'weekly');
}

export async function fillFacts(widget: DsEldercareSignup): Promise<void> {
  await choose(widget, 'lowIncome', 'yes');
  await choose(widget, 'disability', 'no');
  await choose(widget, 'specialCare', 'unsaid');
}

export async function fillContact(widget: DsEldercareSignup): Promise<void> {
  await type(widget, 'contact-name', '王强');
  await type(widget, 'contact-phone', '13900002222');
  await type(widget, 'contact-relationship', '儿子');
}

export async function fillConsent(widget: DsEldercareSignup): Promise<void> {
  await tick(widget, 'consent-personal');
  await tick(widget, 'consent-health');
}

/** Fills every step and stops at the review page. */
export async function fillToReview(widget: DsEldercareSignup): Promise<void> {
  const steps: Array<[StepId, (widget: DsEldercareSignup) => Promise<void>]> = [
    ['who', fillWho],
    ['elder', fillElder],
    ['services', fillServices],
    ['facts', fillFacts],
    ['contact', fillContact],
    ['consent', fillConsent],
  ];
  for (const [step, fill] of steps) {
    await atStep(widget, step);
    await fill(widget);
    await proceed(widget);
  }
  await atStep(widget, 'review');
}
