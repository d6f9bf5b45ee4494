import { css, unsafeCSS } from 'lit';
import { widgetStyles } from '../shared/widget.styles.js';
import { token } from '../themes/styles.js';
import { declarations, elderOverrides, type TokenName } from '../themes/tokens.js';

/**
 * The sizes of the elder theme — text, line height, spacing, targets, borders, focus ring — for this
 * widget in every theme: the people it serves read it on a phone, often without their glasses. Colours
 * are left to the theme (default, dark, high contrast…).
 */
const COMFORTABLE: readonly TokenName[] = [
  'font-size-small',
  'font-size-body',
  'font-size-large',
  'font-size-title',
  'font-size-code',
  'line-height',
  'space-m',
  'space-l',
  'space-xl',
  'border-width',
  'focus-ring-width',
  'target-size',
  'form-max-width',
];
const comfortable = Object.fromEntries(COMFORTABLE.map((name) => [name, elderOverrides[name as keyof typeof elderOverrides]]).filter(([, value]) => value));

export const eldercareSignupStyles = [
  ...widgetStyles,
  css`
    :host {
      ${unsafeCSS(declarations(comfortable))}
      max-width: ${token('form-max-width')};
    }

    /* ── progress ─────────────────────────────────────────────────────────────────────────────── */
    .progress {
      list-style: none;
      margin: 0 0 ${token('space-l')};
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-xs')} ${token('space-s')};
      font-size: ${token('font-size-small')};
      counter-reset: step;
    }
    .progress-step {
      display: inline-flex;
      align-items: center;
      gap: ${token('space-xs')};
      color: ${token('color-text-muted')};
    }
    .progress-number {
      display: inline-grid;
      place-items: center;
      min-width: 1.9em;
      height: 1.9em;
      border-radius: 50%;
      border: 2px solid ${token('color-border')};
      font-weight: ${token('font-weight-strong')};
      background: ${token('color-background')};
    }
    .progress-step--done .progress-number {
      border-color: ${token('color-success')};
      color: ${token('color-success')};
    }
    .progress-step--current {
      color: ${token('color-text')};
      font-weight: ${token('font-weight-strong')};
    }
    .progress-step--current .progress-number {
      border-color: ${token('color-primary')};
      background: ${token('color-primary')};
      color: ${token('color-on-primary')};
    }
    /* On a narrow phone only the numbers fit; the current step keeps its name. */
    @container (max-width: 30em) {
      .progress-step:not(.progress-step--current) .progress-title {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
    }
    .card {
      container-type: inline-size;
    }

    /* ── a step ───────────────────────────────────────────────────────────────────────────────── */
    .step-heading {
      margin: 0 0 ${token('space-l')};
      display: grid;
      gap: ${token('space-xs')};
      font-size: ${token('font-size-title')};
      line-height: 1.3;
    }
    .step-heading:focus {
      outline: none;
    }
    .step-heading:focus-visible {
      outline: ${token('focus-ring-width')} solid ${token('color-focus')};
      outline-offset: 4px;
    }
    .step-count {
      font-size: ${token('font-size-small')};
      font-weight: 400;
      color: ${token('color-text-muted')};
    }
    .control--short {
      max-width: 12em;
    }

    /* ── radios and checkboxes: the whole row is the target ───────────────────────────────────── */
    .choices {
      display: grid;
      gap: ${token('space-s')};
    }
    .choices--inline {
      grid-template-columns: repeat(auto-fill, minmax(7.5em, 1fr));
    }
    .choice {
      display: flex;
      align-items: center;
      gap: ${token('space-s')};
      min-height: ${token('target-size')};
      padding: ${token('space-xs')} ${token('space-m')};
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
    .choice input {
      flex: none;
      width: 1.4em;
      height: 1.4em;
      margin: 0;
      accent-color: ${token('color-primary')};
    }
    .choice input:focus-visible {
      outline: ${token('focus-ring-width')} solid ${token('color-focus')};
      outline-offset: 2px;
    }
    .choice--consent {
      align-items: flex-start;
      padding-top: ${token('space-s')};
      padding-bottom: ${token('space-s')};
    }
    .choice--consent input {
      margin-top: 0.2em;
    }

    /* ── services and estimates ───────────────────────────────────────────────────────────────── */
    .programs {
      display: grid;
      gap: ${token('space-m')};
    }
    .program {
      display: grid;
      gap: ${token('space-s')};
      padding: ${token('space-m')};
      border: 1px solid ${token('color-border-subtle')};
      border-radius: ${token('radius-m')};
    }
    .program--chosen {
      border-color: ${token('color-primary')};
    }
    .choice--program .choice-label {
      font-weight: ${token('font-weight-strong')};
      font-size: ${token('font-size-large')};
    }
    .program-options {
      display: grid;
      gap: ${token('space-l')};
      padding-top: ${token('space-s')};
      border-top: 1px solid ${token('color-border-subtle')};
    }
    .estimate {
      display: grid;
      gap: ${token('space-xs')};
      padding: ${token('space-s')} ${token('space-m')};
      border-left: 4px solid ${token('color-border')};
      background: ${token('color-surface')};
      border-radius: 0 ${token('radius-s')} ${token('radius-s')} 0;
    }
    .estimate--yes {
      border-left-color: ${token('color-success')};
    }
    .estimate--yes .estimate-verdict strong {
      color: ${token('color-success')};
    }
    .estimate-prices {
      margin: 0;
      padding-left: 1.25em;
    }
    .price-label {
      font-weight: ${token('font-weight-strong')};
    }
    .estimates {
      display: grid;
      gap: ${token('space-m')};
      padding: ${token('space-m')};
      border: 1px solid ${token('color-border-subtle')};
      border-radius: ${token('radius-m')};
    }
    .estimates-heading,
    .estimate-name {
      margin: 0;
      font-size: ${token('font-size-large')};
      font-weight: ${token('font-weight-strong')};
    }
    .estimate-block {
      display: grid;
      gap: ${token('space-xs')};
    }
    .privacy-note {
      padding: ${token('space-s')} ${token('space-m')};
      border-radius: ${token('radius-s')};
      background: ${token('color-surface')};
    }
    .consent {
      gap: ${token('space-s')};
    }

    /* ── review ───────────────────────────────────────────────────────────────────────────────── */
    .review {
      display: grid;
      gap: ${token('space-m')};
    }
    .review-section {
      padding: ${token('space-m')};
      border: 1px solid ${token('color-border-subtle')};
      border-radius: ${token('radius-m')};
    }
    .review-heading {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: ${token('space-m')};
      margin-bottom: ${token('space-s')};
    }
    .review-title {
      margin: 0;
      font-size: ${token('font-size-large')};
    }
    .review-list {
      margin: 0;
      display: grid;
      gap: ${token('space-xs')};
    }
    .review-row {
      display: grid;
      grid-template-columns: minmax(8em, 1fr) 2fr;
      gap: ${token('space-m')};
    }
    @container (max-width: 30em) {
      .review-row {
        grid-template-columns: 1fr;
        gap: 0;
      }
    }
    .review-list dt {
      color: ${token('color-text-muted')};
    }
    .review-list dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .plain-list {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .mono {
      font-family: ${token('font-family-code')};
    }
    .button--link,
    .link-button {
      min-height: ${token('target-size')};
      min-width: ${token('target-size')};
      padding: 0 ${token('space-s')};
      font: inherit;
      font-weight: ${token('font-weight-strong')};
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
    @media (max-width: 30rem) {
      .button--link {
        width: auto;
      }
    }

    /* ── around the wizard ────────────────────────────────────────────────────────────────────── */
    .nav {
      justify-content: space-between;
    }
    .nav .button--primary {
      margin-left: auto;
    }
    .actions--plain {
      border-top: 0;
      padding-top: 0;
    }
    .draft-notice {
      margin-bottom: ${token('space-m')};
      padding: ${token('space-s')} ${token('space-m')};
      border-radius: ${token('radius-s')};
      background: ${token('color-surface')};
    }
    .forget {
      margin-top: ${token('space-m')};
      text-align: right;
    }
    .queued {
      display: grid;
      gap: ${token('space-s')};
      justify-items: start;
    }
    .queued:focus,
    .status-result:focus,
    .status-alert:focus {
      outline: none;
    }
    .queued-heading,
    .status-result-heading {
      margin: 0;
      font-size: ${token('font-size-large')};
    }
    .alert--info {
      border-left-color: ${token('color-primary')};
      background: ${token('color-surface')};
    }
    .status-result {
      display: grid;
      gap: ${token('space-m')};
      margin-top: ${token('space-l')};
      padding: ${token('space-l')};
      border: 2px solid ${token('color-border')};
      border-radius: ${token('radius-m')};
    }
    .status-result--approved {
      border-color: ${token('color-success')};
    }
    .status-alert {
      margin-top: ${token('space-l')};
    }

    @media (forced-colors: active) {
      .choice,
      .program,
      .review-section,
      .status-result,
      .estimate {
        border-color: CanvasText;
      }
      .progress-step--current .progress-number {
        forced-color-adjust: none;
        background: Highlight;
        color: HighlightText;
      }
    }
  `,
];
