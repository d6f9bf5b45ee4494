import { LitElement, html, type PropertyValues } from 'lit';
import { consume } from '@lit/context';
import { property, state } from 'lit/decorators.js';
import {
  DEFAULT_LOCALE,
  commonMessages,
  format,
  localeReady,
  matchLocale,
  type Catalog,
  type KeyOf,
  type Locale,
  type MessageParams,
} from '../locales/index.js';
import type { ThemeSetting } from '../themes/tokens.js';
import { clientContext, localeContext } from './context.js';
import { closestLang, watchLang } from './lang.js';

import {
  API_BASE_META,
  clientFor,
  clientSourceFor,
  type AllResources,
  type ClientOf,
  type ClientSource,
  type ResourceFactories,
} from './api-client.js';
import { DEV, warnOnce } from './dev.js';

/** `detail` of `ds-error`, which every widget sends: what failed and the SDK error. */
export interface DsErrorDetail {
  phase: 'load' | 'submit' | 'photo' | 'duplicates' | 'support';
  error: unknown;
}

/** The events Doorstep widgets send: the `ds-*` entries each widget adds to `GlobalEventHandlersEventMap`. */
type DoorstepEvent = Extract<keyof GlobalEventHandlersEventMap, `ds-${string}`>;
type DetailOf<K extends DoorstepEvent> = GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * What every Doorstep widget shares: the locale and the SDK client, each from the closest
 * `<ds-provider>` if there is one, else from the element and the page.
 *
 * - Locale: the provider's `locale`; else the closest `lang` attribute (through shadow roots); else zh-CN.
 *   `lang` changes anywhere on the page are followed.
 * - Client: the provider's client; else one made from the element's `api-base`; else from
 *   `<meta name="doorstep:api-base" content="…">`. With none, {@link renderNotConfigured} explains.
 *
 * @cssprop --ds-font-family - Body font stack.
 * @cssprop --ds-font-size-body - Body text size (16px; 20px in the elder theme).
 * @cssprop --ds-color-text - Text colour.
 *
 * `K` is the widget's message keys: give the class its catalogue in {@link messages} and {@link t}
 * looks a key up there first, then among the strings every widget shares.
 */
export abstract class DoorstepElement<
  K extends string = never,
  R extends ResourceFactories = AllResources,
> extends LitElement {
  /** The tag, for messages in the console. */
  protected abstract readonly tagLabel: string;

  /** The API address, when the widget is used without a `<ds-provider>` (e.g. `https://portal.example.cn/api`). */
  @property({ attribute: 'api-base', reflect: true }) apiBase?: string;

  /**
   * This widget's theme, when it should differ from the page's or the provider's: `dark`, `elder`,
   * `high-contrast`, `auto` or `elder dark`; `default` (or nothing) inherits.
   */
  @property({ reflect: true }) theme?: ThemeSetting;

  @consume({ context: clientContext, subscribe: true })
  @state()
  private providedClient?: ClientSource;

  @consume({ context: localeContext, subscribe: true })
  @state()
  private providedLocale?: Locale;

  @state() private langLocale: Locale = DEFAULT_LOCALE;

  private stopWatchingLang?: () => void;
  private reportedMissingClient = false;

  /** The locale the widget speaks. */
  get locale(): Locale {
    return this.providedLocale ?? this.langLocale;
  }

  /**
   * The SDK operations the widget uses (`{ requests: requestsResource, … }` from
   * `@doorstep/sdk/resources/*.js`): {@link client} has exactly these, so the widget's bundle carries
   * only their code and schemas, not every service's.
   */
  protected readonly resources?: R;

  /** The SDK client the widget uses (its {@link resources}), or `undefined` when nothing configures one. */
  get client(): ClientOf<R> | undefined {
    const source = this.providedClient ?? clientSourceFor(this.apiBase, this.locale);
    if (!source) return undefined;
    if (this.resources) return clientFor(source, this.resources);
    // A widget that declares no resources can use only a whole client handed down by a provider.
    if (DEV) warnOnce(`<${this.tagLabel}> declares no \`resources\`, so it works only inside a <ds-provider> given a whole client; set \`protected override readonly resources = { … }\` (see DoorstepElement).`);
    return source.transport && Object.keys(source).length === 1 ? undefined : (source as ClientOf<R>);
  }

  /** The widget's own strings (see `defineCatalog`). */
  protected readonly messages?: Catalog<K>;

  /** A UI string in the widget's locale, from the widget's catalogue or the shared one. */
  protected t(key: K | KeyOf<typeof commonMessages>, params?: MessageParams): string {
    const own = this.messages;
    return own && key in own[DEFAULT_LOCALE]
      ? format(own as Catalog<string>, this.locale, key, params)
      : format(commonMessages as Catalog<string>, this.locale, key, params);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resolveLang();
    this.stopWatchingLang = watchLang(() => this.resolveLang());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatchingLang?.();
    this.stopWatchingLang = undefined;
  }

  /** Waits, before rendering, for the strings of the widget's language when they load on demand. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = localeReady([commonMessages as Catalog<string>, this.messages as Catalog<string> | undefined], this.locale);
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // A framework may set `lang` in the same task as the properties (React sets both after mounting):
    // read it now, before this update makes a client, rather than after the lang observer's turn.
    this.resolveLang();
    // If that changed the language to one whose strings load on demand, render again once they are here.
    localeReady([commonMessages as Catalog<string>, this.messages as Catalog<string> | undefined], this.locale)?.then(() => this.requestUpdate());
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The page says why the widget cannot load; the console names the fixes (development build only).
    if (DEV && !this.client && !this.reportedMissingClient) {
      this.reportedMissingClient = true;
      console.error(
        `<${this.tagLabel}>: no Doorstep API is configured, so the widget cannot load. Do one of: ` +
          `wrap it in <ds-provider api-base="https://your-portal/api">; give it api-base="https://your-portal/api"; ` +
          `or add <meta name="${API_BASE_META}" content="https://your-portal/api"> to the page's <head>.`,
        this,
      );
    }
  }

  /** Sends one of the widget's `ds-*` events, out through shadow roots, with its typed `detail`. */
  protected emit<K extends DoorstepEvent>(type: K, detail: DetailOf<K>): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** The localized "not configured" notice, for widgets to render when {@link client} is missing. */
  protected renderNotConfigured() {
    return html`<div part="notice" class="notice" role="status">
      <p class="notice-heading"><strong>${this.t('notConfigured.heading')}</strong></p>
      <p>${this.t('notConfigured.body')}</p>
    </div>`;
  }

  private resolveLang(): void {
    const lang = closestLang(this);
    const locale = matchLocale(lang);
    if (DEV && lang && !locale) {
      warnOnce(`<${this.tagLabel}> is inside lang="${lang}", which Doorstep does not speak (zh-CN, zh-TW, en); it uses ${DEFAULT_LOCALE}. Set locale on a <ds-provider> or lang on the element to choose.`);
    }
    this.langLocale = locale ?? DEFAULT_LOCALE;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ds-error': CustomEvent<DsErrorDetail>;
  }
}
