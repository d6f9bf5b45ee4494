import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  VOLUNTEER_AVAILABILITY,
  VOLUNTEER_SKILLS,
  localize,
  newIdempotencyKey,
  type VolunteerSignupResult,
  type VolunteerTeam,
} from '@doorstep/sdk';
import { volunteeringResource } from '@doorstep/sdk/resources/volunteering.js';
import type { ClientOf } from '../base/api-client.js';
import { DoorstepElement } from '../base/doorstep-element.js';
import { DraftController } from '../base/draft-controller.js';
import { renderChoiceGroup, renderField } from '../hours-log/form-parts.js';
import { rememberAccessKey } from '../hours-log/volunteer-key.js';
import type { KeyOf } from '../locales/index.js';
import { failureKindOf, fieldErrorsOf, focusControl, orderErrors, renderErrorSummary, type FieldError } from '../shared/field-errors.js';
import { EMPTY_SIGNUP, SIGNUP_FIELDS, checkSignup, signupFieldOf, signupMessage, type SignupField, type SignupValues } from './validation.js';
import { volunteerSignupMessages } from './volunteer-signup.messages.js';
import { volunteerSignupStyles } from './volunteer-signup.styles.js';
import { renderAlert, renderCard, renderLoading } from '../shared/card.js';

const signupResources = { volunteering: volunteeringResource };

/** Where the form is; also the `state` attribute. */
export type VolunteerSignupState = 'unconfigured' | 'loading' | 'load-error' | 'ready' | 'submitting' | 'submit-error' | 'success';

type Phase = Exclude<VolunteerSignupState, 'unconfigured'>;

/**
 * @summary A resident signs up as a volunteer: the teams to join, when they can help, what they are good
 * at, how to reach them, and consent. They get a volunteer number and an access key for logging hours,
 * saved on the device if they want. A retry never signs anyone up twice.
 *
 * @slot heading - Replaces the heading ("报名志愿者").
 * @slot intro - Replaces the introduction.
 *
 * @event ds-volunteer-registered - Signed up. `detail` is `{ volunteer, accessKey }` (`VolunteerSignupResult`).
 * @event ds-error - Loading the teams or sending failed; `detail` is `{ phase: 'load' | 'submit', error }`.
 *
 * @csspart base - The card.
 * @csspart header - The heading and introduction.
 * @csspart title - The heading.
 * @csspart intro - The introduction.
 * @csspart form - The form.
 * @csspart field - A label + hint + error + control group.
 * @csspart fieldset - A group of choices.
 * @csspart legend - A group's label.
 * @csspart choice - One checkbox row.
 * @csspart label - A control's label.
 * @csspart hint - A hint.
 * @csspart input - Text inputs.
 * @csspart textarea - The note.
 * @csspart field-error - An inline error.
 * @csspart error-summary - The list of problems after a failed submit.
 * @csspart error-link - A link in the summary.
 * @csspart alert - A failure message with its retry button.
 * @csspart button - Every button.
 * @csspart submit-button - The submit button.
 * @csspart retry-button - "Try again" after a failed load or send.
 * @csspart success - The confirmation.
 * @csspart code - The volunteer number.
 * @csspart access-key - The access key.
 * @csspart copy-button - "Copy the key".
 * @csspart loading - The loading message.
 * @csspart notice - "No teams to join", "not configured".
 *
 * @cssprop --ds-color-primary - Buttons and the card's accent.
 * @cssprop --ds-color-success - The confirmation.
 * @cssprop --ds-target-size - Height of controls and choice rows (44px; 60px elder).
 * @cssprop --ds-font-size-code - The access key.
 *
 * @example
 * <ds-volunteer-signup community="c-1" team="elder-visits"></ds-volunteer-signup>
 */
export class DsVolunteerSignup extends DoorstepElement<KeyOf<typeof volunteerSignupMessages>, typeof signupResources> {
  static override styles = volunteerSignupStyles;
  protected readonly tagLabel = 'ds-volunteer-signup';
  protected override readonly messages = volunteerSignupMessages;
  protected override readonly resources = signupResources;

  /** Offer only this community's teams (its id, e.g. `c-1`). */
  @property({ reflect: true }) community = '';

  /** Tick this team to begin with (its id), e.g. on the team's own page. */
  @property({ reflect: true }) team = '';

