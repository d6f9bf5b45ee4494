import { DEFAULT_LOCALE, LOCALES, type Locale } from '@doorstep/sdk';
import { en } from './en.js';
import type { Message } from './types.js';
import { zhCN, type MessageKey } from './zh-CN.js';
import { zhTW } from './zh-TW.js';

export type { Message, PluralMessage } from './types.js';
export type { MessageKey } from './zh-CN.js';

/** Every catalogue, by locale. */
export const catalogs: Record<Locale, Record<MessageKey, Message>> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

export type MessageParams = Record<string, string | number>;

const pluralRules = new Map<Locale, Intl.PluralRules>();
function pluralCategory(locale: Locale, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(count);
}

/**
 * A UI string in `locale`, with `{name}` placeholders filled from `params`. Plural messages pick their
 * form from `params.count`. Falls back to zh-CN, so a widget never shows a raw key.
 */
export function msg(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const entry = catalogs[locale]?.[key] ?? zhCN[key];
  const template =
    typeof entry === 'string' ? entry : (entry[pluralCategory(locale, Number(params.count ?? 0))] ?? entry.other);
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}

/**
 * The supported locale for a BCP 47 tag: zh, zh-Hans, zh-CN, zh-SG → zh-CN; zh-TW, zh-HK, zh-MO,
 * zh-Hant → zh-TW; en, en-* → en. Anything else (or nothing) → undefined.
 */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  const lower = tag?.trim().toLowerCase().replace(/_/g, '-');
  if (!lower) return undefined;
  if ((LOCALES as readonly string[]).includes(tag!)) return tag as Locale;
  const [language, ...subtags] = lower.split('-');
  if (language === 'en') return 'en';
  if (language !== 'zh') return undefined;
  if (subtags.includes('hant') || subtags.some((subtag) => ['tw', 'hk', 'mo'].includes(subtag))) return 'zh-TW';
  return 'zh-CN';
}

export { DEFAULT_LOCALE, LOCALES, type Locale };
