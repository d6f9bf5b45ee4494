import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  EldercareApplicationCreate,
  EldercareProgram,
  EldercareReferenceCode,
  EligibilityCondition,
  ValidationError,
  checkEldercareApplication,
  checkServicesOffered,
  createClient,
  dateInShanghai,
  evaluateCondition,
  evaluatePrograms,
  factsOf,
  factsRead,
  normalizeReferenceCode,
  normalizeServices,
  weekdayOf,
  yearInShanghai,
  type EldercareApplicationInput,
  type EldercareApplicationPublic,
} from '../src/index.js';
import { json, scriptedFetch } from './fake-fetch.js';

const YEAR = 2026;
const name = { 'zh-CN': 'x' };

/** A meals program like 幸福里社区's: 60+ (or disabled) may join; tiers of subsidy; free delivery for 低保. */
const meals = EldercareProgram.parse({
  id: 'meals',
  communityId: 'c-1',
  service: 'meals',
  name,
  eligibility: { any: [{ ageAtLeast: 60 }, { fact: 'disability' }] },
  options: { modes: ['canteen', 'delivery'], meals: ['lunch', 'dinner'], days: [1, 2, 3, 4, 5, 6] },
  prices: [
    { id: 'meal', name, amountFen: 1500, per: 'meal' },
    { id: 'delivery', name, amountFen: 300, per: 'meal' },
  ],
  benefits: [
    { id: 'meal-60', item: 'meal', kind: 'subsidy', amountFen: 300, when: { ageAtLeast: 60 }, name },
    { id: 'meal-80', item: 'meal', kind: 'subsidy', amountFen: 500, when: { ageAtLeast: 80 }, name },
    { id: 'delivery-free', item: 'delivery', kind: 'free', when: { fact: 'lowIncome' }, name },
    { id: 'delivery-80', item: 'delivery', kind: 'subsidy', amountFen: 200, when: { ageAtLeast: 80 }, name },
  ],
});

const housekeeping = EldercareProgram.parse({
  id: 'hk',
  communityId: 'c-1',
  service: 'housekeeping',
  name,
  eligibility: null,
  options: { maxHoursPerMonth: 20 },
  prices: [{ id: 'hour', name, amountFen: 4000, per: 'hour' }],
  benefits: [
    { id: 'hk-4', item: 'hour', kind: 'freeQuantity', quantity: 4, when: { fact: 'lowIncome' }, name },
    { id: 'hk-2', item: 'hour', kind: 'freeQuantity', quantity: 2, when: { all: [{ ageAtLeast: 80 }, { fact: 'livingAlone' }] }, name },
  ],
});

const visits = EldercareProgram.parse({
  id: 'visits',
  communityId: 'c-1',
  service: 'homeVisits',
  name,
  eligibility: { any: [{ fact: 'livingAlone' }, { ageAtLeast: 80 }] },
  options: { frequencies: ['weekly', 'monthly'] },
  prices: [],
  benefits: [],
});

