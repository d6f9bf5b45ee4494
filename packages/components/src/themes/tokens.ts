/**
 * The design tokens: one source for the shadow-DOM fallbacks, the `theme="elder"` overrides and the
 * `dist/themes/*.css` files portals include. Each name becomes the custom property `--ds-<name>`.
 */
export const defaultTokens = {
  'font-family':
    'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
  'font-family-code': 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace',
  'font-size-small': '14px',
  'font-size-body': '16px',
  'font-size-large': '18px',
  'font-size-title': '22px',
  'font-size-code': '28px',
  'font-weight-strong': '600',
  'line-height': '1.6',

  'color-text': '#1b2430',
  'color-text-muted': '#4a5565',
  'color-background': '#ffffff',
  'color-surface': '#f4f6f9',
  'color-border': '#6b7584',
  'color-border-subtle': '#d5dbe3',
  'color-primary': '#1a56b0',
  'color-primary-hover': '#134291',
  'color-on-primary': '#ffffff',
  'color-danger': '#b42318',
  'color-danger-surface': '#fef3f2',
  'color-success': '#05603a',
  'color-success-surface': '#ecfdf3',
  'color-focus': '#0b3d91',
  'color-focus-halo': '#ffd54f',

  'space-xs': '4px',
  'space-s': '8px',
  'space-m': '16px',
  'space-l': '24px',
  'space-xl': '32px',

  'radius-s': '6px',
  'radius-m': '12px',
  'border-width': '1px',
  'focus-ring-width': '3px',
  'target-size': '44px',
  'form-max-width': '42rem',
  'shadow': '0 1px 2px rgb(16 24 40 / 0.06), 0 4px 12px rgb(16 24 40 / 0.06)',
} as const satisfies Record<string, string>;

export type TokenName = keyof typeof defaultTokens;
export type Tokens = Record<TokenName, string>;

/**
 * Elder-friendly: every text ≥ 18 px (body 20 px), targets ≥ 60 px, stronger borders and text for
 * contrast well above 4.5:1, a little more room between lines and fields.
 */
export const elderOverrides = {
  'font-size-small': '18px',
  'font-size-body': '20px',
  'font-size-large': '22px',
  'font-size-title': '28px',
  'font-size-code': '34px',
  'line-height': '1.7',
  'color-text': '#0b0f14',
  'color-text-muted': '#2f3846',
  'color-border': '#3f4856',
  'color-primary': '#0f4699',
  'color-primary-hover': '#0a3372',
  'space-m': '20px',
  'space-l': '28px',
  'space-xl': '36px',
  'border-width': '2px',
  'focus-ring-width': '4px',
  'target-size': '60px',
  'form-max-width': '46rem',
} as const satisfies Partial<Tokens>;

/**
 * Dark: light text on a near-black background for portals with a dark design or residents who set their
 * device to dark. Every text pair keeps ≥ 4.5:1 and borders ≥ 3:1 (themes.test.ts checks), the primary
 * button turns light with dark text, and shadows deepen so cards still read as raised.
 */
export const darkOverrides = {
  'color-text': '#e8ebf0',
  'color-text-muted': '#b6bfcc',
  'color-background': '#161a21',
  'color-surface': '#1f252e',
  'color-border': '#8d97a6',
  'color-border-subtle': '#343c48',
  'color-primary': '#8ab4ff',
  'color-primary-hover': '#b0ccff',
  'color-on-primary': '#0b1526',
  'color-danger': '#ff9b91',
  'color-danger-surface': '#3b1915',
  'color-success': '#7ddba3',
  'color-success-surface': '#112b1e',
  'color-focus': '#ffd54f',
  'color-focus-halo': '#5c4a00',
  'shadow': '0 1px 2px rgb(0 0 0 / 0.5), 0 4px 12px rgb(0 0 0 / 0.45)',
} as const satisfies Partial<Tokens>;

/**
 * High contrast: black on white, pure primary and status colours (≥ 7:1 for text), every border black
 * and twice as thick, a thicker focus ring, no shadows. For residents with low vision who do not use
 * their system's forced colours (those get system colours instead; see `forcedColorsStyles`).
 */
export const highContrastOverrides = {
  'color-text': '#000000',
  'color-text-muted': '#000000',
  'color-background': '#ffffff',
  'color-surface': '#ffffff',
  'color-border': '#000000',
  'color-border-subtle': '#000000',
  'color-primary': '#0000b3',
  'color-primary-hover': '#000066',
  'color-on-primary': '#ffffff',
  'color-danger': '#9e0000',
  'color-danger-surface': '#ffffff',
  'color-success': '#004d00',
  'color-success-surface': '#ffffff',
  'color-focus': '#000000',
  'color-focus-halo': '#ffd500',
  'border-width': '2px',
  'focus-ring-width': '4px',
  'shadow': 'none',
} as const satisfies Partial<Tokens>;

export const elderTokens: Tokens = { ...defaultTokens, ...elderOverrides };
export const darkTokens: Tokens = { ...defaultTokens, ...darkOverrides };
export const highContrastTokens: Tokens = { ...defaultTokens, ...highContrastOverrides };

/** Every theme's full set of values. */
export const THEMES = { default: defaultTokens, dark: darkTokens, elder: elderTokens, 'high-contrast': highContrastTokens } as const;
export type ThemeName = keyof typeof THEMES;

/**
 * What each theme changes from the default, in the order the widgets apply them: colour themes after
 * elder, so `theme="elder dark"` has elder sizes and dark colours.
 */
export const THEME_OVERRIDES: { readonly [Name in ThemeName]: Partial<Tokens> } = {
  default: {},
  elder: elderOverrides,
  dark: darkOverrides,
  'high-contrast': highContrastOverrides,
};

/**
 * A `theme` attribute: one theme, `auto` (dark when the device asks for it), or a size theme with a
 * colour theme, e.g. `elder dark`.
 */
export type ThemeSetting = ThemeName | 'auto' | `elder ${'dark' | 'high-contrast' | 'auto'}` | `${'dark' | 'high-contrast' | 'auto'} elder`;

/** `--ds-font-size-body: 16px; …` for the given tokens. */
export function declarations(tokens: Partial<Tokens>): string {
  return Object.entries(tokens)
    .map(([name, value]) => `--ds-${name}: ${value};`)
    .join('\n  ');
}

/** The plain CSS file a portal includes: `:root, .ds-theme-<name> { --ds-…: … }`. */
export function themeStylesheet(name: ThemeName): string {
  return `/* @doorstep/components — ${name} theme. Generated from src/themes/tokens.ts; do not edit. */\n:root,\n.ds-theme-${name} {\n  ${declarations(THEMES[name])}\n}\n`;
}
