import { DEFAULT_LOCALE, type Locale } from '@doorstep/sdk/core';
import { DEV, warnOnce } from '../base/dev.js';
import type { Message } from './types.js';

/**
 * One widget's strings in every supported locale. zh-CN is the source: the other locales must define
 * exactly its keys (the type says so, and `locales.test.ts` checks placeholders and plural forms).
 */
export type Catalog<K extends string = string> = { readonly [L in Locale]: Readonly<Record<K, Message>> };

/** Types a catalogue from its zh-CN keys, so a key missing in zh-TW or en is a compile error. */
export function defineCatalog<K extends string>(catalog: {
  'zh-CN': Record<K, Message>;
  'zh-TW': NoInfer<Record<K, Message>>;
  en: NoInfer<Record<K, Message>>;
}): Catalog<K> {
  return catalog;
}

/** The keys of a catalogue. */
export type KeyOf<C> = C extends Catalog<infer K> ? K : never;

export type MessageParams = Record<string, string | number>;

const pluralRules = new Map<Locale, Intl.PluralRules>();
function pluralCategory(locale: Locale, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(count);
}

/**
 * The string for `key` in `locale`, with `{name}` placeholders filled from `params`. Plural messages pick
 * their form from `params.count`. Falls back to zh-CN, so a widget never shows a raw key.
 */
export function format<K extends string>(catalog: Catalog<K>, locale: Locale, key: K, params: MessageParams = {}): string {
  const messages = loadedMessages(catalog, locale);
  let entry = messages?.[key];
  if (entry === undefined) {
    if (DEV && messages) warnOnce(`no ${locale} text for "${key}", so the zh-CN text is shown. Add it to the catalogue (see docs/localization.md).`);
    entry = catalog[DEFAULT_LOCALE][key];
  }
  const template =
    typeof entry === 'string' ? entry : (entry[pluralCategory(locale, Number(params.count ?? 0))] ?? entry.other);
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}

// ── Locales loaded on demand ─────────────────────────────────────────────────────────────────────────
// The drop-in build (rollup.config.mjs, `splitLocales`) turns each catalogue's zh-TW and en tables into
// functions that import them, so a page downloads the strings of the language it shows and no other
// (zh-CN, the fallback, stays inline). The npm build and the sources keep plain tables: there these
// functions find everything loaded.

type LazyTable = () => Promise<{ default: Readonly<Record<string, Message>> }>;
const loading = new WeakMap<object, Promise<void>>();

/** The table of `locale` if it is here; a lazy one starts loading and gives `undefined` meanwhile. */
function loadedMessages<K extends string>(catalog: Catalog<K>, locale: Locale): Readonly<Record<K, Message>> | undefined {
  const table = catalog[locale] as Readonly<Record<K, Message>> | LazyTable | undefined;
  if (typeof table !== 'function') return table;
  void loadLocale(catalog, locale);
  return undefined;
}

function loadLocale(catalog: Catalog<string>, locale: Locale): Promise<void> {
  const table = catalog[locale] as unknown;
  if (typeof table !== 'function') return Promise.resolve();
  let pending = loading.get(table);
  if (!pending) {
    pending = (table as LazyTable)().then((module) => {
      (catalog as Record<Locale, unknown>)[locale] = module.default;
    });
    // A failed download is tried again next time (zh-CN is shown meanwhile).
    pending.catch(() => loading.delete(table as object));
    loading.set(table as object, pending);
  }
  return pending;
}

/**
 * `undefined` when every catalogue has `locale`'s strings at hand, else a promise that settles once they
 * are loaded (or failed to load: then zh-CN is shown). Widgets wait for it before rendering.
 */
export function localeReady(catalogs: ReadonlyArray<Catalog<string> | undefined>, locale: Locale): Promise<void> | undefined {
  const pending = catalogs.filter((catalog) => catalog && typeof catalog[locale] === 'function').map((catalog) => loadLocale(catalog!, locale));
  return pending.length ? Promise.allSettled(pending).then(() => undefined) : undefined;
}