describe('eligibility conditions', () => {
  it('reads a fact as yes, no, or unknown when not answered', () => {
    const rule: EligibilityCondition = { fact: 'lowIncome' };
    assert.deepEqual(evaluateCondition(rule, { lowIncome: true }, YEAR), { result: 'yes', because: [{ fact: 'lowIncome', value: true }] });
    assert.deepEqual(evaluateCondition(rule, { lowIncome: false }, YEAR), { result: 'no', because: [{ fact: 'lowIncome', value: false }] });
    assert.deepEqual(evaluateCondition(rule, { lowIncome: null }, YEAR), { result: 'unknown', because: [{ fact: 'lowIncome', value: null }] });
    assert.equal(evaluateCondition(rule, {}, YEAR).result, 'unknown');
  });

  it('counts age as this year minus the birth year, inclusive at the boundary', () => {
    const rule: EligibilityCondition = { ageAtLeast: 80 };
    assert.deepEqual(evaluateCondition(rule, { birthYear: 1946 }, YEAR), { result: 'yes', because: [{ ageAtLeast: 80, age: 80 }] });
    assert.deepEqual(evaluateCondition(rule, { birthYear: 1947 }, YEAR), { result: 'no', because: [{ ageAtLeast: 80, age: 79 }] });
    assert.deepEqual(evaluateCondition(rule, {}, YEAR), { result: 'unknown', because: [{ ageAtLeast: 80, age: null }] });
  });

  it('all: no as soon as one part fails (explained by the failing parts), unknown if none fails but one is missing', () => {
    const rule: EligibilityCondition = { all: [{ ageAtLeast: 80 }, { fact: 'livingAlone' }] };
    assert.deepEqual(evaluateCondition(rule, { birthYear: 1950, livingAlone: null }, YEAR), {
      result: 'no',
      because: [{ ageAtLeast: 80, age: 76 }],
    });
    assert.deepEqual(evaluateCondition(rule, { birthYear: 1940, livingAlone: null }, YEAR), {
      result: 'unknown',
      because: [{ fact: 'livingAlone', value: null }],
    });
    assert.deepEqual(evaluateCondition(rule, { birthYear: 1940, livingAlone: true }, YEAR), {
      result: 'yes',
      because: [{ ageAtLeast: 80, age: 86 }, { fact: 'livingAlone', value: true }],
    });
  });

  it('any: yes as soon as one part holds (explained by the parts that hold), no only when every part fails', () => {
    const rule: EligibilityCondition = { any: [{ fact: 'lowIncome' }, { fact: 'specialCare' }] };
    assert.deepEqual(evaluateCondition(rule, { lowIncome: null, specialCare: true }, YEAR), {
      result: 'yes',
      because: [{ fact: 'specialCare', value: true }],
    });
    assert.equal(evaluateCondition(rule, { lowIncome: false, specialCare: null }, YEAR).result, 'unknown');
    assert.deepEqual(evaluateCondition(rule, { lowIncome: false, specialCare: false }, YEAR), {
      result: 'no',
      because: [
        { fact: 'lowIncome', value: false },
        { fact: 'specialCare', value: false },
      ],
    });
  });

  it('not flips yes and no, keeps unknown, and keeps the facts as they are', () => {
    const rule: EligibilityCondition = { not: { fact: 'livingAlone' } };
    assert.deepEqual(evaluateCondition(rule, { livingAlone: false }, YEAR), { result: 'yes', because: [{ fact: 'livingAlone', value: false }] });
    assert.equal(evaluateCondition(rule, { livingAlone: true }, YEAR).result, 'no');
    assert.equal(evaluateCondition(rule, {}, YEAR).result, 'unknown');
  });

  it('names each fact a condition reads once', () => {
    assert.deepEqual(factsRead({ any: [{ all: [{ ageAtLeast: 80 }, { fact: 'livingAlone' }] }, { not: { fact: 'livingAlone' } }, { ageAtLeast: 60 }] }), [
      'birthYear',
      'livingAlone',
    ]);
  });

  it('the condition schema accepts nesting and refuses unknown facts, empty lists and mixed shapes', () => {
    assert.ok(EligibilityCondition.safeParse({ any: [{ all: [{ ageAtLeast: 80 }, { not: { fact: 'disability' } }] }] }).success);
    assert.equal(EligibilityCondition.safeParse({ fact: 'rich' }).success, false);
    assert.equal(EligibilityCondition.safeParse({ all: [] }).success, false);
    assert.equal(EligibilityCondition.safeParse({ fact: 'lowIncome', ageAtLeast: 60 }).success, false);
    assert.equal(EligibilityCondition.safeParse({ ageAtLeast: 60.5 }).success, false);
  });
});

