import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import {
  EldercareApplicationPublic,
  EldercareApplicationStaff,
  EldercareListResponse,
  EldercareMealCounts,
  EldercareProgramsResponse,
  EldercareReferenceCode,
  EldercareRoster,
  yearInShanghai,
  type EldercareApplicationCreate,
  type ProgramOutcome,
} from '@doorstep/sdk';
import { createApp } from '../src/app.js';
import { openHealth, openPersonal, type ApplicationRow } from '../src/db/eldercare.js';
import { DecryptionError, FieldCipher, generateKey } from '../src/field-cipher.js';
import { forEachBackend, staffHeaders, testConfig, useApp, type AppContext } from './harness.js';

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

const YEAR = yearInShanghai();
const KEY_A = generateKey('ka');
const KEY_B = generateKey('kb');

let phoneCounter = 1000;
/** A mainland mobile number no other test uses (so searching raw rows for it means something). */
const freshPhone = () => `1390000${String(phoneCounter++).padStart(4, '0')}`;

type Input = EldercareApplicationCreate;

/** A daughter applying for her 85-year-old mother, who lives alone in 幸福花园 1号楼 1单元 and wants lunch and dinner delivered. */
function application(overrides: { [K in keyof Input]?: Partial<Input[K]> } = {}): Input {
  const base: Input = {
    applicant: { role: 'family', name: '王芳', phone: freshPhone(), relationship: '女儿' },
    elder: { name: '王秀英', birthYear: YEAR - 85, areaId: 'u-1-1', room: '502', livingSituation: 'alone' },
    services: { meals: { mode: 'delivery', meals: ['dinner', 'lunch'], days: [5, 1, 3] }, homeVisits: { frequency: 'weekly' } },
    diet: { needs: ['soft', 'lowSalt'], allergies: '花生过敏' },
    facts: { lowIncome: true, disability: false, specialCare: null },
    emergencyContact: { name: '王强', phone: freshPhone(), relationship: '儿子' },
    consent: { personalData: true, health: true },
  };
  return {
    applicant: { ...base.applicant, ...overrides.applicant },
    elder: { ...base.elder, ...overrides.elder },
    services: (overrides.services as Input['services']) ?? base.services,
    ...(overrides.diet === undefined ? { diet: base.diet } : { diet: overrides.diet as Input['diet'] }),
    facts: { ...base.facts, ...overrides.facts },
    emergencyContact: { ...base.emergencyContact, ...overrides.emergencyContact },
    consent: { ...base.consent, ...overrides.consent },
  };
}

async function apply(ctx: AppContext, input: Input, headers: Record<string, string> = {}) {
  const res = await ctx.post('/v1/eldercare/applications', input, headers);
  const text = await res.text();
  assert.equal(res.status, 201, text);
  return { created: EldercareApplicationPublic.parse(JSON.parse(text)), text };
}

async function rawRow(ctx: AppContext, code: string) {
  const [row] = await ctx.db.query<Record<string, unknown>>(`SELECT * FROM eldercare_applications WHERE code = $1`, [code]);
  assert.ok(row, `row ${code}`);
  return row;
}

async function idOf(ctx: AppContext, code: string): Promise<string> {
  return (await rawRow(ctx, code)).id as string;
}

const staffGet = (ctx: AppContext, path: string, role: Parameters<typeof staffHeaders>[0] = 'eldercare', extra: Record<string, string> = {}) =>
  ctx.request(path, { headers: { ...staffHeaders(role), ...extra } });

const staffPost = (ctx: AppContext, path: string, body: unknown, role: Parameters<typeof staffHeaders>[0] = 'eldercare', extra: Record<string, string> = {}) =>
  ctx.post(path, body, { ...staffHeaders(role), ...extra });

async function detail(ctx: AppContext, id: string) {
  const res = await staffGet(ctx, `/v1/staff/eldercare/applications/${id}`);
  assert.equal(res.status, 200);
  return EldercareApplicationStaff.parse(await res.json());
}

