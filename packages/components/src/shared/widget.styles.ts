import { css } from 'lit';
import { baseStyles, themeHostStyles, token } from '../themes/styles.js';

/**
 * The card, form controls, buttons, error summary, alerts and confirmation that the appointment, event
 * and canteen widgets share (the same look as the request form). Each widget adds its own rules after
 * these. Targets follow `--ds-target-size` (44 px; 60 px elder).
 */
export const widgetStyles = [
  baseStyles,
  themeHostStyles,
  css`
    :host {
      display: block;
    }

    .card {
      position: relative;
      background: ${token('color-background')};
      border: 1px solid ${token('color-border-subtle')};
      border-top: 4px solid ${token('color-primary')};
      border-radius: ${token('radius-m')};
      box-shadow: ${token('shadow')};
      padding: ${token('space-l')};
    }
    @media (min-width: 40rem) {
      .card {
        padding: ${token('space-xl')};
      }
    }

    p {
      margin: 0;
    }

    .header {
      margin-bottom: ${token('space-l')};
    }
    .title {
      margin: 0 0 ${token('space-xs')};
      font-size: ${token('font-size-title')};
      font-weight: 700;
      line-height: 1.3;
      letter-spacing: 0.01em;
    }
    .intro {
      color: ${token('color-text-muted')};
    }

    .form {
      display: grid;
      gap: ${token('space-l')};
      /* Field rows follow the form's own width, not the page's: a side panel on a desktop is narrow too. */
      container-type: inline-size;
    }

    .field {
      display: grid;
      gap: ${token('space-xs')};
      min-width: 0;
    }
    .field--invalid {
      border-left: 4px solid ${token('color-danger')};
      padding-left: ${token('space-m')};
    }

    .label,
    .legend {
      font-weight: ${token('font-weight-strong')};
      color: ${token('color-text')};
    }
    .legend {
      padding: 0;
      margin-bottom: ${token('space-xs')};
      font-size: ${token('font-size-large')};
    }
    .optional {
      font-weight: 400;
      color: ${token('color-text-muted')};
    }
    .hint,
    .counter {
      font-size: ${token('font-size-small')};
      color: ${token('color-text-muted')};
    }
    .hint--after:empty {
      display: none;
    }
    .counter--over {
      color: ${token('color-danger')};
      font-weight: ${token('font-weight-strong')};
    }
    .field-error {
      color: ${token('color-danger')};
      font-weight: ${token('font-weight-strong')};
    }

    .fieldset {
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    .fieldset.field--invalid {
      border-left: 4px solid ${token('color-danger')};
      padding-left: ${token('space-m')};
    }
    .fieldset > .hint,
    .fieldset > .field-error {
      margin-bottom: ${token('space-m')};
    }
    .grid {
      display: grid;
      gap: ${token('space-m')};
    }
    @container (min-width: 26em) {
      .grid--two {
        grid-template-columns: 1fr 1fr;
        align-items: start;
      }
    }
    /* The location selects go side by side only when all three fit, never two and one. */
    @container (min-width: 36em) {
      .grid--aligned {
        grid-template-columns: repeat(3, 1fr);
        /* Labels may wrap differently; the controls still line up. */
        align-items: end;
      }
    }

    .control {
      display: block;
      width: 100%;
      min-height: ${token('target-size')};
      margin: 0;
      padding: ${token('space-s')} 12px;
      font: inherit;
      color: ${token('color-text')};
      background-color: ${token('color-background')};
      border: ${token('border-width')} solid ${token('color-border')};
      border-radius: ${token('radius-s')};
      transition:
        border-color 120ms ease,
        box-shadow 120ms ease;
    }
    select.control {
      appearance: none;
      padding-right: 2.5em;
      background-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cpath fill='none' stroke='%234a5565' stroke-width='2' d='m3 6 5 5 5-5'/%3E%3C/svg%3E");
      background-repeat: no-repeat;
      background-position: right 0.75em center;
      background-size: 1em;
    }
    .control:hover:not(:disabled) {
      border-color: ${token('color-text')};
    }
    .control:disabled {
      background-color: ${token('color-surface')};
      color: ${token('color-text-muted')};
      border-style: dashed;
      cursor: not-allowed;
    }
    .textarea {
      min-height: calc(${token('target-size')} * 3);
      resize: vertical;
    }
    .control[aria-invalid='true'] {
      border-color: ${token('color-danger')};
      box-shadow: inset 0 0 0 1px ${token('color-danger')};
    }

    .control:focus-visible,
    .button:focus-visible,
    a:focus-visible,
    .summary:focus {
      outline: ${token('focus-ring-width')} solid ${token('color-focus')};
      outline-offset: 2px;
    }
    /* Focus is moved here so screen readers read the result; it is not a control, so no ring. */
    .success:focus {
      outline: none;
    }
    .control:focus-visible {
      outline-offset: 0;
      box-shadow: 0 0 0 calc(${token('focus-ring-width')} + 3px) ${token('color-focus-halo')};
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-m')};
      padding-top: ${token('space-s')};
      border-top: 1px solid ${token('color-border-subtle')};
    }
    .actions .button {
      margin-top: ${token('space-m')};
    }
    .button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: ${token('space-s')};
      min-height: ${token('target-size')};
      min-width: ${token('target-size')};
      padding: ${token('space-s')} ${token('space-l')};
      font: inherit;
      font-weight: ${token('font-weight-strong')};
      border-radius: ${token('radius-s')};
      border: 2px solid transparent;
      cursor: pointer;
      transition:
        background-color 120ms ease,
        border-color 120ms ease;
    }
    .button--primary {
      color: ${token('color-on-primary')};
      background: ${token('color-primary')};
    }
    .button--primary:hover {
      background: ${token('color-primary-hover')};
    }
    .button--secondary {
      color: ${token('color-primary')};
      background: ${token('color-background')};
      border-color: ${token('color-primary')};
    }
    .button--secondary:hover {
      background: ${token('color-surface')};
    }
    .button[aria-disabled='true'] {
      cursor: progress;
      opacity: 0.85;
    }
    @media (max-width: 30rem) {
      .button {
        width: 100%;
      }
    }

    a {
      color: ${token('color-primary')};
      text-underline-offset: 0.15em;
    }

    .summary {
      margin-bottom: ${token('space-l')};
      padding: ${token('space-m')} ${token('space-l')};
      border: 3px solid ${token('color-danger')};
      border-radius: ${token('radius-s')};
      background: ${token('color-background')};
    }
    .summary-heading {
      margin: 0 0 ${token('space-s')};
      font-size: ${token('font-size-large')};
      color: ${token('color-text')};
    }
    .summary-list {
      margin: 0;
      padding-left: 1.25em;
      display: grid;
      gap: ${token('space-xs')};
    }
    .summary-list a {
      color: ${token('color-danger')};
      font-weight: ${token('font-weight-strong')};
      /* Inline, so a link that wraps keeps its bullet on the first line. */
      line-height: 1.6;
    }

    .alert {
      display: grid;
      gap: ${token('space-m')};
      justify-items: start;
      padding: ${token('space-m')} ${token('space-l')};
      border-left: 5px solid ${token('color-danger')};
      border-radius: ${token('radius-s')};
      background: ${token('color-danger-surface')};
      color: ${token('color-text')};
    }

    .loading,
    .notice {
      display: flex;
      align-items: center;
      gap: ${token('space-m')};
      padding: ${token('space-l')};
      border-radius: ${token('radius-s')};
      background: ${token('color-surface')};
      color: ${token('color-text')};
    }
    .notice {
      display: grid;
      gap: ${token('space-xs')};
    }

    .spinner {
      flex: none;
      width: 1.25em;
      height: 1.25em;
      border-radius: 50%;
      border: 3px solid ${token('color-border-subtle')};
      border-top-color: ${token('color-primary')};
      animation: spin 0.8s linear infinite;
    }
    .spinner--on-primary {
      border-color: rgb(255 255 255 / 0.4);
      border-top-color: ${token('color-on-primary')};
    }
    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }

    .success {
      display: grid;
      justify-items: start;
      gap: ${token('space-s')};
      padding: ${token('space-l')};
      border-radius: ${token('radius-s')};
      background: ${token('color-success-surface')};
      border: 1px solid ${token('color-success')};
    }
    .success-icon {
      width: 2.5em;
      height: 2.5em;
      padding: 0.4em;
      border-radius: 50%;
      color: ${token('color-on-primary')};
      background: ${token('color-success')};
    }
    .success-heading {
      margin: 0;
      font-size: ${token('font-size-title')};
      color: ${token('color-success')};
    }
    .code-label {
      margin-top: ${token('space-s')};
      color: ${token('color-text-muted')};
    }
    .code {
      font-family: ${token('font-family-code')};
      /* A code must never break across lines: on a narrow phone it shrinks instead. */
      font-size: min(${token('font-size-code')}, 7vw);
      white-space: nowrap;
      font-weight: 700;
      letter-spacing: 0.06em;
      padding: ${token('space-s')} ${token('space-m')};
      background: ${token('color-background')};
      border: 2px dashed ${token('color-success')};
      border-radius: ${token('radius-s')};
      color: ${token('color-text')};
      user-select: all;
    }
    .success-body {
      margin-bottom: ${token('space-s')};
    }

    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation: none;
        border-top-color: ${token('color-border-subtle')};
        border-right-color: ${token('color-primary')};
      }
      .control,
      .button {
        transition: none;
      }
    }

    @media (forced-colors: active) {
      .card,
      .summary,
      .alert,
      .success,
      .notice,
      .loading {
        border: 2px solid CanvasText;
      }
      .control {
        border-color: FieldText;
      }
      .control[aria-invalid='true'],
      .field--invalid {
        border-color: Mark;
      }
      select.control {
        appearance: auto;
        background-image: none;
      }
      .button {
        border-color: ButtonText;
      }
      .control:focus-visible,
      .button:focus-visible,
      a:focus-visible,
      .summary:focus {
        outline-color: Highlight;
        box-shadow: none;
      }
      .success-icon {
        forced-color-adjust: auto;
      }
    }
  
    /* Radio and checkbox choices as large targets: the whole row is the label. */
    .choices {
      display: grid;
      gap: ${token('space-s')};
    }
    .choice {
      display: flex;
      align-items: flex-start;
      gap: ${token('space-m')};
      min-height: ${token('target-size')};
      padding: ${token('space-s')} ${token('space-m')};
      border: ${token('border-width')} solid ${token('color-border')};
      border-radius: ${token('radius-s')};
      background: ${token('color-background')};
      cursor: pointer;
    }
    .choice:hover {
      border-color: ${token('color-text')};
    }
    .choice:has(input:checked) {
      border-color: ${token('color-primary')};
      box-shadow: inset 0 0 0 1px ${token('color-primary')};
      background: ${token('color-surface')};
    }
    .choice:has(input:disabled) {
      cursor: not-allowed;
      border-style: dashed;
      color: ${token('color-text-muted')};
      background: ${token('color-surface')};
    }
    .choice input {
      flex: none;
      width: 1.25em;
      height: 1.25em;
      margin: 0.2em 0 0;
      accent-color: ${token('color-primary')};
    }
    .choice input:focus-visible {
      outline: ${token('focus-ring-width')} solid ${token('color-focus')};
      outline-offset: 2px;
    }
    .choice-text {
      display: grid;
      gap: 2px;
      min-width: 0;
    }
    .choice-title {
      font-weight: ${token('font-weight-strong')};
    }
    .choice-note {
      font-size: ${token('font-size-small')};
      color: ${token('color-text-muted')};
    }

    .panel {
      display: grid;
      gap: ${token('space-s')};
      padding: ${token('space-m')};
      border-radius: ${token('radius-s')};
      background: ${token('color-surface')};
    }
    .panel-heading {
      margin: 0;
      font-size: ${token('font-size-large')};
    }
    .list {
      margin: 0;
      padding-left: 1.25em;
      display: grid;
      gap: ${token('space-xs')};
    }

    .details {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: ${token('space-xs')} ${token('space-m')};
      margin: 0;
    }
    .details dt {
      color: ${token('color-text-muted')};
    }
    .details dd {
      margin: 0;
      font-weight: ${token('font-weight-strong')};
    }

    .link-button {
      display: inline-flex;
      align-items: center;
      min-height: ${token('target-size')};
      padding: 0;
      font: inherit;
      color: ${token('color-primary')};
      background: none;
      border: 0;
      text-decoration: underline;
      text-underline-offset: 0.15em;
      cursor: pointer;
    }
    .link-button:focus-visible {
      outline: ${token('focus-ring-width')} solid ${token('color-focus')};
      outline-offset: 2px;
    }
    .button--danger {
      color: ${token('color-on-primary')};
      background: ${token('color-danger')};
    }
    .notice--info {
      border-left: 5px solid ${token('color-primary')};
    }
    .success--neutral {
      background: ${token('color-surface')};
      border-color: ${token('color-border')};
    }

    @media (forced-colors: active) {
      .choice,
      .panel {
        border: 2px solid CanvasText;
      }
      .choice:has(input:checked) {
        border-color: Highlight;
      }
      .link-button:focus-visible,
      .choice input:focus-visible {
        outline-color: Highlight;
      }
    }
  `,
];
