import type { Locale } from '@doorstep/sdk';

/** One domain's server messages in every locale; zh-CN's keys type the other two. */
export function defineMessages<K extends string>(messages: {
  'zh-CN': Record<K, string>;
  'zh-TW': NoInfer<Record<K, string>>;
  en: NoInfer<Record<K, string>>;
}): Record<Locale, Record<K, string>> {
  return messages;
}
