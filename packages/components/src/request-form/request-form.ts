import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import {
  ApiError,
  DESCRIPTION_MAX_LENGTH,
  DESCRIPTION_MIN_LENGTH,
  NetworkError,
  TimeoutError,
  ValidationError,
  classifyPhone,
  localize,
  newIdempotencyKey,
  type AreaNode,
  type Category,
  type DoorstepClient,
  type ServiceRequestCreate,
  type ServiceRequestPublic,
} from '@doorstep/sdk';
import { DoorstepElement } from '../base/doorstep-element.js';
import type { KeyOf } from '../locales/index.js';
import { requestFormMessages } from './request-form.messages.js';
import { requestFormStyles } from './request-form.styles.js';
import {
  EMPTY_VALUES,
  fieldOfPath,
  issuesToErrors,
  orderErrors,
  validate,
  type FieldError,
  type FieldName,
  type RequestFormValues,
} from './validation.js';

/** Where the form is: what it shows and what it accepts. */
export type RequestFormState = 'unconfigured' | 'loading' | 'load-error' | 'ready' | 'submitting' | 'submit-error' | 'success';

/** `detail` of `ds-error`: what failed (loading the choices, or sending) and the SDK error. */
export interface DsErrorDetail {
  phase: 'load' | 'submit';
  error: unknown;
}

/** Announce the remaining characters only near the limit, and only once typing pauses. */
const COUNTER_ANNOUNCE_DELAY_MS = 1000;
const COUNTER_ANNOUNCE_THRESHOLD = Math.ceil(DESCRIPTION_MAX_LENGTH * 0.1);

interface Community {
  node: AreaNode;
  group: string;
}

function collect(nodes: readonly AreaNode[], level: AreaNode['level'], parent?: AreaNode): Community[] {
  return nodes.flatMap((node) =>
    node.level === level ? [{ node, group: parent?.name ?? '' }] : collect(node.children, level, node),
  );
}

/**
 * @summary A form for residents to report a problem (a broken light, a leak…) to community staff, with
 * a tracking code at the end. Works on a bad network: nothing typed is lost and a retry never files twice.
 *
 * @slot heading - Replaces the heading text ("反映问题").
 * @slot intro - Replaces the introduction under the heading.
 *
 * @event ds-submitted - The report was accepted. `detail` is the `ServiceRequestPublic` with its tracking `code`.
 * @event ds-error - Loading the choices or sending failed. `detail` is `{ phase: 'load' | 'submit', error }` (an SDK error).
 *
 * @csspart base - The card around everything.
 * @csspart header - The heading and introduction.
 * @csspart title - The heading.
 * @csspart intro - The introduction.
 * @csspart form - The `<form>`.
 * @csspart field - Each label + hint + error + control group.
 * @csspart fieldset - Each group of related fields (location, contact).
 * @csspart legend - The legend of a fieldset.
 * @csspart label - Each label.
 * @csspart hint - Each hint under a label.
 * @csspart input - The text inputs (name, phone).
 * @csspart select - The selects (category, community, compound, building).
 * @csspart textarea - The description.
 * @csspart counter - The characters-left counter.
 * @csspart field-error - An inline error message.
 * @csspart error-summary - The list of problems shown at the top after a failed submit.
 * @csspart error-link - Each link in the error summary.
 * @csspart alert - A failure message (loading or sending) with its retry button.
 * @csspart button - Every button.
 * @csspart submit-button - The submit button.
 * @csspart retry-button - The retry buttons.
 * @csspart loading - The loading message.
 * @csspart notice - The "not configured" message.
 * @csspart success - The confirmation shown after sending.
 * @csspart code - The tracking code.
 * @csspart another-button - "Report another problem".
 *
 * @cssprop --ds-font-family - Font stack.
 * @cssprop --ds-font-size-body - Text size of labels, inputs and buttons (16px; 20px elder).
 * @cssprop --ds-font-size-small - Hints and counters (14px; 18px elder).
 * @cssprop --ds-font-size-title - The heading (22px; 28px elder).
 * @cssprop --ds-font-size-code - The tracking code (28px; 34px elder).
 * @cssprop --ds-color-text - Text.
 * @cssprop --ds-color-text-muted - Hints.
 * @cssprop --ds-color-background - The card and controls.
 * @cssprop --ds-color-surface - Tinted panels.
 * @cssprop --ds-color-border - Control borders (≥ 3:1 against the background).
 * @cssprop --ds-color-primary - Buttons, links and the accent bar.
 * @cssprop --ds-color-on-primary - Text on primary buttons.
 * @cssprop --ds-color-danger - Errors.
 * @cssprop --ds-color-success - The confirmation.
 * @cssprop --ds-color-focus - The focus ring.
 * @cssprop --ds-target-size - Minimum height of controls and buttons (44px; 60px elder).
 * @cssprop --ds-radius-m - Corner radius of the card.
 * @cssprop --ds-form-max-width - Widest the card grows.
 *
 * @example
 * <ds-request-form api-base="https://portal.example.cn/api" lang="zh-CN"></ds-request-form>
 */
