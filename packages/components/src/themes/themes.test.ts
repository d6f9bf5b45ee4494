import { expect } from '@open-wc/testing';
import { requestFormStyles } from '../request-form/request-form.styles.js';
import { providerStyles } from '../provider/provider.styles.js';
import { defaultTokens, elderTokens, themeStylesheet, THEMES, type Tokens } from './tokens.js';

/** WCAG relative luminance contrast of two #rrggbb colours. */
function contrast(foreground: string, background: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((start) => {
      const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

const allCss = [...requestFormStyles, ...providerStyles].map((sheet) => sheet.cssText).join('\n');

describe('design tokens', () => {
  for (const [name, tokens] of Object.entries(THEMES) as Array<[string, Tokens]>) {
    it(`${name}: text and controls have enough contrast`, () => {
      const text: Array<[keyof Tokens, keyof Tokens]> = [
        ['color-text', 'color-background'],
        ['color-text', 'color-surface'],
        ['color-text-muted', 'color-background'],
        ['color-text-muted', 'color-surface'],
        ['color-primary', 'color-background'],
        ['color-on-primary', 'color-primary'],
        ['color-on-primary', 'color-primary-hover'],
        ['color-danger', 'color-background'],
        ['color-text', 'color-danger-surface'],
        ['color-success', 'color-success-surface'],
        ['color-text-muted', 'color-success-surface'],
      ];
      for (const [foreground, background] of text) {
        expect(contrast(tokens[foreground], tokens[background]), `${foreground} on ${background}`).to.be.at.least(4.5);
      }
      // Borders and the focus ring are not text: WCAG asks 3:1.
      expect(contrast(tokens['color-border'], tokens['color-background'])).to.be.at.least(3);
      expect(contrast(tokens['color-focus'], tokens['color-background'])).to.be.at.least(3);
    });
  }

  it('elder: text ≥ 18px (body 20px) and targets ≥ 60px; default targets ≥ 44px', () => {
    for (const size of ['font-size-small', 'font-size-body', 'font-size-large', 'font-size-title'] as const) {
      expect(parseFloat(elderTokens[size]), size).to.be.at.least(18);
    }
    expect(elderTokens['font-size-body']).to.equal('20px');
    expect(parseFloat(elderTokens['target-size'])).to.be.at.least(60);
    expect(parseFloat(defaultTokens['target-size'])).to.be.at.least(44);
  });

  it('every token is used by the styles, and the styles use no undefined token', () => {
    const used = new Set([...allCss.matchAll(/--ds-([a-z0-9-]+)/g)].map((match) => match[1]!));
    const defined = new Set(Object.keys(defaultTokens));
    expect([...defined].filter((name) => !used.has(name)), 'unused').to.deep.equal([]);
    expect([...used].filter((name) => !defined.has(name)), 'undefined').to.deep.equal([]);
  });

  it('writes the theme stylesheets portals include', () => {
    const elder = themeStylesheet('elder');
    expect(elder).to.match(/^:root,\n\.ds-theme-elder \{/m);
    expect(elder).to.contain('--ds-font-size-body: 20px;').and.to.contain('--ds-target-size: 60px;');
    const declared = themeStylesheet('default').match(/--ds-[a-z0-9-]+:/g) ?? [];
    expect(declared).to.have.length(Object.keys(defaultTokens).length);
  });
});
