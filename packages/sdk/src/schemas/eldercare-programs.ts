import * as z from 'zod/mini';
import { Id, LocalizedText } from './common.js';

/*
 * Elder-care programs and the rules that decide who may join and who pays less. The rules are data —
 * stored per community on the server, sent to the widget — and one small engine ({@link evaluatePrograms})
 * reads them in both places: the server's answer is the one stored with an application, the widget's is
 * the live "likely eligible, because …" a resident sees while answering.
 */

/** The services a community may offer, in the order a form asks about them. */
export const ELDERCARE_SERVICES = ['meals', 'dayCare', 'housekeeping', 'homeVisits', 'wristband'] as const;
export type EldercareService = (typeof ELDERCARE_SERVICES)[number];

export const MEALS = ['breakfast', 'lunch', 'dinner'] as const;
export type Meal = (typeof MEALS)[number];

/** `canteen`: eat at the community canteen (dine-in); `delivery`: brought to the door. */
export const MEAL_MODES = ['canteen', 'delivery'] as const;
export type MealMode = (typeof MEAL_MODES)[number];

/** Diet needs the kitchen cooks for: 低盐, 低糖, 软食/碎食, 清真, 素食. */
export const DIETS = ['lowSalt', 'lowSugar', 'soft', 'halal', 'vegetarian'] as const;
export type Diet = (typeof DIETS)[number];

export const VISIT_FREQUENCIES = ['weekly', 'biweekly', 'monthly'] as const;
export type VisitFrequency = (typeof VISIT_FREQUENCIES)[number];

/** ISO weekdays: 1 is Monday, 7 is Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const Weekday = z.literal(WEEKDAYS);

/** The yes/no facts eligibility rules may ask about (age comes from the birth year). */
export const ELIGIBILITY_FLAGS = ['lowIncome', 'disability', 'specialCare', 'livingAlone'] as const;
export type EligibilityFlag = (typeof ELIGIBILITY_FLAGS)[number];

/**
 * A condition on an elder's facts, written as data:
 * - `{ fact: 'lowIncome' }` — the fact is true (低保 household, disability, 优抚/special care, living alone);
 * - `{ ageAtLeast: 80 }` — aged at least 80 this year (the current year minus the birth year: the only
 *   age a birth year gives, and how community subsidies count it);
 * - `{ all: [...] }`, `{ any: [...] }`, `{ not: ... }` — combinations.
 */
export type EligibilityCondition =
  | { fact: EligibilityFlag }
  | { ageAtLeast: number }
  | { all: EligibilityCondition[] }
  | { any: EligibilityCondition[] }
  | { not: EligibilityCondition };

export const EligibilityCondition: z.ZodMiniType<EligibilityCondition> = z.union([
  z.strictObject({ fact: z.enum(ELIGIBILITY_FLAGS) }),
  z.strictObject({ ageAtLeast: z.int().check(z.minimum(0), z.maximum(130)) }),
  z.strictObject({
    get all() {
      return z.array(EligibilityCondition).check(z.minLength(1));
    },
  }),
  z.strictObject({
    get any() {
      return z.array(EligibilityCondition).check(z.minLength(1));
    },
  }),
  z.strictObject({
    get not() {
      return EligibilityCondition;
    },
  }),
]);

/** What a price is counted per: `once` is a one-off (a wristband device). */
export const PRICE_UNITS = ['meal', 'day', 'hour', 'visit', 'month', 'once'] as const;
export type PriceUnit = (typeof PRICE_UNITS)[number];

const Fen = z.int().check(z.minimum(0), z.maximum(10_000_000));

/** Something a program charges for, in integer fen (1 元 = 100 fen). */
export const PriceItem = z.object({
  /** Unique within its program; benefits name it. */
  id: Id,
  name: LocalizedText,
  amountFen: Fen,
  per: z.enum(PRICE_UNITS),
});
export type PriceItem = z.infer<typeof PriceItem>;

const benefitBase = {
  id: Id,
  /** The {@link PriceItem.id} it lowers. */
  item: Id,
  /** How a resident reads it, e.g. 低保家庭免费送餐. */
  name: LocalizedText,
  /** Who gets it. */
  when: EligibilityCondition,
};

/**
 * A lower price for those who meet `when`:
 * - `free`: the item costs nothing;
 * - `subsidy`: `amountFen` off each unit (never below zero);
 * - `freeQuantity`: the first `quantity` units a month are free (e.g. 4 housekeeping hours).
 *
 * Benefits on one item do not add up: a `free` one wins, otherwise the largest subsidy applies
 * (就高不重复享受), and the largest free quantity.
 */
export const Benefit = z.discriminatedUnion('kind', [
  z.object({ ...benefitBase, kind: z.literal('free') }),
  z.object({ ...benefitBase, kind: z.literal('subsidy'), amountFen: Fen }),
  z.object({ ...benefitBase, kind: z.literal('freeQuantity'), quantity: z.int().check(z.minimum(1), z.maximum(1000)) }),
]);
export type Benefit = z.infer<typeof Benefit>;

