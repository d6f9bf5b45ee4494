import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Area, AreaLevel, AreaNode } from '@doorstep/sdk';
import { areasResource } from '@doorstep/sdk/resources/areas.js';
import type { ClientOf } from '../base/api-client.js';
import { DoorstepElement } from '../base/doorstep-element.js';
import type { KeyOf } from '../locales/index.js';
import { areaPickerMessages } from './area-picker.messages.js';
import { areaPickerStyles } from './area-picker.styles.js';

/** The levels a resident can pick, broadest first. */
export const PICKER_LEVELS = ['community', 'compound', 'building', 'unit'] as const satisfies readonly AreaLevel[];
export type PickerLevel = (typeof PICKER_LEVELS)[number];

/** Where the picker is: `unconfigured` (no API), `loading` the area tree, `load-error`, or `ready`. */
export type AreaPickerState = 'unconfigured' | 'loading' | 'load-error' | 'ready';

/** `detail` of the picker's `input` and `change` events. */
export interface AreaPickerDetail {
  /** The chosen area's id (the most precise level chosen), or `''`. */
  value: string;
  /** The chosen areas from the community down, e.g. 幸福里社区 › 幸福花园 › 1号楼. */
  path: Area[];
}

/** The picker's `input` and `change` events: plain events with the choice in `detail` too. */
export type AreaPickerChangeEvent = CustomEvent<AreaPickerDetail>;

/** Shown between the names of a path: 幸福里社区 › 幸福花园 › 1号楼 › 2单元. */
export const PATH_SEPARATOR = ' › ';

/** The SDK operations the picker uses. */
const areaPickerResources = { areas: areasResource };
type AreaPickerClient = ClientOf<typeof areaPickerResources>;

// One request for the tree per client, however many pickers a page has (a report form and an
// eldercare signup side by side: under one provider they share one `areas` resource). A failure is
// forgotten, so "try again" asks again.
const trees = new WeakMap<AreaPickerClient['areas'], Promise<AreaNode[]>>();
function loadTree({ areas }: AreaPickerClient): Promise<AreaNode[]> {
  let tree = trees.get(areas);
  if (!tree) {
    tree = areas.list();
    trees.set(areas, tree);
    tree.catch(() => trees.delete(areas));
  }
  return tree;
}

/**
 * Starts loading the area tree that pickers using `client` will show. A widget that renders its picker
 * only once its own data has arrived calls this as it asks for that data, so both requests go out
 * together instead of one after the other.
 */
export function preloadAreaTree(client: AreaPickerClient): void {
  void loadTree(client).catch(() => {
    // The picker asks again when it is shown, and reports a failure then.
  });
}

function levelIndex(level: string | undefined, fallback: number): number {
  const index = PICKER_LEVELS.indexOf(level as PickerLevel);
  return index === -1 ? fallback : index;
}

/** The nodes from a root down to the node with `id`, or `undefined` when the tree has no such node. */
function trail(nodes: readonly AreaNode[], id: string): AreaNode[] | undefined {
  for (const node of nodes) {
    if (node.id === id) return [node];
    const below = trail(node.children, id);
    if (below) return [node, ...below];
  }
  return undefined;
}

/** Every community in the tree, with the name of the area above it (its subdistrict) to group them by. */
function communitiesOf(nodes: readonly AreaNode[], group = ''): Array<{ node: AreaNode; group: string }> {
  return nodes.flatMap((node) =>
    node.level === 'community' ? [{ node, group }] : communitiesOf(node.children, node.name),
  );
}

function withoutChildren({ id, parentId, level, name }: AreaNode): Area {
  return { id, parentId, level, name };
}

