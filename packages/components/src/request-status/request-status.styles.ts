import { css } from 'lit';
import { spinnerStyles } from '../shared/indicator.styles.js';
import { baseStyles, themeHostStyles, token } from '../themes/styles.js';

export const requestStatusStyles = [
  baseStyles,
  themeHostStyles,
  spinnerStyles,
  css`
    :host {
      display: block;
      max-width: ${token('form-max-width')};
    }

    p {
      margin: 0;
    }

    .card {
      position: relative;
      display: grid;
      gap: ${token('space-l')};
      background: ${token('color-background')};
      border: 1px solid ${token('color-border-subtle')};
      border-top: 4px solid ${token('color-primary')};
      border-radius: ${token('radius-m')};
      box-shadow: ${token('shadow')};
      padding: ${token('space-l')};
      container-type: inline-size;
    }
    @media (min-width: 40rem) {
      .card {
        padding: ${token('space-xl')};
      }
    }

    .title {
      margin: 0 0 ${token('space-xs')};
      font-size: ${token('font-size-title')};
      font-weight: 700;
      line-height: 1.3;
    }
    .intro {
      color: ${token('color-text-muted')};
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
    .label {
      font-weight: ${token('font-weight-strong')};
      padding: 0;
    }
    .hint,
    .live-hint,
    .entry-meta,
    .step-time {
      font-size: ${token('font-size-small')};
      color: ${token('color-text-muted')};
    }
    .field-error {
      color: ${token('color-danger')};
      font-weight: ${token('font-weight-strong')};
    }

    .lookup-row {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-s')};
    }
    .lookup-row .control {
      flex: 1 1 12em;
      width: auto;
    }
    .code-input {
      font-family: ${token('font-family-code')};
      letter-spacing: 0.06em;
      text-transform: uppercase;
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
    }
    .textarea {
      min-height: calc(${token('target-size')} * 2);
      resize: vertical;
    }
    .control[aria-invalid='true'] {
      border-color: ${token('color-danger')};
      box-shadow: inset 0 0 0 1px ${token('color-danger')};
    }

    .control:focus-visible,
    .button:focus-visible,
    .photo:focus-visible,
    .star:has(input:focus-visible) {
      outline: ${token('focus-ring-width')} solid ${token('color-focus')};
      outline-offset: 2px;
    }
    .control:focus-visible {
      outline-offset: 0;
      box-shadow: 0 0 0 calc(${token('focus-ring-width')} + 3px) ${token('color-focus-halo')};
    }
    /* Focus is moved to these so screen readers read them; they are not controls, so no ring. */
    .confirmation:focus,
    .alert:focus {
      outline: none;
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
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-m')};
    }

    .loading,
    .notice {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('space-m')};
      padding: ${token('space-m')} ${token('space-l')};
      border-radius: ${token('radius-s')};
      background: ${token('color-surface')};
    }
    .notice {
      display: grid;
      justify-items: start;
      gap: ${token('space-s')};
    }
    .alert {
      display: grid;
      gap: ${token('space-s')};
      justify-items: start;
      padding: ${token('space-m')} ${token('space-l')};
      border-left: 5px solid ${token('color-danger')};
      border-radius: ${token('radius-s')};
      background: ${token('color-danger-surface')};
    }

    .request {
      display: grid;
      gap: ${token('space-l')};
      padding-top: ${token('space-l')};
      border-top: 1px solid ${token('color-border-subtle')};
    }
    .request-header {
      display: grid;
      gap: ${token('space-s')};
    }
    .request-heading {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: ${token('space-s')} ${token('space-m')};
      margin: 0;
      font-size: ${token('font-size-large')};
    }
    .code {
      font-family: ${token('font-family-code')};
      letter-spacing: 0.06em;
      white-space: nowrap;
      color: ${token('color-text-muted')};
    }
    .status {
      display: inline-flex;
      align-items: center;
      justify-self: start;
      gap: ${token('space-s')};
      padding: ${token('space-xs')} ${token('space-m')};
      border-radius: 999px;
      border: 2px solid currentColor;
      color: ${token('color-primary')};
      background: ${token('color-background')};
    }
    .status--resolved,
    .status--closed {
      color: ${token('color-success')};
    }
    .status--rejected {
      color: ${token('color-danger')};
    }
    .status strong {
      margin-left: 0.15em;
    }
    .status-icon {
      width: 1.25em;
      height: 1.25em;
      flex: none;
    }

    .facts {
      display: grid;
      gap: ${token('space-s')};
      margin: 0;
    }
    .fact {
      display: grid;
      gap: 0 ${token('space-m')};
    }
    @container (min-width: 30em) {
      .fact {
        grid-template-columns: 7em 1fr;
      }
    }
    .fact dt {
      color: ${token('color-text-muted')};
    }
    .fact dd {
      margin: 0;
      overflow-wrap: anywhere;
    }

    .steps {
      display: grid;
      gap: ${token('space-s')};
      margin: 0;
      padding: 0;
      list-style: none;
    }
    @container (min-width: 36em) {
      .steps {
        grid-template-columns: repeat(5, 1fr);
      }
    }
    .step {
      display: flex;
      gap: ${token('space-s')};
      align-items: flex-start;
    }
    .step-marker {
      flex: none;
      display: inline-grid;
      place-items: center;
      width: 1.8em;
      height: 1.8em;
      border-radius: 50%;
      border: 2px solid ${token('color-border')};
      color: ${token('color-text-muted')};
      background: ${token('color-background')};
      font-weight: 700;
    }
    .step-text {
      display: grid;
    }
    .step--done .step-marker {
      border-color: ${token('color-success')};
      background: ${token('color-success')};
      color: ${token('color-on-primary')};
    }
    .step--current .step-marker {
      border-color: ${token('color-primary')};
      background: ${token('color-primary')};
      color: ${token('color-on-primary')};
    }
    .step--current.step--rejected .step-marker {
      border-color: ${token('color-danger')};
      background: ${token('color-danger')};
    }
    .step--current .step-label {
      font-weight: 700;
    }
    .step--upcoming .step-label,
    .step--skipped .step-label {
      color: ${token('color-text-muted')};
    }
    .step--skipped .step-label {
      text-decoration: line-through;
    }

    .section {
      display: grid;
      gap: ${token('space-s')};
    }
    .section > .button {
      justify-self: start;
    }
    .section-heading {
      margin: 0;
      font-size: ${token('font-size-large')};
    }

    .photos {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-s')};
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .photo {
      display: block;
      border-radius: ${token('radius-s')};
      border: 1px solid ${token('color-border-subtle')};
      overflow: hidden;
    }
    .photo img {
      display: block;
      width: 96px;
      height: 96px;
      object-fit: cover;
      background: ${token('color-surface')};
    }

    .timeline {
      display: grid;
      gap: ${token('space-m')};
      margin: 0;
      padding: 0 0 0 ${token('space-m')};
      list-style: none;
      border-left: 3px solid ${token('color-border-subtle')};
    }
    .entry {
      display: grid;
      gap: ${token('space-xs')};
    }
    .entry-head {
      display: flex;
      flex-wrap: wrap;
      gap: 0 ${token('space-s')};
      align-items: baseline;
    }
    .entry-note {
      padding: ${token('space-s')} 12px;
      border-radius: ${token('radius-s')};
      background: ${token('color-surface')};
      white-space: pre-line;
      overflow-wrap: anywhere;
    }

    .rating,
    .reopen {
      padding: ${token('space-m')} ${token('space-l')};
      border-radius: ${token('radius-s')};
      border: 1px solid ${token('color-border-subtle')};
    }
    .action-form {
      display: grid;
      gap: ${token('space-m')};
    }
    .stars {
      display: grid;
      gap: ${token('space-xs')};
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    .stars.field--invalid {
      padding-left: ${token('space-m')};
    }
    .star-options {
      display: grid;
      gap: ${token('space-xs')};
    }
    .star {
      display: flex;
      align-items: center;
      gap: ${token('space-s')};
      min-height: ${token('target-size')};
      padding: 0 ${token('space-s')};
      border-radius: ${token('radius-s')};
      cursor: pointer;
    }
    .star:hover {
      background: ${token('color-surface')};
    }
    .star input {
      flex: none;
      width: 1.25em;
      height: 1.25em;
      margin: 0;
      accent-color: ${token('color-primary')};
    }
    .star input:focus-visible {
      outline: none;
    }
    .star-glyph {
      font-size: 1.4em;
      line-height: 1;
      color: ${token('color-text-muted')};
    }
    .star--on .star-glyph,
    .stars-shown {
      color: ${token('color-primary')};
    }
    .stars-shown {
      font-size: 1.4em;
      letter-spacing: 0.1em;
      margin-right: ${token('space-s')};
    }
    .given-comment {
      white-space: pre-line;
    }

    .confirmation {
      padding: ${token('space-s')} ${token('space-m')};
      border-radius: ${token('radius-s')};
      border: 1px solid ${token('color-success')};
      background: ${token('color-success-surface')};
      color: ${token('color-success')};
      font-weight: ${token('font-weight-strong')};
    }

    @media (max-width: 30rem) {
      .actions .button {
        width: 100%;
      }
    }

    @media (forced-colors: active) {
      .card,
      .alert,
      .notice,
      .loading,
      .confirmation,
      .rating,
      .reopen,
      .status {
        border: 2px solid CanvasText;
      }
      .control {
        border-color: FieldText;
      }
      .control[aria-invalid='true'],
      .field--invalid {
        border-color: Mark;
      }
      .button {
        border-color: ButtonText;
      }
      .step-marker {
        forced-color-adjust: auto;
      }
      .control:focus-visible,
      .button:focus-visible,
      .photo:focus-visible,
      .star:has(input:focus-visible) {
        outline-color: Highlight;
        box-shadow: none;
      }
    }
  `,
];
