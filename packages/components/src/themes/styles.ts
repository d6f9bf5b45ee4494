import { css, unsafeCSS, type CSSResult } from 'lit';
import { declarations, defaultTokens, elderOverrides, type TokenName } from './tokens.js';

/** `var(--ds-<name>, <default value>)`: a token with its default as fallback, for use inside `css`. */
export function token(name: TokenName): CSSResult {
  return unsafeCSS(`var(--ds-${name}, ${defaultTokens[name]})`);
}

/**
 * Applies the elder theme to a host that asks for it. Default values are not set on `:host`, so a
 * theme set higher up (a provider, the portal's `:root`) still reaches the element.
 */
export const themeHostStyles = css`
  :host([theme='elder']) {
    ${unsafeCSS(declarations(elderOverrides))}
  }
`;

/** Resets and helpers every widget shares. */
export const baseStyles = css`
  :host {
    box-sizing: border-box;
    font-family: ${token('font-family')};
    font-size: ${token('font-size-body')};
    line-height: ${token('line-height')};
    color: ${token('color-text')};
    -webkit-text-size-adjust: 100%;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }
`;
