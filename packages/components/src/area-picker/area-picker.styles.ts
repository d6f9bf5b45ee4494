import { css } from 'lit';
import { equalColumns } from '../shared/columns.js';
import { selectArrow, spinnerStyles } from '../shared/indicator.styles.js';
import { baseStyles, themeHostStyles, token } from '../themes/styles.js';

export const areaPickerStyles = [
  baseStyles,
  themeHostStyles,
  spinnerStyles,
  css`
    :host {
      display: block;
    }

    p {
      margin: 0;
    }

    .fieldset {
      display: grid;
      gap: ${token('space-s')};
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    .fieldset--invalid {
      border-left: 4px solid ${token('color-danger')};
      padding-left: ${token('space-m')};
    }

    .legend {
      padding: 0;
      margin-bottom: ${token('space-xs')};
      font-weight: ${token('font-weight-strong')};
      font-size: ${token('font-size-large')};
      color: ${token('color-text')};
    }
    .optional {
      font-weight: 400;
      color: ${token('color-text-muted')};
    }
    .hint {
      font-size: ${token('font-size-small')};
      color: ${token('color-text-muted')};
    }
    .hint--empty {
      display: none;
    }
    .error {
      color: ${token('color-danger')};
      font-weight: ${token('font-weight-strong')};
    }

    /* The selects go side by side according to the picker's own width, not the viewport's: all of
       them in a row, or (four levels) two by two, never a row with one left over. */
    .levels {
      display: grid;
      gap: ${token('space-m')};
      /* Labels may wrap differently; the selects still line up. */
      align-items: end;
    }
    .levels--2 {
      grid-template-columns: ${equalColumns(token('space-m'), ['24em', 2])};
    }
    .levels--3 {
      grid-template-columns: ${equalColumns(token('space-m'), ['36em', 3])};
    }
    .levels--4 {
      grid-template-columns: ${equalColumns(token('space-m'), ['24em', 2], ['48em', 4])};
    }

    .field {
      display: grid;
      gap: ${token('space-xs')};
      min-width: 0;
    }
    .label {
      font-weight: ${token('font-weight-strong')};
    }

    .select {
      display: block;
      width: 100%;
      min-height: ${token('target-size')};
      margin: 0;
      padding: ${token('space-s')} 12px;
      font: inherit;
      color: ${token('color-text')};
      background-color: ${token('color-background')};
      ${selectArrow}
      border: ${token('border-width')} solid ${token('color-border')};
      border-radius: ${token('radius-s')};
      text-overflow: ellipsis;
      transition:
        border-color 120ms ease,
        box-shadow 120ms ease;
    }
    .select:hover:not(:disabled) {
      border-color: ${token('color-text')};
    }
    .select:disabled {
      background-color: ${token('color-surface')};
      color: ${token('color-text-muted')};
      border-style: dashed;
      cursor: not-allowed;
    }
    .select[aria-invalid='true'] {
      border-color: ${token('color-danger')};
      box-shadow: inset 0 0 0 1px ${token('color-danger')};
    }
    .select:focus-visible,
    .button:focus-visible {
      outline: ${token('focus-ring-width')} solid ${token('color-focus')};
      outline-offset: 2px;
    }
    .select:focus-visible {
      outline-offset: 0;
      box-shadow: 0 0 0 calc(${token('focus-ring-width')} + 3px) ${token('color-focus-halo')};
    }

    .path {
      display: flex;
      flex-wrap: wrap;
      gap: 0 ${token('space-xs')};
      padding: ${token('space-s')} 12px;
      border-radius: ${token('radius-s')};
      background: ${token('color-surface')};
      color: ${token('color-text')};
    }
    .path-label {
      color: ${token('color-text-muted')};
    }
    .path-value {
      font-weight: ${token('font-weight-strong')};
    }
    .path--empty .path-value {
      font-weight: 400;
      color: ${token('color-text-muted')};
    }

    .status,
    .alert {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('space-s')} ${token('space-m')};
      padding: ${token('space-s')} 12px;
      border-radius: ${token('radius-s')};
    }
    .status {
      background: ${token('color-surface')};
    }
    .alert {
      border-left: 5px solid ${token('color-danger')};
      background: ${token('color-danger-surface')};
    }
    .notice {
      display: grid;
      gap: ${token('space-xs')};
      padding: ${token('space-m')};
      border-radius: ${token('radius-s')};
      background: ${token('color-surface')};
    }

    .button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      min-height: ${token('target-size')};
      min-width: ${token('target-size')};
      padding: ${token('space-s')} ${token('space-l')};
      font: inherit;
      font-weight: ${token('font-weight-strong')};
      color: ${token('color-primary')};
      background: ${token('color-background')};
      border: 2px solid ${token('color-primary')};
      border-radius: ${token('radius-s')};
      cursor: pointer;
    }
    .button:hover {
      background: ${token('color-surface')};
    }


    @media (prefers-reduced-motion: reduce) {
      .select {
        transition: none;
      }
    }

    @media (forced-colors: active) {
      .select {
        appearance: auto;
        background-image: none;
        border-color: FieldText;
      }
      .select[aria-invalid='true'],
      .fieldset--invalid {
        border-color: Mark;
      }
      .path,
      .alert,
      .status,
      .notice {
        border: 1px solid CanvasText;
      }
      .select:focus-visible,
      .button:focus-visible {
        outline-color: Highlight;
        box-shadow: none;
      }
      .button {
        border-color: ButtonText;
      }
    }
  `,
];
