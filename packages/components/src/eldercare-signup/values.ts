import {
  BIRTH_YEAR_MIN,
  ELDERCARE_ALLERGIES_MAX_LENGTH,
  ELDERCARE_NAME_MAX_LENGTH,
  ELDERCARE_RELATIONSHIP_MAX_LENGTH,
  ELDERCARE_ROOM_MAX_LENGTH,
  ELDERCARE_SERVICES,
  HOUSEKEEPING_HOURS_MAX,
  classifyPhone,
  type ApplicantRole,
  type Diet,
  type EldercareApplicationCreate,
  type EldercareProgram,
  type EldercareService,
  type EldercareServices,
  type EligibilityFacts,
  type LivingSituation,
  type Meal,
  type MealMode,
  type VisitFrequency,
  type Weekday,
} from '@doorstep/sdk';
import { format, type Locale, type MessageParams } from '../locales/index.js';
import type { FieldError } from '../shared/field-errors.js';
import { eldercareSignupMessages } from './eldercare-signup.messages.js';

type Key = keyof (typeof eldercareSignupMessages)['zh-CN'];
const msg = (locale: Locale, key: Key, params?: MessageParams) => format(eldercareSignupMessages, locale, key, params);

/** The wizard's steps, in order. */
export const STEPS = ['who', 'elder', 'services', 'facts', 'contact', 'consent', 'review'] as const;
export type StepId = (typeof STEPS)[number];

/** A yes/no question's answer as chosen: `unsaid` is "prefer not to say"; `''` not answered yet. */
export type FactAnswer = '' | 'yes' | 'no' | 'unsaid';
export const FACTS = ['lowIncome', 'disability', 'specialCare'] as const;
export type FactName = (typeof FACTS)[number];

/** Everything the resident has entered, kept as typed (numbers as text) whatever happens to a submission. */
export interface SignupValues {
  role: '' | ApplicantRole;
  applicantName: string;
  applicantPhone: string;
  applicantRelationship: string;
  elderName: string;
  birthYear: string;
  elderPhone: string;
  /** The building or unit id from the area picker. */
  area: string;
  room: string;
  living: '' | LivingSituation;
  /** Which services are ticked. */
  wanted: EldercareService[];
  mealMode: '' | MealMode;
  meals: Meal[];
  mealDays: Weekday[];
  diet: Diet[];
  allergies: string;
  dayCareDays: Weekday[];
  housekeepingHours: string;
  visitFrequency: '' | VisitFrequency;
  lowIncome: FactAnswer;
  disability: FactAnswer;
  specialCare: FactAnswer;
  contactName: string;
  contactPhone: string;
  contactRelationship: string;
  consentPersonal: boolean;
  consentHealth: boolean;
}

export const EMPTY_VALUES: SignupValues = {
  role: '',
  applicantName: '',
  applicantPhone: '',
  applicantRelationship: '',
  elderName: '',
  birthYear: '',
  elderPhone: '',
  area: '',
  room: '',
  living: '',
  wanted: [],
  mealMode: '',
  meals: [],
  mealDays: [],
  diet: [],
  allergies: '',
  dayCareDays: [],
  housekeepingHours: '',
  visitFrequency: '',
  lowIncome: '',
  disability: '',
  specialCare: '',
  contactName: '',
  contactPhone: '',
  contactRelationship: '',
  consentPersonal: false,
  consentHealth: false,
};

/**
 * What is never written to the device (the draft): the eligibility facts, diet needs and allergies —
 * health and social information that a shared tablet at a service station or a relative's phone should
 * not keep for weeks — and the consents, which are given for one submission. They live in memory only.
 */
export const SENSITIVE_KEYS = ['lowIncome', 'disability', 'specialCare', 'diet', 'allergies', 'consentPersonal', 'consentHealth'] as const;
export type DraftValues = Omit<SignupValues, (typeof SENSITIVE_KEYS)[number]>;

export function draftOf(values: SignupValues): DraftValues {
  const copy: Partial<SignupValues> = { ...values };
  for (const key of SENSITIVE_KEYS) delete copy[key];
  return copy as DraftValues;
}