forEachBackend('elder care: programs and applications', (backend) => {
  const ctx = useApp(backend, { eldercareKeys: [KEY_A] });

  test('GET /v1/eldercare/programs answers the community of any area in it, with its programs in order', async () => {
    const res = await ctx.request('/v1/eldercare/programs?area=u-1-2');
    assert.equal(res.status, 200);
    const { community, programs } = EldercareProgramsResponse.parse(await res.json());
    assert.deepEqual(community, { id: 'c-1', name: '幸福里社区' });
    assert.deepEqual(programs.map((program) => program.service), ['meals', 'dayCare', 'housekeeping', 'homeVisits', 'wristband']);
    const meals = programs[0]!;
    assert.deepEqual(meals.prices.map((price) => [price.id, price.amountFen]), [['meal', 1500], ['delivery', 300]]);
    assert.deepEqual(meals.eligibility, { any: [{ ageAtLeast: 60 }, { fact: 'disability' }] });

    const other = EldercareProgramsResponse.parse(await (await ctx.request('/v1/eldercare/programs?area=c-2')).json());
    assert.deepEqual(other.programs.map((program) => program.id), ['c2-meals', 'c2-home-visits']);
  });

  test('programs: a missing, unknown or too broad area is a clear error', async () => {
    const missing = await ctx.request('/v1/eldercare/programs', { headers: { 'accept-language': 'en' } });
    assert.equal(missing.status, 400);
    assert.deepEqual(((await missing.json()) as ErrorBody).error.fields, { area: 'Say which area (the area parameter).' });
    assert.equal((await ctx.request('/v1/eldercare/programs?area=b-999')).status, 404);
    const broad = await ctx.request('/v1/eldercare/programs?area=sd-1');
    assert.equal(broad.status, 400);
    assert.deepEqual(((await broad.json()) as ErrorBody).error.fields, { area: '请至少选择到社区。' });
  });

  test('an application is stored with the rule engine’s outcome; the answer is masked and carries the reference code', async () => {
    const input = application();
    const { created, text } = await apply(ctx, input);
    assert.ok(EldercareReferenceCode.safeParse(created.code).success, created.code);
    assert.equal(created.status, 'submitted');
    assert.equal(created.communityName, '幸福里社区');
    assert.equal(created.elderName, '王**');
    assert.equal(created.contactPhone, `${input.applicant.phone!.slice(0, 3)}****${input.applicant.phone!.slice(-4)}`);
    assert.deepEqual(created.services, {
      meals: { mode: 'delivery', meals: ['lunch', 'dinner'], days: [1, 3, 5] },
      homeVisits: { frequency: 'weekly' },
    });
    for (const secret of ['秀英', '王芳', '王强', input.applicant.phone!, input.emergencyContact.phone, '花生', '502']) {
      assert.ok(!text.includes(secret), `the answer does not contain ${secret}`);
    }

    const staff = await detail(ctx, await idOf(ctx, created.code));
    assert.deepEqual(staff.facts, { lowIncome: true, disability: false, specialCare: null });
    assert.deepEqual(staff.diet, { needs: ['lowSalt', 'soft'], allergies: '花生过敏' });
    assert.equal(staff.eligibility.year, YEAR);
    const byService = Object.fromEntries(staff.eligibility.programs.map((outcome) => [outcome.service, outcome])) as Record<string, ProgramOutcome>;
    assert.equal(byService.meals?.eligible, 'yes');
    const delivery = byService.meals!.prices.find((price) => price.item === 'delivery')!;
    assert.equal(delivery.finalFen, 0, '低保: free delivery');
    assert.equal(byService.meals!.prices.find((price) => price.item === 'meal')?.finalFen, 700, 'the ¥8 低保 subsidy, the largest');
    assert.equal(byService.homeVisits?.eligible, 'yes');
    assert.deepEqual(byService.homeVisits?.because, [{ fact: 'livingAlone', value: true }, { ageAtLeast: 80, age: 85 }]);
    assert.equal(byService.wristband?.prices.find((price) => price.item === 'device')?.finalFen, 0, 'free at 80+ living alone');
    assert.deepEqual(
      staff.history.map((entry) => [entry.action, entry.actor]),
      [['submitted', null]],
    );
    assert.ok(staff.consent.healthAt);
  });

  test('at rest, the personal, health and eligibility columns are ciphertext, bound to their row', async () => {
    const input = application({ elder: { name: '赵德明', room: '3单元1101' }, diet: { needs: ['halal'], allergies: '海鲜' } });
    const { created } = await apply(ctx, input);
    const row = await rawRow(ctx, created.code);
    const raw = JSON.stringify(row);
    for (const secret of ['赵德明', '王芳', input.applicant.phone!, input.emergencyContact.phone, '1101', '海鲜', 'halal', 'lowIncome', String(YEAR - 85)]) {
      assert.ok(!raw.includes(secret), `the stored row does not contain ${secret}`);
    }
    for (const column of ['personal_sealed', 'health_sealed', 'eligibility_sealed']) {
      assert.match(String(row[column]), /^v1\.ka\.[\w-]+\.[\w-]+$/, column);
    }

    // Swapping a sealed column between two rows does not let one row read as the other.
    const { created: other } = await apply(ctx, application());
    const otherRow = await rawRow(ctx, other.code);
    const cipher = new FieldCipher([KEY_A]);
    const swapped = { id: row.id as string, personalSealed: otherRow.personal_sealed as string } as ApplicationRow;
    assert.throws(() => openPersonal(cipher, swapped), DecryptionError);
    assert.equal(openPersonal(cipher, { id: row.id as string, personalSealed: row.personal_sealed as string }).elder.name, '赵德明');
    assert.throws(() => openHealth(new FieldCipher([{ id: 'ka', key: KEY_B.key }]), { id: row.id as string, healthSealed: row.health_sealed as string }), DecryptionError);
  });

  test('a retry with the same Idempotency-Key answers the first result and stores one application', async () => {
    const input = application();
    const key = randomUUID();
    const first = await apply(ctx, input, { 'idempotency-key': key });
    const second = await ctx.post('/v1/eldercare/applications', input, { 'idempotency-key': key });
    assert.equal(second.status, 201);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.equal(await second.text(), first.text);
    const [{ count }] = (await ctx.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM eldercare_applications WHERE code = $1`,
      [first.created.code],
    )) as [{ count: number }];
    assert.equal(count, 1);
    const changed = await ctx.post('/v1/eldercare/applications', { ...input, elder: { ...input.elder, room: '503' } }, { 'idempotency-key': key });
    assert.equal(changed.status, 422);
    assert.equal(((await changed.json()) as ErrorBody).error.code, 'idempotency_key_reused');
  });

  test('schema problems are a 400 naming each field', async () => {
    const input = application();
    const res = await ctx.post(
      '/v1/eldercare/applications',
      { ...input, elder: { ...input.elder, name: '', phone: '12345' }, services: {}, consent: { personalData: false, health: true } },
      { 'accept-language': 'en' },
    );
    assert.equal(res.status, 400);
    const fields = ((await res.json()) as ErrorBody).error.fields ?? {};
    assert.deepEqual(Object.keys(fields).sort(), ['consent.personalData', 'elder.name', 'elder.phone', 'services']);
    assert.equal(fields['elder.phone'], 'Enter a valid phone number, for example 13812345678.');
  });

  test('rules between fields and against the programs are a 422 with every problem, in the caller’s language', async () => {
    const res = await ctx.post(
      '/v1/eldercare/applications',
      application({
        applicant: { role: 'family', name: undefined, phone: undefined },
        elder: { birthYear: YEAR + 1 },
        consent: { health: false },
        services: { housekeeping: { hoursPerMonth: 30 }, meals: { mode: 'delivery', meals: ['lunch'], days: [7] } } as Input['services'],
      }),
      { 'accept-language': 'en' },
    );
    assert.equal(res.status, 422);
    assert.deepEqual(((await res.json()) as ErrorBody).error.fields, {
      'applicant.name': 'Fill in this field.',
      'applicant.phone': 'Fill in this field.',
      'elder.birthYear': 'The birth year cannot be later than this year.',
      'consent.health': 'Health information was given (disability, diet needs or allergies): agree to its collection, or remove it.',
      'services.meals.days': 'The community does not offer this service or option.',
      'services.housekeeping.hoursPerMonth': 'At most 20 hours a month.',
    });

    const guangming = await ctx.post(
      '/v1/eldercare/applications',
      application({ elder: { areaId: 'b-9' }, services: { dayCare: { days: [1] }, meals: { mode: 'delivery', meals: ['lunch'], days: [1] } } as Input['services'] }),
    );
    assert.equal(guangming.status, 422);
    assert.deepEqual(((await guangming.json()) as ErrorBody).error.fields, {
      'services.dayCare': '本社区没有提供这项服务或这个选项。',
      'services.meals.mode': '本社区没有提供这项服务或这个选项。',
    });

    for (const [areaId, message] of [
      ['cp-1', '请选择老人居住的楼栋或单元。'],
      ['b-404', '没有找到这个区域，请重新选择。'],
    ] as const) {
      const wrongPlace = await ctx.post('/v1/eldercare/applications', application({ elder: { areaId } }));
      assert.equal(wrongPlace.status, 422, areaId);
      assert.deepEqual(((await wrongPlace.json()) as ErrorBody).error.fields, { 'elder.areaId': message });
    }
  });

  test('an elder applying for themselves gives their own phone; health consent is not needed without health information', async () => {
    const phone = freshPhone();
    const { created } = await apply(
      ctx,
      application({
        applicant: { role: 'self', name: undefined, phone: undefined, relationship: undefined },
        elder: { phone, areaId: 'b-13', livingSituation: 'spouse' },
        services: { homeVisits: { frequency: 'weekly' } } as Input['services'],
        diet: { needs: [] },
        facts: { disability: null },
        consent: { health: false },
      }),
    );
    assert.equal(created.communityName, '光明社区');
    assert.equal(created.contactPhone, `${phone.slice(0, 3)}****${phone.slice(-4)}`);
    const staff = await detail(ctx, await idOf(ctx, created.code));
    assert.equal(staff.consent.healthAt, null);
    assert.deepEqual(staff.applicant, { role: 'self', name: null, phone: null, relationship: null });
    assert.equal(staff.eligibility.programs.find((outcome) => outcome.service === 'homeVisits')?.eligible, 'no', 'c-2 visits only those living alone');
  });

  test('status check: the code and the last 4 digits of either phone; anything wrong is the same 404', async () => {
    const input = application();
    const { created } = await apply(ctx, input);
    const check = (code: string, phoneLast4: string) =>
      ctx.post('/v1/eldercare/applications/status', { code, phoneLast4 }, { 'accept-language': 'en' });

    const ok = await check(created.code.toLowerCase().replace(/-/g, ' '), input.applicant.phone!.slice(-4));
    assert.equal(ok.status, 200);
    const text = await ok.text();
    assert.deepEqual(EldercareApplicationPublic.parse(JSON.parse(text)), created);
    assert.ok(!text.includes('秀英') && !text.includes(input.applicant.phone!), 'masked');
    assert.equal(ok.headers.get('cache-control'), 'no-store');

    const wrongDigits = await check(created.code, input.emergencyContact.phone.slice(-4));
    const wrongCode = await check('EC-2222-2222', input.applicant.phone!.slice(-4));
    const nonsense = await check('nonsense', '0000');
    assert.equal(wrongDigits.status, 404);
    assert.equal(wrongCode.status, 404);
    assert.equal(nonsense.status, 404);
    const bodies = await Promise.all([wrongDigits.text(), wrongCode.text(), nonsense.text()]);
    assert.equal(new Set(bodies).size, 1, 'the same answer for a wrong code and wrong digits');
    assert.match(bodies[0]!, /No application matches this reference code and these phone digits/);

    const badDigits = await check(created.code, '12a4');
    assert.equal(badDigits.status, 400);
  });

  test('status check: too many wrong tries on one code are refused for a while, whether the code exists or not', async () => {
    const input = application();
    const { created } = await apply(ctx, input);
    for (const code of [created.code, 'EC-3333-3333']) {
      for (let i = 0; i < 5; i++) {
        assert.equal((await ctx.post('/v1/eldercare/applications/status', { code, phoneLast4: '0000' })).status, 404);
      }
      const limited = await ctx.post('/v1/eldercare/applications/status', { code, phoneLast4: input.applicant.phone!.slice(-4) });
      assert.equal(limited.status, 429, code);
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      assert.equal(((await limited.json()) as ErrorBody).error.code, 'rate_limited');
    }
  });

  test('staff API: 401 without a token, 403 with another role; the canteen sees only counts', async () => {
    const paths = [
      '/v1/staff/eldercare/applications',
      `/v1/staff/eldercare/applications/${randomUUID()}`,
      '/v1/staff/eldercare/roster?community=c-1&date=2026-11-23',
      '/v1/staff/eldercare/roster.csv?community=c-1&date=2026-11-23',
      '/v1/staff/eldercare/meal-counts?community=c-1&date=2026-11-23',
    ];
    for (const path of paths) {
      const anonymous = await ctx.request(path);
      assert.equal(anonymous.status, 401, path);
      assert.match(anonymous.headers.get('www-authenticate') ?? '', /^Bearer/);
      assert.equal((await staffGet(ctx, path, 'requests')).status, 403, path);
    }
    assert.equal((await staffPost(ctx, `/v1/staff/eldercare/applications/${randomUUID()}/approve`, {}, 'volunteering')).status, 403);
    assert.equal((await staffGet(ctx, '/v1/staff/eldercare/meal-counts?community=c-1&date=2026-11-23', 'canteen')).status, 200);
    assert.equal((await staffGet(ctx, '/v1/staff/eldercare/roster?community=c-1&date=2026-11-23', 'canteen')).status, 403);
    assert.equal((await staffGet(ctx, '/v1/staff/eldercare/applications', 'admin')).status, 200);
    assert.equal((await staffPost(ctx, '/v1/staff/eldercare/reencrypt', {}, 'eldercare')).status, 403, 'rotation is for admins');
  });

  test('staff list: filters by status, community, service and day; full names for staff, no health facts', async () => {
    const marker = freshPhone();
    const { created: visit } = await apply(
      ctx,
      application({ elder: { phone: marker, areaId: 'b-14' }, services: { homeVisits: { frequency: 'weekly' } } as Input['services'] }),
    );
    const list = async (query: string) => {
      const res = await staffGet(ctx, `/v1/staff/eldercare/applications?${query}`);
      assert.equal(res.status, 200, query);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const text = await res.text();
      return { ...EldercareListResponse.parse(JSON.parse(text)), text };
    };
    const c2 = await list('community=c-2&service=homeVisits&status=submitted&limit=200');
    const found = c2.applications.find((entry) => entry.code === visit.code);
    assert.ok(found);
    assert.equal(found.elderName, '王秀英');
    assert.equal(found.contactPhone, marker);
    assert.deepEqual(found.areaPath, ['幸福区', '和平街道', '光明社区', '翠竹苑', '2号楼']);
    assert.ok(c2.applications.every((entry) => entry.communityId === 'c-2' && entry.status === 'submitted' && entry.services.homeVisits));
    assert.ok(!c2.text.includes('花生') && !c2.text.includes('lowIncome'), 'the list carries no health facts');

    assert.equal((await list('community=c-2&service=dayCare')).applications.length, 0);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    assert.ok((await list(`from=${today}&to=${today}&limit=200`)).applications.some((entry) => entry.code === visit.code));
    assert.equal((await list('to=2020-01-01')).total, 0);
    const page = await list('limit=1&offset=0');
    assert.equal(page.applications.length, 1);
    assert.ok(page.total > 1);
    const bad = await staffGet(ctx, '/v1/staff/eldercare/applications?status=lost&from=yesterday');
    assert.equal(bad.status, 400);
    assert.deepEqual(Object.keys(((await bad.json()) as ErrorBody).error.fields ?? {}).sort(), ['from', 'status']);
  });

  test('decisions are recorded with actor and time; the applicant sees the outcome', async () => {
    const input = application();
    const { created } = await apply(ctx, input);
    const id = await idOf(ctx, created.code);
    const base = `/v1/staff/eldercare/applications/${id}`;

    const waitlisted = await staffPost(ctx, `${base}/waitlist`, { reason: '送餐名额已满，预计下月有空位' });
    assert.equal(waitlisted.status, 200);
    assert.equal(EldercareApplicationStaff.parse(await waitlisted.json()).status, 'waitlisted');

    const grant = { services: { meals: { mode: 'delivery', meals: ['lunch'], days: [1, 3, 5] }, homeVisits: { frequency: 'weekly' } }, startDate: '2026-11-02', note: '先送午餐' };
    const key = randomUUID();
    const approved = await staffPost(ctx, `${base}/approve`, grant, 'admin', { 'idempotency-key': key });
    assert.equal(approved.status, 200);
    const view = EldercareApplicationStaff.parse(await approved.json());
    assert.equal(view.status, 'approved');
    assert.deepEqual(view.granted, grant.services);
    assert.equal(view.startDate, '2026-11-02');
    assert.deepEqual(
      view.history.map((entry) => [entry.action, entry.actor, entry.note]),
      [
        ['submitted', null, null],
        ['waitlisted', 'staff:eldercare', '送餐名额已满，预计下月有空位'],
        ['approved', 'staff:admin', '先送午餐'],
      ],
    );
    assert.ok(view.history.every((entry) => !Number.isNaN(Date.parse(entry.at))));
    assert.equal(view.reason, null, 'an approval clears the waitlist reason');

    const replay = await staffPost(ctx, `${base}/approve`, grant, 'admin', { 'idempotency-key': key });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(EldercareApplicationStaff.parse(await replay.json()).history.length, 3, 'recorded once');
    const [stored] = await ctx.db.query<{ body: string }>(`SELECT response_body AS body FROM idempotency_keys WHERE key = $1`, [key]);
    assert.deepEqual(JSON.parse(stored!.body), { id }, 'the stored answer holds no personal data');

    const status = await ctx.post('/v1/eldercare/applications/status', { code: created.code, phoneLast4: input.applicant.phone!.slice(-4) });
    const seen = EldercareApplicationPublic.parse(await status.json());
    assert.equal(seen.status, 'approved');
    assert.deepEqual(seen.granted, grant.services);
    assert.equal(seen.startDate, '2026-11-02');

    const reject = await staffPost(ctx, `${base}/reject`, { reason: '重复申请' }, 'eldercare', { 'accept-language': 'en' });
    assert.equal(reject.status, 409);
    assert.equal(((await reject.json()) as ErrorBody).error.message, 'This application is “approved”, so this cannot be done now.');
  });

  test('decisions: a reason is required to reject, grants must be offered, unknown ids are 404', async () => {
    const { created } = await apply(ctx, application());
    const id = await idOf(ctx, created.code);
    const noReason = await staffPost(ctx, `/v1/staff/eldercare/applications/${id}/reject`, { reason: ' ' });
    assert.equal(noReason.status, 400);
    const notOffered = await staffPost(ctx, `/v1/staff/eldercare/applications/${id}/approve`, {
      services: { meals: { mode: 'delivery', meals: ['lunch'], days: [7] } },
      startDate: '2026-12-01',
    });
    assert.equal(notOffered.status, 422);
    assert.deepEqual(Object.keys(((await notOffered.json()) as ErrorBody).error.fields ?? {}), ['services.meals.days']);
    const rejected = await staffPost(ctx, `/v1/staff/eldercare/applications/${id}/reject`, { reason: '不在本社区居住' });
    assert.equal(EldercareApplicationStaff.parse(await rejected.json()).reason, '不在本社区居住');
    assert.equal((await staffPost(ctx, `/v1/staff/eldercare/applications/${randomUUID()}/waitlist`, {})).status, 404);
    assert.equal((await staffGet(ctx, `/v1/staff/eldercare/applications/${randomUUID()}`)).status, 404);
  });

  test('the request log names method, path and status only: no names, phones or codes', async () => {
    const lines: string[] = [];
    const info = console.info;
    console.info = (line: string) => void lines.push(line);
    try {
      const logged = createApp({ db: ctx.db, config: testConfig({ logRequests: true, eldercareKeys: [KEY_A] }) });
      const input = application();
      const res = await logged.request('/v1/eldercare/applications', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const { code } = (await res.json()) as { code: string };
      await logged.request('/v1/eldercare/applications/status', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, phoneLast4: input.applicant.phone!.slice(-4) }),
      });
      const joined = lines.join('\n');
      assert.match(joined, /POST \/v1\/eldercare\/applications 201/);
      assert.match(joined, /POST \/v1\/eldercare\/applications\/status 200/);
      for (const secret of [code, input.applicant.phone!, input.applicant.phone!.slice(-4), '王']) assert.ok(!joined.includes(secret), secret);
    } finally {
      console.info = info;
    }
  });
});

/** Approves an application for meals from 2 November 2026; returns its code. */
async function approvedMeals(
  ctx: AppContext,
  elder: Partial<Input['elder']>,
  meals: { mode: 'canteen' | 'delivery'; meals: Array<'breakfast' | 'lunch' | 'dinner'>; days: number[] },
  diet: Input['diet'] = { needs: [] },
  startDate = '2026-11-02',
) {
  const { created } = await apply(
    ctx,
    application({ elder: { livingSituation: 'spouse', ...elder }, services: { meals } as Input['services'], diet, facts: { disability: null } }),
  );
  const id = await idOf(ctx, created.code);
  const res = await staffPost(ctx, `/v1/staff/eldercare/applications/${id}/approve`, { services: { meals }, startDate });
  assert.equal(res.status, 200, await res.clone().text());
  return created.code;
}

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  return rows;
}

forEachBackend('elder care: the meal-delivery roster', (backend) => {
  const ctx = useApp(backend, { eldercareKeys: [KEY_A] });
  // Monday 23 November 2026 (and Tuesday the 24th).
  const MONDAY = '2026-11-23';
  const codes: Record<string, string> = {};

  test('setup: approved meals across compounds, buildings and units, and some that must not appear', async () => {
    // Route order by the area tree: 幸福花园 (cp-1) › 1号楼 (b-1: the building itself, then 1单元, then 2单元), 2号楼; then 阳光小区 (cp-2); then 和谐家园 (cp-3).
    codes.harmonyB8 = await approvedMeals(ctx, { name: '周建国', areaId: 'b-8', room: '101' }, { mode: 'delivery', meals: ['lunch'], days: [1, 2, 3, 4, 5] });
    codes.unit2 = await approvedMeals(ctx, { name: '孙桂兰', areaId: 'u-1-2', room: '201' }, { mode: 'delivery', meals: ['lunch', 'dinner'], days: [1] }, { needs: ['lowSugar'] });
    codes.unit1High = await approvedMeals(ctx, { name: '李淑珍', areaId: 'u-1-1', room: '1101' }, { mode: 'delivery', meals: ['lunch'], days: [1, 3] }, { needs: ['soft', 'lowSalt'], allergies: '虾' });
    codes.unit1Low = await approvedMeals(ctx, { name: '陈志强', areaId: 'u-1-1', room: '302' }, { mode: 'delivery', meals: ['breakfast', 'lunch'], days: [1] });
    codes.building1 = await approvedMeals(ctx, { name: '刘芳', areaId: 'b-1', room: '门卫室旁平房' }, { mode: 'delivery', meals: ['dinner'], days: [1, 2] });
    codes.sunshine = await approvedMeals(ctx, { name: '杨秀英', areaId: 'b-4', room: '602' }, { mode: 'delivery', meals: ['lunch'], days: [1] }, { needs: ['lowSalt'] });
    codes.harmonyB6 = await approvedMeals(ctx, { name: '黄玉兰', areaId: 'b-6', room: '303' }, { mode: 'delivery', meals: ['lunch'], days: [1] });
    codes.canteen = await approvedMeals(ctx, { name: '吴国庆', areaId: 'b-2', room: '101' }, { mode: 'canteen', meals: ['breakfast', 'lunch'], days: [1, 2, 3, 4, 5, 6] }, { needs: ['lowSalt'] });
    codes.notMonday = await approvedMeals(ctx, { name: '郑丽', areaId: 'b-3', room: '401' }, { mode: 'delivery', meals: ['lunch'], days: [2, 4] });
    codes.notYet = await approvedMeals(ctx, { name: '冯涛', areaId: 'b-3', room: '402' }, { mode: 'delivery', meals: ['lunch'], days: [1] }, { needs: [] }, '2026-12-01');
    const { created: waiting } = await apply(ctx, application({ elder: { areaId: 'b-3', room: '403' } }));
    codes.waiting = waiting.code;
    const { created: elsewhere } = await apply(
      ctx,
      application({ elder: { areaId: 'b-9' }, services: { meals: { mode: 'canteen', meals: ['lunch'], days: [1] } } as Input['services'] }),
    );
    const elsewhereId = await idOf(ctx, elsewhere.code);
    await staffPost(ctx, `/v1/staff/eldercare/applications/${elsewhereId}/approve`, {
      services: { meals: { mode: 'canteen', meals: ['lunch'], days: [1] } },
      startDate: '2026-11-02',
    });
    codes.elsewhere = elsewhere.code;
  });

  test('the roster follows the route: compound → building → unit in the area tree’s order, rooms in number order', async () => {
    const res = await staffGet(ctx, `/v1/staff/eldercare/roster?community=c-1&date=${MONDAY}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const roster = EldercareRoster.parse(await res.json());
    assert.equal(roster.weekday, 1);
    assert.deepEqual(roster.community, { id: 'c-1', name: '幸福里社区' });
    assert.deepEqual(
      roster.compounds.map((compound) => [compound.name, compound.buildings.map((building) => [building.name, building.stops.map((stop) => stop.code)])]),
      [
        ['幸福花园', [['1号楼', [codes.building1, codes.unit1Low, codes.unit1High, codes.unit2]]]],
        ['阳光小区', [['1号楼', [codes.sunshine]]]],
        ['和谐家园', [['1号楼', [codes.harmonyB6]], ['5号楼', [codes.harmonyB8]]]],
      ],
    );
    const unit1 = roster.compounds[0]!.buildings[0]!.stops[2]!;
    assert.deepEqual(
      { unit: unit1.unitName, room: unit1.room, name: unit1.elderName, meals: unit1.meals, diet: unit1.diet, allergies: unit1.allergies },
      { unit: '1单元', room: '1101', name: '李淑珍', meals: ['lunch'], diet: ['lowSalt', 'soft'], allergies: '虾' },
    );
    assert.equal(roster.compounds[0]!.buildings[0]!.stops[0]!.unitName, null);
    assert.match(roster.compounds[0]!.buildings[0]!.stops[0]!.phone, /^1\d{10}$/, 'the phone in full, for the courier');
  });

  test('order comes from sort_order, not names: moving 5号楼 first moves it up the route', async () => {
    await ctx.db.query(`UPDATE areas SET sort_order = 0 WHERE id = 'b-8'`);
    try {
      const roster = EldercareRoster.parse(await (await staffGet(ctx, `/v1/staff/eldercare/roster?community=c-1&date=${MONDAY}`)).json());
      assert.deepEqual(roster.compounds[2]!.buildings.map((building) => building.name), ['5号楼', '1号楼']);
    } finally {
      await ctx.db.query(`UPDATE areas SET sort_order = 3 WHERE id = 'b-8'`);
    }
  });

  test('the delivery days are honoured: Tuesday has other stops, and Sunday none', async () => {
    const tuesday = EldercareRoster.parse(await (await staffGet(ctx, '/v1/staff/eldercare/roster?community=c-1&date=2026-11-24')).json());
    const stops = tuesday.compounds.flatMap((compound) => compound.buildings.flatMap((building) => building.stops.map((stop) => stop.code)));
    assert.deepEqual(stops.sort(), [codes.building1, codes.notMonday, codes.harmonyB8].sort());
    const sunday = EldercareRoster.parse(await (await staffGet(ctx, '/v1/staff/eldercare/roster?community=c-1&date=2026-11-29')).json());
    assert.deepEqual(sunday.compounds, []);
    assert.deepEqual(sunday.counts.total, { breakfast: 0, lunch: 0, dinner: 0 });
    const december = EldercareRoster.parse(await (await staffGet(ctx, '/v1/staff/eldercare/roster?community=c-1&date=2026-12-07')).json());
    assert.ok(december.compounds.some((compound) => compound.buildings.some((building) => building.stops.some((stop) => stop.code === codes.notYet))));
  });

  test('daily counts per meal for the canteen: deliveries, dine-in, totals and diets', async () => {
    const counts = EldercareMealCounts.parse(await (await staffGet(ctx, `/v1/staff/eldercare/meal-counts?community=c-1&date=${MONDAY}`, 'canteen')).json());
    assert.deepEqual(counts.counts.delivery, { breakfast: 1, lunch: 6, dinner: 2 });
    assert.deepEqual(counts.counts.canteen, { breakfast: 1, lunch: 1, dinner: 0 });
    assert.deepEqual(counts.counts.total, { breakfast: 2, lunch: 7, dinner: 2 });
    assert.deepEqual(counts.counts.diets, [
      { meal: 'breakfast', diet: 'lowSalt', count: 1 },
      { meal: 'lunch', diet: 'lowSalt', count: 3 },
      { meal: 'lunch', diet: 'lowSugar', count: 1 },
      { meal: 'lunch', diet: 'soft', count: 1 },
      { meal: 'dinner', diet: 'lowSugar', count: 1 },
    ]);
    assert.equal('compounds' in counts, false);
    const text = JSON.stringify(counts);
    assert.ok(!text.includes('李淑珍') && !text.includes('1101'), 'no names or addresses');
  });

  test('CSV: BOM, CRLF, headings in the caller’s language, the route order, and cells escaped', async () => {
    const awkward = await approvedMeals(
      ctx,
      { name: '=HYPERLINK("http://x")', areaId: 'b-2', room: '2单元,"东"\n301' },
      { mode: 'delivery', meals: ['lunch'], days: [1] },
      { needs: ['vegetarian'], allergies: '@SUM(A1) -1 +1' },
    );
    const res = await staffGet(ctx, `/v1/staff/eldercare/roster.csv?community=c-1&date=${MONDAY}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
    assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="meal-roster-c-1-2026-11-23\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    assert.ok(text.endsWith('\r\n'));
    const rows = parseCsv(text);
    assert.deepEqual(rows[0], ['小区', '楼栋', '单元', '房号', '姓名', '电话', '餐次', '饮食要求', '过敏', '申请编号']);
    assert.deepEqual(rows.slice(1).map((row) => row[9]), [codes.building1, codes.unit1Low, codes.unit1High, codes.unit2, awkward, codes.sunshine, codes.harmonyB6, codes.harmonyB8]);
    const highRise = rows.find((row) => row[9] === codes.unit1High)!;
    assert.deepEqual(highRise.slice(0, 5), ['幸福花园', '1号楼', '1单元', '1101', '李淑珍']);
    assert.deepEqual(highRise.slice(6, 9), ['午餐', '低盐、软食', '虾']);
    const tricky = rows.find((row) => row[9] === awkward)!;
    assert.equal(tricky[3], '2单元,"东"\n301', 'comma, quotes and a line break survive in one cell');
    assert.equal(tricky[4], `'=HYPERLINK("http://x")`, 'a formula is written as text');
    assert.equal(tricky[8], `'@SUM(A1) -1 +1`);
    assert.equal(tricky[2], '');

    const en = await staffGet(ctx, `/v1/staff/eldercare/roster.csv?community=c-1&date=${MONDAY}`, 'eldercare', { 'accept-language': 'en' });
    const enRows = parseCsv((await en.text()).replace(/^\uFEFF/, ''));
    assert.deepEqual(enRows[0]?.slice(0, 3), ['Compound', 'Building', 'Unit']);
    assert.equal(enRows.find((row) => row[9] === codes.unit2)?.[6], 'lunch; dinner');
  });

  test('roster: an unknown community is 404, a non-community or bad date is 400', async () => {
    assert.equal((await staffGet(ctx, '/v1/staff/eldercare/roster?community=c-9&date=2026-11-23')).status, 404);
    assert.equal((await staffGet(ctx, '/v1/staff/eldercare/roster?community=cp-1&date=2026-11-23')).status, 400);
    const bad = await staffGet(ctx, '/v1/staff/eldercare/roster?date=23.11.2026');
    assert.equal(bad.status, 400);
    assert.deepEqual(Object.keys(((await bad.json()) as ErrorBody).error.fields ?? {}).sort(), ['community', 'date']);
    const today = EldercareRoster.parse(await (await staffGet(ctx, '/v1/staff/eldercare/roster?community=c-2')).json());
    assert.match(today.date, /^\d{4}-\d{2}-\d{2}$/, 'the date defaults to today');
  });
});

forEachBackend('elder care: key rotation', (backend) => {
  const ctx = useApp(backend, { eldercareKeys: [KEY_A] });

  test('old key opens, new key seals, re-encryption moves everything to the new key, then the old key can go', async () => {
    const { created: before } = await apply(ctx, application({ elder: { name: '钱老' } }));
    const rotated = createApp({ db: ctx.db, config: testConfig({ eldercareKeys: [KEY_B, KEY_A] }) });
    const newOnly = createApp({ db: ctx.db, config: testConfig({ eldercareKeys: [KEY_B] }) });
    const id = await idOf(ctx, before.code);
    const get = (app: typeof rotated, path: string) => app.request(path, { headers: staffHeaders('eldercare') });

    assert.equal((await get(rotated, `/v1/staff/eldercare/applications/${id}`)).status, 200, 'the old key still opens');
    const created = await rotated.request('/v1/eldercare/applications', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(application({ elder: { name: '孙老' } })),
    });
    const { code: after } = (await created.json()) as { code: string };
    assert.match(String((await rawRow(ctx, after)).personal_sealed), /^v1\.kb\./, 'new values use the new key');

    assert.equal((await get(newOnly, `/v1/staff/eldercare/applications/${id}`)).status, 500, 'without the old key the old row cannot be read');

    const reencrypt = await rotated.request('/v1/staff/eldercare/reencrypt', { method: 'POST', headers: staffHeaders('admin') });
    assert.equal(reencrypt.status, 200);
    assert.deepEqual(await reencrypt.json(), { reencrypted: 3, alreadyCurrent: 3 });
    const again = await rotated.request('/v1/staff/eldercare/reencrypt', { method: 'POST', headers: staffHeaders('admin') });
    assert.deepEqual(await again.json(), { reencrypted: 0, alreadyCurrent: 6 }, 'safe to repeat');

    const row = await rawRow(ctx, before.code);
    for (const column of ['personal_sealed', 'health_sealed', 'eligibility_sealed']) assert.match(String(row[column]), /^v1\.kb\./, column);
    const res = await get(newOnly, `/v1/staff/eldercare/applications/${id}`);
    assert.equal(res.status, 200);
    assert.equal(EldercareApplicationStaff.parse(await res.json()).elder.name, '钱老');
  });
});

forEachBackend('elder care without a key', (backend) => {
  const ctx = useApp(backend);

  test('programs still answer; anything that stores or reads personal data is a 503 saying why', async () => {
    assert.equal((await ctx.request('/v1/eldercare/programs?area=c-1')).status, 200);
    const res = await ctx.post('/v1/eldercare/applications', application(), { 'accept-language': 'en' });
    assert.equal(res.status, 503);
    assert.match(((await res.json()) as ErrorBody).error.message, /no encryption key/);
    assert.equal((await staffGet(ctx, '/v1/staff/eldercare/applications')).status, 503);
  });
});
