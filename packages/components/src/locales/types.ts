/** One translated string, or one per plural category (chosen with `Intl.PluralRules`; `other` is required). */
export type Message = string | PluralMessage;
export interface PluralMessage {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}