describe('evaluatePrograms', () => {
  it('a 低保 85-year-old: eligible because of age, the larger meal subsidy (not both), free delivery', () => {
    const [outcome] = evaluatePrograms([meals], { birthYear: 1941, lowIncome: true }, YEAR);
    assert.equal(outcome?.eligible, 'yes');
    assert.deepEqual(outcome?.because, [{ ageAtLeast: 60, age: 85 }]);
    const [meal, delivery] = outcome!.prices;
    assert.deepEqual({ base: meal?.baseFen, final: meal?.finalFen }, { base: 1500, final: 1000 }, '就高不重复: ¥5 off, not ¥8');
    assert.deepEqual(
      meal?.benefits.map((benefit) => [benefit.benefitId, benefit.applies]),
      [
        ['meal-60', 'yes'],
        ['meal-80', 'yes'],
      ],
    );
    assert.equal(delivery?.finalFen, 0, 'free wins over a subsidy');
  });

  it('a 70-year-old who did not say about income: the ¥3 tier, delivery undecided on the free benefit', () => {
    const [outcome] = evaluatePrograms([meals], { birthYear: 1956, lowIncome: null }, YEAR);
    assert.equal(outcome?.eligible, 'yes');
    assert.equal(outcome?.prices[0]?.finalFen, 1200);
    const delivery = outcome!.prices[1]!;
    assert.equal(delivery.finalFen, 300, 'only benefits that certainly apply lower the price');
    assert.deepEqual(delivery.benefits.find((benefit) => benefit.benefitId === 'delivery-free'), {
      benefitId: 'delivery-free',
      applies: 'unknown',
      because: [{ fact: 'lowIncome', value: null }],
    });
  });

  it('a 55-year-old: not eligible unless disabled, and unknown while disability is not answered', () => {
    assert.equal(evaluatePrograms([meals], { birthYear: 1971, disability: false }, YEAR)[0]?.eligible, 'no');
    assert.deepEqual(evaluatePrograms([meals], { birthYear: 1971 }, YEAR)[0]?.because, [{ fact: 'disability', value: null }]);
    const disabled = evaluatePrograms([meals], { birthYear: 1971, disability: true }, YEAR)[0];
    assert.equal(disabled?.eligible, 'yes');
    assert.deepEqual(disabled?.because, [{ fact: 'disability', value: true }]);
  });

  it('free quantities: the largest that applies, no stacking; a program with no gate is open to all', () => {
    const both = evaluatePrograms([housekeeping], { birthYear: 1940, lowIncome: true, livingAlone: true }, YEAR)[0]!;
    assert.equal(both.eligible, 'yes');
    assert.deepEqual(both.because, []);
    assert.equal(both.prices[0]?.freeQuantity, 4);
    assert.equal(both.prices[0]?.finalFen, 4000, 'hours past the free ones cost full price');
    assert.equal(evaluatePrograms([housekeeping], { birthYear: 1940, lowIncome: false, livingAlone: true }, YEAR)[0]?.prices[0]?.freeQuantity, 2);
    assert.equal(evaluatePrograms([housekeeping], { birthYear: 1960, lowIncome: false, livingAlone: true }, YEAR)[0]?.prices[0]?.freeQuantity, 0);
  });

  it('the year moves the outcome: a 1946 birth year is 79 in 2025 and 80 in 2026', () => {
    assert.equal(evaluatePrograms([visits], { birthYear: 1946, livingAlone: false }, 2025)[0]?.eligible, 'no');
    assert.equal(evaluatePrograms([visits], { birthYear: 1946, livingAlone: false }, 2026)[0]?.eligible, 'yes');
  });
});

const application: EldercareApplicationInput = EldercareApplicationCreate.parse({
  applicant: { role: 'family', name: '王芳', phone: '13900001111', relationship: '女儿' },
  elder: { name: '王秀英', birthYear: 1942, areaId: 'u-1-1', room: '502', livingSituation: 'alone' },
  services: { meals: { mode: 'delivery', meals: ['dinner', 'lunch'], days: [3, 1] }, homeVisits: { frequency: 'weekly' } },
  diet: { needs: ['lowSalt'], allergies: '花生' },
  facts: { lowIncome: true, disability: null, specialCare: false },
  emergencyContact: { name: '王强', phone: '13900002222', relationship: '儿子' },
  consent: { personalData: true, health: true },
});

