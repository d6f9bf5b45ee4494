import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createTransport, type DoorstepClient } from '@doorstep/sdk';
import '../define/index.js';
import type { DsProvider } from '../provider/provider.js';
import { FakeAreasApi, ONE_COMMUNITY, fakeAreasClient } from '../test-support/fake-areas.js';
import type { AreaPickerChangeEvent, AreaPickerState, DsAreaPicker } from './area-picker.js';

interface Mounted {
  api: FakeAreasApi;
  picker: DsAreaPicker;
  root: ShadowRoot;
  form: HTMLFormElement;
}

interface MountOptions {
  api?: FakeAreasApi;
  client?: DoorstepClient;
  locale?: string;
  theme?: 'default' | 'elder' | 'dark';
  /** Attributes for the picker, e.g. `required`, `min-level="building"`. */
  attributes?: Record<string, string>;
  waitFor?: AreaPickerState;
}

/**
 * The picker paints no background of its own (it sits in the page's form, like a native select), so a
 * dark theme is checked on a dark page, as a portal that chose it would have.
 */
const PAGE_BACKGROUND = 'display: block; padding: 8px; background: var(--ds-color-background)';

/** A picker named "area" inside a plain `<form>` (with a submit button) inside a provider. */
async function mount(options: MountOptions = {}): Promise<Mounted> {
  const api = options.api ?? new FakeAreasApi();
  const provider = await fixture<DsProvider>(html`
    <ds-provider
      .client=${options.client ?? fakeAreasClient(api)}
      locale=${options.locale ?? 'zh-CN'}
      theme=${options.theme ?? 'default'}
      style=${PAGE_BACKGROUND}
    >
      <form>
        <ds-area-picker name="area"></ds-area-picker>
        <button type="submit">提交</button>
      </form>
    </ds-provider>
  `);
  const form = provider.querySelector('form')!;
  const picker = provider.querySelector('ds-area-picker')!;
  for (const [name, value] of Object.entries(options.attributes ?? {})) picker.setAttribute(name, value);
  const wanted = options.waitFor ?? 'ready';
  await waitUntil(() => picker.state === wanted, `picker never became ${wanted}`);
  await picker.updateComplete;
  return { api, picker, root: picker.shadowRoot!, form };
}