/**
 * What a resident can choose within a program. Which fields apply depends on the service:
 * `meals` — `modes`, `meals` and serving `days`; `dayCare` — opening `days`; `housekeeping` —
 * `maxHoursPerMonth`; `homeVisits` — `frequencies`; `wristband` — nothing.
 */
export const ProgramOptions = z.object({
  modes: z.optional(z.array(z.enum(MEAL_MODES))),
  meals: z.optional(z.array(z.enum(MEALS))),
  days: z.optional(z.array(Weekday)),
  maxHoursPerMonth: z.optional(z.int().check(z.minimum(1), z.maximum(200))),
  frequencies: z.optional(z.array(z.enum(VISIT_FREQUENCIES))),
});
export type ProgramOptions = z.infer<typeof ProgramOptions>;

/** One service a community runs, with its prices and its rules. A community has at most one per service. */
export const EldercareProgram = z.object({
  id: Id,
  communityId: Id,
  service: z.enum(ELDERCARE_SERVICES),
  name: LocalizedText,
  description: z.optional(LocalizedText),
  /** Who may join at all; `null`: every elder of the community. */
  eligibility: z.nullable(EligibilityCondition),
  options: ProgramOptions,
  prices: z.array(PriceItem),
  benefits: z.array(Benefit),
});
export type EldercareProgram = z.infer<typeof EldercareProgram>;

/** `GET /v1/eldercare/programs?area=ID`: the programs of the community that area belongs to. */
export const EldercareProgramsResponse = z.object({
  community: z.object({ id: Id, name: z.string() }),
  programs: z.array(EldercareProgram),
});
export type EldercareProgramsResponse = z.infer<typeof EldercareProgramsResponse>;

// ── the rule engine ──────────────────────────────────────────────────────────────────────────────

/**
 * What the engine knows about an elder. `null` or a missing key means "not answered" (or "prefer not
 * to say"): a rule that needs it is then neither met nor failed, but `unknown`.
 */
export interface EligibilityFacts {
  birthYear?: number | null;
  lowIncome?: boolean | null;
  disability?: boolean | null;
  specialCare?: boolean | null;
  livingAlone?: boolean | null;
}

/** Three-valued: `unknown` when the facts that would decide are not answered. */
export const TRI = ['yes', 'no', 'unknown'] as const;
export type Tri = (typeof TRI)[number];

/**
 * One fact behind an outcome, as it stands: `{ fact: 'lowIncome', value: true }` (is a 低保 household),
 * `{ ageAtLeast: 80, age: 83 }` (83 this year, so at least 80), or `value`/`age` `null` when not answered.
 */
export const Because = z.union([
  z.object({ fact: z.enum(ELIGIBILITY_FLAGS), value: z.nullable(z.boolean()) }),
  z.object({ ageAtLeast: z.int(), age: z.nullable(z.int()) }),
]);
export type Because = z.infer<typeof Because>;

export const BenefitOutcome = z.object({
  benefitId: Id,
  applies: z.enum(TRI),
  because: z.array(Because),
});
export type BenefitOutcome = z.infer<typeof BenefitOutcome>;

export const PriceOutcome = z.object({
  item: Id,
  baseFen: z.int(),
  /** The price per unit with the benefits that certainly apply. */
  finalFen: z.int(),
  /** Units a month that are free (from `freeQuantity` benefits that certainly apply). */
  freeQuantity: z.int(),
  benefits: z.array(BenefitOutcome),
});
export type PriceOutcome = z.infer<typeof PriceOutcome>;

export const ProgramOutcome = z.object({
  programId: Id,
  service: z.enum(ELDERCARE_SERVICES),
  eligible: z.enum(TRI),
  /** The facts that decided `eligible`: those that meet the rule (yes), fail it (no), or are missing (unknown). */
  because: z.array(Because),
  prices: z.array(PriceOutcome),
});
export type ProgramOutcome = z.infer<typeof ProgramOutcome>;

/** Age as community rules count it from a birth year: this year minus the birth year. */
export function ageInYear(birthYear: number, year: number): number {
  return year - birthYear;
}

interface Evaluated {
  result: Tri;
  because: Because[];
}