describe('application rules', () => {
  it('takes living alone from the living situation', () => {
    assert.deepEqual(factsOf(application), { birthYear: 1942, livingAlone: true, lowIncome: true, disability: null, specialCare: false });
  });

  it('someone applying for an elder gives their own name and phone; an elder applying gives theirs', () => {
    assert.deepEqual(checkEldercareApplication(application, YEAR), []);
    const anonymous = { ...application, applicant: { role: 'steward' as const } };
    assert.deepEqual(checkEldercareApplication(anonymous, YEAR), [
      { path: 'applicant.name', problem: 'required' },
      { path: 'applicant.phone', problem: 'required' },
    ]);
    const self = { ...application, applicant: { role: 'self' as const } };
    assert.deepEqual(checkEldercareApplication(self, YEAR), [{ path: 'elder.phone', problem: 'required' }]);
    assert.deepEqual(checkEldercareApplication({ ...self, elder: { ...self.elder, phone: '13800001234' } }, YEAR), []);
  });

  it('health information (disability, diet, allergies) needs the separate health consent', () => {
    const noConsent = { ...application, consent: { personalData: true as const, health: false } };
    assert.deepEqual(checkEldercareApplication(noConsent, YEAR), [{ path: 'consent.health', problem: 'health_consent_required' }]);
    const noHealth = { ...noConsent, diet: { needs: [] } };
    assert.deepEqual(checkEldercareApplication(noHealth, YEAR), []);
    assert.equal(checkEldercareApplication({ ...noHealth, facts: { ...noHealth.facts, disability: false } }, YEAR).length, 1);
  });

  it('a birth year after this year is refused', () => {
    assert.deepEqual(checkEldercareApplication({ ...application, elder: { ...application.elder, birthYear: YEAR + 1 } }, YEAR), [
      { path: 'elder.birthYear', problem: 'in_future' },
    ]);
  });

  it('the schema needs the data consent, at least one service, and each choice once', () => {
    const raw = JSON.parse(JSON.stringify(application));
    assert.equal(EldercareApplicationCreate.safeParse({ ...raw, consent: { personalData: false, health: true } }).success, false);
    assert.equal(EldercareApplicationCreate.safeParse({ ...raw, services: {} }).success, false);
    assert.equal(EldercareApplicationCreate.safeParse({ ...raw, services: { dayCare: { days: [1, 1] } } }).success, false);
    assert.equal(EldercareApplicationCreate.safeParse({ ...raw, services: { dayCare: { days: [8] } } }).success, false);
    assert.equal(EldercareApplicationCreate.safeParse({ ...raw, services: { wristband: {} } }).success, true);
  });

  it('services are checked against what the programs offer', () => {
    assert.deepEqual(checkServicesOffered(application.services, [meals, visits]), []);
    assert.deepEqual(
      checkServicesOffered(
        {
          meals: { mode: 'delivery', meals: ['breakfast'], days: [7] },
          homeVisits: { frequency: 'biweekly' },
          housekeeping: { hoursPerMonth: 21 },
          dayCare: { days: [1] },
        },
        [meals, visits, housekeeping],
      ),
      [
        { path: 'services.dayCare', problem: 'not_offered' },
        { path: 'services.meals.meals', problem: 'not_offered' },
        { path: 'services.meals.days', problem: 'not_offered' },
        { path: 'services.homeVisits.frequency', problem: 'not_offered' },
        { path: 'services.housekeeping.hoursPerMonth', problem: 'too_many', max: 20 },
      ],
    );
  });

  it('normalizes services: meals by time of day, days from Monday', () => {
    assert.deepEqual(normalizeServices(application.services), {
      meals: { mode: 'delivery', meals: ['lunch', 'dinner'], days: [1, 3] },
      homeVisits: { frequency: 'weekly' },
    });
  });
});