/** A draft read back, checked field by field (storage is the resident's: anything may be in it). */
export function valuesFromDraft(saved: unknown): SignupValues {
  const values: SignupValues = { ...EMPTY_VALUES };
  if (!saved || typeof saved !== 'object') return values;
  const source = saved as Record<string, unknown>;
  for (const key of Object.keys(EMPTY_VALUES) as Array<keyof SignupValues>) {
    if ((SENSITIVE_KEYS as readonly string[]).includes(key)) continue;
    const value = source[key];
    const empty = EMPTY_VALUES[key];
    if (typeof empty === 'string' && typeof value === 'string') (values as unknown as Record<string, unknown>)[key] = value;
    if (Array.isArray(empty) && Array.isArray(value)) (values as unknown as Record<string, unknown>)[key] = value.filter((item) => typeof item === 'string' || typeof item === 'number');
  }
  return values;
}

/** The controls (their ids) in page order, per step. */
export const STEP_FIELDS: Record<StepId, readonly string[]> = {
  who: ['role', 'applicant-name', 'applicant-phone', 'applicant-relationship'],
  elder: ['elder-name', 'birth-year', 'elder-phone', 'area', 'room', 'living'],
  services: ['services', 'meal-mode', 'meals', 'meal-days', 'allergies', 'day-care-days', 'housekeeping-hours', 'visit-frequency'],
  facts: ['lowIncome', 'disability', 'specialCare'],
  contact: ['contact-name', 'contact-phone', 'contact-relationship'],
  consent: ['consent-personal', 'consent-health'],
  review: [],
};

/** Where an API field path is shown: the control's id and its step. */
const FIELD_OF_PATH: Array<[RegExp, string]> = [
  [/^applicant\.role/, 'role'],
  [/^applicant\.name/, 'applicant-name'],
  [/^applicant\.phone/, 'applicant-phone'],
  [/^applicant\.relationship/, 'applicant-relationship'],
  [/^elder\.name/, 'elder-name'],
  [/^elder\.birthYear/, 'birth-year'],
  [/^elder\.phone/, 'elder-phone'],
  [/^elder\.areaId/, 'area'],
  [/^elder\.room/, 'room'],
  [/^elder\.livingSituation/, 'living'],
  [/^services\.meals\.mode/, 'meal-mode'],
  [/^services\.meals\.meals/, 'meals'],
  [/^services\.meals\.days/, 'meal-days'],
  [/^services\.dayCare/, 'day-care-days'],
  [/^services\.housekeeping/, 'housekeeping-hours'],
  [/^services\.homeVisits/, 'visit-frequency'],
  [/^services/, 'services'],
  [/^diet\.allergies/, 'allergies'],
  [/^diet/, 'services'],
  [/^facts\.(\w+)/, '$1'],
  [/^emergencyContact\.name/, 'contact-name'],
  [/^emergencyContact\.phone/, 'contact-phone'],
  [/^emergencyContact\.relationship/, 'contact-relationship'],
  [/^consent\.personalData/, 'consent-personal'],
  [/^consent\.health/, 'consent-health'],
];

export function fieldOfPath(path: string): string | undefined {
  for (const [pattern, field] of FIELD_OF_PATH) {
    const match = pattern.exec(path);
    if (match) return field.replace('$1', match[1] ?? '');
  }
  return undefined;
}

export function stepOfField(field: string): StepId {
  return STEPS.find((step) => STEP_FIELDS[step].includes(field)) ?? 'review';
}

const answerOf = (answer: FactAnswer): boolean | null => (answer === 'yes' ? true : answer === 'no' ? false : null);

/** The year as entered, when it is a plausible four-digit year. */
export function birthYearOf(values: Pick<SignupValues, 'birthYear'>): number | undefined {
  const text = values.birthYear.trim();
  return /^\d{4}$/.test(text) ? Number(text) : undefined;
}

