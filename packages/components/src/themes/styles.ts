import { css, unsafeCSS, type CSSResult } from 'lit';
import { THEME_OVERRIDES, darkOverrides, declarations, defaultTokens, type ThemeName, type TokenName } from './tokens.js';

/** `var(--ds-<name>, <default value>)`: a token with its default as fallback, for use inside `css`. */
export function token(name: TokenName): CSSResult {
  return unsafeCSS(`var(--ds-${name}, ${defaultTokens[name]})`);
}

/**
 * Windows high contrast and other forced-colour modes: the browser paints with the user's system
 * colours, so the tokens name system colours too (an SVG, a focus ring or a status mark then follows
 * the user's palette), and shadows, which forced colours drop, are not relied on.
 */
export const forcedColorsStyles = css`
  @media (forced-colors: active) {
    /* As specific as :host([theme~='dark']) and later, so it wins over every theme. */
    :host,
    :host([theme]) {
      --ds-color-text: CanvasText;
      --ds-color-text-muted: CanvasText;
      --ds-color-background: Canvas;
      --ds-color-surface: Canvas;
      --ds-color-border: CanvasText;
      --ds-color-border-subtle: CanvasText;
      --ds-color-primary: LinkText;
      --ds-color-primary-hover: LinkText;
      --ds-color-on-primary: Canvas;
      --ds-color-danger: CanvasText;
      --ds-color-danger-surface: Canvas;
      --ds-color-success: CanvasText;
      --ds-color-success-surface: Canvas;
      --ds-color-focus: Highlight;
      --ds-color-focus-halo: Highlight;
      --ds-shadow: none;
    }
  }
`;

/**
 * Applies the themes a host asks for (`theme="elder"`, `theme="dark"`, `theme="elder dark"`, `theme="auto"`),
 * and system colours in forced-colours mode. Default values are not set on `:host`, so a theme set higher
 * up (a provider, the portal's `:root`) still reaches the element.
 */
export const themeHostStyles = unsafeCSS(
  [
    ...(Object.keys(THEME_OVERRIDES) as ThemeName[])
      .filter((name) => name !== 'default')
      .map((name) => `:host([theme~='${name}']) {\n  ${declarations(THEME_OVERRIDES[name])}\n}`),
    `@media (prefers-color-scheme: dark) {\n:host([theme~='auto']) {\n  ${declarations(darkOverrides)}\n}\n}`,
    forcedColorsStyles.cssText,
  ].join('\n'),
);

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