function dedupe(list: Because[]): Because[] {
  const seen = new Set<string>();
  return list.filter((item) => {
    const key = 'fact' in item ? `f:${item.fact}` : `a:${item.ageAtLeast}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Evaluates one condition in three-valued logic (a missing fact is `unknown`; `all` is `no` as soon as
 * one part is `no`, `any` is `yes` as soon as one part is `yes`). `because` explains the result: the
 * facts that meet the condition for `yes`, those that fail it for `no`, those missing for `unknown`.
 */
export function evaluateCondition(condition: EligibilityCondition, facts: EligibilityFacts, year: number): Evaluated {
  if ('fact' in condition) {
    const value = facts[condition.fact];
    const known = typeof value === 'boolean' ? value : null;
    return { result: known === null ? 'unknown' : known ? 'yes' : 'no', because: [{ fact: condition.fact, value: known }] };
  }
  if ('ageAtLeast' in condition) {
    const birthYear = facts.birthYear;
    const age = typeof birthYear === 'number' ? ageInYear(birthYear, year) : null;
    const result: Tri = age === null ? 'unknown' : age >= condition.ageAtLeast ? 'yes' : 'no';
    return { result, because: [{ ageAtLeast: condition.ageAtLeast, age }] };
  }
  if ('not' in condition) {
    const inner = evaluateCondition(condition.not, facts, year);
    const result: Tri = inner.result === 'yes' ? 'no' : inner.result === 'no' ? 'yes' : 'unknown';
    return { result, because: inner.because };
  }
  const parts = ('all' in condition ? condition.all : condition.any).map((part) => evaluateCondition(part, facts, year));
  const decisive: Tri = 'all' in condition ? 'no' : 'yes';
  const withResult = (result: Tri) => dedupe(parts.filter((part) => part.result === result).flatMap((part) => part.because));
  if (parts.some((part) => part.result === decisive)) return { result: decisive, because: withResult(decisive) };
  if (parts.some((part) => part.result === 'unknown')) return { result: 'unknown', because: withResult('unknown') };
  const settled: Tri = decisive === 'no' ? 'yes' : 'no';
  return { result: settled, because: withResult(settled) };
}

/** A program's prices with the benefits that apply to these facts (see {@link Benefit} for how they combine). */
function pricesFor(program: EldercareProgram, facts: EligibilityFacts, year: number): PriceOutcome[] {
  return program.prices.map((price) => {
    const benefits = program.benefits.filter((benefit) => benefit.item === price.id);
    const outcomes = benefits.map((benefit) => {
      const { result, because } = evaluateCondition(benefit.when, facts, year);
      return { benefit, outcome: { benefitId: benefit.id, applies: result, because } };
    });
    const applying = outcomes.filter(({ outcome }) => outcome.applies === 'yes').map(({ benefit }) => benefit);
    const subsidy = Math.max(0, ...applying.map((benefit) => (benefit.kind === 'subsidy' ? benefit.amountFen : 0)));
    const finalFen = applying.some((benefit) => benefit.kind === 'free') ? 0 : Math.max(0, price.amountFen - subsidy);
    const freeQuantity = Math.max(0, ...applying.map((benefit) => (benefit.kind === 'freeQuantity' ? benefit.quantity : 0)));
    return { item: price.id, baseFen: price.amountFen, finalFen, freeQuantity, benefits: outcomes.map(({ outcome }) => outcome) };
  });
}

/**
 * Who is likely eligible for what, and what it would cost: for each program, whether the elder may
 * join (`eligible`, with the facts that decided it) and each price after the benefits that apply.
 * `year` is the year ages are counted in (see {@link yearInShanghai}); pass it, so that a server and a
 * test agree on what "this year" is.
 */
export function evaluatePrograms(
  programs: readonly EldercareProgram[],
  facts: EligibilityFacts,
  year: number,
): ProgramOutcome[] {
  return programs.map((program) => {
    const gate: Evaluated = program.eligibility ? evaluateCondition(program.eligibility, facts, year) : { result: 'yes', because: [] };
    return {
      programId: program.id,
      service: program.service,
      eligible: gate.result,
      because: gate.because,
      prices: pricesFor(program, facts, year),
    };
  });
}

/** Every fact a condition reads (to tell a resident which answers would settle an `unknown`). */
export function factsRead(condition: EligibilityCondition): Array<EligibilityFlag | 'birthYear'> {
  if ('fact' in condition) return [condition.fact];
  if ('ageAtLeast' in condition) return ['birthYear'];
  if ('not' in condition) return factsRead(condition.not);
  return [...new Set(('all' in condition ? condition.all : condition.any).flatMap(factsRead))];
}

const SHANGHAI_PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Asia/Shanghai (where the communities are), `YYYY-MM-DD`. */
export function dateInShanghai(at: Date = new Date()): string {
  const parts = Object.fromEntries(SHANGHAI_PARTS.formatToParts(at).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The year in Asia/Shanghai: a birthday year rolls over at Beijing midnight, not UTC's. */
export function yearInShanghai(at: Date = new Date()): number {
  return Number(dateInShanghai(at).slice(0, 4));
}

/** The ISO weekday (1 Monday … 7 Sunday) of a calendar date `YYYY-MM-DD`. */
export function weekdayOf(date: string): Weekday {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const sunday0 = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return (sunday0 === 0 ? 7 : sunday0) as Weekday;
}