/** The facts the rule engine reads, as far as they are answered. */
export function factsOf(values: SignupValues): EligibilityFacts {
  const birthYear = birthYearOf(values);
  return {
    birthYear: birthYear ?? null,
    livingAlone: values.living ? values.living === 'alone' : null,
    lowIncome: answerOf(values.lowIncome),
    disability: answerOf(values.disability),
    specialCare: answerOf(values.specialCare),
  };
}

/** The ticked services with their choices, in the shape the API takes (only services the programs offer). */
export function servicesOf(values: SignupValues, programs: readonly EldercareProgram[]): EldercareServices {
  const offered = (service: EldercareService) => values.wanted.includes(service) && programs.some((program) => program.service === service);
  const services: EldercareServices = {};
  if (offered('meals') && values.mealMode) services.meals = { mode: values.mealMode, meals: values.meals, days: values.mealDays };
  if (offered('dayCare')) services.dayCare = { days: values.dayCareDays };
  if (offered('housekeeping')) services.housekeeping = { hoursPerMonth: Number(values.housekeepingHours) };
  if (offered('homeVisits') && values.visitFrequency) services.homeVisits = { frequency: values.visitFrequency };
  if (offered('wristband')) services.wristband = {};
  return services;
}

/** Whether the answers include health information (which needs the separate health consent). */
export function hasHealthInformation(values: SignupValues): boolean {
  const meals = values.wanted.includes('meals');
  return values.disability === 'yes' || values.disability === 'no' || (meals && (values.diet.length > 0 || values.allergies.trim() !== ''));
}

/** The payload for `client.eldercare.apply`. */
export function toCreateInput(values: SignupValues, programs: readonly EldercareProgram[]): EldercareApplicationCreate {
  const other = values.role !== 'self';
  const meals = values.wanted.includes('meals');
  return {
    applicant: {
      role: values.role || 'self',
      ...(other && values.applicantName.trim() ? { name: values.applicantName } : {}),
      ...(other && values.applicantPhone.trim() ? { phone: values.applicantPhone } : {}),
      ...(other && values.applicantRelationship.trim() ? { relationship: values.applicantRelationship } : {}),
    },
    elder: {
      name: values.elderName,
      birthYear: birthYearOf(values) ?? Number.NaN,
      ...(values.elderPhone.trim() ? { phone: values.elderPhone } : {}),
      areaId: values.area,
      room: values.room,
      livingSituation: values.living || 'family',
    },
    services: servicesOf(values, programs),
    ...(meals ? { diet: { needs: values.diet, ...(values.allergies.trim() ? { allergies: values.allergies } : {}) } } : {}),
    facts: { lowIncome: answerOf(values.lowIncome), disability: answerOf(values.disability), specialCare: answerOf(values.specialCare) },
    emergencyContact: { name: values.contactName, phone: values.contactPhone, relationship: values.contactRelationship },
    consent: { personalData: true, health: values.consentHealth },
  };
}

export interface StepContext {
  locale: Locale;
  year: number;
  programs: readonly EldercareProgram[] | undefined;
  /** The area picker's own message when its choice is not acceptable (e.g. "请选到楼栋"). */
  areaProblem: string;
}

/**
 * Checks one step, the way the server will (the same limits from the SDK), so a resident fixes each
 * step before moving on. Returns the problems in page order.
 */
