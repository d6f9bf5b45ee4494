import { css } from 'lit';
import { token } from '../themes/styles.js';

/**
 * The card, its heading and the form's field layout: the same in the request form and the widgets
 * built on `widgetStyles`. Each includes it where these rules stood in its own sheet, so the cascade
 * is unchanged.
 */
export const cardStyles = css`
    .card {
      position: relative;
      background: ${token('color-background')};
      border: 1px solid ${token('color-border-subtle')};
      border-top: 4px solid ${token('color-primary')};
      border-radius: ${token('radius-m')};
      box-shadow: ${token('shadow')};
      padding: ${token('space-l')};
    }
    @media (min-width: 40rem) {
      .card {
        padding: ${token('space-xl')};
      }
    }

    p {
      margin: 0;
    }

    .header {
      margin-bottom: ${token('space-l')};
    }
    .title {
      margin: 0 0 ${token('space-xs')};
      font-size: ${token('font-size-title')};
      font-weight: 700;
      line-height: 1.3;
      letter-spacing: 0.01em;
    }
    .intro {
      color: ${token('color-text-muted')};
    }

    .form {
      display: grid;
      gap: ${token('space-l')};
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

    .label,
    .legend {
      font-weight: ${token('font-weight-strong')};
      color: ${token('color-text')};
    }
    .legend {
      padding: 0;
      margin-bottom: ${token('space-xs')};
      font-size: ${token('font-size-large')};
    }
`;
