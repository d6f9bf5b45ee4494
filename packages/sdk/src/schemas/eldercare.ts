import * as z from 'zod/mini';
import { Id, IsoDateTime } from './common.js';
import {
  DIETS,
  ELDERCARE_SERVICES,
  MEALS,
  MEAL_MODES,
  ProgramOutcome,
  VISIT_FREQUENCIES,
  Weekday,
  yearInShanghai,
  type EldercareProgram,
  type EldercareService,
  type EligibilityFacts,
} from './eldercare-programs.js';
import { Phone } from './phone.js';
import { TRACKING_CODE_ALPHABET } from './request.js';

export * from './eldercare-programs.js';

// ── applications ─────────────────────────────────────────────────────────────────────────────────

/** Who fills the form in: the elder, a son or daughter (or other family), or the building steward 楼栋长. */
export const APPLICANT_ROLES = ['self', 'family', 'steward'] as const;
export type ApplicantRole = (typeof APPLICANT_ROLES)[number];

export const LIVING_SITUATIONS = ['alone', 'spouse', 'family'] as const;
export type LivingSituation = (typeof LIVING_SITUATIONS)[number];

/**
 * `submitted` → `approved` (with the services granted and a start date), `waitlisted` (no place yet) or
 * `rejected` (with a reason). A waitlisted application can still be approved or rejected; an approved
 * one can be approved again to change what is granted.
 */
export const ELDERCARE_STATUSES = ['submitted', 'waitlisted', 'approved', 'rejected'] as const;
export type EldercareStatus = (typeof ELDERCARE_STATUSES)[number];

export const ELDERCARE_NAME_MAX_LENGTH = 40;
export const ELDERCARE_ROOM_MAX_LENGTH = 40;
export const ELDERCARE_RELATIONSHIP_MAX_LENGTH = 20;
export const ELDERCARE_ALLERGIES_MAX_LENGTH = 200;
export const ELDERCARE_REASON_MAX_LENGTH = 500;
export const BIRTH_YEAR_MIN = 1900;
export const HOUSEKEEPING_HOURS_MAX = 200;

/** `YYYY-MM-DD`, a calendar date (start dates, roster days). */
const IsoDate = z.iso.date();

const text = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

/** A list where each value appears once (and at least one is chosen). */
function choices<T extends z.ZodMiniType>(item: T) {
  return z.array(item).check(
    z.minLength(1),
    z.refine((list) => new Set(list).size === list.length, { message: 'Each choice may appear only once' }),
  );
}

/** Meals: where, which meals of the day, and on which weekdays. */
export const MealsSelection = z.object({
  mode: z.enum(MEAL_MODES),
  meals: choices(z.enum(MEALS)),
  days: choices(Weekday),
});
export type MealsSelection = z.infer<typeof MealsSelection>;

/**
 * The services asked for (in an application) or granted (by staff). A service is asked for by being
 * present; `wristband: {}` asks for the health-monitoring wristband.
 */
export const EldercareServices = z
  .object({
    meals: z.optional(MealsSelection),
    dayCare: z.optional(z.object({ days: choices(Weekday) })),
    housekeeping: z.optional(z.object({ hoursPerMonth: z.int().check(z.minimum(1), z.maximum(HOUSEKEEPING_HOURS_MAX)) })),
    homeVisits: z.optional(z.object({ frequency: z.enum(VISIT_FREQUENCIES) })),
    wristband: z.optional(z.object({})),
  })
  .check(
    z.refine((services) => ELDERCARE_SERVICES.some((service) => services[service] !== undefined), {
      message: 'Choose at least one service',
    }),
  );
export type EldercareServices = z.infer<typeof EldercareServices>;

/** Diet needs and allergies, for the kitchen. Health information: sent only with health consent. */
export const DietNeeds = z.object({
  needs: z.array(z.enum(DIETS)).check(z.refine((list) => new Set(list).size === list.length)),
  allergies: z.optional(z.string().check(z.trim(), z.maxLength(ELDERCARE_ALLERGIES_MAX_LENGTH))),
});
export type DietNeeds = z.infer<typeof DietNeeds>;

/** Yes, no, or `null` for "prefer not to say" (the rules that need it then stay undecided). */
const Answer = z.nullable(z.boolean());

