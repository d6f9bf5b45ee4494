import { css } from 'lit';
import { widgetStyles } from '../shared/widget.styles.js';
import { token } from '../themes/styles.js';

export const appointmentBookingStyles = [
  widgetStyles,
  css`
    :host {
      max-width: ${token('form-max-width')};
    }

    /* Days and times go side by side when the widget (not the page) is wide enough. */
    .form {
      container-type: inline-size;
    }
    @container (min-width: 28em) {
      .choices--day,
      .choices--new-day,
      .choices--slot,
      .choices--new-slot {
        grid-template-columns: repeat(auto-fill, minmax(12em, 1fr));
      }
    }

    .section-heading {
      margin: 0 0 ${token('space-s')};
      font-size: ${token('font-size-large')};
    }
    .section-heading:focus,
    .confirm-text:focus {
      outline: none;
    }

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

    .success .details,
    .success .panel {
      width: 100%;
    }
    .panel--on-success {
      background: ${token('color-background')};
    }
    .control--code {
      font-family: ${token('font-family-code')};
      letter-spacing: 0.04em;
      text-transform: uppercase;
    }
    .control--date {
      max-width: 16em;
    }
  `,
];
