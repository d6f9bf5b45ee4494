import { css } from 'lit';
import { cardStyles } from './card.styles.js';
import { controlStyles } from './control.styles.js';
import { fieldStyles } from './field.styles.js';
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
  `,
  cardStyles,
  fieldStyles,
  controlStyles,
  css`
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