function $<T extends Element = HTMLElement>(root: ShadowRoot, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

function text(root: ShadowRoot, selector: string): string {
  return $(root, selector).textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function select(root: ShadowRoot, level: string): HTMLSelectElement {
  return $<HTMLSelectElement>(root, `#level-${level}`);
}

/** Chooses like a resident: sets a select and lets it fire `change`. */
async function choose(picker: DsAreaPicker, level: string, id: string): Promise<void> {
  const control = select(picker.shadowRoot!, level);
  control.value = id;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
  await picker.updateComplete;
}

async function chooseUnit(picker: DsAreaPicker): Promise<void> {
  await choose(picker, 'community', 'c-1');
  await choose(picker, 'compound', 'cp-1');
  await choose(picker, 'building', 'b-1');
  await choose(picker, 'unit', 'u-1-2');
}

function optionTexts(control: HTMLSelectElement): string[] {
  return [...control.options].map((option) => option.textContent!.trim());
}

describe('<ds-area-picker>', () => {
  describe('states', () => {
    // Default and elder as the issue asks; dark too, since portals can choose it.
    for (const theme of ['default', 'elder', 'dark'] as const) {
      it(`is accessible while loading (${theme} theme)`, async () => {
        const api = new FakeAreasApi();
        api.hold = true;
        const { picker, root } = await mount({ api, theme, waitFor: 'loading' });
        expect(picker.getAttribute('state')).to.equal('loading');
        expect(text(root, '[role="status"]')).to.contain('正在加载地址列表');
        expect(select(root, 'community').disabled).to.equal(true);
        await expect(picker).to.be.accessible();
        api.release();
        await waitUntil(() => picker.state === 'ready');
      });

      it(`is accessible when ready, empty and chosen (${theme} theme)`, async () => {
        const { picker, root } = await mount({ theme });
        expect(text(root, '[part="path"]')).to.equal('已选择： 尚未选择');
        await expect(picker).to.be.accessible();
        await chooseUnit(picker);
        await expect(picker).to.be.accessible();
      });

      it(`is accessible showing its error (${theme} theme)`, async () => {
        const { picker, root } = await mount({ theme, attributes: { required: '', 'min-level': 'building' } });
        await choose(picker, 'community', 'c-1');
        picker.reportValidity();
        await waitUntil(() => root.querySelector('[part="error"]'), 'no inline error');
        await expect(picker).to.be.accessible();
      });

      it(`is accessible when loading failed (${theme} theme)`, async () => {
        const api = new FakeAreasApi();
        api.failure = 500;
        const { picker } = await mount({ api, theme, waitFor: 'load-error' });
        await expect(picker).to.be.accessible();
      });

      it(`is accessible when disabled (${theme} theme)`, async () => {
        const { picker } = await mount({ theme, attributes: { disabled: '' } });
        await expect(picker).to.be.accessible();
      });
    }

    it('explains itself when no API is configured, and is accessible', async () => {
      const realError = console.error;
      console.error = () => {};
      try {
        const picker = await fixture<DsAreaPicker>(html`<ds-area-picker name="area" lang="zh-CN"></ds-area-picker>`);
        await picker.updateComplete;
        expect(picker.state).to.equal('unconfigured');
        expect(picker.getAttribute('state')).to.equal('unconfigured');
        expect(text(picker.shadowRoot!, '[part="notice"]')).to.contain('暂时无法使用');
        await expect(picker).to.be.accessible();
      } finally {
        console.error = realError;
      }
    });

    it('reports a load failure, says so in the page, and recovers on retry', async () => {
      const api = new FakeAreasApi();
      api.failure = 'network';
      const errorEvent = new Promise<CustomEvent>((resolve) =>
        document.addEventListener('ds-error', (event) => resolve(event as CustomEvent), { once: true }),
      );
      const { picker, root } = await mount({ api, waitFor: 'load-error' });
      const event = await errorEvent;
      expect(event.detail.phase).to.equal('load');
      expect(event.detail.error.name).to.equal('NetworkError');
      expect(text(root, '[role="alert"]')).to.contain('地址列表没能加载出来');
      api.failure = undefined;
      $<HTMLButtonElement>(root, '[part~="button"]').click();
      await waitUntil(() => picker.state === 'ready', 'retry did not load');
      expect(optionTexts(select(root, 'community'))).to.include('幸福里社区');
    });
  });

  describe('choosing', () => {
    it('cascades community → compound → building → unit and shows the whole path', async () => {
      const { picker, root } = await mount();
      expect(select(root, 'compound').disabled).to.equal(true);
      expect(optionTexts(select(root, 'compound'))).to.deep.equal(['请先选择社区']);
      // Communities in different subdistricts are grouped by subdistrict.
      const groups = [...select(root, 'community').querySelectorAll('optgroup')].map((group) => group.label);
      expect(groups).to.deep.equal(['和平街道', '东湖街道']);

      await choose(picker, 'community', 'c-1');
      expect(optionTexts(select(root, 'compound'))).to.deep.equal(['请选择', '幸福花园', '阳光小区']);
      await choose(picker, 'compound', 'cp-1');
      expect(optionTexts(select(root, 'building'))).to.deep.equal(['请选择', '1号楼', '2号楼']);
      await choose(picker, 'building', 'b-2');
      expect(select(root, 'unit').disabled).to.equal(true);
      expect(optionTexts(select(root, 'unit'))).to.deep.equal(['这栋楼不分单元']);
      await choose(picker, 'building', 'b-1');
      await choose(picker, 'unit', 'u-1-2');

      expect(picker.value).to.equal('u-1-2');
      expect(picker.pathText).to.equal('幸福里社区 › 幸福花园 › 1号楼 › 2单元');
      expect(picker.path.map((area) => area.id)).to.deep.equal(['c-1', 'cp-1', 'b-1', 'u-1-2']);
      expect(text(root, '[part="path"]')).to.equal('已选择： 幸福里社区 › 幸福花园 › 1号楼 › 2单元');
      expect($(root, '[aria-live="polite"]').textContent).to.equal('已选择：幸福里社区 › 幸福花园 › 1号楼 › 2单元');
      // The group's description includes the path, so entering the group reads where one is.
      expect($(root, 'fieldset').getAttribute('aria-describedby')).to.contain('path');
    });

    it('clears the narrower choices when a broader one changes', async () => {
      const { picker, root } = await mount();
      await chooseUnit(picker);
      await choose(picker, 'compound', 'cp-2');
      expect(picker.value).to.equal('cp-2');
      expect(select(root, 'building').value).to.equal('');
      expect(select(root, 'unit').disabled).to.equal(true);
      await choose(picker, 'community', '');
      expect(picker.value).to.equal('');
      expect(picker.path).to.deep.equal([]);
      expect($(root, '[aria-live="polite"]').textContent).to.equal('已清除所选位置');
    });

    it('fires input and change with the value and path, after the form has the new value', async () => {
      const { picker, form } = await mount();
      const seen: Array<{ type: string; value: string; path: string[]; formValue: FormDataEntryValue | null }> = [];
      for (const type of ['input', 'change']) {
        picker.addEventListener(type, (event) => {
          const { detail } = event as AreaPickerChangeEvent;
          seen.push({ type, value: detail.value, path: detail.path.map((area) => area.name), formValue: new FormData(form).get('area') });
        });
      }
      await choose(picker, 'community', 'c-2');
      expect(seen).to.deep.equal([
        { type: 'input', value: 'c-2', path: ['光明社区'], formValue: 'c-2' },
        { type: 'change', value: 'c-2', path: ['光明社区'], formValue: 'c-2' },
      ]);
    });

    it('shows a value set from script or markup, and resolves an id below `level` to its ancestor', async () => {
      const { picker, root } = await mount();
      picker.value = 'b-1';
      await picker.updateComplete;
      expect(select(root, 'community').value).to.equal('c-1');
      expect(select(root, 'compound').value).to.equal('cp-1');
      expect(select(root, 'building').value).to.equal('b-1');
      expect(picker.pathText).to.equal('幸福里社区 › 幸福花园 › 1号楼');
      picker.level = 'compound';
      picker.value = 'u-1-1';
      await picker.updateComplete;
      expect(root.querySelectorAll('select')).to.have.length(2);
      expect(picker.value).to.equal('cp-1');
      picker.value = 'no-such-area';
      await picker.updateComplete;
      expect(picker.value).to.equal('');
    });

    it('offers only the levels down to `level`', async () => {
      const { root } = await mount({ attributes: { level: 'building' } });
      expect([...root.querySelectorAll('label')].map((label) => label.textContent!.trim())).to.deep.equal(['社区', '小区', '楼栋']);
    });

    it('asks the API for the tree once for all the pickers on a page', async () => {
      const api = new FakeAreasApi();
      const client = fakeAreasClient(api);
      const provider = await fixture<DsProvider>(html`
        <ds-provider .client=${client}><ds-area-picker></ds-area-picker><ds-area-picker></ds-area-picker></ds-provider>
      `);
      const pickers = [...provider.querySelectorAll('ds-area-picker')];
      await waitUntil(() => pickers.every((picker) => picker.state === 'ready'));
      expect(api.calls).to.equal(1);
    });

    it('builds its own operations when the provider hands down only a transport (api-base)', async () => {
      const api = new FakeAreasApi();
      const source = { transport: createTransport({ baseUrl: 'http://doorstep.test', fetch: api.fetch as typeof fetch, retry: 0 }) };
      const { picker } = await mount({ api, client: source as unknown as DoorstepClient });
      await choose(picker, 'community', 'c-1');
      expect(picker.value).to.equal('c-1');
    });

    it('chooses the only community for a required picker', async () => {
      const api = new FakeAreasApi();
      api.tree = ONE_COMMUNITY;
      const { picker, form } = await mount({ api, attributes: { required: '' } });
      await waitUntil(() => picker.value === 'c-1');
      expect(new FormData(form).get('area')).to.equal('c-1');
    });

    it('speaks the page language', async () => {
      const { picker, root } = await mount({ locale: 'en' });
      expect([...root.querySelectorAll('label')].map((label) => label.textContent!.trim())).to.deep.equal([
        'Community',
        'Compound',
        'Building',
        'Unit',
      ]);
      expect(text(root, 'legend')).to.equal('Location (optional)');
      await chooseUnit(picker);
      expect(text(root, '[part="path"]')).to.equal('Chosen: 幸福里社区 › 幸福花园 › 1号楼 › 2单元');
    });

    it('takes its label and hint from attributes or slots', async () => {
      const { picker, root } = await mount({ attributes: { label: '老人住在哪里', hint: '请选到楼栋' } });
      expect(text(root, 'legend')).to.equal('老人住在哪里（选填）');
      expect($(root, 'fieldset').getAttribute('aria-describedby')).to.contain('hint');
      const slotted = document.createElement('span');
      slotted.slot = 'label';
      slotted.textContent = '您家的位置';
      picker.append(slotted);
      await picker.updateComplete;
      const slot = $<HTMLSlotElement>(root, 'slot[name="label"]');
      expect(slot.assignedNodes()[0]).to.equal(slotted);
    });
  });

  describe('in a plain <form>', () => {
    it('belongs to the form and submits the chosen id under its name', async () => {
      const { picker, form } = await mount();
      expect(picker.form).to.equal(form);
      await chooseUnit(picker);
      expect(new FormData(form).get('area')).to.equal('u-1-2');
      const submitted = new Promise<FormData>((resolve) =>
        form.addEventListener(
          'submit',
          (event) => {
            event.preventDefault();
            resolve(new FormData(form));
          },
          { once: true },
        ),
      );
      form.requestSubmit();
      expect((await submitted).get('area')).to.equal('u-1-2');
    });

    it('when required, blocks the submit with a localized message at the first select', async () => {
      const { picker, form, root } = await mount({ attributes: { required: '' } });
      let submits = 0;
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        submits++;
      });
      expect(picker.validity.valueMissing).to.equal(true);
      expect(picker.validationMessage).to.equal('请选择社区');
      expect(form.checkValidity()).to.equal(false);
      form.requestSubmit();
      expect(submits).to.equal(0);
      expect(form.reportValidity()).to.equal(false);
      await waitUntil(() => root.querySelector('[part="error"]'), 'no inline error');
      expect(text(root, '[part="error"]')).to.equal('错误：请选择社区');
      expect(select(root, 'community').getAttribute('aria-invalid')).to.equal('true');
      expect(select(root, 'community').getAttribute('aria-describedby')).to.equal('error');

      await choose(picker, 'community', 'c-1');
      expect(root.querySelector('[part="error"]')).to.equal(null);
      expect(form.checkValidity()).to.equal(true);
      form.requestSubmit();
      expect(submits).to.equal(1);
    });

    it('with min-level, needs a choice that precise and says so at the select to fix', async () => {
      const { picker, root } = await mount({ attributes: { 'min-level': 'building' } });
      // Not required: nothing chosen is fine…
      expect(picker.checkValidity()).to.equal(true);
      // …but a choice must go down to the building.
      await choose(picker, 'community', 'c-1');
      await choose(picker, 'compound', 'cp-1');
      expect(picker.validity.rangeUnderflow).to.equal(true);
      expect(picker.validationMessage).to.equal('请选到楼栋');
      expect(picker.reportValidity()).to.equal(false);
      await waitUntil(() => root.querySelector('[part="error"]'));
      expect(select(root, 'building').getAttribute('aria-invalid')).to.equal('true');
      expect(select(root, 'compound').getAttribute('aria-invalid')).to.equal('false');
      // Units are optional below the building.
      expect(text(root, 'label[for="level-unit"]')).to.equal('单元');
      await choose(picker, 'building', 'b-2');
      expect(picker.checkValidity()).to.equal(true);
      expect(root.querySelector('[part="error"]')).to.equal(null);
    });

    it('marks the levels below min-level optional when required', async () => {
      const { root } = await mount({ attributes: { required: '', 'min-level': 'building' } });
      expect(text(root, 'label[for="level-building"]')).to.equal('楼栋');
      expect(text(root, 'label[for="level-unit"]')).to.equal('单元（选填）');
      expect(text(root, 'legend')).to.equal('所在位置');
    });

    it('shows no inline error when the form cancels the invalid event (it shows its own)', async () => {
      const { picker, root } = await mount({ attributes: { required: '' } });
      picker.addEventListener('invalid', (event) => event.preventDefault());
      expect(picker.checkValidity()).to.equal(false);
      await new Promise((resolve) => setTimeout(resolve));
      await picker.updateComplete;
      expect(root.querySelector('[part="error"]')).to.equal(null);
    });

    it('takes a custom validity message like a native control', async () => {
      const { picker, root } = await mount();
      await choose(picker, 'community', 'c-3');
      picker.setCustomValidity('东湖社区暂不接受预约');
      expect(picker.validity.customError).to.equal(true);
      expect(picker.reportValidity()).to.equal(false);
      await waitUntil(() => root.querySelector('[part="error"]'));
      expect(text(root, '[part="error"]')).to.contain('东湖社区暂不接受预约');
      picker.setCustomValidity('');
      expect(picker.checkValidity()).to.equal(true);
    });

    it('goes back to its initial value on reset', async () => {
      const { picker, form, root } = await mount({ attributes: { value: 'cp-2', required: '' } });
      await waitUntil(() => picker.pathText === '幸福里社区 › 阳光小区');
      await chooseUnit(picker);
      picker.reportValidity();
      form.reset();
      await picker.updateComplete;
      expect(picker.value).to.equal('cp-2');
      expect(select(root, 'compound').value).to.equal('cp-2');
      expect(select(root, 'building').value).to.equal('');
      expect(new FormData(form).get('area')).to.equal('cp-2');
    });

    it('follows a disabled fieldset: not submitted, not validated, selects disabled', async () => {
      const { picker, form, root } = await mount({ attributes: { required: '' } });
      await choose(picker, 'community', 'c-1');
      const fieldset = document.createElement('fieldset');
      form.prepend(fieldset);
      fieldset.append(picker);
      await waitUntil(() => picker.state === 'ready');
      fieldset.disabled = true;
      await picker.updateComplete;
      expect(new FormData(form).has('area')).to.equal(false);
      expect($<HTMLFieldSetElement>(root, 'fieldset').disabled).to.equal(true);
      expect(select(root, 'community').matches(':disabled')).to.equal(true);
      fieldset.disabled = false;
      await picker.updateComplete;
      expect(new FormData(form).get('area')).to.equal('c-1');
    });

    it('restores a saved value (back/forward navigation, autofill)', async () => {
      const { picker, root } = await mount();
      picker.formStateRestoreCallback('b-4');
      await picker.updateComplete;
      expect(select(root, 'compound').value).to.equal('cp-2');
      expect(picker.value).to.equal('b-4');
    });

    it('is labelable, and focus() goes to the select that needs attention', async () => {
      const { picker, root } = await mount({ attributes: { required: '', 'min-level': 'compound' } });
      await choose(picker, 'community', 'c-1');
      picker.focus();
      expect(root.activeElement?.id).to.equal('level-compound');
      const label = document.createElement('label');
      label.htmlFor = 'picker';
      picker.id = 'picker';
      picker.before(label);
      expect([...picker.labels]).to.deep.equal([label]);
    });
  });

  describe('keyboard', () => {
    it('can be chosen and submitted with the keyboard alone', async () => {
      const { picker, form, root } = await mount();
      const submitted = new Promise<FormData>((resolve) =>
        form.addEventListener(
          'submit',
          (event) => {
            event.preventDefault();
            resolve(new FormData(form));
          },
          { once: true },
        ),
      );
      const before = document.createElement('button');
      before.textContent = 'before';
      form.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(root.activeElement?.id).to.equal('level-community');
      await sendKeys({ press: 'ArrowDown' });
      await picker.updateComplete;
      await sendKeys({ press: 'Tab' });
      expect(root.activeElement?.id).to.equal('level-compound');
      await sendKeys({ press: 'ArrowDown' });
      await picker.updateComplete;
      await sendKeys({ press: 'Tab' });
      expect(root.activeElement?.id).to.equal('level-building');
      await sendKeys({ press: 'ArrowDown' });
      await picker.updateComplete;
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await picker.updateComplete;
      expect(picker.pathText).to.equal('幸福里社区 › 幸福花园 › 1号楼 › 2单元');
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement?.textContent).to.equal('提交');
      await sendKeys({ press: 'Enter' });
      expect((await submitted).get('area')).to.equal('u-1-2');
    });
  });

  describe('elder theme', () => {
    it('uses text of at least 18px and selects at least 60px tall', async () => {
      const { root } = await mount({ theme: 'elder' });
      for (const selector of ['.label', 'select', '.path', 'legend']) {
        expect(parseFloat(getComputedStyle($(root, selector)).fontSize), selector).to.be.at.least(18);
      }
      expect(select(root, 'community').getBoundingClientRect().height).to.be.at.least(60);
    });

    it('gives the default theme selects at least 44px tall', async () => {
      const { root } = await mount();
      expect(select(root, 'community').getBoundingClientRect().height).to.be.at.least(44);
    });
  });
});