/**
 * @summary Choose a place — community › compound › building › unit — with cascading native selects. A
 * form-associated element: inside any `<form>` it submits the chosen area's id under its `name`, takes
 * part in validation and reset, and follows a disabled `<fieldset>`.
 *
 * The tree comes from the Doorstep API (`client.areas.list()`), once per client however many pickers a
 * page holds. The whole chosen path is shown under the selects and announced politely when it changes.
 *
 * @slot label - The group's label (the legend). Default: the `label` attribute, else "所在位置".
 * @slot hint - A hint under the label, e.g. "请选到楼栋，方便工作人员上门". Default: the `hint` attribute.
 *
 * @event input - The choice changed (every select change). `detail` is `{ value, path }`; `picker.value` too.
 * @event change - The choice changed. `detail` is `{ value, path }`; read `picker.value` / `picker.path` as well.
 * @event ds-error - The area tree could not be loaded. `detail` is `{ phase: 'load', error }` (an SDK error).
 *
 * @csspart fieldset - The group around everything.
 * @csspart legend - The group's label.
 * @csspart hint - The hint under the label.
 * @csspart error - The inline error message, shown after the form is checked.
 * @csspart levels - The row (or column) of selects.
 * @csspart field - One level: its label and select.
 * @csspart label - A level's label (社区, 小区, 楼栋, 单元).
 * @csspart select - A level's select.
 * @csspart path - The chosen path under the selects.
 * @csspart loading - The "loading the list of places" line.
 * @csspart alert - The load failure with its retry button.
 * @csspart button - The retry button.
 * @csspart notice - The "not configured" message.
 *
 * @cssprop --ds-font-size-body - Text of labels and selects (16px; 20px elder).
 * @cssprop --ds-font-size-small - The hint (14px; 18px elder).
 * @cssprop --ds-font-size-large - The legend (18px; 22px elder).
 * @cssprop --ds-color-border - Select borders.
 * @cssprop --ds-color-surface - The path's background and disabled selects.
 * @cssprop --ds-color-danger - The error.
 * @cssprop --ds-color-focus - The focus ring.
 * @cssprop --ds-target-size - Height of the selects (44px; 60px elder).
 *
 * @example
 * <form action="/signup">
 *   <ds-area-picker name="building" required min-level="building" level="building" label="老人住在哪里"></ds-area-picker>
 *   <button>提交</button>
 * </form>
 */
export class DsAreaPicker extends DoorstepElement<KeyOf<typeof areaPickerMessages>, typeof areaPickerResources> {
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = areaPickerStyles;
  protected readonly tagLabel = 'ds-area-picker';
  protected override readonly messages = areaPickerMessages;
  protected override readonly resources = areaPickerResources;

  /** The name the chosen id is submitted under. */
  @property({ reflect: true }) name = '';

  /**
   * The chosen area's id: the most precise level chosen (a unit, building, compound or community), or `''`.
   * The `value` attribute is the initial (and reset) value; the property is the current one.
   */
  @property() value = '';

  /** A choice is needed (at least down to `min-level`). */
  @property({ type: Boolean, reflect: true }) required = false;

  /** Not usable and not submitted. A disabled `<fieldset>` around the picker does the same. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** The most precise level offered: `community`, `compound`, `building` or `unit` (default). */
  @property({ reflect: true }) level: PickerLevel = 'unit';

  /**
   * The least precise choice accepted (default `community`): with `building`, choosing only a compound is
   * not enough. Applies whenever something is chosen; with `required`, also when nothing is.
   */
  @property({ attribute: 'min-level', reflect: true }) minLevel: PickerLevel = 'community';

  /** The group's label text (or use the `label` slot). */
  @property() label?: string;

  /** A hint under the label (or use the `hint` slot). */
  @property() hint?: string;

  @state() private phase: Exclude<AreaPickerState, 'unconfigured'> = 'loading';
  @state() private tree?: AreaNode[];
  @state() private chain: AreaNode[] = [];
  @state() private formDisabled = false;
  @state() private showError = false;
  @state() private announcement = '';
  @state() private hasHint = false;
  @state() private customMessage = '';

  @query('.levels') private levelsElement?: HTMLElement;

  private readonly internals: ElementInternals = this.attachInternals();
  private loadedClient?: AreaPickerClient;

  constructor() {
    super();
    this.addEventListener('invalid', (event) => {
      // Like a native control's bubble: the message shows unless a listener cancels the event (e.g. a
      // form that shows its own error summary). Checked after every listener has run.
      queueMicrotask(() => {
        if (!event.defaultPrevented) this.showError = true;
      });
    });
  }

  // ── public API ──────────────────────────────────────────────────────────────────────────────────

