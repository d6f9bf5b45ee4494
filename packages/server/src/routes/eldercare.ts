import { timingSafeEqual } from 'node:crypto';
import {
  DIETS,
  EldercareApplicationCreate,
  EldercareApprove,
  EldercareListQuery,
  EldercareReferenceCode,
  EldercareReject,
  EldercareRosterQuery,
  EldercareStatusCheck,
  EldercareWaitlist,
  Id,
  MEALS,
  checkEldercareApplication,
  checkServicesOffered,
  dateInShanghai,
  evaluatePrograms,
  factsOf,
  normalizeReferenceCode,
  normalizeServices,
  weekdayOf,
  yearInShanghai,
  type Diet,
  type EldercareApplicationPublic,
  type EldercareApplicationStaff,
  type EldercareApplicationSummary,
  type EldercareProblem,
  type EldercareRoster,
  type EldercareStatus,
  type Meal,
  type MealCounts,
  type RosterStop,
  type StaffRole,
} from '@doorstep/sdk';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type * as z from 'zod/mini';
import { requireStaff, type StaffEnv, type StaffToken } from '../auth.js';
import type { ServerConfig } from '../config.js';
import { csvHeaders, toCsv } from '../csv.js';
import { areaPath, findArea } from '../db/areas.js';
import type { Database, Queryable } from '../db/database.js';
import {
  areasWithin,
  communityOf,
  findApplication,
  findApplicationByCode,
  historyOf,
  insertApplication,
  listApplications,
  listPrograms,
  mealsOn,
  openEligibility,
  openHealth,
  openPersonal,
  recordDecision,
  reencryptApplications,
  type ApplicationRow,
  type AreaNodeRow,
  type Decision,
  type PersonalData,
} from '../db/eldercare.js';
import { claimIdempotencyKey, saveIdempotentResponse } from '../db/idempotency.js';
import { ApiError, notFound, unprocessable, validationFailed, type FieldMessages } from '../errors.js';
import { FieldCipher } from '../field-cipher.js';
import { negotiateLocale, translate, type Message, type MessageKey } from '../i18n.js';
import { hashInput, idempotencyKeyOf, idempotentCreate } from '../idempotent-create.js';
import { readJsonBody } from '../json-body.js';
import { maskName, maskPhone } from '../mask.js';
import { phoneKey } from '../phone-key.js';
import { parseOrThrow } from '../validation.js';

/** The levels an elder's home may be given at: the building, or a unit in it. */
const HOME_LEVELS = ['building', 'unit'];

/** The phone to call about an application: the elder's own, else the applicant's. */
function contactPhoneOf(personal: PersonalData): string {
  return personal.elder.phone ?? personal.applicant.phone ?? '';
}

function messageOf(problem: EldercareProblem): Message {
  switch (problem.problem) {
    case 'required':
      return { key: 'field_required' };
    case 'in_future':
      return { key: 'eldercare_field_in_future' };
    case 'health_consent_required':
      return { key: 'eldercare_field_health_consent' };
    case 'not_offered':
      return { key: 'eldercare_field_not_offered' };
    case 'too_many':
      return { key: 'eldercare_field_too_many_hours', params: { max: problem.max } };
  }
}

function addProblems(fields: FieldMessages, problems: readonly EldercareProblem[]): void {
  for (const problem of problems) fields[problem.path] ??= messageOf(problem);
}

/**
 * Counts wrong status checks per reference code (whether or not the code exists, so the count cannot
 * tell them apart) and refuses more than `max` in `windowMs`: four digits are otherwise quick to guess.
 * Per process and in memory, which is enough for one server; put a proxy's limit in front of several.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly max = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until `key` may try again, or 0. */
  blockedFor(key: string): number {
    const entry = this.failures.get(key);
    if (!entry) return 0;
    const left = entry.since + this.windowMs - this.now();
    if (left <= 0) {
      this.failures.delete(key);
      return 0;
    }
    return entry.count >= this.max ? left : 0;
  }

  fail(key: string): void {
    const entry = this.failures.get(key);
    if (entry && this.now() - entry.since < this.windowMs) entry.count++;
    else this.failures.set(key, { count: 1, since: this.now() });
    // Bounded: the oldest entries go first once many codes have been tried.
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}

/** Compares two strings in time that does not depend on where they differ. */
function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a.padEnd(8, '\0'));
  const right = Buffer.from(b.padEnd(8, '\0'));
  return left.length === right.length && timingSafeEqual(left, right) && a.length === b.length;
}

