import { css } from 'lit';
import { spinnerStyles } from './indicator.styles.js';
import { token } from '../themes/styles.js';

/**
 * Focus rings, buttons, the error summary, inline errors and alerts, and the forced-colors rules for
 * these, the card and the fields: the same in every form widget (the request form and the widgets
 * built on `widgetStyles`). Each includes it where these rules stood
 * in its own sheet, so the cascade is unchanged.
 */
export const controlStyles = css`
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

    ${spinnerStyles}

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
      .control,
      .button {
        transition: none;
      }
    }

    /* Windows high contrast: system colours for the card, the fields and the rules above. */
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
`;
