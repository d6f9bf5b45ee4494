import { css } from 'lit';
import { token } from '../themes/styles.js';

/**
 * The arrow of a select, drawn in the theme's muted text colour (a fixed image would fade on the dark
 * and high-contrast themes): declarations for a select's own rule. Forced-colours rules give the native
 * arrow back (`appearance: auto; background-image: none`).
 */
export const selectArrow = css`
  appearance: none;
  padding-right: 2.5em;
  background-image:
    linear-gradient(45deg, transparent 50%, ${token('color-text-muted')} 50%),
    linear-gradient(135deg, ${token('color-text-muted')} 50%, transparent 50%);
  background-repeat: no-repeat;
  background-position:
    right calc(0.75em + 6px) center,
    right 0.75em center;
  background-size: 6px 6px;
`;

/**
 * The busy spinner: `.spinner` on a page's background, `.spinner--on-primary` inside a primary button,
 * each in its theme's colours; without motion (reduced-motion) it stands still as a part-drawn ring.
 */
export const spinnerStyles = css`
  .spinner {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    border-radius: 50%;
    border: 3px solid ${token('color-border-subtle')};
    border-top-color: ${token('color-primary')};
    animation: spin 0.8s linear infinite;
  }
  .spinner--on-primary {
    border-color: transparent;
    border-top-color: ${token('color-on-primary')};
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
      border-right-color: ${token('color-primary')};
    }
    .spinner--on-primary {
      border-right-color: ${token('color-on-primary')};
    }
  }
`;
