/**
 * What identifies a phone number, for checking that the person cancelling a booking is the one who made
 * it: the digits alone, with the `+86` / `0086` of a mainland mobile dropped. `+86 138-1234-5678`,
 * `13812345678` and `138 1234 5678` all give `13812345678`.
 */
export function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const mainland = /^(?:86|0086)(1[3-9]\d{9})$/.exec(digits)?.[1];
  return mainland ?? digits;
}