/** What `POST /v1/eldercare/applications` takes. */
export const EldercareApplicationCreate = z.object({
  applicant: z.object({
    role: z.enum(APPLICANT_ROLES),
    /** Required unless the elder applies for themselves. */
    name: z.optional(text(1, ELDERCARE_NAME_MAX_LENGTH)),
    phone: z.optional(Phone),
    /** e.g. 女儿, 儿子, 楼栋长. */
    relationship: z.optional(text(1, ELDERCARE_RELATIONSHIP_MAX_LENGTH)),
  }),
  elder: z.object({
    name: text(1, ELDERCARE_NAME_MAX_LENGTH),
    birthYear: z.int().check(z.minimum(BIRTH_YEAR_MIN), z.maximum(2100)),
    /** Required when the elder applies for themselves. */
    phone: z.optional(Phone),
    /** The building (or unit) the elder lives in. */
    areaId: Id,
    /** Unit and room as written on the door, e.g. 3单元502. */
    room: text(1, ELDERCARE_ROOM_MAX_LENGTH),
    livingSituation: z.enum(LIVING_SITUATIONS),
  }),
  services: EldercareServices,
  diet: z.optional(DietNeeds),
  /** Eligibility facts; living alone comes from `elder.livingSituation`. */
  facts: z.object({ lowIncome: Answer, disability: Answer, specialCare: Answer }),
  emergencyContact: z.object({
    name: text(1, ELDERCARE_NAME_MAX_LENGTH),
    phone: Phone,
    relationship: text(1, ELDERCARE_RELATIONSHIP_MAX_LENGTH),
  }),
  consent: z.object({
    /** Consent to store and use the application's personal data: required. */
    personalData: z.literal(true),
    /** Separate, explicit consent for health information (disability, diet needs, allergies). */
    health: z.boolean(),
  }),
});
export type EldercareApplicationCreate = z.input<typeof EldercareApplicationCreate>;
export type EldercareApplicationInput = z.output<typeof EldercareApplicationCreate>;

/** The facts the rule engine reads, from an application. */
export function factsOf(input: Pick<EldercareApplicationInput, 'elder' | 'facts'>): EligibilityFacts {
  return {
    birthYear: input.elder.birthYear,
    livingAlone: input.elder.livingSituation === 'alone',
    lowIncome: input.facts.lowIncome,
    disability: input.facts.disability,
    specialCare: input.facts.specialCare,
  };
}

/** Whether an application carries health information, which needs `consent.health`. */
export function hasHealthInformation(input: Pick<EldercareApplicationInput, 'facts' | 'diet'>): boolean {
  return input.facts.disability !== null || (input.diet?.needs.length ?? 0) > 0 || Boolean(input.diet?.allergies);
}

/** A rule an application breaks that its schema cannot express; `path` is the field's dotted path. */
export type EldercareProblem =
  /** `elder.phone` when the elder applies, `applicant.name` / `applicant.phone` when someone else does. */
  | { path: string; problem: 'required' }
  /** `elder.birthYear` after this year. */
  | { path: string; problem: 'in_future' }
  /** `consent.health`: health information is given without the consent for it. */
  | { path: string; problem: 'health_consent_required' }
  /** `services.<service>` or one of its choices the community's program does not offer. */
  | { path: string; problem: 'not_offered' }
  /** `services.housekeeping.hoursPerMonth` above the program's monthly maximum. */
  | { path: string; problem: 'too_many'; max: number };

/**
 * The rules between fields, checked the same way by the form (step by step) and the server (422):
 * who must give a phone, a birth year not in the future, and health consent for health information.
 */
export function checkEldercareApplication(input: EldercareApplicationInput, year: number = yearInShanghai()): EldercareProblem[] {
  const problems: EldercareProblem[] = [];
  if (input.applicant.role !== 'self') {
    if (!input.applicant.name) problems.push({ path: 'applicant.name', problem: 'required' });
    if (!input.applicant.phone) problems.push({ path: 'applicant.phone', problem: 'required' });
  }
  if (input.elder.birthYear > year) problems.push({ path: 'elder.birthYear', problem: 'in_future' });
  if (input.applicant.role === 'self' && !input.elder.phone) problems.push({ path: 'elder.phone', problem: 'required' });
  if (hasHealthInformation(input) && !input.consent.health) problems.push({ path: 'consent.health', problem: 'health_consent_required' });
  return problems;
}