export class DsRequestForm extends DoorstepElement<KeyOf<typeof requestFormMessages>> {
  static override styles = requestFormStyles;
  protected readonly tagLabel = 'ds-request-form';
  protected override readonly messages = requestFormMessages;

  @state() private phase: RequestFormState = 'loading';
  @state() private categories: Category[] = [];
  @state() private areaTree: AreaNode[] = [];
  @state() private values: RequestFormValues = { ...EMPTY_VALUES };
  @state() private errors: FieldError[] = [];
  @state() private submitError?: string;
  @state() private result?: ServiceRequestPublic;
  @state() private announcement = '';
  @state() private counterAnnouncement = '';

  private loadedClient?: DoorstepClient;
  private loadAbort?: AbortController;
  /** The key of the last submission that did not get an answer, and what was sent under it. */
  private pendingSubmission?: { key: string; payload: string };
  private counterTimer?: ReturnType<typeof setTimeout>;

  /** Where the form is: `loading`, `load-error`, `ready`, `submitting`, `submit-error`, `success` or `unconfigured`. Also reflected as the `state` attribute. */
  get state(): RequestFormState {
    return this.client ? this.phase : 'unconfigured';
  }

  /** What the resident has entered so far (a copy). */
  get formValues(): RequestFormValues {
    return { ...this.values };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadAbort?.abort();
    this.loadedClient = undefined;
    clearTimeout(this.counterTimer);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const client = this.client;
    if (client && client !== this.loadedClient) void this.load(client);
    this.setAttribute('state', this.state);
  }

  // ── data ────────────────────────────────────────────────────────────────────────────────────────

  private async load(client: DoorstepClient): Promise<void> {
    this.loadedClient = client;
    this.loadAbort?.abort();
    const abort = (this.loadAbort = new AbortController());
    // A language or provider change refreshes the lists in the background once they are shown.
    if (this.phase === 'load-error') this.phase = 'loading';
    try {
      const [categories, areaTree] = await Promise.all([
        client.categories.list({ signal: abort.signal }),
        client.areas.list({ signal: abort.signal }),
      ]);
      if (abort.signal.aborted) return;
      this.categories = categories;
      this.areaTree = areaTree;
      const communities = collect(areaTree, 'community');
      if (communities.length === 1 && !this.values.community) {
        this.values = { ...this.values, community: communities[0]!.node.id };
      }
      if (this.phase === 'loading') this.phase = 'ready';
    } catch (error) {
      if (abort.signal.aborted) return;
      if (this.phase === 'loading') this.phase = 'load-error';
      this.emitError('load', error);
    }
  }

  private retryLoad = (): void => {
    const client = this.client;
    if (!client) return;
    this.phase = 'loading';
    void this.load(client);
  };

  // ── derived ─────────────────────────────────────────────────────────────────────────────────────

  private get communities(): Community[] {
    return collect(this.areaTree, 'community');
  }

  private childrenOf(id: string, level: AreaNode['level']): AreaNode[] {
    const find = (nodes: readonly AreaNode[]): AreaNode | undefined => {
      for (const node of nodes) {
        if (node.id === id) return node;
        const found = find(node.children);
        if (found) return found;
      }
      return undefined;
    };
    return id ? (find(this.areaTree)?.children.filter((child) => child.level === level) ?? []) : [];
  }

