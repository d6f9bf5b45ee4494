import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../define/index.js';
import {
  darkOverrides,
  defaultTokens,
  elderTokens,
  highContrastTokens,
  themeStylesheet,
  THEME_OVERRIDES,
  THEMES,
  type Tokens,
} from './tokens.js';

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

/**
 * The CSS of every element in the manifest (so a new widget is checked without editing this file), plus
 * the shared theme rules.
 */
async function everyElementsCss(): Promise<{ tags: string[]; css: string }> {
  const manifest = (await (await fetch('/packages/components/custom-elements.json')).json()) as {
    modules: Array<{ declarations?: Array<{ tagName?: string }> }>;
  };
  const tags = manifest.modules.flatMap((module) => (module.declarations ?? []).map((declaration) => declaration.tagName ?? '')).filter(Boolean);
  const sheets = tags.flatMap((tag) => {
    const element = customElements.get(tag) as (CustomElementConstructor & { elementStyles?: Array<{ cssText: string }> }) | undefined;
    return (element?.elementStyles ?? []).map((sheet) => sheet.cssText);
  });
  return { tags, css: sheets.join('\n') };
}

/** `css` without what each match of `start` opens: an at-rule up to its balanced `}`, a `var(` up to its `)`. */
function withoutBlocks(css: string, start: RegExp): string {
  let result = '';
  let from = 0;
  for (const match of css.matchAll(start)) {
    if (match.index < from) continue;
    result += css.slice(from, match.index);
    const [open, close] = match[0].startsWith('@') ? ['{', '}'] : ['(', ')'];
    let depth = open === '(' ? 1 : 0;
    let index = match.index + match[0].length;
    for (; index < css.length; index++) {
      if (css[index] === open) depth++;
      else if (css[index] === close && --depth === 0) break;
    }
    from = index + 1;
  }
  return result + css.slice(from);
}

const tokenOf = (element: Element, name: string) => getComputedStyle(element).getPropertyValue(`--ds-${name}`).trim();

