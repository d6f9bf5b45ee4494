import { css } from 'lit';
import { fillColumns } from '../shared/columns.js';
import { widgetStyles } from '../shared/widget.styles.js';
import { token } from '../themes/styles.js';

export const volunteerSignupStyles = [
  ...widgetStyles,
  css`
    :host {
      max-width: ${token('form-max-width')};
    }
    /* Short choices (times, skills) sit two or three to a row when the form is wide enough. */
    .choices--columns {
      grid-template-columns: ${fillColumns('28em', '12em')};
    }
    .access-key {
      /* A key must never break across lines: on a narrow phone it shrinks instead. */
      font-size: min(${token('font-size-code')}, 6vw);
    }
    .volunteer-code {
      font-family: ${token('font-family-code')};
      letter-spacing: 0.04em;
    }
  `,
];