export function checkStep(step: StepId, values: SignupValues, context: StepContext): FieldError[] {
  const { locale } = context;
  const errors: FieldError[] = [];
  const add = (field: string, key: Key, params?: MessageParams) => errors.push({ field, message: msg(locale, key, params) });
  const text = (field: string, value: string, max: number, required: Key) => {
    const trimmed = value.trim();
    if (!trimmed) add(field, required);
    else if (Array.from(trimmed).length > max) add(field, 'error.text.tooLong', { count: max });
  };
  const phone = (field: string, value: string, required?: Key) => {
    if (!value.trim()) {
      if (required) add(field, required);
    } else if (classifyPhone(value.trim()) === 'invalid') add(field, 'error.phone.invalid');
  };
  switch (step) {
    case 'who':
      if (!values.role) add('role', 'error.role.required');
      else if (values.role !== 'self') {
        text('applicant-name', values.applicantName, ELDERCARE_NAME_MAX_LENGTH, 'error.applicantName.required');
        phone('applicant-phone', values.applicantPhone, 'error.applicantPhone.required');
        if (Array.from(values.applicantRelationship.trim()).length > ELDERCARE_RELATIONSHIP_MAX_LENGTH) {
          add('applicant-relationship', 'error.text.tooLong', { count: ELDERCARE_RELATIONSHIP_MAX_LENGTH });
        }
      }
      break;
    case 'elder': {
      text('elder-name', values.elderName, ELDERCARE_NAME_MAX_LENGTH, 'error.elderName.required');
      const year = birthYearOf(values);
      if (!values.birthYear.trim()) add('birth-year', 'error.birthYear.required');
      else if (year === undefined || year < BIRTH_YEAR_MIN) add('birth-year', 'error.birthYear.invalid');
      else if (year > context.year) add('birth-year', 'error.birthYear.future');
      phone('elder-phone', values.elderPhone, values.role === 'self' ? 'error.elderPhone.required' : undefined);
      if (context.areaProblem) errors.push({ field: 'area', message: context.areaProblem });
      else if (!values.area) add('area', 'error.area.required');
      text('room', values.room, ELDERCARE_ROOM_MAX_LENGTH, 'error.room.required');
      if (!values.living) add('living', 'error.living.required');
      break;
    }
    case 'services': {
      if (!context.programs) {
        add('services', 'error.services.unavailable');
        break;
      }
      const offered = ELDERCARE_SERVICES.filter((service) => context.programs!.some((program) => program.service === service));
      const wanted = values.wanted.filter((service) => offered.includes(service));
      if (offered.length === 0) add('services', 'services.none');
      else if (wanted.length === 0) add('services', 'error.services.required');
      if (wanted.includes('meals')) {
        if (!values.mealMode) add('meal-mode', 'error.mode.required');
        if (values.meals.length === 0) add('meals', 'error.meals.required');
        if (values.mealDays.length === 0) add('meal-days', 'error.mealDays.required');
        if (Array.from(values.allergies.trim()).length > ELDERCARE_ALLERGIES_MAX_LENGTH) {
          add('allergies', 'error.text.tooLong', { count: ELDERCARE_ALLERGIES_MAX_LENGTH });
        }
      }
      if (wanted.includes('dayCare') && values.dayCareDays.length === 0) add('day-care-days', 'error.dayCareDays.required');
      if (wanted.includes('housekeeping')) {
        const max = context.programs.find((program) => program.service === 'housekeeping')?.options.maxHoursPerMonth ?? HOUSEKEEPING_HOURS_MAX;
        const hours = values.housekeepingHours.trim();
        if (!/^\d+$/.test(hours) || Number(hours) < 1 || Number(hours) > max) add('housekeeping-hours', 'error.hours.invalid', { count: max });
      }
      if (wanted.includes('homeVisits') && !values.visitFrequency) add('visit-frequency', 'error.frequency.required');
      break;
    }
    case 'facts':
      for (const fact of FACTS) if (!values[fact]) add(fact, 'error.fact.required');
      break;
    case 'contact':
      text('contact-name', values.contactName, ELDERCARE_NAME_MAX_LENGTH, 'error.contactName.required');
      phone('contact-phone', values.contactPhone, 'error.contactPhone.required');
      text('contact-relationship', values.contactRelationship, ELDERCARE_RELATIONSHIP_MAX_LENGTH, 'error.relationship.required');
      break;
    case 'consent':
      if (!values.consentPersonal) add('consent-personal', 'error.consentPersonal.required');
      if (hasHealthInformation(values) && !values.consentHealth) add('consent-health', 'error.consentHealth.required');
      break;
    case 'review':
      break;
  }
  return errors;
}

/** The first step (in order) with a problem, and its problems, or `undefined` when every step passes. */
export function firstFailingStep(values: SignupValues, context: StepContext): { step: StepId; errors: FieldError[] } | undefined {
  for (const step of STEPS) {
    const errors = checkStep(step, values, context);
    if (errors.length > 0) return { step, errors };
  }
  return undefined;
}