/** A middleware that lets a token through when it holds any of `roles` (or `admin`). */
function requireAnyStaff(tokens: readonly StaffToken[], roles: readonly StaffRole[]): MiddlewareHandler<StaffEnv> {
  const checks = roles.map((role) => requireStaff(tokens, role));
  return async (c, next) => {
    let refusal: unknown;
    for (const check of checks) {
      let passed = false;
      try {
        await check(c, async () => {
          passed = true;
        });
      } catch (error) {
        if (error instanceof ApiError && error.status === 403) {
          refusal = error;
          continue;
        }
        throw error;
      }
      if (passed) return next();
    }
    throw refusal;
  };
}

/** `?name=` as an id, or a 400 naming it. */
function idQuery(c: Context, name: string): string {
  const value = c.req.query(name);
  if (value === undefined || value === '') throw validationFailed({ [name]: { key: 'eldercare_field_area_required' } });
  if (!Id.safeParse(value).success) throw validationFailed({ [name]: { key: 'field_invalid' } });
  return value;
}

const EMPTY_COUNTS = (): MealCounts => ({ breakfast: 0, lunch: 0, dinner: 0 });

/** A stop with its unit's place in the area tree (-1 for a building-level address: those come first). */
interface RouteStop extends RosterStop {
  unitOrder: number;
}

/**
 * Elder-care signup: programs per community, applications (personal and health data sealed), the
 * status check, and the staff side — list, decisions, the meal-delivery roster and the canteen's counts.
 */
