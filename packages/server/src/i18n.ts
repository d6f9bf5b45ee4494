import { DEFAULT_LOCALE, LOCALES, type Locale } from '@doorstep/sdk';
import { coreMessages } from './messages/core.js';
import { appointmentMessages } from './messages/appointments.js';
import { eventMessages } from './messages/events.js';
import { canteenMessages } from './messages/canteen.js';
import { categoryQuestionMessages } from './messages/category-questions.js';
import { eldercareMessages } from './messages/eldercare.js';
import { open311Messages } from './messages/open311.js';
import { requestMessages } from './messages/requests.js';
import { volunteeringMessages } from './messages/volunteering.js';

/** Every domain's messages: a new domain adds its `messages/<domain>.ts` here. */
const CATALOGS = [coreMessages, categoryQuestionMessages, open311Messages, appointmentMessages, eventMessages, canteenMessages, requestMessages, volunteeringMessages, eldercareMessages] as const;

type KeysOf<C> = C extends Record<Locale, Record<infer K, string>> ? K : never;
export type MessageKey = KeysOf<(typeof CATALOGS)[number]>;

const MESSAGES = Object.fromEntries(
  LOCALES.map((locale) => [locale, Object.assign({}, ...CATALOGS.map((catalog) => catalog[locale]))]),
) as Record<Locale, Record<MessageKey, string>>;

export type MessageParams = Record<string, string | number>;

/** A message to be rendered in the caller's language once it is known. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

export function translate(locale: Locale, message: Message): string {
  const template = MESSAGES[locale][message.key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) => String(message.params?.[name] ?? match));
}

/** Maps one language tag to a supported locale: Traditional Chinese regions to zh-TW, other Chinese to zh-CN. */
function matchTag(tag: string): Locale | undefined {
  const lower = tag.toLowerCase();
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  if (lower === 'zh' || lower.startsWith('zh-')) {
    return /^zh-(hant|tw|hk|mo)\b/.test(lower) ? 'zh-TW' : 'zh-CN';
  }
  return undefined;
}

/** Picks the best supported locale from an `Accept-Language` header, honouring q-values; zh-CN otherwise. */
export function negotiateLocale(header: string | undefined | null): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...attributes] = part.trim().split(';');
      const q = attributes.map((a) => /^\s*q=([\d.]+)\s*$/.exec(a)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = matchTag(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
