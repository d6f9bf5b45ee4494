import { DEFAULT_LOCALE, type Locale } from '@doorstep/sdk';
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
  let entry = catalog[locale]?.[key];
  if (entry === undefined) {
    if (DEV) warnOnce(`no ${locale} text for "${key}", so the zh-CN text is shown. Add it to the catalogue (see docs/localization.md).`);
    entry = catalog[DEFAULT_LOCALE][key];
  }
  const template =
    typeof entry === 'string' ? entry : (entry[pluralCategory(locale, Number(params.count ?? 0))] ?? entry.other);
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}
