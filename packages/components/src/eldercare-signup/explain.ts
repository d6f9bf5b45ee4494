import {
  localize,
  type Because,
  type EldercareProgram,
  type EldercareService,
  type EldercareServices,
  type PriceOutcome,
  type ProgramOutcome,
} from '@doorstep/sdk';
import { format, type Locale, type MessageParams } from '../locales/index.js';
import { eldercareSignupMessages } from './eldercare-signup.messages.js';

// Plain-language wording of the rule engine's answers and of chosen services, shared by the services,
// facts, review and status views (and tested on their own).

type Key = keyof (typeof eldercareSignupMessages)['zh-CN'];
const msg = (locale: Locale, key: Key, params?: MessageParams) => format(eldercareSignupMessages, locale, key, params);

export const joinList = (locale: Locale, items: readonly string[]) => items.join(msg(locale, 'list.separator'));

/** One fact behind an outcome: "低保家庭", "今年 85 岁，满 80 岁", or for a missing one what is needed ("出生年份"). */
export function becauseText(locale: Locale, because: Because): string {
  if ('fact' in because) {
    const state = because.value === null ? 'unknown' : because.value ? 'yes' : 'no';
    return msg(locale, `because.${because.fact}.${state}` as Key);
  }
  if (because.age === null) return msg(locale, 'because.age.unknown');
  return msg(locale, because.age >= because.ageAtLeast ? 'because.age.met' : 'because.age.unmet', { age: because.age, min: because.ageAtLeast });
}

const money = new Map<Locale, Intl.NumberFormat>();
/** Integer fen as yuan in the locale's currency style: ¥15.00 / CN¥15.00. */
export function formatFen(locale: Locale, fen: number): string {
  let formatter = money.get(locale);
  if (!formatter) money.set(locale, (formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' })));
  return formatter.format(fen / 100);
}

/** A price as a label and a cost: ["每餐", "原价 ¥15.00，现 ¥7.00/餐"], ["送餐费", "免费"], with free quantities. */
export function priceText(locale: Locale, program: EldercareProgram, price: PriceOutcome): { label: string; cost: string } | undefined {
  const item = program.prices.find((candidate) => candidate.id === price.item);
  if (!item) return undefined;
  const per = (amount: string) => msg(locale, `per.${item.per}` as Key, { amount });
  let cost: string;
  if (price.finalFen === 0) cost = msg(locale, 'price.free');
  else if (price.finalFen < price.baseFen) {
    cost = per(msg(locale, 'price.reduced', { base: formatFen(locale, price.baseFen), final: formatFen(locale, price.finalFen) }));
  } else cost = per(formatFen(locale, price.baseFen));
  if (price.freeQuantity > 0) cost += msg(locale, 'list.separator') + msg(locale, `freeQuantity.${item.per}` as Key, { count: price.freeQuantity });
  return { label: localize(item.name, locale), cost };
}

/** The names of the benefits that certainly apply, and of those that might (undecided facts). */
export function benefitsOf(program: EldercareProgram, outcome: ProgramOutcome, locale: Locale): { applied: string[]; possible: string[] } {
  const name = (id: string) => {
    const benefit = program.benefits.find((candidate) => candidate.id === id);
    return benefit ? localize(benefit.name, locale) : id;
  };
  const all = outcome.prices.flatMap((price) => price.benefits);
  return {
    applied: all.filter((benefit) => benefit.applies === 'yes').map((benefit) => name(benefit.benefitId)),
    possible: all.filter((benefit) => benefit.applies === 'unknown').map((benefit) => name(benefit.benefitId)),
  };
}

/** "可能符合条件" / "可能不符合条件" / "还不能确定", for an outcome. */
export function verdictText(locale: Locale, outcome: ProgramOutcome): string {
  return msg(locale, outcome.eligible === 'yes' ? 'elig.yes' : outcome.eligible === 'no' ? 'elig.no' : 'elig.unknown');
}

/** Why: "因为：今年 85 岁，满 60 岁" — or, undecided, what is still needed; or "open to everyone". */
export function reasonText(locale: Locale, outcome: ProgramOutcome): string {
  if (outcome.because.length === 0) return msg(locale, 'elig.open');
  const parts = outcome.because.map((because) => becauseText(locale, because));
  return msg(locale, outcome.eligible === 'unknown' ? 'elig.needs' : 'elig.because', { reasons: joinList(locale, parts), facts: joinList(locale, parts) });
}

const weekdayNames = (locale: Locale, days: readonly number[]) => joinList(locale, days.map((day) => msg(locale, `weekday.${day}` as Key)));

/** Each chosen service as a line: [name, details], e.g. ["助餐", "送餐上门：午餐、晚餐；周一、周三"]. */
export function describeServices(
  locale: Locale,
  services: EldercareServices,
  programs: readonly EldercareProgram[] = [],
): Array<{ service: EldercareService; name: string; details: string }> {
  const nameOf = (service: EldercareService) => {
    const program = programs.find((candidate) => candidate.service === service);
    return program ? localize(program.name, locale) : msg(locale, `service.${service}` as Key);
  };
  const lines: Array<{ service: EldercareService; name: string; details: string }> = [];
  if (services.meals) {
    const meals = joinList(locale, services.meals.meals.map((meal) => msg(locale, `meal.${meal}` as Key)));
    lines.push({
      service: 'meals',
      name: nameOf('meals'),
      details: msg(locale, 'summary.meals', { mode: msg(locale, `mode.${services.meals.mode}` as Key), meals, days: weekdayNames(locale, services.meals.days) }),
    });
  }
  if (services.dayCare) lines.push({ service: 'dayCare', name: nameOf('dayCare'), details: msg(locale, 'summary.dayCare', { days: weekdayNames(locale, services.dayCare.days) }) });
  if (services.housekeeping) {
    lines.push({ service: 'housekeeping', name: nameOf('housekeeping'), details: msg(locale, 'summary.housekeeping', { count: services.housekeeping.hoursPerMonth }) });
  }
  if (services.homeVisits) lines.push({ service: 'homeVisits', name: nameOf('homeVisits'), details: msg(locale, `frequency.${services.homeVisits.frequency}` as Key) });
  if (services.wristband) lines.push({ service: 'wristband', name: nameOf('wristband'), details: '' });
  return lines;
}