describe('dates and codes', () => {
  it('dates and years are Beijing time: 16:30 UTC on 31 December is already the next year', () => {
    assert.equal(dateInShanghai(new Date('2025-12-31T16:30:00Z')), '2026-01-01');
    assert.equal(yearInShanghai(new Date('2025-12-31T16:30:00Z')), 2026);
    assert.equal(dateInShanghai(new Date('2025-12-31T15:59:00Z')), '2025-12-31');
  });

  it('weekdays are ISO (Monday 1 … Sunday 7)', () => {
    assert.equal(weekdayOf('2026-11-23'), 1);
    assert.equal(weekdayOf('2026-11-28'), 6);
    assert.equal(weekdayOf('2026-11-29'), 7);
  });

  it('reference codes are tidied as typed', () => {
    assert.equal(normalizeReferenceCode('ec 7k2m 9qx4'), 'EC-7K2M-9QX4');
    assert.equal(normalizeReferenceCode('7K2M9QX4'), 'EC-7K2M-9QX4');
    assert.equal(normalizeReferenceCode(' ec 12 '), 'EC 12');
    // Eight characters take the shape of a code, and the schema then refuses the look-alike O.
    assert.equal(EldercareReferenceCode.safeParse(normalizeReferenceCode('nonsense')).success, false);
    assert.equal(EldercareReferenceCode.safeParse(normalizeReferenceCode('ec-7k2m-9qx4')).success, true);
  });
});

const publicView: EldercareApplicationPublic = {
  code: 'EC-7K2M-9QX4',
  status: 'submitted',
  communityName: '幸福里社区',
  elderName: '王**',
  contactPhone: '139****1111',
  services: { homeVisits: { frequency: 'weekly' } },
  granted: null,
  startDate: null,
  reason: null,
  createdAt: '2026-11-23T09:30:00+08:00',
  updatedAt: '2026-11-23T09:30:00+08:00',
};

function client(fetch: typeof globalThis.fetch) {
  return createClient({ baseUrl: 'http://api.test', fetch, token: 't'.repeat(24), retry: { limit: 2, backoffLimit: 5 } });
}