/**
 * Checks services (asked for or granted) against what a community's programs offer: the service
 * itself, the meal mode, meals and days, the day-care days, the visit frequency and the housekeeping
 * hours. The form builds its choices from the programs, so only a stale form or another client hits these.
 */
export function checkServicesOffered(services: EldercareServices, programs: readonly EldercareProgram[]): EldercareProblem[] {
  const problems: EldercareProblem[] = [];
  const programOf = (service: EldercareService) => programs.find((program) => program.service === service);
  const outside = <T>(chosen: readonly T[], offered: readonly T[] | undefined) =>
    offered !== undefined && chosen.some((value) => !offered.includes(value));
  for (const service of ELDERCARE_SERVICES) {
    if (services[service] !== undefined && !programOf(service)) problems.push({ path: `services.${service}`, problem: 'not_offered' });
  }
  const meals = programOf('meals')?.options;
  if (services.meals && meals) {
    if (outside([services.meals.mode], meals.modes)) problems.push({ path: 'services.meals.mode', problem: 'not_offered' });
    if (outside(services.meals.meals, meals.meals)) problems.push({ path: 'services.meals.meals', problem: 'not_offered' });
    if (outside(services.meals.days, meals.days)) problems.push({ path: 'services.meals.days', problem: 'not_offered' });
  }
  const dayCare = programOf('dayCare')?.options;
  if (services.dayCare && dayCare && outside(services.dayCare.days, dayCare.days)) {
    problems.push({ path: 'services.dayCare.days', problem: 'not_offered' });
  }
  const visits = programOf('homeVisits')?.options;
  if (services.homeVisits && visits && outside([services.homeVisits.frequency], visits.frequencies)) {
    problems.push({ path: 'services.homeVisits.frequency', problem: 'not_offered' });
  }
  const max = programOf('housekeeping')?.options.maxHoursPerMonth;
  if (services.housekeeping && max !== undefined && services.housekeeping.hoursPerMonth > max) {
    problems.push({ path: 'services.housekeeping.hoursPerMonth', problem: 'too_many', max });
  }
  return problems;
}

/** The same services with every list in its natural order (meals by time of day, days Monday first). */
export function normalizeServices(services: EldercareServices): EldercareServices {
  const byDay = (days: readonly Weekday[]) => [...days].sort((a, b) => a - b);
  const out: EldercareServices = {};
  if (services.meals) {
    out.meals = {
      mode: services.meals.mode,
      meals: MEALS.filter((meal) => services.meals!.meals.includes(meal)),
      days: byDay(services.meals.days),
    };
  }
  if (services.dayCare) out.dayCare = { days: byDay(services.dayCare.days) };
  if (services.housekeeping) out.housekeeping = { ...services.housekeeping };
  if (services.homeVisits) out.homeVisits = { ...services.homeVisits };
  if (services.wristband) out.wristband = {};
  return out;
}

// ── reference codes and the status check ─────────────────────────────────────────────────────────

/** Reference codes look like tracking codes with their own prefix: `EC-7K2M-9QX4` (no 0/O, 1/I). */
export const EldercareReferenceCode = z.string().check(z.regex(new RegExp(`^EC-[${TRACKING_CODE_ALPHABET}]{4}-[${TRACKING_CODE_ALPHABET}]{4}$`)));

/** Tidies a code as typed: `ec 7k2m 9qx4` or `7K2M9QX4` → `EC-7K2M-9QX4`; anything else comes back trimmed. */
export function normalizeReferenceCode(input: string): string {
  const compact = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const body = compact.length === 10 && compact.startsWith('EC') ? compact.slice(2) : compact;
  return body.length === 8 ? `EC-${body.slice(0, 4)}-${body.slice(4)}` : input.trim().toUpperCase();
}

/**
 * `POST /v1/eldercare/applications/status`: the reference code and the last 4 digits of a phone number
 * given in the application (the elder's or the applicant's). A POST, so neither ever appears in a URL or a log.
 */
export const EldercareStatusCheck = z.object({
  code: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
  phoneLast4: z.string().check(z.regex(/^\d{4}$/)),
});
export type EldercareStatusCheck = z.input<typeof EldercareStatusCheck>;

