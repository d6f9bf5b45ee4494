import { css } from 'lit';
import { cardStyles } from '../shared/card.styles.js';
import { controlStyles } from '../shared/control.styles.js';
import { fieldStyles } from '../shared/field.styles.js';
import { baseStyles, themeHostStyles, token } from '../themes/styles.js';

export const requestFormStyles = [
  baseStyles,
  themeHostStyles,
  css`
    :host {
      display: block;
      max-width: ${token('form-max-width')};
    }

  `,
  cardStyles,
  fieldStyles,
  css`
    .control--short {
      max-width: 12em;
    }
    .textarea--short {
      min-height: calc(${token('target-size')} * 2);
    }

    /* Radio buttons and checkboxes: the whole row is the target. */
    .choices {
      display: grid;
      gap: ${token('space-xs')};
    }
    .choice-group > .label {
      padding: 0;
      margin-bottom: ${token('space-xs')};
    }
    .choice-group > .hint,
    .choice-group > .field-error {
      margin-bottom: ${token('space-s')};
    }
    .choice {
      display: flex;
      align-items: center;
      gap: ${token('space-s')};
      min-height: ${token('target-size')};
      cursor: pointer;
    }
    .choice-input {
      flex: none;
      width: 1.4em;
      height: 1.4em;
      margin: 0;
      accent-color: ${token('color-primary')};
      cursor: pointer;
    }
    .choice-input:focus-visible {
      outline: ${token('focus-ring-width')} solid ${token('color-focus')};
      outline-offset: 2px;
    }
    .note {
      padding: ${token('space-s')} ${token('space-m')};
      border-left: 4px solid ${token('color-primary')};
      background: ${token('color-surface')};
    }
    .subgroup {
      padding: ${token('space-m')};
      border: 1px solid ${token('color-border-subtle')};
      border-radius: ${token('radius-s')};
    }
    .subgroup > .legend {
      padding: 0 ${token('space-xs')};
    }
    .legend--small {
      font-size: ${token('font-size-body')};
    }

    .location {
      display: grid;
      gap: ${token('space-m')};
    }
    .geo {
      display: grid;
      gap: ${token('space-xs')};
      justify-items: start;
    }

    .duplicates,
    .queued,
    .privacy {
      display: grid;
      gap: ${token('space-s')};
      padding: ${token('space-m')} ${token('space-l')};
      border-radius: ${token('radius-s')};
      background: ${token('color-surface')};
      border-left: 5px solid ${token('color-primary')};
    }
    .duplicates-heading,
    .queued-heading {
      margin: 0;
      font-size: ${token('font-size-large')};
    }
    .duplicate-list {
      display: grid;
      gap: ${token('space-m')};
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .duplicate {
      display: grid;
      gap: ${token('space-xs')};
      justify-items: start;
      padding: ${token('space-m')};
      background: ${token('color-background')};
      border: 1px solid ${token('color-border-subtle')};
      border-radius: ${token('radius-s')};
    }
    .queued {
      justify-items: start;
    }
    .queued-summary {
      justify-self: stretch;
    }
    .queued:focus {
      outline: none;
    }
    .queued-summary {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: ${token('space-xs')} ${token('space-m')};
      margin: 0;
    }
    .queued-summary dt {
      font-weight: ${token('font-weight-strong')};
    }
    .queued-summary dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .privacy {
      border-left-color: ${token('color-border')};
      font-size: ${token('font-size-small')};
    }
    ::slotted([slot='privacy']) {
      margin: 0;
    }

    .photos {
      display: grid;
      gap: ${token('space-m')};
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .photo {
      display: flex;
      gap: ${token('space-m')};
      align-items: flex-start;
      padding: ${token('space-s')};
      border: 1px solid ${token('color-border-subtle')};
      border-radius: ${token('radius-s')};
    }
    .photo--failed,
    .photo--refused {
      border-color: ${token('color-danger')};
    }
    .thumbnail {
      flex: none;
      width: 5.5em;
      height: 5.5em;
      object-fit: cover;
      border-radius: ${token('radius-s')};
      background: ${token('color-surface')};
    }
    .photo-body {
      display: grid;
      gap: ${token('space-xs')};
      flex: 1;
      min-width: 0;
    }
    .photo-name {
      font-weight: ${token('font-weight-strong')};
    }
    progress {
      width: 100%;
      height: 0.75em;
      accent-color: ${token('color-primary')};
    }
    .photo-buttons,
    .photo-actions,
    .success-actions,
    .code-row {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-s')};
      align-items: center;
    }
    .photo-problems {
      margin: 0;
      padding-left: 1.25em;
    }
    .button--small {
      padding-inline: ${token('space-m')};
    }
    a.button {
      text-decoration: none;
    }
    .status-view {
      margin-top: ${token('space-l')};
    }

  `,
  controlStyles,
  css`
    @media (forced-colors: active) {
      .duplicates,
      .queued,
      .privacy,
      .photo {
        border: 2px solid CanvasText;
      }
    }
  `,
];