describe('design tokens', () => {
  for (const [name, tokens] of Object.entries(THEMES) as Array<[string, Tokens]>) {
    it(`${name}: text and controls have enough contrast`, () => {
      const text: Array<[keyof Tokens, keyof Tokens]> = [
        ['color-text', 'color-background'],
        ['color-text', 'color-surface'],
        ['color-text-muted', 'color-background'],
        ['color-text-muted', 'color-surface'],
        ['color-primary', 'color-background'],
        ['color-primary', 'color-surface'],
        ['color-on-primary', 'color-primary'],
        ['color-on-primary', 'color-primary-hover'],
        ['color-danger', 'color-background'],
        ['color-text', 'color-danger-surface'],
        ['color-danger', 'color-danger-surface'],
        ['color-success', 'color-success-surface'],
        ['color-text-muted', 'color-success-surface'],
      ];
      const minimum = name === 'high-contrast' ? 7 : 4.5;
      for (const [foreground, background] of text) {
        expect(contrast(tokens[foreground], tokens[background]), `${foreground} on ${background}`).to.be.at.least(minimum);
      }
      // Borders and the focus ring are not text: WCAG asks 3:1.
      expect(contrast(tokens['color-border'], tokens['color-background']), 'border').to.be.at.least(3);
      expect(contrast(tokens['color-focus'], tokens['color-background']), 'focus ring').to.be.at.least(3);
    });
  }

  it('elder: text ≥ 18px (body 20px) and targets ≥ 60px; default targets ≥ 44px', () => {
    for (const size of ['font-size-small', 'font-size-body', 'font-size-large', 'font-size-title'] as const) {
      expect(parseFloat(elderTokens[size]), size).to.be.at.least(18);
    }
    expect(elderTokens['font-size-body']).to.equal('20px');
    expect(parseFloat(elderTokens['target-size'])).to.be.at.least(60);
    expect(parseFloat(defaultTokens['target-size'])).to.be.at.least(44);
    expect(highContrastTokens['shadow']).to.equal('none');
  });

  it('every token is used by some element, and no element uses a token that does not exist', async () => {
    const { tags, css } = await everyElementsCss();
    expect(tags).to.include.members(['ds-provider', 'ds-request-form']);
    const used = new Set([...css.matchAll(/--ds-([a-z0-9-]+)/g)].map((match) => match[1]!));
    const defined = new Set(Object.keys(defaultTokens));
    expect([...defined].filter((name) => !used.has(name)), 'unused').to.deep.equal([]);
    expect([...used].filter((name) => !defined.has(name)), 'undefined').to.deep.equal([]);
  });

  it('paints every colour from a token, so each theme reaches every pixel', async () => {
    const { css } = await everyElementsCss();
    // Colours come as a token with its default (`var(--ds-color-x, #hex)`) or as system colours; a
    // fixed colour, also one inside an image, would stay the same in the dark and high-contrast themes.
    // Print rules (black on white paper) and the themes' own token declarations are what may name one.
    const rest = withoutBlocks(css, /var\(--ds-|@media print\b[^{]*/g).replace(/--ds-[a-z0-9-]+:[^;}]*/g, '');
    const fixed = [...rest.matchAll(/#[0-9a-f]{3,8}\b|%23[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|oklch)\(/gi)].map((match) =>
      rest.slice(Math.max(0, match.index - 60), match.index + 20).replace(/\s+/g, ' '),
    );
    expect(fixed).to.deep.equal([]);
  });

  it('themes override only tokens that exist', () => {
    for (const [name, overrides] of Object.entries(THEME_OVERRIDES)) {
      for (const token of Object.keys(overrides)) expect(token in defaultTokens, `${name}: ${token}`).to.be.true;
    }
  });

  it('writes the theme stylesheets portals include, one per theme, with every token', () => {
    expect(Object.keys(THEMES).sort()).to.deep.equal(['dark', 'default', 'elder', 'high-contrast']);
    const elder = themeStylesheet('elder');
    expect(elder).to.match(/^:root,\n\.ds-theme-elder \{/m);
    expect(elder).to.contain('--ds-font-size-body: 20px;').and.to.contain('--ds-target-size: 60px;');
    for (const name of Object.keys(THEMES) as Array<keyof typeof THEMES>) {
      const declared = themeStylesheet(name).match(/--ds-[a-z0-9-]+:/g) ?? [];
      expect(declared, name).to.have.length(Object.keys(defaultTokens).length);
    }
  });
});

describe('themes on <ds-provider> and on a widget', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light', forcedColors: 'none' }));

  it('applies dark, high-contrast and elder, and combines elder with a colour theme', async () => {
    const provider = await fixture(html`<ds-provider theme="dark"><p>text</p></ds-provider>`);
    const paragraph = provider.querySelector('p')!;
    expect(tokenOf(paragraph, 'color-background')).to.equal(darkOverrides['color-background']);
    provider.setAttribute('theme', 'high-contrast');
    expect(tokenOf(paragraph, 'color-border')).to.equal('#000000');
    provider.setAttribute('theme', 'elder dark');
    expect(tokenOf(paragraph, 'target-size')).to.equal('60px');
    expect(tokenOf(paragraph, 'color-text')).to.equal(darkOverrides['color-text']);
  });

  it('follows the device with theme="auto"', async () => {
    const provider = await fixture(html`<ds-provider theme="auto"><p>text</p></ds-provider>`);
    const paragraph = provider.querySelector('p')!;
    await emulateMedia({ colorScheme: 'light' });
    expect(tokenOf(paragraph, 'color-background')).to.equal('');
    await emulateMedia({ colorScheme: 'dark' });
    expect(tokenOf(paragraph, 'color-background')).to.equal(darkOverrides['color-background']);
  });

  it('uses system colours in forced-colours mode', async () => {
    const form = await fixture(html`<ds-request-form theme="dark"></ds-request-form>`);
    await emulateMedia({ forcedColors: 'active' });
    expect(tokenOf(form, 'color-primary')).to.equal('LinkText');
    expect(tokenOf(form, 'shadow')).to.equal('none');
    await emulateMedia({ forcedColors: 'none' });
    expect(tokenOf(form, 'color-primary')).to.equal(darkOverrides['color-primary']);
  });

  it('outlines the "not configured" notice with a system colour in forced-colours mode, in every widget', async () => {
    // A panel drawn by its background alone disappears when forced colours take backgrounds away.
    const { tags } = await everyElementsCss();
    const unmarked: string[] = [];
    for (const tag of tags) {
      const widget = await fixture(`<${tag}></${tag}>`);
      const notice = widget.shadowRoot?.querySelector<HTMLElement>('[part~="notice"]');
      if (!notice) continue; // the provider: nothing of its own to show
      await emulateMedia({ forcedColors: 'active' });
      if (getComputedStyle(notice).borderTopStyle === 'none') unmarked.push(tag);
      await emulateMedia({ forcedColors: 'none' });
    }
    expect(tags.length).to.be.greaterThan(10);
    expect(unmarked).to.deep.equal([]);
  });
});