describe('client.eldercare', () => {
  it('asks for the programs of an area', async () => {
    const { fetch, seen } = scriptedFetch(() => json({ community: { id: 'c-1', name: '幸福里社区' }, programs: [meals] }));
    const answer = await client(fetch).eldercare.programs('b-1');
    assert.equal(answer.programs[0]?.id, 'meals');
    assert.equal(seen[0]?.url, 'http://api.test/v1/eldercare/programs?area=b-1');
  });

  it('applies with an idempotency key kept across retries, and checks input before sending', async () => {
    const { fetch, seen } = scriptedFetch(
      () => json({ error: { code: 'unavailable', message: 'busy' } }, 503),
      () => json(publicView, 201),
    );
    const answer = await client(fetch).eldercare.apply(application, { idempotencyKey: 'outbox-7' });
    assert.equal(answer.code, 'EC-7K2M-9QX4');
    assert.equal(seen.length, 2);
    assert.deepEqual(seen.map((request) => request.headers.get('idempotency-key')), ['outbox-7', 'outbox-7']);
    assert.equal(JSON.parse(seen[0]!.body).elder.name, '王秀英');

    const bad = await client(fetch)
      .eldercare.apply({ ...application, elder: { ...application.elder, phone: '123' } })
      .catch((error: unknown) => error);
    assert.ok(bad instanceof ValidationError);
    assert.ok('elder.phone' in bad.fields);
    assert.equal(seen.length, 2, 'nothing more was sent');
  });

  it('checks status with a POST (nothing personal in the URL), the code tidied', async () => {
    const { fetch, seen } = scriptedFetch(() => json(publicView));
    await client(fetch).eldercare.status('ec7k2m9qx4', ' 1111 ');
    assert.equal(seen[0]?.method, 'POST');
    assert.equal(seen[0]?.url, 'http://api.test/v1/eldercare/applications/status');
    assert.deepEqual(JSON.parse(seen[0]!.body), { code: 'EC-7K2M-9QX4', phoneLast4: '1111' });
    const bad = await client(fetch).eldercare.status('EC-7K2M-9QX4', '11a1').catch((error: unknown) => error);
    assert.ok(bad instanceof ValidationError);
  });

  it('staff: lists with filters as query parameters and the bearer token', async () => {
    const { fetch, seen } = scriptedFetch(() => json({ applications: [], total: 0 }));
    await client(fetch).eldercare.staff.list({ status: 'submitted', community: 'c-1', service: 'meals', from: '2026-11-01', limit: 20 });
    const url = new URL(seen[0]!.url);
    assert.equal(url.pathname, '/v1/staff/eldercare/applications');
    assert.deepEqual(Object.fromEntries(url.searchParams), { status: 'submitted', community: 'c-1', service: 'meals', from: '2026-11-01', limit: '20' });
    assert.equal(seen[0]?.headers.get('authorization'), `Bearer ${'t'.repeat(24)}`);
    const bad = await client(fetch).eldercare.staff.list({ from: '1 Nov' }).catch((error: unknown) => error);
    assert.ok(bad instanceof ValidationError);
  });

  it('staff: decisions are POSTs with an idempotency key and checked bodies', async () => {
    const { fetch, seen } = scriptedFetch(() => json({ error: { code: 'not_found', message: 'no' } }, 404));
    const approve = await client(fetch)
      .eldercare.staff.approve('app-1', { services: { homeVisits: { frequency: 'weekly' } }, startDate: '2026-12-01' })
      .catch((error: unknown) => error);
    assert.equal((approve as { status?: number }).status, 404);
    assert.equal(seen[0]?.url, 'http://api.test/v1/staff/eldercare/applications/app-1/approve');
    assert.ok(seen[0]?.headers.get('idempotency-key'));
    const reject = await client(fetch).eldercare.staff.reject('app-1', { reason: '' }).catch((error: unknown) => error);
    assert.ok(reject instanceof ValidationError);
    assert.equal(seen.length, 1);
  });

  it('staff: the canteen’s counts are a GET with the community and the day', async () => {
    const counts = { breakfast: 0, lunch: 3, dinner: 1 };
    const { fetch, seen } = scriptedFetch(() =>
      json({ community: { id: 'c-1', name: '幸福里社区' }, date: '2026-11-23', weekday: 1, counts: { delivery: counts, canteen: counts, total: counts, diets: [] } }),
    );
    const answer = await client(fetch).eldercare.staff.mealCounts({ community: 'c-1', date: '2026-11-23' });
    assert.equal(answer.counts.total.lunch, 3);
    assert.equal(seen[0]?.url, 'http://api.test/v1/staff/eldercare/meal-counts?community=c-1&date=2026-11-23');
    const bad = await client(fetch).eldercare.staff.mealCounts({ community: 'c-1', date: '2026-13-45' }).catch((error: unknown) => error);
    assert.ok(bad instanceof ValidationError);
  });

  it('staff: the roster CSV comes back with its byte-order mark', async () => {
    const { fetch, seen } = scriptedFetch(() => new Response('\uFEFF小区,楼栋\r\n', { headers: { 'content-type': 'text/csv; charset=utf-8' } }));
    const csv = await client(fetch).eldercare.staff.rosterCsv({ community: 'c-1', date: '2026-11-23' });
    assert.equal(csv.charCodeAt(0), 0xfeff);
    assert.equal(csv.slice(1), '小区,楼栋\r\n');
    assert.equal(seen[0]?.url, 'http://api.test/v1/staff/eldercare/roster.csv?community=c-1&date=2026-11-23');
    assert.equal(seen[0]?.headers.get('accept'), 'text/csv');
  });
});