  /** `unconfigured`, `loading`, `load-error` or `ready`. Also reflected as the `state` attribute. */
  get state(): AreaPickerState {
    return this.client ? this.phase : 'unconfigured';
  }

  /** The chosen areas from the community down to {@link value} (empty when nothing is chosen). */
  get path(): Area[] {
    return this.chain.map(withoutChildren);
  }

  /** The chosen path as text: "幸福里社区 › 幸福花园 › 1号楼 › 2单元" (empty when nothing is chosen). */
  get pathText(): string {
    return this.chain.map((node) => node.name).join(PATH_SEPARATOR);
  }

  /** The `<form>` the picker belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The `<label>`s that point at the picker. */
  get labels(): NodeList {
    return this.internals.labels;
  }

  /** Like a native control's `type`. */
  get type(): string {
    return this.localName;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The localized reason the choice is not acceptable, or `''`. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /** Whether the choice is acceptable; if not, fires `invalid` (which shows the inline error unless cancelled). */
  checkValidity(): boolean {
    this.syncForm();
    return this.internals.checkValidity();
  }

  /** Like {@link checkValidity}, and the browser also shows its message at the select to fix. */
  reportValidity(): boolean {
    this.syncForm();
    return this.internals.reportValidity();
  }

  /** Marks the choice invalid with your own message (`''` clears it), like a native control. */
  setCustomValidity(message: string): void {
    this.customMessage = message;
    if (this.syncForm()) this.showError = false;
  }

  /** Focuses the select that needs attention: the first level still to choose, else the first. */
  override focus(options?: FocusOptions): void {
    const target = this.anchor() ?? this.selects().find((select) => !select.disabled);
    if (target) target.focus(options);
    else super.focus(options);
  }

  /** Tries to load the area tree again after a failure. */
  retry(): void {
    const client = this.client;
    if (!client) return;
    this.phase = 'loading';
    void this.load(client);
  }

  // ── form participation ──────────────────────────────────────────────────────────────────────────

  formResetCallback(): void {
    this.showError = false;
    this.announcement = '';
    this.value = this.getAttribute('value') ?? '';
    this.chain = this.resolve(this.value);
    this.syncForm();
  }

  formStateRestoreCallback(saved: string | File | FormData | null): void {
    if (typeof saved === 'string') this.value = saved;
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  // ── lifecycle ───────────────────────────────────────────────────────────────────────────────────

  override connectedCallback(): void {
    super.connectedCallback();
    // Validity before the first render too: a required picker is missing a value from the start.
    this.syncForm();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadedClient = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Asked before this render rather than after it: the request is under way while the page lays out.
    const client = this.client;
    if (client && client !== this.loadedClient) void this.load(client);
    if (this.tree && (changed.has('value') || changed.has('tree') || changed.has('level'))) {
      this.chain = this.resolve(this.value);
      this.value = this.chain.at(-1)?.id ?? '';
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.setAttribute('state', this.state);
    // The options' `selected` attributes do not move a select the user has touched; set each one.
    this.selects().forEach((select, index) => {
      select.value = this.chain[index]?.id ?? '';
    });
    this.syncForm();
  }

  private async load(client: AreaPickerClient): Promise<void> {
    this.loadedClient = client;
    if (!this.tree) this.phase = 'loading';
    try {
      const tree = await loadTree(client);
      if (client !== this.loadedClient) return;
      this.tree = tree;
      this.phase = 'ready';
      // A portal for one community: that choice is made already when a choice is needed anyway.
      const communities = communitiesOf(tree);
      if (this.required && !this.value && communities.length === 1) this.value = communities[0]!.node.id;
    } catch (error) {
      if (client !== this.loadedClient) return;
      if (!this.tree) this.phase = 'load-error';
      this.emit('ds-error', { phase: 'load', error });
    }
  }

  // ── derived ─────────────────────────────────────────────────────────────────────────────────────

  /** The levels offered, community down to `level`. */
  private get levels(): readonly PickerLevel[] {
    return PICKER_LEVELS.slice(0, levelIndex(this.level, PICKER_LEVELS.length - 1) + 1);
  }

  /** The index of the least precise level accepted (never deeper than the levels offered). */
  private get minIndex(): number {
    return Math.min(levelIndex(this.minLevel, 0), this.levels.length - 1);
  }

  private get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  /** The chain of offered levels leading to `id`: an id deeper than `level` resolves to its ancestor there. */
  private resolve(id: string): AreaNode[] {
    if (!id || !this.tree) return [];
    const levels = this.levels as readonly string[];
    const found = trail(this.tree, id)?.filter((node) => levels.includes(node.level)) ?? [];
    // A valid chain starts at a community and goes one level at a time.
    return found.every((node, index) => node.level === levels[index]) ? found : [];
  }

  private optionsAt(index: number): AreaNode[] {
    if (!this.tree) return [];
    if (index === 0) return communitiesOf(this.tree).map((community) => community.node);
    const parent = this.chain[index - 1];
    return parent ? parent.children.filter((child) => child.level === this.levels[index]) : [];
  }

  private selects(): HTMLSelectElement[] {
    return [...(this.levelsElement?.querySelectorAll('select') ?? [])];
  }

  /** The select a resident should go to when the choice is not acceptable. */
  private anchor(): HTMLSelectElement | undefined {
    if (!this.problem()) return undefined;
    const selects = this.selects();
    for (let index = Math.min(this.chain.length, selects.length - 1); index >= 0; index--) {
      if (!selects[index]!.disabled) return selects[index];
    }
    return undefined;
  }

  /** What makes the current choice unacceptable, with its message, or `undefined`. */
  private problem(): { flags: ValidityStateFlags; message: string } | undefined {
    if (this.customMessage) return { flags: { customError: true }, message: this.customMessage };
    const message = this.t(`error.${this.levels[this.minIndex]!}`);
    if (!this.value) return this.required ? { flags: { valueMissing: true }, message } : undefined;
    // Before the tree arrives the value cannot be checked; the server checks it anyway.
    if (!this.tree) return undefined;
    return this.chain.length <= this.minIndex ? { flags: { rangeUnderflow: true }, message } : undefined;
  }

  /** Hands the form the current value and validity (synchronously, so `input`/`change` listeners see them). */
  private syncForm(): boolean {
    this.internals.setFormValue(this.value, this.value);
    const problem = this.problem();
    if (problem) this.internals.setValidity(problem.flags, problem.message, this.anchor());
    else this.internals.setValidity({});
    return !problem;
  }

  // ── input ───────────────────────────────────────────────────────────────────────────────────────

  private handleSelect(index: number, event: Event): void {
    event.stopPropagation();
    const id = (event.target as HTMLSelectElement).value;
    const node = this.optionsAt(index).find((option) => option.id === id);
    this.chain = [...this.chain.slice(0, index), ...(node ? [node] : [])];
    this.value = this.chain.at(-1)?.id ?? '';
    this.announcement = this.chain.length
      ? this.t('path.announce', { path: this.pathText })
      : this.t('path.cleared');
    // The inline error goes as soon as the choice is acceptable (its message follows the choice until then).
    if (this.syncForm()) this.showError = false;
    const detail: AreaPickerDetail = { value: this.value, path: this.path };
    this.dispatchEvent(new CustomEvent('input', { detail, bubbles: true, composed: true }));
    this.dispatchEvent(new CustomEvent('change', { detail, bubbles: true }));
  }

  private handleHintSlotChange = (event: Event): void => {
    const slot = event.target as HTMLSlotElement;
    this.hasHint = slot.assignedNodes({ flatten: true }).some((node) => node.textContent?.trim());
  };

  // ── render ──────────────────────────────────────────────────────────────────────────────────────

  protected override render() {
    const state = this.state;
    const problem = this.showError ? this.problem() : undefined;
    const hinted = this.hasHint || Boolean(this.hint?.trim());
    const describedBy = [hinted ? 'hint' : '', problem ? 'error' : '', state === 'ready' ? 'path' : ''].filter(Boolean);
    const levels = this.levels;
    const anchorIndex = problem ? Math.min(this.chain.length, levels.length - 1) : -1;
    return html`<fieldset
      part="fieldset"
      class="fieldset ${problem ? 'fieldset--invalid' : ''}"
      lang=${this.locale}
      aria-describedby=${describedBy.join(' ') || nothing}
      aria-busy=${state === 'loading' ? 'true' : 'false'}
      ?disabled=${this.isDisabled}
    >
      <legend part="legend" class="legend">
        <slot name="label">${this.label ?? this.t('picker.label')}</slot>${this.required
          ? nothing
          : html`<span class="optional">${this.t('form.optional')}</span>`}
      </legend>
      <p part="hint" class="hint ${hinted ? '' : 'hint--empty'}" id="hint">
        <slot name="hint" @slotchange=${this.handleHintSlotChange}>${this.hint ?? nothing}</slot>
      </p>
      ${problem
        ? html`<p part="error" class="error" id="error">
            <span class="visually-hidden">${this.t('error.prefix')}</span>${problem.message}
          </p>`
        : nothing}
      ${state === 'unconfigured'
        ? this.renderNotConfigured()
        : html`<div part="levels" class="levels levels--${levels.length}">
            ${levels.map((level, index) => this.renderLevel(level, index, index === anchorIndex))}
          </div>`}
      ${state === 'loading'
        ? html`<p part="loading" class="status" role="status">
            <span class="spinner" aria-hidden="true"></span><span>${this.t('picker.loading')}</span>
          </p>`
        : nothing}
      ${state === 'load-error'
        ? html`<div part="alert" class="alert" role="alert">
            <p>${this.t('picker.loadFailed')}</p>
            <button part="button" class="button" type="button" @click=${() => this.retry()}>
              ${this.t('picker.retry')}
            </button>
          </div>`
        : nothing}
      ${state === 'ready' ? this.renderPath() : nothing}
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    </fieldset>`;
  }

  private renderLevel(level: PickerLevel, index: number, invalid: boolean) {
    const options = this.optionsAt(index);
    const selected = this.chain[index]?.id ?? '';
    const optional = this.required && index > this.minIndex;
    const id = `level-${level}`;
    let placeholder: string;
    if (this.state !== 'ready') placeholder = this.t('placeholder.loading');
    else if (index > 0 && !this.chain[index - 1]) placeholder = this.t(`placeholder.after.${level as Exclude<PickerLevel, 'community'>}`);
    else if (index > 0 && options.length === 0) placeholder = this.t(`placeholder.none.${level as Exclude<PickerLevel, 'community'>}`);
    else placeholder = this.t('select.placeholder');
    // Communities in several subdistricts are grouped under the subdistrict's name.
    const groups = index === 0 && this.tree ? communitiesOf(this.tree) : [];
    const groupNames = [...new Set(groups.map((group) => group.group))];
    const renderOptions = (nodes: readonly AreaNode[]) =>
      nodes.map((node) => html`<option value=${node.id} ?selected=${node.id === selected}>${node.name}</option>`);
    return html`<div part="field" class="field">
      <label part="label" class="label" for=${id}>
        ${this.t(`level.${level}`)}${optional ? html`<span class="optional">${this.t('form.optional')}</span>` : nothing}
      </label>
      <select
        part="select"
        class="select"
        id=${id}
        ?disabled=${this.state !== 'ready' || options.length === 0}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? 'error' : nothing}
        @change=${(event: Event) => this.handleSelect(index, event)}
        @input=${(event: Event) => event.stopPropagation()}
      >
        <option value="" ?selected=${!selected}>${placeholder}</option>
        ${groupNames.length > 1
          ? groupNames.map(
              (name) =>
                html`<optgroup label=${name}>
                  ${renderOptions(groups.filter((group) => group.group === name).map((group) => group.node))}
                </optgroup>`,
            )
          : renderOptions(options)}
      </select>
    </div>`;
  }

  private renderPath() {
    const chosen = this.chain.length > 0;
    return html`<p part="path" class="path ${chosen ? '' : 'path--empty'}" id="path">
      <span class="path-label">${this.t('path.label')}</span>
      <span class="path-value">${chosen ? this.pathText : this.t('path.none')}</span>
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ds-area-picker': DsAreaPicker;
  }
}