  @state() private phase: Phase = 'loading';
  @state() private teams: VolunteerTeam[] = [];
  @state() private values: SignupValues = { ...EMPTY_SIGNUP };
  @state() private errors: FieldError<SignupField>[] = [];
  @state() private submitError = '';
  @state() private result?: VolunteerSignupResult & { remembered: boolean };
  @state() private announcement = '';
  @state() private copied = false;

  private readonly draft = new DraftController<Omit<SignupValues, 'consent'>>(this, { key: 'volunteer-signup', version: 1 });
  private loadedKey?: string;
  private loadAbort?: AbortController;
  /** The key of the last submission that got no answer, and what was sent under it. */
  private pending?: { key: string; payload: string };

  /** Where the form is; also the `state` attribute. */
  get state(): VolunteerSignupState {
    return this.client ? this.phase : 'unconfigured';
  }

  /** What the resident has entered so far (a copy). */
  get formValues(): SignupValues {
    return structuredClone(this.values);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const saved = this.draft.restore();
    // Consent is never carried over: it is given for the submission, each time.
    if (saved) this.values = { ...EMPTY_SIGNUP, ...saved, consent: false };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadAbort?.abort();
    this.loadedKey = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.client;
    const key = this.community;
    if (client && key !== this.loadedKey) {
      this.loadedKey = key;
      void this.load(client);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.setAttribute('state', this.state);
  }

  private async load(client: ClientOf<typeof signupResources>): Promise<void> {
    this.loadAbort?.abort();
    const abort = (this.loadAbort = new AbortController());
    if (this.phase === 'load-error') this.phase = 'loading';
    try {
      const teams = await client.volunteering.teams(this.community ? { community: this.community } : {}, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.teams = teams;
      const wanted = this.team && teams.some((team) => team.id === this.team) ? [this.team] : [];
      if (this.values.teams.length === 0 && wanted.length > 0) this.values = { ...this.values, teams: wanted };
      if (this.phase === 'loading') this.phase = 'ready';
    } catch (error) {
      if (abort.signal.aborted) return;
      if (this.phase === 'loading') this.phase = 'load-error';
      this.emit('ds-error', { phase: 'load', error });
    }
  }

  private readonly retryLoad = () => {
    const client = this.client;
    if (!client) return;
    this.phase = 'loading';
    void this.load(client);
  };

  private patch(patch: Partial<SignupValues>): void {
    this.values = { ...this.values, ...patch };
    const { consent: _consent, ...draft } = this.values;
    this.draft.save(draft);
  }

  private readonly onText = (event: Event) => {
    const control = event.target as HTMLInputElement | HTMLTextAreaElement;
    this.patch({ [control.id]: control.value } as Partial<SignupValues>);
  };

  private toggle(list: 'teams' | 'availability' | 'skills') {
    return (value: string, checked: boolean) => {
      const current = this.values[list] as string[];
      const next = checked ? [...current.filter((item) => item !== value), value] : current.filter((item) => item !== value);
      this.patch({ [list]: next } as Partial<SignupValues>);
    };
  }

  private errorFor(field: SignupField): string | undefined {
    return this.errors.find((error) => error.field === field)?.message;
  }

  private readonly handleSubmit = (event: Event) => {
    event.preventDefault();
    void this.submit();
  };

  /** Checks and sends; safe to call again after a failure (the same submission keeps its idempotency key). */
  async submit(): Promise<void> {
    const client = this.client;
    if (!client || this.phase === 'submitting' || this.phase === 'loading' || this.phase === 'load-error' || this.phase === 'success') return;
    const checked = checkSignup(this.values, this.teams, this.locale);
    if (!checked.ok) {
      await this.showErrors(checked.errors);
      return;
    }
    this.errors = [];
    this.submitError = '';
    this.phase = 'submitting';
    const payload = JSON.stringify(checked.input);
    if (this.pending?.payload !== payload) this.pending = { key: newIdempotencyKey(), payload };
    try {
      const result = await client.volunteering.signup(checked.input, { idempotencyKey: this.pending.key });
      this.pending = undefined;
      const remembered = this.values.remember;
      if (remembered) rememberAccessKey(result.accessKey);
      this.draft.clear();
      this.result = { ...result, remembered };
      this.phase = 'success';
      this.announcement = this.t('success.announce', { code: result.volunteer.code });
      this.emit('ds-volunteer-registered', result);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.success')?.focus();
    } catch (error) {
      this.emit('ds-error', { phase: 'submit', error });
      const fields = orderErrors(
        fieldErrorsOf(error, signupFieldOf, (field, issue) => signupMessage(field, issue, this.values, this.locale)),
        SIGNUP_FIELDS,
      );
      if (fields.length > 0) {
        // The server saw the data and refused it: nothing to retry until something changes.
        this.pending = undefined;
        this.phase = 'ready';
        await this.showErrors(fields);
        return;
      }
      const kind = failureKindOf(error);
      // A refusal (e.g. the phone is already signed up) will not change on retry; a lost connection may.
      if (kind === 'rejected') this.pending = undefined;
      this.submitError =
        kind === 'rejected' ? this.t('submitError.rejected', { message: (error as Error).message }) : this.t(`submitError.${kind}`);
      this.phase = 'submit-error';
    }
  }

  private async showErrors(errors: FieldError<SignupField>[]): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
  }

  private readonly copyKey = async () => {
    const key = this.result?.accessKey;
    if (!key) return;
    try {
      await navigator.clipboard.writeText(key);
      this.copied = true;
    } catch {
      // No clipboard (plain HTTP, permissions): select the key so a long press or Ctrl+C copies it.
      const range = document.createRange();
      const node = this.renderRoot.querySelector('[part="access-key"]');
      if (node) {
        range.selectNodeContents(node);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      }
    }
  };

  // ── render ──────────────────────────────────────────────────────────────────────────────────────

  protected override render() {
    const busy = this.state === 'loading' || this.state === 'submitting';
    return renderCard(
      { locale: this.locale, busy, heading: this.t('signup.heading'), intro: this.t('signup.intro'), announcement: this.announcement },
      this.renderBody(),
    );
  }

  private renderBody() {
    switch (this.state) {
      case 'unconfigured':
        return this.renderNotConfigured();
      case 'loading':
        return renderLoading(this.t('signup.loading'));
      case 'load-error':
        return renderAlert(this.t('signup.loadFailed'), { label: this.t('signup.retry'), run: this.retryLoad });
      case 'success':
        return this.renderSuccess();
      default:
        return this.teams.length === 0 ? html`<p part="notice" class="notice" role="status">${this.t('signup.noTeams')}</p>` : this.renderForm();
    }
  }

  private renderForm() {
    const submitting = this.state === 'submitting';
    const optional = this.t('form.optional');
    const prefix = this.t('error.prefix');
    const values = this.values;
    return html`${renderErrorSummary(this.errors, this.t('summary.heading'), (field) => focusControl(this.renderRoot, field))}
      <form part="form" class="form" novalidate @submit=${this.handleSubmit}>
        ${renderChoiceGroup({
          id: 'teams',
          legend: this.t('field.teams'),
          hint: this.t('field.teams.hint'),
          error: this.errorFor('teams'),
          errorPrefix: prefix,
          type: 'checkbox',
          options: this.teams.map((team) => ({
            value: team.id,
            title: localize(team.name, this.locale),
            note: [team.description ? localize(team.description, this.locale) : '', this.t('field.members', { count: team.memberCount })]
              .filter(Boolean)
              .join(' · '),
          })),
          selected: values.teams,
          onChange: this.toggle('teams'),
        })}
        <div class="grid grid--two">
          ${renderField({
            id: 'name',
            label: this.t('field.name'),
            hint: this.t('field.name.hint'),
            error: this.errorFor('name'),
            errorPrefix: prefix,
            control: (describedBy, invalid) => html`<input
              part="input"
              class="control"
              id="name"
              type="text"
              autocomplete="name"
              aria-invalid=${invalid}
              aria-describedby=${describedBy || nothing}
              .value=${values.name}
              @input=${this.onText}
            />`,
          })}
          ${renderField({
            id: 'phone',
            label: this.t('field.phone'),
            hint: this.t('field.phone.hint'),
            error: this.errorFor('phone'),
            errorPrefix: prefix,
            control: (describedBy, invalid) => html`<input
              part="input"
              class="control"
              id="phone"
              type="tel"
              inputmode="tel"
              autocomplete="tel"
              aria-invalid=${invalid}
              aria-describedby=${describedBy || nothing}
              .value=${values.phone}
              @input=${this.onText}
            />`,
          })}
        </div>
        ${renderChoiceGroup({
          id: 'availability',
          legend: this.t('field.availability'),
          optional,
          errorPrefix: prefix,
          type: 'checkbox',
          columns: true,
          options: VOLUNTEER_AVAILABILITY.map((slot) => ({ value: slot, title: this.t(`availability.${slot}`) })),
          selected: values.availability,
          onChange: this.toggle('availability'),
        })}
        ${renderChoiceGroup({
          id: 'skills',
          legend: this.t('field.skills'),
          optional,
          errorPrefix: prefix,
          type: 'checkbox',
          columns: true,
          options: VOLUNTEER_SKILLS.map((skill) => ({ value: skill, title: this.t(`skill.${skill}`) })),
          selected: values.skills,
          onChange: this.toggle('skills'),
        })}
        ${values.skills.includes('other')
          ? renderField({
              id: 'skillsNote',
              label: this.t('field.skillsNote'),
              optional,
              error: this.errorFor('skillsNote'),
              errorPrefix: prefix,
              control: (describedBy, invalid) => html`<input
                part="input"
                class="control"
                id="skillsNote"
                type="text"
                aria-invalid=${invalid}
                aria-describedby=${describedBy || nothing}
                .value=${values.skillsNote}
                @input=${this.onText}
              />`,
            })
          : nothing}
        ${renderField({
          id: 'note',
          label: this.t('field.note'),
          optional,
          error: this.errorFor('note'),
          errorPrefix: prefix,
          control: (describedBy, invalid) => html`<textarea
            part="textarea"
            class="control textarea"
            id="note"
            rows="3"
            aria-invalid=${invalid}
            aria-describedby=${describedBy || nothing}
            .value=${values.note}
            @input=${this.onText}
          ></textarea>`,
        })}
        ${this.renderCheckbox('consent', this.t('field.consent'), this.t('field.consent.hint'), values.consent, this.errorFor('consent'))}
        ${this.renderCheckbox('remember', this.t('field.remember'), this.t('field.remember.hint'), values.remember, undefined)}
        ${this.state === 'submit-error' && this.submitError
          ? html`<div part="alert" class="alert" role="alert">
              <p>${this.submitError}</p>
              <button part="button retry-button" type="button" class="button button--secondary" @click=${() => this.submit()}>${this.t('retry')}</button>
            </div>`
          : nothing}
        <div class="actions">
          <button part="button submit-button" class="button button--primary" type="submit" aria-disabled=${submitting ? 'true' : 'false'}>
            ${submitting ? html`<span class="spinner spinner--on-primary" aria-hidden="true"></span>` : nothing}
            ${this.t(submitting ? 'submitting' : 'submit')}
          </button>
        </div>
      </form>`;
  }

  /** One checkbox as a whole-row target, with its hint and (for consent) its error. */
  private renderCheckbox(id: 'consent' | 'remember', label: string, hint: string, checked: boolean, error: string | undefined) {
    const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div part="field" class="field ${error ? 'field--invalid' : ''}">
      ${error ? html`<p part="field-error" class="field-error" id="${id}-error"><span class="visually-hidden">${this.t('error.prefix')}</span>${error}</p>` : nothing}
      <label part="choice" class="choice">
        <input
          id=${id}
          type="checkbox"
          .checked=${checked}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @change=${(event: Event) => this.patch({ [id]: (event.target as HTMLInputElement).checked })}
        />
        <span class="choice-text">
          <span class="choice-title">${label}</span>
          <span class="choice-note" id="${id}-hint">${hint}</span>
        </span>
      </label>
    </div>`;
  }

  private renderSuccess() {
    const result = this.result!;
    return html`<div part="success" class="success" tabindex="-1" aria-labelledby="success-heading">
      <svg class="success-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z" fill="currentColor"></path>
      </svg>
      <h3 id="success-heading" class="success-heading">${this.t('success.heading')}</h3>
      <p class="success-body">${this.t('success.body')}</p>
      <dl class="details">
        <dt>${this.t('success.code')}</dt>
        <dd part="code" class="volunteer-code">${result.volunteer.code}</dd>
      </dl>
      <p class="code-label" id="key-label">${this.t('success.key')}</p>
      <p part="access-key" class="code access-key" aria-describedby="key-label key-hint">${result.accessKey}</p>
      <p class="hint" id="key-hint">${this.t('success.keyHint')}</p>
      <p>${this.t(result.remembered ? 'success.remembered' : 'success.notRemembered')}</p>
      <button part="button copy-button" type="button" class="button button--secondary" @click=${this.copyKey}>
        ${this.t(this.copied ? 'success.copied' : 'success.copy')}
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ds-volunteer-signup': DsVolunteerSignup;
  }
  interface GlobalEventHandlersEventMap {
    'ds-volunteer-registered': CustomEvent<VolunteerSignupResult>;
  }
}
