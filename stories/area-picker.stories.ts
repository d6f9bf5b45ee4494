import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { createClient } from '@doorstep/sdk';
import type { DsAreaPicker } from '@doorstep/components';
import { BASE_URL, type FakeApiOptions } from './support/fake-api.js';
import { element, renderElement } from './support/element.js';

/**
 * `<ds-area-picker>`: community › compound › building › unit, as cascading native selects. It is a
 * form-associated element: inside any `<form>` it submits the chosen id under its `name`. The choices are
 * the reference server's sample district (stories/support/fake-requests.ts).
 */
const meta = {
  title: 'Widgets/Area picker',
  component: 'ds-area-picker',
  tags: ['autodocs'],
  render: renderElement('ds-area-picker'),
  args: { name: 'area' },
  parameters: {
    fakeApi: { mode: 'ok' } satisfies FakeApiOptions,
    docs: {
      description: {
        component:
          'Choose a place in the area hierarchy. Works inside a host page’s own `<form>` (FormData, `required`, ' +
          '`reportValidity()`, reset, disabled fieldsets). `level` is the most precise level offered, `min-level` the ' +
          'least precise accepted.',
      },
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

async function pickerIn(canvasElement: HTMLElement, state: DsAreaPicker['state'] = 'ready') {
  const picker = canvasElement.querySelector<DsAreaPicker>('ds-area-picker');
  if (!picker) throw new Error('ds-area-picker is not in the canvas');
  await waitFor(() => expect(picker.getAttribute('state')).toBe(state), { timeout: 5000 });
  return { picker, root: picker.shadowRoot! };
}

async function choose(root: ShadowRoot, level: string, id: string) {
  const select = root.querySelector<HTMLSelectElement>(`#level-${level}`)!;
  await waitFor(() => expect(select.disabled).toBe(false));
  await userEvent.selectOptions(select, id);
}

/** A provider of its own inside the story, keeping the toolbar's language and theme. */
function ownProvider(context: StoryContext, client: unknown, content: unknown) {
  const { locale, theme } = context.globals as { locale?: string; theme?: string };
  return html`<ds-provider .client=${client} locale=${locale ?? 'zh-CN'} theme=${theme ?? 'default'}>${content}</ds-provider>`;
}

/** Ready, nothing chosen: only the community select is open; the others say what to choose first. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    await pickerIn(canvasElement);
  },
};

/** Chosen down to a unit: the whole path is shown under the selects (and was announced). */
export const Chosen: Story = {
  play: async ({ canvasElement }) => {
    const { picker, root } = await pickerIn(canvasElement);
    await choose(root, 'community', 'c-1');
    await choose(root, 'compound', 'cp-1');
    await choose(root, 'building', 'b-1');
    await choose(root, 'unit', 'u-1-2');
    await expect(picker.pathText).toBe('幸福里社区 › 幸福花园 › 1号楼 › 2单元');
  },
};

/** Set from markup: `value="b-8"` opens at 幸福里社区 › 和谐家园 › 5号楼. */
export const WithValue: Story = {
  name: 'With a value',
  args: { value: 'b-8' },
  play: async ({ canvasElement }) => {
    const { picker } = await pickerIn(canvasElement);
    await waitFor(() => expect(picker.pathText).toBe('幸福里社区 › 和谐家园 › 5号楼'));
  },
};

/**
 * Elder-care signup: the building is needed (`required min-level="building" level="building"`), with a
 * label and hint of the page's own. Checked with only a community chosen: the message sits at the select to fix.
 */
export const Invalid: Story = {
  name: 'Required to the building, invalid',
  args: { name: 'building', required: true, level: 'building', 'min-level': 'building' },
  render: (args) =>
    element(
      'ds-area-picker',
      args,
      html`<span slot="label">老人住在哪里</span>
        <span slot="hint">请选到楼栋，方便上门服务的工作人员找到。</span>`,
    ),
  play: async ({ canvasElement }) => {
    const { picker, root } = await pickerIn(canvasElement);
    await choose(root, 'community', 'c-1');
    picker.reportValidity();
    await waitFor(() => expect(root.querySelector('[part="error"]')).not.toBeNull());
  },
};

/** In a plain HTML `<form>`: submitting shows what the form would send. Reset goes back to nothing. */
export const InAForm: Story = {
  name: 'Inside a plain <form>',
  args: { required: true, level: 'building' },
  render: (args) => html`<form
    style="display: grid; gap: 16px; max-width: 42rem"
    @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      form.querySelector('output')!.value = `area=${new FormData(form).get('area')}`;
    }}
  >
    ${element('ds-area-picker', args)}
    <div style="display: flex; gap: 12px">
      <button type="submit" style="min-height: 44px">提交</button>
      <button type="reset" style="min-height: 44px">重置</button>
    </div>
    <output aria-live="polite"></output>
  </form>`,
  play: async ({ canvasElement }) => {
    const { root } = await pickerIn(canvasElement);
    await choose(root, 'community', 'c-2');
    await choose(root, 'compound', 'cp-5');
    await userEvent.click(canvasElement.querySelector('button[type="submit"]')!);
    await waitFor(() => expect(canvasElement.querySelector('output')!.textContent).toBe('area=cp-5'));
  },
};

/** Inside a disabled `<fieldset>`: not usable, not submitted, not validated. */
export const Disabled: Story = {
  args: { value: 'b-4' },
  render: (args) => html`<form>
    <fieldset disabled style="border: 0; padding: 0; margin: 0">${element('ds-area-picker', args)}</fieldset>
  </form>`,
  play: async ({ canvasElement }) => {
    const { root } = await pickerIn(canvasElement);
    await expect(root.querySelector('fieldset')!.disabled).toBe(true);
  },
};

/** The area tree is on its way (here it never arrives). */
export const Loading: Story = {
  parameters: { fakeApi: { mode: 'loading' } satisfies FakeApiOptions },
  play: async ({ canvasElement }) => {
    await pickerIn(canvasElement, 'loading');
  },
};

/** The area tree could not be loaded: the reason and a retry. */
export const LoadError: Story = {
  name: 'Load error',
  render: (args, context) =>
    ownProvider(
      context,
      createClient({ baseUrl: BASE_URL, retry: 0, fetch: () => Promise.reject(new TypeError('Failed to fetch')) }),
      element('ds-area-picker', args),
    ),
  play: async ({ canvasElement }) => {
    const { root } = await pickerIn(canvasElement, 'load-error');
    await expect(root.querySelector('[role="alert"]')).not.toBeNull();
  },
};

/** No API configured: a localized notice (and a console message for the developer). */
export const Unconfigured: Story = {
  render: (args, context) => ownProvider(context, undefined, element('ds-area-picker', args)),
  play: async ({ canvasElement }) => {
    await pickerIn(canvasElement, 'unconfigured');
  },
};
