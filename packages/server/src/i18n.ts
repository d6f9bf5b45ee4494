import { DEFAULT_LOCALE, type Locale } from '@doorstep/sdk';

const zhCN = {
  validation_failed: '提交的内容有误，请检查标出的项目。',
  invalid_json: '请求内容不是有效的 JSON。',
  body_not_object: '请求内容应为一个 JSON 对象。',
  not_found: '没有找到这个地址。',
  area_not_found: '没有找到这个区域。',
  request_not_found: '没有找到这个查询码对应的诉求，请核对后再试。',
  unprocessable: '提交的内容无法处理，请检查标出的项目。',
  idempotency_key_reused: '这个 Idempotency-Key 已用于另一份不同的提交，请为新的提交使用新的键。',
  idempotency_in_progress: '相同的提交正在处理中，请稍后再试。',
  payload_too_large: '提交的内容太大（上限 {limit} 字节）。',
  unsupported_media_type: '请以 application/json 格式提交。',
  rate_limited: '请求过于频繁，请稍后再试。',
  internal: '服务器出了点问题，请稍后再试。',
  field_required: '请填写此项。',
  field_invalid: '此项格式不正确。',
  field_invalid_type: '此项的类型不正确。',
  field_too_short: '请至少填写 {min} 个字。',
  field_too_long: '最多 {max} 个字。',
  field_invalid_phone: '请填写正确的电话号码，例如 13812345678。',
  field_unknown_area: '没有找到这个区域，请重新选择。',
  field_area_too_broad: '请至少选择到社区。',
  field_unknown_category: '没有找到这个问题类型，请重新选择。',
  field_contact_required: '这类问题需要留下联系电话，以便工作人员联系您。',
  field_invalid_idempotency_key: 'Idempotency-Key 应为 1 到 255 个可见字符。',
  field_invalid_parent: '区域编号不正确。',
};

export type MessageKey = keyof typeof zhCN;

const zhTW: Record<MessageKey, string> = {
  validation_failed: '提交的內容有誤，請檢查標出的項目。',
  invalid_json: '請求內容不是有效的 JSON。',
  body_not_object: '請求內容應為一個 JSON 物件。',
  not_found: '找不到這個網址。',
  area_not_found: '找不到這個區域。',
  request_not_found: '找不到這個查詢碼對應的訴求，請核對後再試。',
  unprocessable: '提交的內容無法處理，請檢查標出的項目。',
  idempotency_key_reused: '這個 Idempotency-Key 已用於另一份不同的提交，請為新的提交使用新的鍵。',
  idempotency_in_progress: '相同的提交正在處理中，請稍後再試。',
  payload_too_large: '提交的內容太大（上限 {limit} 位元組）。',
  unsupported_media_type: '請以 application/json 格式提交。',
  rate_limited: '請求過於頻繁，請稍後再試。',
  internal: '伺服器出了點問題，請稍後再試。',
  field_required: '請填寫此項。',
  field_invalid: '此項格式不正確。',
  field_invalid_type: '此項的類型不正確。',
  field_too_short: '請至少填寫 {min} 個字。',
  field_too_long: '最多 {max} 個字。',
  field_invalid_phone: '請填寫正確的電話號碼，例如 13812345678。',
  field_unknown_area: '找不到這個區域，請重新選擇。',
  field_area_too_broad: '請至少選擇到社區。',
  field_unknown_category: '找不到這個問題類型，請重新選擇。',
  field_contact_required: '這類問題需要留下聯絡電話，以便工作人員聯絡您。',
  field_invalid_idempotency_key: 'Idempotency-Key 應為 1 到 255 個可見字元。',
  field_invalid_parent: '區域編號不正確。',
};

const en: Record<MessageKey, string> = {
  validation_failed: 'Some of the information is not valid. Please check the marked fields.',
  invalid_json: 'The request body is not valid JSON.',
  body_not_object: 'The request body must be a JSON object.',
  not_found: 'Nothing was found at this address.',
  area_not_found: 'This area does not exist.',
  request_not_found: 'No request has this tracking code. Please check it and try again.',
  unprocessable: 'The request could not be processed. Please check the marked fields.',
  idempotency_key_reused: 'This Idempotency-Key was already used for a different submission. Use a new key for a new submission.',
  idempotency_in_progress: 'The same submission is still being processed. Please try again shortly.',
  payload_too_large: 'The request body is too large (the limit is {limit} bytes).',
  unsupported_media_type: 'Send the request body as application/json.',
  rate_limited: 'Too many requests. Please wait a moment and try again.',
  internal: 'Something went wrong on the server. Please try again later.',
  field_required: 'Fill in this field.',
  field_invalid: 'This value is not in the right format.',
  field_invalid_type: 'This value has the wrong type.',
  field_too_short: 'Enter at least {min} characters.',
  field_too_long: 'Enter at most {max} characters.',
  field_invalid_phone: 'Enter a valid phone number, for example 13812345678.',
  field_unknown_area: 'This area does not exist. Please choose again.',
  field_area_too_broad: 'Choose at least a community.',
  field_unknown_category: 'This kind of problem does not exist. Please choose again.',
  field_contact_required: 'For this kind of problem, leave a phone number so staff can reach you.',
  field_invalid_idempotency_key: 'Idempotency-Key must be 1 to 255 visible characters.',
  field_invalid_parent: 'This is not a valid area id.',
};

const MESSAGES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

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
