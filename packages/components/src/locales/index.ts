import { DEFAULT_LOCALE, LOCALES, type Locale } from '@doorstep/sdk/core';

export type { Message, PluralMessage } from './types.js';
export { defineCatalog, format, localeReady, type Catalog, type KeyOf, type MessageParams } from './catalog.js';
export { commonMessages } from './common.messages.js';

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