  private get selectedCategory(): Category | undefined {
    return this.categories.find((category) => category.id === this.values.category);
  }

  /** Categories that may not be reported anonymously need a name and a phone number. */
  private get contactRequired(): boolean {
    return this.selectedCategory?.allowAnonymous === false;
  }

  private errorFor(field: FieldName): string | undefined {
    return this.errors.find((error) => error.field === field)?.message;
  }

  // ── input ───────────────────────────────────────────────────────────────────────────────────────

  private handleInput = (event: Event): void => {
    const control = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const field = control.name as FieldName;
    const value = control.value;
    const next = { ...this.values, [field]: value };
    // A different community or compound makes the narrower choices meaningless.
    if (field === 'community') Object.assign(next, { compound: '', building: '' });
    if (field === 'compound') next.building = '';
    this.values = next;
    if (field === 'description') this.scheduleCounterAnnouncement();
  };

  private scheduleCounterAnnouncement(): void {
    clearTimeout(this.counterTimer);
    this.counterTimer = setTimeout(() => {
      const remaining = DESCRIPTION_MAX_LENGTH - this.values.description.trim().length;
      this.counterAnnouncement = remaining <= COUNTER_ANNOUNCE_THRESHOLD ? this.counterText(remaining) : '';
    }, COUNTER_ANNOUNCE_DELAY_MS);
  }

  private counterText(remaining: number): string {
    return remaining >= 0
      ? this.t('counter.remaining', { count: remaining })
      : this.t('counter.over', { count: -remaining });
  }

  // ── submit ──────────────────────────────────────────────────────────────────────────────────────

  private handleSubmit = (event: Event): void => {
    event.preventDefault();
    void this.submit();
  };

