import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { DsAreaPicker, DsEldercareSignup } from '@doorstep/components';
import type { FakeApiOptions } from './support/fake-api.js';
import { SAMPLE_STATUS, eldercareFakeSettings } from './support/fake-eldercare.js';
import { renderElement } from './support/element.js';

/**
 * `<ds-eldercare-signup>`: a resident, a son or daughter, or a building steward applies for home-based
 * elder care — meals, day care, housekeeping, home visits, a health wristband — step by step, seeing as
 * they answer what the elder is likely eligible for and why. The fake API serves the reference server's
 * sample programs (幸福里社区 offers all five; 光明社区 only canteen lunch and visits for those living alone).
 */
const meta = {
  title: 'Widgets/Elder-care signup',
  component: 'ds-eldercare-signup',
  tags: ['autodocs'],
  args: { mode: 'signup' },
  render: renderElement('ds-eldercare-signup'),
  parameters: {
    fakeApi: { mode: 'ok' } satisfies FakeApiOptions,
    docs: {
      description: {
        component:
          'A wizard an elderly resident or their family can finish: "step N of M", Back without losing anything, a review ' +
          'page with a change link per step, a live eligibility estimate from the community’s own rules, a reference code ' +
          'at the end. `mode="status"` checks an application with the code and the last 4 digits of a phone number.',
      },
    },
  },
  // A story that changes the fake API's answers has them put back after it (drafts and the outbox are
  // cleared before every story: .storybook/preview.ts).
  beforeEach: () => () => {
    eldercareFakeSettings.programs = 'ok';
    eldercareFakeSettings.apply = 'ok';
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

async function widgetIn(canvasElement: HTMLElement) {
  const widget = canvasElement.querySelector<DsEldercareSignup>('ds-eldercare-signup');
  if (!widget) throw new Error('ds-eldercare-signup is not in the canvas');
  await waitFor(() => expect(widget.shadowRoot).not.toBeNull());
  return { widget, root: widget.shadowRoot! };
}

const at = (widget: DsEldercareSignup, step: string) => waitFor(() => expect(widget.getAttribute('step')).toBe(step), { timeout: 5000 });
const inState = (widget: DsEldercareSignup, state: string) => waitFor(() => expect(widget.getAttribute('state')).toBe(state), { timeout: 5000 });

async function proceed(root: ShadowRoot) {
  await userEvent.click(root.querySelector<HTMLButtonElement>('[part~="next-button"]')!);
}

const q = <T extends Element = HTMLElement>(root: ShadowRoot, selector: string) => root.querySelector<T>(selector)!;
const pick = (root: ShadowRoot, group: string, value: string) => userEvent.click(q(root, `#${group} input[value="${value}"]`));

/** Each step filled the way a daughter would for her 85-year-old mother who lives alone. */
const fills: Record<string, (widget: DsEldercareSignup, root: ShadowRoot) => Promise<void>> = {
  who: async (_widget, root) => {
    await pick(root, 'role', 'family');
    await userEvent.type(q(root, '#applicant-name'), '王芳');
    await userEvent.type(q(root, '#applicant-phone'), '13900001111');
    await userEvent.type(q(root, '#applicant-relationship'), '女儿');
  },
  elder: async (_widget, root) => {
    await userEvent.type(q(root, '#elder-name'), '王秀英');
    await userEvent.type(q(root, '#birth-year'), String(new Date().getFullYear() - 85));
    const picker = q<DsAreaPicker>(root, 'ds-area-picker');
    await waitFor(() => expect(picker.getAttribute('state')).toBe('ready'), { timeout: 5000 });
    const levels = picker.shadowRoot!;
    for (const [level, id] of [['community', 'c-1'], ['compound', 'cp-1'], ['building', 'b-1'], ['unit', 'u-1-1']] as const) {
      await waitFor(() => expect(levels.querySelector<HTMLSelectElement>(`#level-${level}`)!.disabled).toBe(false));
      await userEvent.selectOptions(levels.querySelector<HTMLSelectElement>(`#level-${level}`)!, id);
    }
    await userEvent.type(q(root, '#room'), '502');
    await pick(root, 'living', 'alone');
  },
  services: async (_widget, root) => {
    await waitFor(() => expect(root.querySelector('#want-meals')).not.toBeNull(), { timeout: 5000 });
    await userEvent.click(q(root, '#want-meals'));
    await pick(root, 'meal-mode', 'delivery');
    await pick(root, 'meals', 'lunch');
    await pick(root, 'meals', 'dinner');
    for (const day of ['1', '2', '3', '4', '5']) await pick(root, 'meal-days', day);
    await pick(root, 'diet', 'lowSalt');
    await pick(root, 'diet', 'soft');
    await userEvent.click(q(root, '#want-homeVisits'));
    await pick(root, 'visit-frequency', 'weekly');
    await userEvent.click(q(root, '#want-wristband'));
  },
  facts: async (_widget, root) => {
    await pick(root, 'lowIncome', 'yes');
    await pick(root, 'disability', 'no');
    await pick(root, 'specialCare', 'unsaid');
  },
  contact: async (_widget, root) => {
    await userEvent.type(q(root, '#contact-name'), '王强');
    await userEvent.type(q(root, '#contact-phone'), '13900002222');
    await userEvent.type(q(root, '#contact-relationship'), '儿子');
  },
  consent: async (_widget, root) => {
    await userEvent.click(q(root, '#consent-personal'));
    await userEvent.click(q(root, '#consent-health'));
  },
};
const ORDER = ['who', 'elder', 'services', 'facts', 'contact', 'consent', 'review'];

/** Fills every step before `step` and stops there. */
async function goTo(canvasElement: HTMLElement, step: string) {
  const { widget, root } = await widgetIn(canvasElement);
  await inState(widget, 'editing');
  for (const current of ORDER.slice(0, ORDER.indexOf(step))) {
    await at(widget, current);
    await fills[current]!(widget, root);
    await proceed(root);
  }
  await at(widget, step);
  return { widget, root };
}

/** Step 1: who is filling in the form (the elder, a relative, a steward). */
export const WhoIsApplying: Story = {
  name: 'Step 1 – who is applying',
  play: async ({ canvasElement }) => {
    const { widget } = await widgetIn(canvasElement);
    await at(widget, 'who');
  },
};

/** Continue pressed with nothing chosen: the summary (focused) and the inline error. */
export const StepErrors: Story = {
  name: 'Step errors',
  play: async ({ canvasElement }) => {
    const { widget, root } = await goTo(canvasElement, 'elder');
    await proceed(root);
    await waitFor(() => expect(root.querySelectorAll('[part="error-link"]').length).toBe(5));
    await expect(widget.getAttribute('step')).toBe('elder');
  },
};

/** Step 2: the elder, with the building from `<ds-area-picker>`. */
export const TheElder: Story = {
  name: 'Step 2 – the elder',
  play: async ({ canvasElement }) => {
    await goTo(canvasElement, 'elder');
  },
};

/** Step 3: the community's programs, each with its live estimate and prices; meals and visits chosen. */
export const Services: Story = {
  name: 'Step 3 – services and the estimate',
  play: async ({ canvasElement }) => {
    const { widget, root } = await goTo(canvasElement, 'services');
    await fills.services!(widget, root);
  },
};

/** The programs are on their way (here they never arrive). */
export const ServicesLoading: Story = {
  name: 'Step 3 – services loading',
  beforeEach: () => void (eldercareFakeSettings.programs = 'slow'),
  play: async ({ canvasElement }) => {
    const { root } = await goTo(canvasElement, 'services');
    await waitFor(() => expect(root.querySelector('[part="loading"]')).not.toBeNull());
  },
};

/** The programs could not be loaded: the failure and "try again". */
export const ServicesFailed: Story = {
  name: 'Step 3 – services failed',
  beforeEach: () => void (eldercareFakeSettings.programs = 'fail'),
  play: async ({ canvasElement }) => {
    const { root } = await goTo(canvasElement, 'services');
    await waitFor(() => expect(root.querySelector('[part="alert"]')).not.toBeNull());
  },
};

/** A community with nothing to apply for online yet: it says so, and where to go instead. */
export const NoServices: Story = {
  name: 'Step 3 – nothing offered',
  beforeEach: () => void (eldercareFakeSettings.programs = 'none'),
  play: async ({ canvasElement }) => {
    const { root } = await goTo(canvasElement, 'services');
    await waitFor(() => expect(root.querySelector('#services[part="notice"]')).not.toBeNull());
  },
};

/** Step 4: circumstances; the estimate below follows each answer (低保: free delivery, the ¥8 subsidy…). */
export const Circumstances: Story = {
  name: 'Step 4 – circumstances',
  play: async ({ canvasElement }) => {
    const { widget, root } = await goTo(canvasElement, 'facts');
    await fills.facts!(widget, root);
    await waitFor(() => expect(root.querySelector('#estimate-meals')?.textContent).toContain('免费'));
  },
};

/** Step 5: the emergency contact. */
export const EmergencyContact: Story = {
  name: 'Step 5 – emergency contact',
  play: async ({ canvasElement }) => {
    await goTo(canvasElement, 'contact');
  },
};

/** Step 6: consent, with the separate health consent still missing (diet and disability were given). */
export const Consent: Story = {
  name: 'Step 6 – consent',
  play: async ({ canvasElement }) => {
    const { root } = await goTo(canvasElement, 'consent');
    await userEvent.click(q(root, '#consent-personal'));
    await proceed(root);
    await waitFor(() => expect(root.querySelector('#consent-health-error')).not.toBeNull());
  },
};

/** Step 7: everything to check, a "Change" per section. */
export const Review: Story = {
  name: 'Step 7 – review',
  play: async ({ canvasElement }) => {
    await goTo(canvasElement, 'review');
  },
};

/** Sending (here the answer never comes). */
export const Sending: Story = {
  beforeEach: () => void (eldercareFakeSettings.apply = 'slow'),
  play: async ({ canvasElement }) => {
    const { widget, root } = await goTo(canvasElement, 'review');
    await proceed(root);
    await inState(widget, 'submitting');
  },
};

/** Sent: the reference code, "copy", "check progress", "apply for another elder". */
export const Sent: Story = {
  play: async ({ canvasElement }) => {
    const { widget, root } = await goTo(canvasElement, 'review');
    await proceed(root);
    await inState(widget, 'success');
  },
};

/** The server failed: everything is kept, "try sending again" uses the same key. */
export const SendFailed: Story = {
  name: 'Send failed',
  parameters: { fakeApi: { mode: 'server-error' } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => {
    const { widget, root } = await goTo(canvasElement, 'review');
    await proceed(root);
    await inState(widget, 'submit-error');
  },
};

/** No connection: the application waits on the device and is sent when the connection is back. */
export const WaitingOnDevice: Story = {
  name: 'Waiting on the device',
  parameters: { fakeApi: { mode: 'network-error' } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => {
    const { widget, root } = await goTo(canvasElement, 'review');
    await proceed(root);
    await inState(widget, 'queued');
  },
};

/** Back after a reload: the draft is restored (without the circumstances, diet and consents), with "clear". */
export const DraftRestored: Story = {
  name: 'Draft restored',
  beforeEach: () => {
    localStorage.setItem(
      'doorstep:draft:eldercare-signup',
      JSON.stringify({
        version: 1,
        savedAt: Date.now(),
        value: {
          step: 'elder',
          values: { role: 'steward', applicantName: '李建华', applicantPhone: '13700003333', applicantRelationship: '楼栋长', elderName: '赵德明', birthYear: '1940', area: 'b-4', room: '602', living: 'alone', wanted: ['homeVisits'], visitFrequency: 'biweekly' },
        },
      }),
    );
  },
  play: async ({ canvasElement }) => {
    const { widget, root } = await widgetIn(canvasElement);
    await at(widget, 'elder');
    await waitFor(() => expect(root.querySelector('[part="notice"]')?.textContent).toContain('恢复'));
  },
};

/** Status mode: the code and the last 4 digits, nothing entered yet. */
export const StatusCheck: Story = {
  name: 'Status check',
  args: { mode: 'status' },
  play: async ({ canvasElement }) => {
    const { widget } = await widgetIn(canvasElement);
    await inState(widget, 'status');
  },
};

/** An approved application: what was asked for, what was granted, from when. */
export const StatusApproved: Story = {
  name: 'Status – approved',
  args: { mode: 'status' },
  play: async ({ canvasElement }) => {
    const { widget, root } = await widgetIn(canvasElement);
    await inState(widget, 'status');
    await userEvent.type(q(root, '#status-code'), SAMPLE_STATUS.code);
    await userEvent.type(q(root, '#status-last4'), SAMPLE_STATUS.phoneLast4);
    await proceed(root);
    await waitFor(() => expect(root.querySelector('[part="status-result"]')).not.toBeNull());
  },
};

/** A rejected application, with the reason staff wrote for the applicant. */
export const StatusRejected: Story = {
  name: 'Status – not approved',
  args: { mode: 'status' },
  play: async ({ canvasElement }) => {
    const { widget, root } = await widgetIn(canvasElement);
    await inState(widget, 'status');
    await userEvent.type(q(root, '#status-code'), SAMPLE_STATUS.rejectedCode);
    await userEvent.type(q(root, '#status-last4'), '1111');
    await proceed(root);
    await waitFor(() => expect(root.querySelector('[part="status-result"]')?.textContent).toContain('户籍'));
  },
};

/** A wrong code or wrong digits: the same answer for both, from the server. */
export const StatusNotFound: Story = {
  name: 'Status – not found',
  args: { mode: 'status' },
  play: async ({ canvasElement }) => {
    const { widget, root } = await widgetIn(canvasElement);
    await inState(widget, 'status');
    await userEvent.type(q(root, '#status-code'), SAMPLE_STATUS.code);
    await userEvent.type(q(root, '#status-last4'), '0000');
    await proceed(root);
    await waitFor(() => expect(root.querySelector('.status-alert')).not.toBeNull());
  },
};
