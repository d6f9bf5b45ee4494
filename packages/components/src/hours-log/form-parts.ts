import { html, nothing, type TemplateResult } from 'lit';
import { renderFieldError } from '../shared/field-errors.js';

// The pieces of the volunteering forms (sign-up, logging, review): a labelled control and a group of
// checkbox or radio rows, each wired to its hint and inline error through `aria-describedby`.

export interface FieldOptions {
  /** The control's id (and the error summary's link target). */
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** "（选填）" after the label. */
  optional?: string | undefined;
  /** "错误：" read before an inline error. */
  errorPrefix: string;
  control: (describedBy: string, invalid: 'true' | 'false') => TemplateResult;
}

/** Label, hint, inline error and control. */
export function renderField({ id, label, hint, error, optional, errorPrefix, control }: FieldOptions): TemplateResult {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div part="field" class="field ${error ? 'field--invalid' : ''}">
    <label part="label" class="label" for=${id}>${label}${optional ? html`<span class="optional">${optional}</span>` : nothing}</label>
    ${hint ? html`<p part="hint" class="hint" id="${id}-hint">${hint}</p>` : nothing}
    ${error ? renderFieldError(id, error, errorPrefix) : nothing} ${control(describedBy, error ? 'true' : 'false')}
  </div>`;
}

export interface ChoiceGroupOptions {
  id: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: string | undefined;
  errorPrefix: string;
  type: 'checkbox' | 'radio';
  options: ReadonlyArray<{ value: string; title: string; note?: string | undefined }>;
  selected: readonly string[];
  onChange: (value: string, checked: boolean) => void;
  /** Lay the rows out in columns when there is room (short labels). */
  columns?: boolean;
}

/** A fieldset of checkbox or radio rows; the whole row is the target; the group's error under the legend. */
export function renderChoiceGroup(options: ChoiceGroupOptions): TemplateResult {
  const { id, legend, hint, error, optional, errorPrefix, type, selected, onChange } = options;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<fieldset part="fieldset" class="fieldset ${error ? 'field--invalid' : ''}" id=${id} aria-describedby=${describedBy || nothing}>
    <legend part="legend" class="legend">${legend}${optional ? html`<span class="optional">${optional}</span>` : nothing}</legend>
    ${hint ? html`<p part="hint" class="hint" id="${id}-hint">${hint}</p>` : nothing}
    ${error ? renderFieldError(id, error, errorPrefix) : nothing}
    <div class="choices ${options.columns ? 'choices--columns' : ''}">
      ${options.options.map(
        (option) => html`<label part="choice" class="choice">
          <input
            type=${type}
            name=${id}
            .value=${option.value}
            .checked=${selected.includes(option.value)}
            aria-invalid=${error ? 'true' : 'false'}
            @change=${(event: Event) => onChange(option.value, (event.target as HTMLInputElement).checked)}
          />
          <span class="choice-text">
            <span class="choice-title">${option.title}</span>
            ${option.note ? html`<span class="choice-note">${option.note}</span>` : nothing}
          </span>
        </label>`,
      )}
    </div>
  </fieldset>`;
}