// ── views ────────────────────────────────────────────────────────────────────────────────────────

/**
 * An application as the applicant sees it (answer to the create and the status check): names and phone
 * masked (张** / 138****5678), no address, no health or eligibility facts.
 */
export const EldercareApplicationPublic = z.object({
  code: EldercareReferenceCode,
  status: z.enum(ELDERCARE_STATUSES),
  communityName: z.string(),
  elderName: z.string(),
  /** The contact phone, masked: the elder's, else the applicant's. */
  contactPhone: z.string(),
  services: EldercareServices,
  /** What staff granted, once approved. */
  granted: z.nullable(EldercareServices),
  startDate: z.nullable(IsoDate),
  /** Why it was rejected or waitlisted, as staff wrote it for the applicant. */
  reason: z.nullable(z.string()),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type EldercareApplicationPublic = z.infer<typeof EldercareApplicationPublic>;

/** A row of the staff list: who, where, what, and where it stands — no health or eligibility facts. */
export const EldercareApplicationSummary = z.object({
  id: Id,
  code: EldercareReferenceCode,
  status: z.enum(ELDERCARE_STATUSES),
  communityId: Id,
  areaId: Id,
  /** Area names from the district down to the building or unit. */
  areaPath: z.array(z.string()),
  elderName: z.string(),
  /** The elder's phone, else the applicant's, in full. */
  contactPhone: z.string(),
  applicantRole: z.enum(APPLICANT_ROLES),
  services: EldercareServices,
  granted: z.nullable(EldercareServices),
  startDate: z.nullable(IsoDate),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type EldercareApplicationSummary = z.infer<typeof EldercareApplicationSummary>;

export const ELDERCARE_ACTIONS = ['submitted', 'approved', 'waitlisted', 'rejected'] as const;
export type EldercareAction = (typeof ELDERCARE_ACTIONS)[number];

/** One step in an application's history: what happened, who did it (staff name; `null` for the applicant) and when. */
export const EldercareHistoryEntry = z.object({
  action: z.enum(ELDERCARE_ACTIONS),
  actor: z.nullable(z.string()),
  at: IsoDateTime,
  /** The reason or note given with it. */
  note: z.nullable(z.string()),
  /** For `approved`: what was granted, from when. */
  granted: z.nullable(EldercareServices),
  startDate: z.nullable(IsoDate),
});
export type EldercareHistoryEntry = z.infer<typeof EldercareHistoryEntry>;

/** One application in full, for eldercare staff: decrypted personal and health data, eligibility, history. */
export const EldercareApplicationStaff = z.object({
  ...EldercareApplicationSummary.shape,
  applicant: z.object({
    role: z.enum(APPLICANT_ROLES),
    name: z.nullable(z.string()),
    phone: z.nullable(z.string()),
    relationship: z.nullable(z.string()),
  }),
  elder: z.object({
    name: z.string(),
    birthYear: z.int(),
    phone: z.nullable(z.string()),
    room: z.string(),
    livingSituation: z.enum(LIVING_SITUATIONS),
  }),
  diet: z.object({ needs: z.array(z.enum(DIETS)), allergies: z.nullable(z.string()) }),
  facts: z.object({ lowIncome: Answer, disability: Answer, specialCare: Answer }),
  emergencyContact: z.object({ name: z.string(), phone: z.string(), relationship: z.string() }),
  consent: z.object({ personalDataAt: IsoDateTime, healthAt: z.nullable(IsoDateTime) }),
  /** The rule engine's answer when the application arrived (the year it counted ages in, and each program's outcome). */
  eligibility: z.object({ year: z.int(), programs: z.array(ProgramOutcome) }),
  reason: z.nullable(z.string()),
  history: z.array(EldercareHistoryEntry),
});
export type EldercareApplicationStaff = z.infer<typeof EldercareApplicationStaff>;

// ── staff input ──────────────────────────────────────────────────────────────────────────────────

/** `GET /v1/staff/eldercare/applications` filters. Dates are calendar days in Asia/Shanghai, inclusive. */
export const EldercareListQuery = z.object({
  status: z.optional(z.enum(ELDERCARE_STATUSES)),
  /** A community id. */
  community: z.optional(Id),
  /** Applications asking for this service. */
  service: z.optional(z.enum(ELDERCARE_SERVICES)),
  /** Received on or after this day. */
  from: z.optional(IsoDate),
  /** Received on or before this day. */
  to: z.optional(IsoDate),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200))),
  offset: z.optional(z.coerce.number().check(z.int(), z.minimum(0))),
});
export type EldercareListQuery = z.input<typeof EldercareListQuery>;

export const EldercareListResponse = z.object({
  applications: z.array(EldercareApplicationSummary),
  /** How many match the filters over all pages. */
  total: z.int(),
});
export type EldercareListResponse = z.infer<typeof EldercareListResponse>;

/** Approve: the services granted (they may differ from those asked for) and the first day they run. */
export const EldercareApprove = z.object({
  services: EldercareServices,
  startDate: IsoDate,
  note: z.optional(z.string().check(z.trim(), z.maxLength(ELDERCARE_REASON_MAX_LENGTH))),
});
export type EldercareApprove = z.input<typeof EldercareApprove>;

/** Waitlist, optionally saying why (the applicant reads it). */
export const EldercareWaitlist = z.object({
  reason: z.optional(z.string().check(z.trim(), z.maxLength(ELDERCARE_REASON_MAX_LENGTH))),
});
export type EldercareWaitlist = z.input<typeof EldercareWaitlist>;

/** Reject, saying why (the applicant reads it). */
export const EldercareReject = z.object({ reason: text(2, ELDERCARE_REASON_MAX_LENGTH) });
export type EldercareReject = z.input<typeof EldercareReject>;

/** `POST /v1/staff/eldercare/reencrypt` (admin): how many values were sealed again with the current key. */
export const EldercareReencryptResult = z.object({ reencrypted: z.int(), alreadyCurrent: z.int() });
export type EldercareReencryptResult = z.infer<typeof EldercareReencryptResult>;

// ── the meal-delivery roster ─────────────────────────────────────────────────────────────────────

export const MealCounts = z.object({ breakfast: z.int(), lunch: z.int(), dinner: z.int() });
export type MealCounts = z.infer<typeof MealCounts>;

/** One door on the delivery route. */
export const RosterStop = z.object({
  applicationId: Id,
  code: EldercareReferenceCode,
  /** The unit area's name (1单元) when the elder's address is a unit; `null` for a building. */
  unitName: z.nullable(z.string()),
  room: z.string(),
  elderName: z.string(),
  /** The elder's phone, else the applicant's. */
  phone: z.string(),
  meals: z.array(z.enum(MEALS)),
  diet: z.array(z.enum(DIETS)),
  allergies: z.nullable(z.string()),
});
export type RosterStop = z.infer<typeof RosterStop>;

/**
 * `GET /v1/staff/eldercare/roster?community=&date=`: the approved home deliveries of one day, as the
 * route runs — compounds, buildings and units in the area tree's order — plus the canteen's counts
 * per meal (deliveries, dine-in, and per diet need).
 */
export const EldercareRoster = z.object({
  community: z.object({ id: Id, name: z.string() }),
  date: IsoDate,
  weekday: Weekday,
  compounds: z.array(
    z.object({
      id: Id,
      name: z.string(),
      buildings: z.array(z.object({ id: Id, name: z.string(), stops: z.array(RosterStop) })),
    }),
  ),
  counts: z.object({
    delivery: MealCounts,
    canteen: MealCounts,
    total: MealCounts,
    /** Meals with a diet need, per meal and need (dine-in and delivery together); only non-zero rows. */
    diets: z.array(z.object({ meal: z.enum(MEALS), diet: z.enum(DIETS), count: z.int() })),
  }),
});
export type EldercareRoster = z.infer<typeof EldercareRoster>;

export const EldercareRosterQuery = z.object({ community: Id, date: z.optional(IsoDate) });
export type EldercareRosterQuery = z.input<typeof EldercareRosterQuery>;

/**
 * `GET /v1/staff/eldercare/meal-counts?community=&date=`: only the canteen's numbers for the day, no names
 * or addresses — what a token with the `canteen` role may see.
 */
export const EldercareMealCounts = z.object({
  community: EldercareRoster.shape.community,
  date: IsoDate,
  weekday: Weekday,
  counts: EldercareRoster.shape.counts,
});
export type EldercareMealCounts = z.infer<typeof EldercareMealCounts>;
