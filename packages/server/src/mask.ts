/**
 * Public views show who sent a request only as a hint: the first character of the name and
 * the outline of the phone number.
 */

/** 张三丰 → 张**, Li Lei → L*****. */
export function maskName(name: string): string {
  const characters = Array.from(name.trim());
  if (characters.length === 0) return '';
  return characters[0] + '*'.repeat(Math.max(1, characters.length - 1));
}

/**
 * 13812345678 (or +86 138 1234 5678) → 138****5678. Other numbers keep a short prefix (up to 3
 * characters, only when the number is long enough to hide at least 4) and the last 4 digits.
 */
export function maskPhone(phone: string): string {
  const compact = phone.replace(/[\s\-()]/g, '');
  const mainland = /^(?:\+86|0086)?(1[3-9]\d{9})$/.exec(compact)?.[1];
  if (mainland) return `${mainland.slice(0, 3)}****${mainland.slice(-4)}`;
  if (compact.length <= 4) return '*'.repeat(compact.length);
  const prefixLength = Math.min(3, Math.max(0, compact.length - 8));
  const hidden = compact.length - prefixLength - 4;
  return compact.slice(0, prefixLength) + '*'.repeat(hidden) + compact.slice(-4);
}
