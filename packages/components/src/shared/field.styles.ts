import { css } from 'lit';
import { selectArrow } from './indicator.styles.js';
import { equalColumns } from './columns.js';
import { token } from '../themes/styles.js';

/**
 * Labels, hints, inline errors, fieldsets, the field grids and the text inputs and selects, as the
 * request form and the other form widgets share them (after the card styles, before their own rules).
 * `.marker` and `.optional` are the "(optional)" after a label.
 */
export const fieldStyles = css`
  .marker,
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
  .grid--two {
    grid-template-columns: ${equalColumns(token('space-m'), ['26em', 2])};
    align-items: start;
  }
  /* The location selects go side by side only when all three fit, never two and one. */
  .grid--aligned {
    grid-template-columns: ${equalColumns(token('space-m'), ['36em', 3])};
    /* Labels may wrap differently; the controls still line up. */
    align-items: end;
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
    ${selectArrow}
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
`;