export function eldercareRoutes(db: Database, config: Pick<ServerConfig, 'staffTokens' | 'eldercareKeys'>): Hono<StaffEnv> {
  const cipher = config.eldercareKeys && config.eldercareKeys.length > 0 ? new FieldCipher(config.eldercareKeys) : undefined;
  const sealing = (): FieldCipher => {
    if (!cipher) throw new ApiError(503, 'unavailable', 'eldercare_unavailable');
    return cipher;
  };
  const staff = requireStaff(config.staffTokens, 'eldercare');
  const admin = requireStaff(config.staffTokens, 'admin');
  const canteenOrStaff = requireAnyStaff(config.staffTokens, ['eldercare', 'canteen']);
  const statusChecks = new FailureLimiter();

  async function communityName(tx: Queryable, id: string): Promise<string> {
    return (await findArea(tx, id))?.name ?? '';
  }

  async function toPublic(tx: Queryable, row: ApplicationRow): Promise<EldercareApplicationPublic> {
    const personal = openPersonal(sealing(), row);
    return {
      code: row.code,
      status: row.status,
      communityName: await communityName(tx, row.communityId),
      elderName: maskName(personal.elder.name),
      contactPhone: maskPhone(contactPhoneOf(personal)),
      services: row.services,
      granted: row.granted,
      startDate: row.startDate,
      reason: row.reason,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async function toSummary(tx: Queryable, row: ApplicationRow, personal: PersonalData): Promise<EldercareApplicationSummary> {
    return {
      id: row.id,
      code: row.code,
      status: row.status,
      communityId: row.communityId,
      areaId: row.areaId,
      areaPath: await areaPath(tx, row.areaId),
      elderName: personal.elder.name,
      contactPhone: contactPhoneOf(personal),
      applicantRole: row.applicantRole,
      services: row.services,
      granted: row.granted,
      startDate: row.startDate,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async function toStaff(tx: Queryable, row: ApplicationRow): Promise<EldercareApplicationStaff> {
    const keys = sealing();
    const personal = openPersonal(keys, row);
    const health = openHealth(keys, row);
    return {
      ...(await toSummary(tx, row, personal)),
      applicant: personal.applicant,
      elder: personal.elder,
      diet: health.diet,
      facts: health.facts,
      emergencyContact: personal.emergencyContact,
      consent: { personalDataAt: row.consentAt.toISOString(), healthAt: row.healthConsentAt?.toISOString() ?? null },
      eligibility: { year: row.eligibilityYear, programs: openEligibility(keys, row) },
      reason: row.reason,
      history: await historyOf(tx, row.id),
    };
  }

  /** The community of a home address, checked: a 422 on `elder.areaId` when it is not a building or unit in one. */
  async function homeCommunity(tx: Queryable, areaId: string, fields: FieldMessages) {
    const area = await findArea(tx, areaId);
    if (!area) {
      fields['elder.areaId'] = { key: 'field_unknown_area' };
      return undefined;
    }
    if (!HOME_LEVELS.includes(area.level)) {
      fields['elder.areaId'] = { key: 'eldercare_field_area_not_home' };
      return undefined;
    }
    const community = await communityOf(tx, areaId);
    if (!community) fields['elder.areaId'] = { key: 'eldercare_field_area_outside' };
    return community;
  }

  /**
   * A staff decision, made safe to retry with the shared Idempotency-Key mechanism. The stored answer is
   * only the application's id — never the decrypted view — and a replay answers the application as it
   * stands now, so nothing personal is ever kept outside the sealed columns.
   */
  async function decide<S extends z.ZodMiniType>(
    c: Context<StaffEnv>,
    action: Decision['action'],
    schema: S,
    allowedFrom: readonly EldercareStatus[],
    build: (tx: Queryable, row: ApplicationRow, input: z.output<S>) => Promise<Omit<Decision, 'action' | 'actor'>>,
  ): Promise<Response> {
    sealing();
    const id = c.req.param('id') ?? '';
    const key = idempotencyKeyOf(c);
    const input = parseOrThrow(schema, await readJsonBody(c));
    const scope = `POST /v1/staff/eldercare/applications/${id}/${action}`;
    const replayed = await db.transaction(async (tx) => {
      if (key !== undefined) {
        const claim = await claimIdempotencyKey(tx, scope, key, hashInput(input));
        if (claim.kind === 'mismatch') throw new ApiError(422, 'idempotency_key_reused', 'idempotency_key_reused');
        if (claim.kind === 'pending') throw new ApiError(409, 'conflict', 'idempotency_in_progress');
        if (claim.kind === 'replay') return true;
      }
      const row = Id.safeParse(id).success ? await findApplication(tx, id, { forUpdate: true }) : undefined;
      if (!row) throw notFound('eldercare_not_found');
      if (!allowedFrom.includes(row.status)) {
        const locale = negotiateLocale(c.req.header('accept-language'));
        const status = translate(locale, { key: `eldercare_status_${row.status}` as MessageKey });
        throw new ApiError(409, 'conflict', 'eldercare_transition_not_allowed', undefined, { status });
      }
      const decision = await build(tx, row, input);
      await recordDecision(tx, row.id, { ...decision, action, actor: c.get('staff').name });
      if (key !== undefined) await saveIdempotentResponse(tx, scope, key, 200, JSON.stringify({ id: row.id }));
      return false;
    });
    const row = await findApplication(db, id);
    if (!row) throw notFound('eldercare_not_found');
    if (replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(await toStaff(db, row));
  }

  /** The approved meals of a day in a community: the delivery route, and the canteen's counts. */
  async function mealDay(communityId: string, date: string): Promise<EldercareRoster> {
    const keys = sealing();
    const community = await findArea(db, communityId);
    if (!community) throw notFound('area_not_found');
    if (community.level !== 'community') throw validationFailed({ community: { key: 'field_invalid' } });
    const weekday = weekdayOf(date);
    const rows = await mealsOn(db, community.id, date, weekday);
    const areas = await areasWithin(db, community.id);
    const counts = { delivery: EMPTY_COUNTS(), canteen: EMPTY_COUNTS(), total: EMPTY_COUNTS() };
    const dietCounts = new Map<string, number>();
    const compounds = new Map<string, { node: AreaNodeRow; buildings: Map<string, { node: AreaNodeRow; stops: RouteStop[] }> }>();
    for (const row of rows) {
      const meals = row.granted?.meals;
      if (!meals) continue;
      const health = openHealth(keys, row);
      for (const meal of meals.meals) {
        counts[meals.mode][meal]++;
        counts.total[meal]++;
        for (const diet of health.diet.needs) dietCounts.set(`${meal}:${diet}`, (dietCounts.get(`${meal}:${diet}`) ?? 0) + 1);
      }
      if (meals.mode !== 'delivery') continue;
      const personal = openPersonal(keys, row);
      const home = areas.get(row.areaId);
      const unit = home?.level === 'unit' ? home : undefined;
      const building = unit ? areas.get(unit.parentId ?? '') : home;
      if (!building) continue;
      // A building straight under the community (no compound) is grouped under the community itself.
      const compound = areas.get(building.parentId ?? '') ?? areas.get(community.id)!;
      const group = compounds.get(compound.id) ?? { node: compound, buildings: new Map() };
      compounds.set(compound.id, group);
      const stops = group.buildings.get(building.id) ?? { node: building, stops: [] };
      group.buildings.set(building.id, stops);
      stops.stops.push({
        applicationId: row.id,
        code: row.code,
        unitName: unit?.name ?? null,
        room: personal.elder.room,
        elderName: personal.elder.name,
        phone: contactPhoneOf(personal),
        meals: meals.meals,
        diet: health.diet.needs,
        allergies: health.diet.allergies,
        unitOrder: unit?.sortOrder ?? -1,
      });
    }
    const bySort = <T extends { node: AreaNodeRow }>(a: T, b: T) => a.node.sortOrder - b.node.sortOrder || (a.node.id < b.node.id ? -1 : 1);
    const byStop = (a: RouteStop, b: RouteStop) =>
      a.unitOrder - b.unitOrder || a.room.localeCompare(b.room, 'zh-CN', { numeric: true }) || (a.code < b.code ? -1 : 1);
    return {
      community: { id: community.id, name: community.name },
      date,
      weekday,
      compounds: [...compounds.values()].sort(bySort).map((group) => ({
        id: group.node.id,
        name: group.node.name,
        buildings: [...group.buildings.values()].sort(bySort).map((entry) => ({
          id: entry.node.id,
          name: entry.node.name,
          stops: entry.stops.sort(byStop).map(({ unitOrder: _unitOrder, ...stop }) => stop),
        })),
      })),
      counts: {
        ...counts,
        diets: MEALS.flatMap((meal: Meal) =>
          DIETS.flatMap((diet: Diet) => {
            const count = dietCounts.get(`${meal}:${diet}`) ?? 0;
            return count > 0 ? [{ meal, diet, count }] : [];
          }),
        ),
      },
    };
  }

  function rosterQuery(c: Context): { community: string; date: string } {
    const query = parseOrThrow(EldercareRosterQuery, c.req.query());
    return { community: query.community, date: query.date ?? dateInShanghai() };
  }

  return (
    new Hono<StaffEnv>()
      // Staff answers hold personal data: never kept by a browser or a proxy.
      .use('/v1/staff/eldercare/*', async (c, next) => {
        await next();
        c.header('Cache-Control', 'no-store');
      })
      .get('/v1/eldercare/programs', async (c) => {
        const areaId = idQuery(c, 'area');
        const area = await findArea(db, areaId);
        if (!area) throw notFound('area_not_found');
        const community = await communityOf(db, areaId);
        if (!community) throw validationFailed({ area: { key: 'field_area_too_broad' } });
        return c.json({ community, programs: await listPrograms(db, community.id) });
      })
      .post('/v1/eldercare/applications', async (c) => {
        const keys = sealing();
        const input = parseOrThrow(EldercareApplicationCreate, await readJsonBody(c));
        return idempotentCreate(c, db, 'POST /v1/eldercare/applications', input, async (tx) => {
          const year = yearInShanghai();
          const fields: FieldMessages = {};
          addProblems(fields, checkEldercareApplication(input, year));
          const community = await homeCommunity(tx, input.elder.areaId, fields);
          const services = normalizeServices(input.services);
          const programs = community ? await listPrograms(tx, community.id) : [];
          if (community) addProblems(fields, checkServicesOffered(services, programs));
          if (!community || Object.keys(fields).length > 0) throw unprocessable(fields);
          const row = await insertApplication(tx, keys, {
            communityId: community.id,
            areaId: input.elder.areaId,
            applicantRole: input.applicant.role,
            services,
            personal: {
              applicant: {
                role: input.applicant.role,
                name: input.applicant.role === 'self' ? null : (input.applicant.name ?? null),
                phone: input.applicant.role === 'self' ? null : (input.applicant.phone ?? null),
                relationship: input.applicant.role === 'self' ? null : (input.applicant.relationship ?? null),
              },
              elder: {
                name: input.elder.name,
                birthYear: input.elder.birthYear,
                phone: input.elder.phone || null,
                room: input.elder.room,
                livingSituation: input.elder.livingSituation,
              },
              emergencyContact: input.emergencyContact,
            },
            health: {
              facts: input.facts,
              diet: { needs: DIETS.filter((diet) => input.diet?.needs.includes(diet)), allergies: input.diet?.allergies || null },
            },
            eligibility: evaluatePrograms(programs, factsOf(input), year),
            eligibilityYear: year,
            healthConsent: input.consent.health,
          });
          return { status: 201, body: await toPublic(tx, row) };
        });
      })
      .post('/v1/eldercare/applications/status', async (c) => {
        const keys = sealing();
        const input = parseOrThrow(EldercareStatusCheck, await readJsonBody(c));
        const code = normalizeReferenceCode(input.code);
        const wait = statusChecks.blockedFor(code);
        if (wait > 0) {
          c.header('Retry-After', String(Math.ceil(wait / 1000)));
          throw new ApiError(429, 'rate_limited', 'eldercare_status_rate_limited', undefined, { minutes: Math.ceil(wait / 60_000) });
        }
        const row = EldercareReferenceCode.safeParse(code).success ? await findApplicationByCode(db, code) : undefined;
        const personal = row ? openPersonal(keys, row) : undefined;
        // Both phones are always compared, and a missing row compares against nothing, so the time
        // taken says little about which part was wrong; the answer says nothing at all.
        const candidates = [personal?.elder.phone, personal?.applicant.phone].map((phone) => (phone ? phoneKey(phone).slice(-4) : '----'));
        const matched = candidates.map((last4) => sameText(last4, input.phoneLast4)).reduce((a, b) => a || b, false);
        if (!row || !matched) {
          statusChecks.fail(code);
          throw notFound('eldercare_status_not_found');
        }
        statusChecks.succeed(code);
        c.header('Cache-Control', 'no-store');
        return c.json(await toPublic(db, row));
      })
      .get('/v1/staff/eldercare/applications', staff, async (c) => {
        const query = parseOrThrow(EldercareListQuery, c.req.query());
        const { rows, total } = await listApplications(db, query);
        const keys = sealing();
        const applications: EldercareApplicationSummary[] = [];
        for (const row of rows) applications.push(await toSummary(db, row, openPersonal(keys, row)));
        return c.json({ applications, total });
      })
      .get('/v1/staff/eldercare/applications/:id', staff, async (c) => {
        sealing();
        const id = c.req.param('id');
        const row = Id.safeParse(id).success ? await findApplication(db, id) : undefined;
        if (!row) throw notFound('eldercare_not_found');
        return c.json(await toStaff(db, row));
      })
      .post('/v1/staff/eldercare/applications/:id/approve', staff, (c) =>
        decide(c, 'approved', EldercareApprove, ['submitted', 'waitlisted', 'approved'], async (tx, row, input) => {
          const services = normalizeServices(input.services);
          const fields: FieldMessages = {};
          addProblems(fields, checkServicesOffered(services, await listPrograms(tx, row.communityId)));
          if (Object.keys(fields).length > 0) throw unprocessable(fields);
          return { granted: services, startDate: input.startDate, reason: null, note: input.note || null };
        }),
      )
      .post('/v1/staff/eldercare/applications/:id/waitlist', staff, (c) =>
        decide(c, 'waitlisted', EldercareWaitlist, ['submitted', 'waitlisted'], async (_tx, _row, input) => ({
          granted: null,
          startDate: null,
          reason: input.reason || null,
          note: null,
        })),
      )
      .post('/v1/staff/eldercare/applications/:id/reject', staff, (c) =>
        decide(c, 'rejected', EldercareReject, ['submitted', 'waitlisted'], async (_tx, _row, input) => ({
          granted: null,
          startDate: null,
          reason: input.reason,
          note: null,
        })),
      )
      .get('/v1/staff/eldercare/roster', staff, async (c) => {
        const { community, date } = rosterQuery(c);
        return c.json(await mealDay(community, date));
      })
      .get('/v1/staff/eldercare/roster.csv', staff, async (c) => {
        const { community, date } = rosterQuery(c);
        const roster = await mealDay(community, date);
        const locale = negotiateLocale(c.req.header('accept-language'));
        const word = (key: string) => translate(locale, { key: key as MessageKey });
        const separator = locale === 'en' ? '; ' : '、';
        const header = ['compound', 'building', 'unit', 'room', 'name', 'phone', 'meals', 'diet', 'allergies', 'code'].map((column) =>
          word(`eldercare_csv_${column}`),
        );
        const rows = roster.compounds.flatMap((compound) =>
          compound.buildings.flatMap((building) =>
            building.stops.map((stop) => [
              compound.name,
              building.name,
              stop.unitName,
              stop.room,
              stop.elderName,
              stop.phone,
              stop.meals.map((meal) => word(`eldercare_meal_${meal}`)).join(separator),
              stop.diet.map((diet) => word(`eldercare_diet_${diet}`)).join(separator),
              stop.allergies,
              stop.code,
            ]),
          ),
        );
        c.header('Content-Language', locale);
        return c.body(toCsv(header, rows), 200, csvHeaders(`meal-roster-${roster.community.id}-${roster.date}.csv`));
      })
      .get('/v1/staff/eldercare/meal-counts', canteenOrStaff, async (c) => {
        const { community, date } = rosterQuery(c);
        const { compounds: _route, ...counts } = await mealDay(community, date);
        return c.json(counts);
      })
      .post('/v1/staff/eldercare/reencrypt', admin, async (c) => {
        const keys = sealing();
        return c.json(await db.transaction((tx) => reencryptApplications(tx, keys)));
      })
  );
}