  /** Validates and sends; safe to call again after a failure (the same submission reuses its idempotency key). */
  async submit(): Promise<void> {
    const client = this.client;
    if (!client || this.phase === 'submitting' || this.phase === 'loading' || this.phase === 'load-error') return;
    const checked = validate(this.values, this.locale, this.contactRequired);
    if (!checked.ok) {
      this.showErrors(checked.errors);
      return;
    }
    this.errors = [];
    this.submitError = undefined;
    this.phase = 'submitting';
    const input: ServiceRequestCreate = checked.input;
    const payload = JSON.stringify(input);
    if (this.pendingSubmission?.payload !== payload) this.pendingSubmission = { key: newIdempotencyKey(), payload };
    try {
      const result = await client.requests.create(input, { idempotencyKey: this.pendingSubmission.key });
      this.pendingSubmission = undefined;
      this.result = result;
      this.phase = 'success';
      this.announcement = this.t('success.announce', { code: result.code });
      this.dispatchEvent(new CustomEvent('ds-submitted', { detail: result, bubbles: true, composed: true }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.success')?.focus();
    } catch (error) {
      this.handleSubmitFailure(error);
    }
  }

  private handleSubmitFailure(error: unknown): void {
    this.emitError('submit', error);
    const fieldErrors = this.fieldErrorsFrom(error);
    if (fieldErrors.length > 0) {
      // The server saw the data and refused it: nothing to retry until the resident changes something.
      this.pendingSubmission = undefined;
      this.phase = 'ready';
      this.showErrors(fieldErrors);
      return;
    }
    this.phase = 'submit-error';
    this.submitError = this.failureMessage(error);
  }

  private fieldErrorsFrom(error: unknown): FieldError[] {
    if (error instanceof ValidationError && error.source === 'request') {
      return issuesToErrors(error.issues, this.values, this.locale);
    }
    if (error instanceof ApiError) {
      return orderErrors(
        Object.entries(error.fields).flatMap(([path, message]) => {
          const field = fieldOfPath(path);
          return field ? [{ field, message }] : [];
        }),
      );
    }
    return [];
  }

  private failureMessage(error: unknown): string {
    if (error instanceof NetworkError) return this.t('submitError.network');
    if (error instanceof TimeoutError) return this.t('submitError.timeout');
    if (error instanceof ApiError) {
      if (error.status === 429) return this.t('submitError.rateLimited');
      if (error.status >= 400 && error.status < 500 && error.message) {
        return this.t('submitError.rejected', { message: error.message });
      }
    }
    return this.t('submitError.server');
  }

  private async showErrors(errors: FieldError[]): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
  }

  private focusField(field: FieldName): void {
    const control = this.renderRoot.querySelector<HTMLElement>(`#${field}`);
    control?.focus();
    control?.scrollIntoView?.({ block: 'center' });
  }

  private reportAnother = async (): Promise<void> => {
    // Same place, same person, most likely: keep location and contact, clear the problem itself.
    this.values = { ...this.values, category: '', description: '' };
    this.result = undefined;
    this.announcement = '';
    this.counterAnnouncement = '';
    this.phase = 'ready';
    await this.updateComplete;
    this.focusField('category');
  };

  private emitError(phase: DsErrorDetail['phase'], error: unknown): void {
    this.dispatchEvent(new CustomEvent<DsErrorDetail>('ds-error', { detail: { phase, error }, bubbles: true, composed: true }));
  }

  // ── render ──────────────────────────────────────────────────────────────────────────────────────

  protected override render() {
    const busy = this.state === 'loading' || this.state === 'submitting';
    return html`
      <div part="base" class="card" lang=${this.locale} aria-busy=${busy ? 'true' : 'false'}>
        <div part="header" class="header">
          <h2 part="title" class="title"><slot name="heading">${this.t('form.heading')}</slot></h2>
          <p part="intro" class="intro"><slot name="intro">${this.t('form.intro')}</slot></p>
        </div>
        <div class="body">${this.renderBody()}</div>
        <div class="visually-hidden" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      </div>
    `;
  }

  private renderBody() {
    switch (this.state) {
      case 'unconfigured':
        return this.renderNotConfigured();
      case 'loading':
        return html`<div part="loading" class="loading" role="status">
          <span class="spinner" aria-hidden="true"></span><span>${this.t('loading')}</span>
        </div>`;
      case 'load-error':
        return html`<div part="alert" class="alert" role="alert">
          <p>${this.t('load.failed')}</p>
          <button part="button retry-button" class="button button--secondary" type="button" @click=${this.retryLoad}>
            ${this.t('load.retry')}
          </button>
        </div>`;
      case 'success':
        return this.renderSuccess();
      default:
        return this.renderForm();
    }
  }

  private renderSuccess() {
    const code = this.result?.code ?? '';
    return html`<div part="success" class="success" tabindex="-1" aria-labelledby="success-heading">
      <svg class="success-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z" fill="currentColor"></path>
      </svg>
      <h3 id="success-heading" class="success-heading">${this.t('success.heading')}</h3>
      <p class="code-label" id="code-label">${this.t('success.codeLabel')}</p>
      <p part="code" class="code" aria-describedby="code-label">${code}</p>
      <p class="success-body">${this.t('success.body')}</p>
      <button part="button another-button" class="button button--secondary" type="button" @click=${this.reportAnother}>
        ${this.t('success.another')}
      </button>
    </div>`;
  }

  private renderSummary() {
    if (this.errors.length === 0) return nothing;
    return html`<div part="error-summary" class="summary" tabindex="-1" role="alert" aria-labelledby="summary-heading">
      <h3 id="summary-heading" class="summary-heading">${this.t('summary.heading')}</h3>
      <ul class="summary-list">
        ${this.errors.map(
          (error) =>
            html`<li>
              <a
                part="error-link"
                href="#${error.field}"
                @click=${(event: Event) => {
                  event.preventDefault();
                  this.focusField(error.field);
                }}
                >${error.message}</a
              >
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private renderForm() {
    const submitting = this.state === 'submitting';
    const optional = this.t('form.optional');
    const communities = this.communities;
    const groups = [...new Set(communities.map((community) => community.group))];
    const compounds = this.childrenOf(this.values.community, 'compound');
    const buildings = this.childrenOf(this.values.compound, 'building');
    const contactRequired = this.contactRequired;
    const description = this.values.description;
    const remaining = DESCRIPTION_MAX_LENGTH - description.trim().length;
    const phoneIsOther = classifyPhone(this.values.phone.trim()) === 'other';
    const categoryHint = this.selectedCategory?.description;
    const locationError = this.errorFor('community');

    return html`
      ${this.renderSummary()}
      <form part="form" class="form" novalidate @submit=${this.handleSubmit}>
        ${this.renderField({
          field: 'category',
          label: this.t('field.category'),
          hint: categoryHint ? localize(categoryHint, this.locale) : undefined,
          control: (describedBy) => html`<select
            part="select"
            class="control"
            id="category"
            name="category"
            aria-invalid=${this.errorFor('category') ? 'true' : 'false'}
            aria-describedby=${describedBy || nothing}
            @change=${this.handleInput}
          >
            <option value="" ?selected=${!this.values.category}>${this.t('field.category.placeholder')}</option>
            ${this.categories.map(
              (category) =>
                html`<option value=${category.id} ?selected=${category.id === this.values.category}>
                  ${localize(category.name, this.locale)}
                </option>`,
            )}
          </select>`,
        })}

        <fieldset
          part="fieldset"
          class="fieldset ${locationError ? 'field--invalid' : ''}"
          aria-describedby="location-hint"
        >
          <legend part="legend" class="legend">${this.t('field.location')}</legend>
          <p part="hint" class="hint" id="location-hint">${this.t('field.location.hint')}</p>
          ${locationError ? this.renderFieldError('community', locationError) : nothing}
          <div class="grid grid--aligned">
            ${this.renderField({
              field: 'community',
              label: this.t('field.community'),
              // A group's error belongs to the group (above), not to a narrow column.
              errorAbove: true,
              control: (describedBy) => html`<select
                part="select"
                class="control"
                id="community"
                name="community"
                aria-invalid=${this.errorFor('community') ? 'true' : 'false'}
                aria-describedby=${describedBy || nothing}
                @change=${this.handleInput}
              >
                <option value="" ?selected=${!this.values.community}>${this.t('select.placeholder')}</option>
                ${groups.length > 1
                  ? groups.map(
                      (group) =>
                        html`<optgroup label=${group}>
                          ${this.renderAreaOptions(
                            communities.filter((community) => community.group === group).map((community) => community.node),
                            this.values.community,
                          )}
                        </optgroup>`,
                    )
                  : this.renderAreaOptions(
                      communities.map((community) => community.node),
                      this.values.community,
                    )}
              </select>`,
            })}
            ${this.renderNarrowingSelect('compound', this.t('field.compound'), compounds, optional)}
            ${this.renderNarrowingSelect('building', this.t('field.building'), buildings, optional)}
          </div>
        </fieldset>

        ${this.renderField({
          field: 'description',
          label: this.t('field.description'),
          hint: this.t('field.description.hint', { count: DESCRIPTION_MIN_LENGTH, max: DESCRIPTION_MAX_LENGTH }),
          control: (describedBy) => html`<textarea
              part="textarea"
              class="control textarea"
              id="description"
              name="description"
              rows="5"
              aria-invalid=${this.errorFor('description') ? 'true' : 'false'}
              aria-describedby=${describedBy || nothing}
              .value=${description}
              @input=${this.handleInput}
            ></textarea>
            <p part="counter" class="counter ${remaining < 0 ? 'counter--over' : ''}" aria-hidden="true">
              ${this.counterText(remaining)}
            </p>
            <div class="visually-hidden" aria-live="polite">${this.counterAnnouncement}</div>`,
        })}

        <fieldset part="fieldset" class="fieldset" aria-describedby="contact-hint">
          <legend part="legend" class="legend">
            ${this.t('field.contact')}${contactRequired ? nothing : html`<span class="optional">${optional}</span>`}
          </legend>
          <p part="hint" class="hint" id="contact-hint">
            ${this.t(contactRequired ? 'field.contact.requiredHint' : 'field.contact.hint')}
          </p>
          <div class="grid grid--two">
            ${this.renderField({
              field: 'name',
              label: this.t('field.name'),
              control: (describedBy) => html`<input
                part="input"
                class="control"
                id="name"
                name="name"
                type="text"
                autocomplete="name"
                aria-invalid=${this.errorFor('name') ? 'true' : 'false'}
                aria-describedby=${describedBy || nothing}
                .value=${this.values.name}
                @input=${this.handleInput}
              />`,
            })}
            ${this.renderField({
              field: 'phone',
              label: this.t('field.phone'),
              extraDescribedBy: phoneIsOther ? 'phone-other-hint' : undefined,
              control: (describedBy) => html`<input
                  part="input"
                  class="control"
                  id="phone"
                  name="phone"
                  type="tel"
                  inputmode="tel"
                  autocomplete="tel"
                  aria-invalid=${this.errorFor('phone') ? 'true' : 'false'}
                  aria-describedby=${describedBy || nothing}
                  .value=${this.values.phone}
                  @input=${this.handleInput}
                />
                <p part="hint phone-hint" class="hint hint--after" id="phone-other-hint" aria-live="polite">
                  ${phoneIsOther ? this.t('field.phone.otherHint') : nothing}
                </p>`,
            })}
          </div>
        </fieldset>

        ${this.state === 'submit-error' && this.submitError
          ? html`<div part="alert" class="alert" role="alert">
              <p>${this.submitError}</p>
              <button part="button retry-button" class="button button--secondary" type="button" @click=${() => this.submit()}>
                ${this.t('retry')}
              </button>
            </div>`
          : nothing}

        <div class="actions">
          <button
            part="button submit-button"
            class="button button--primary"
            type="submit"
            aria-disabled=${submitting ? 'true' : 'false'}
          >
            ${submitting ? html`<span class="spinner spinner--on-primary" aria-hidden="true"></span>` : nothing}
            ${this.t(submitting ? 'submitting' : 'submit')}
          </button>
        </div>
      </form>
    `;
  }

  /** An optional select that narrows the location down (compound, building); empty until its parent is chosen. */
  private renderNarrowingSelect(field: 'compound' | 'building', label: string, nodes: readonly AreaNode[], optional: string) {
    return this.renderField({
      field,
      label,
      optional,
      control: (describedBy) => html`<select
        part="select"
        class="control"
        id=${field}
        name=${field}
        ?disabled=${nodes.length === 0}
        aria-describedby=${describedBy || nothing}
        @change=${this.handleInput}
      >
        <option value="" ?selected=${!this.values[field]}>${this.t('select.placeholder')}</option>
        ${this.renderAreaOptions(nodes, this.values[field])}
      </select>`,
    });
  }

  private renderAreaOptions(nodes: readonly AreaNode[], selected: string) {
    return nodes.map((node) => html`<option value=${node.id} ?selected=${node.id === selected}>${node.name}</option>`);
  }

  /** Label, hint, inline error and control, wired together with ids for `aria-describedby`. */
  private renderField(options: {
    field: FieldName;
    label: string;
    optional?: string;
    hint?: string | undefined;
    /** The id of a hint rendered after the control, while it has content. */
    extraDescribedBy?: string | undefined;
    /** The error is rendered by the enclosing group; the control still points to it. */
    errorAbove?: boolean;
    control: (describedBy: string) => TemplateResult;
  }) {
    const { field, label, optional, hint, extraDescribedBy, errorAbove, control } = options;
    const error = this.errorFor(field);
    const hintId = hint ? `${field}-hint` : '';
    const errorId = error ? `${field}-error` : '';
    const describedBy = [hintId, errorId, extraDescribedBy].filter(Boolean).join(' ');
    return html`<div part="field" class="field ${error && !errorAbove ? 'field--invalid' : ''}">
      <label part="label" class="label" for=${field}>
        ${label}${optional ? html`<span class="optional">${optional}</span>` : nothing}
      </label>
      ${hint ? html`<p part="hint" class="hint" id=${hintId}>${hint}</p>` : nothing}
      ${error && !errorAbove ? this.renderFieldError(field, error) : nothing}
      ${control(describedBy)}
    </div>`;
  }

  private renderFieldError(field: FieldName, message: string) {
    return html`<p part="field-error" class="field-error" id="${field}-error">
      <span class="visually-hidden">${this.t('error.prefix')}</span>${message}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ds-request-form': DsRequestForm;
  }
  interface GlobalEventHandlersEventMap {
    'ds-submitted': CustomEvent<ServiceRequestPublic>;
    'ds-error': CustomEvent<DsErrorDetail>;
  }
}
