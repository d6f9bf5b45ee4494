import { LitElement, html, type PropertyValues } from 'lit';
import { ContextProvider } from '@lit/context';
import { property } from 'lit/decorators.js';
import type { DoorstepClient } from '@doorstep/sdk';
import { clientContext, localeContext } from '../base/context.js';
import { clientSourceFor, type ClientSource } from '../base/api-client.js';
import { DEV, warnOnce } from '../base/dev.js';
import { closestLang } from '../base/lang.js';
import { matchLocale, type Locale } from '../locales/index.js';
import type { ThemeSetting } from '../themes/tokens.js';
import { providerStyles } from './provider.styles.js';

/**
 * @summary Configures the Doorstep widgets inside it: one API address, one language, one theme.
 *
 * @slot - The widgets (and any other content) the settings apply to.
 *
 * @cssprop --ds-* - Every design token; `theme="elder"` sets the elder values here, and the widgets inside inherit them.
 *
 * @example
 * <ds-provider api-base="https://portal.example.cn/api" locale="zh-CN" theme="elder">
 *   <ds-request-form></ds-request-form>
 * </ds-provider>
 */
export class DsProvider extends LitElement {
  static override styles = providerStyles;

  /** The API address the widgets talk to. Ignored when {@link client} is set. */
  @property({ attribute: 'api-base', reflect: true }) apiBase?: string;

  /** zh-CN, zh-TW or en (other tags such as zh-Hant or en-GB are matched). Unset: each widget follows its closest `lang`. */
  @property({ reflect: true }) locale?: string;

  /**
   * The theme of everything inside: `default`, `dark`, `elder` (text ≥ 18 px, targets ≥ 60 px), `high-contrast`,
   * `auto` (dark when the device asks for it), or elder with a colour theme (`elder dark`).
   */
  @property({ reflect: true }) theme: ThemeSetting = 'default';

  /** A ready-made SDK client from `createClient` (your own `fetch`, token, hooks…). Takes precedence over `api-base`. */
  @property({ attribute: false }) client?: DoorstepClient;

  private readonly clientProvider = new ContextProvider(this, { context: clientContext });
  private readonly localeProvider = new ContextProvider(this, { context: localeContext });

  /** The locale the provider hands down, or `undefined` when `locale` is unset or unsupported. */
  get resolvedLocale(): Locale | undefined {
    return matchLocale(this.locale);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const locale = this.resolvedLocale;
    if (DEV && this.locale && !locale) {
      warnOnce(`<ds-provider locale="${this.locale}">: Doorstep speaks zh-CN, zh-TW and en (or tags such as zh-Hant, en-GB); the widgets follow their closest lang instead.`);
    }
    this.localeProvider.setValue(locale);
    this.clientProvider.setValue(this.client ?? this.clientFromApiBase(locale));
  }

  private clientFromApiBase(locale: Locale | undefined): ClientSource | undefined {
    return clientSourceFor(this.apiBase, locale ?? matchLocale(closestLang(this)));
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ds-provider': DsProvider;
  }
}
