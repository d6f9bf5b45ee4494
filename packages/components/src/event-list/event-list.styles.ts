import { css } from 'lit';
import { widgetStyles } from '../shared/widget.styles.js';
import { token } from '../themes/styles.js';

export const eventListStyles = [
  widgetStyles,
  css`
    :host {
      max-width: ${token('form-max-width')};
    }

    .body {
      container-type: inline-size;
    }
    .count {
      margin-bottom: ${token('space-s')};
      color: ${token('color-text-muted')};
    }
    .events {
      display: grid;
      gap: ${token('space-m')};
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .events:focus {
      outline: none;
    }
    .event {
      display: grid;
      gap: ${token('space-s')};
      padding: ${token('space-m')};
      border: 1px solid ${token('color-border-subtle')};
      border-left: 4px solid ${token('color-primary')};
      border-radius: ${token('radius-s')};
      background: ${token('color-background')};
    }
    .event--cancelled {
      border-left-color: ${token('color-border')};
      background: ${token('color-surface')};
    }
    .event--cancelled .event-title {
      text-decoration: line-through;
    }
    .event-title {
      margin: 0;
      font-size: ${token('font-size-large')};
      line-height: 1.35;
    }
    .badge {
      justify-self: start;
      padding: 2px ${token('space-s')};
      border-radius: 999px;
      border: 1px solid ${token('color-border')};
      font-size: ${token('font-size-small')};
      font-weight: ${token('font-weight-strong')};
      color: ${token('color-text')};
      background: ${token('color-surface')};
    }
    .badge--cancelled {
      color: ${token('color-danger')};
      border-color: ${token('color-danger')};
      background: ${token('color-danger-surface')};
    }
    .badge--full {
      color: ${token('color-text')};
    }
    .details--event dd {
      font-weight: 400;
    }
    .seats {
      color: ${token('color-success')};
    }
    .details--event .seats {
      font-weight: ${token('font-weight-strong')};
    }
    .seats--full {
      color: ${token('color-text')};
    }
    .event-description {
      color: ${token('color-text-muted')};
    }
    .event-actions {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-s')};
    }
    .calendar-note {
      font-size: ${token('font-size-small')};
      color: ${token('color-text-muted')};
    }
    .calendar-note:empty {
      display: none;
    }
    .calendar-note--failed {
      color: ${token('color-danger')};
      font-weight: ${token('font-weight-strong')};
    }
    /* Label and value side by side only where there is room. */
    @container (max-width: 22em) {
      .details {
        grid-template-columns: 1fr;
      }
      .details dd {
        margin-bottom: ${token('space-xs')};
      }
    }

    .signup,
    .manage,
    .found,
    .confirm {
      display: grid;
      gap: ${token('space-m')};
    }
    .found {
      margin-top: ${token('space-l')};
      padding-top: ${token('space-l')};
      border-top: 1px solid ${token('color-border-subtle')};
    }
    .section-heading {
      margin: 0;
      font-size: ${token('font-size-large')};
    }
    .section-heading:focus,
    .confirm-text:focus {
      outline: none;
    }
    .confirm-text {
      font-weight: ${token('font-weight-strong')};
    }
    .manage-link {
      margin-top: ${token('space-m')};
    }
    .actions--plain {
      border-top: 0;
      padding-top: 0;
    }
    .actions--plain .button {
      margin-top: 0;
    }
    .button--danger-outline {
      color: ${token('color-danger')};
      border-color: ${token('color-danger')};
    }
    .control--narrow {
      max-width: 12em;
    }
    .control--code {
      font-family: ${token('font-family-code')};
      letter-spacing: 0.04em;
      text-transform: uppercase;
    }
    .success .details {
      width: 100%;
    }

    @media (forced-colors: active) {
      .event,
      .badge {
        border: 2px solid CanvasText;
      }
    }
  `,
];
