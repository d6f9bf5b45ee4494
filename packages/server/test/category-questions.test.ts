import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Category, CategoryListResponse, ServiceRequestPublic, type CategoryQuestion } from '@doorstep/sdk';
import { answersOf, insertQuestions } from '../src/db/category-questions.js';
import { SEED_CATEGORY_QUESTIONS } from '../src/sample-data/category-questions.js';
import { forEachBackend, staffHeaders, uniqueDescription, useApp } from './harness.js';

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

const WATER_LEAK = {
  categoryId: 'water-leak',
  areaId: 'b-2',
  contactPhone: '13812345678',
  consent: { privacyNoticeVersion: '2026-01' },
};

forEachBackend('category questions', (backend) => {
  const ctx = useApp(backend);

  async function storedAnswers(code: string) {
    const [row] = await ctx.db.query<{ id: string }>(`SELECT id FROM service_requests WHERE code = $1`, [code]);
    assert.ok(row, `request ${code} is stored`);
    return (await answersOf(ctx.db, [row.id])).get(row.id);
  }

  test('GET /v1/categories lists every category with its questions in order, choices in every locale', async () => {
    const res = await ctx.request('/v1/categories');
    assert.equal(res.status, 200);
    const { categories } = CategoryListResponse.parse(await res.json());
    const leak = categories.find((category) => category.id === 'water-leak');
    assert.deepEqual(
      leak?.questions?.map((question) => [question.code, question.datatype, question.required, question.variable]),
      [
        ['urgent_notice', 'string', false, false],
        ['source', 'singlevaluelist', true, true],
        ['leaking_now', 'singlevaluelist', true, true],
        ['since', 'datetime', false, true],
        ['rooms', 'multivaluelist', false, true],
        ['visit_times', 'text', false, true],
      ],
    );
    assert.equal(leak?.group?.en, 'Buildings and facilities');
    assert.deepEqual(leak?.keywords?.['zh-CN'], ['渗水', '漏雨', '水管', '天花板']);
    const orders = leak!.questions!.map((question) => question.order);
    assert.deepEqual(orders, [...orders].sort((a, b) => a - b));
    const source = leak!.questions!.find((question) => question.code === 'source')!;
    assert.deepEqual(source.values.map((choice) => choice.key), ['ceiling', 'wall', 'pipe', 'roof', 'window']);
    for (const choice of source.values) assert.ok(choice.name['zh-CN'] && choice.name['zh-TW'] && choice.name.en, choice.key);
    assert.equal(source.prompt.en, 'Where is the water coming from?');
    const visit = leak!.questions!.find((question) => question.code === 'visit_times')!;
    assert.ok(visit.hint?.['zh-CN'], 'a hint where the seed has one');
    assert.equal('hint' in source, false, 'no hint key where there is none');
    assert.deepEqual(categories.find((category) => category.id === 'other')?.questions, [], 'a category without questions has an empty list');
    assert.deepEqual(
      categories.find((category) => category.id === 'parking')?.questions?.map((question) => question.code),
      SEED_CATEGORY_QUESTIONS.parking!.map((question) => question.code),
    );
  });

  test('GET /v1/categories/{id} answers one category with its questions; an unknown id is a localized 404', async () => {
    const res = await ctx.request('/v1/categories/public-light');
    assert.equal(res.status, 200);
    const category = Category.parse(await res.json());
    assert.equal(category.id, 'public-light');
    assert.equal(category.name['zh-CN'], '公共照明');
    assert.deepEqual(category.questions?.map((question) => question.code), ['light_type', 'fault', 'floor']);
    assert.equal(category.questions?.[2]?.datatype, 'number');

    const missing = await ctx.request('/v1/categories/no-such-thing', { headers: { 'accept-language': 'en' } });
    assert.equal(missing.status, 404);
    const { error } = (await missing.json()) as ErrorBody;
    assert.equal(error.code, 'not_found');
    assert.equal(error.message, 'This kind of problem does not exist.');
  });

  test('a report with good answers is stored with them, normalized', async () => {
    const res = await ctx.post('/v1/requests', {
      ...WATER_LEAK,
      description: uniqueDescription('卫生间天花板漏水'),
      answers: {
        source: 'ceiling',
        leaking_now: 'yes',
        since: '2026-11-20T22:00:00+08:00',
        rooms: ['bedroom', 'bathroom'],
        visit_times: '  工作日晚上7点后  ',
      },
    });
    assert.equal(res.status, 201);
    const created = ServiceRequestPublic.parse(await res.json());
    const normalized = {
      leaking_now: 'yes',
      rooms: ['bathroom', 'bedroom'],
      since: '2026-11-20T22:00:00+08:00',
      source: 'ceiling',
      visit_times: '工作日晚上7点后',
    };
    assert.deepEqual(await storedAnswers(created.code), normalized);
    assert.deepEqual(created.answers, normalized, 'the answer to the create shows them');
    const read = ServiceRequestPublic.parse(await (await ctx.request(`/v1/requests/${created.code}`)).json());
    assert.deepEqual(read.answers, normalized, 'the public view shows them');
    const staff = (await (await ctx.request(`/v1/staff/requests/${created.code}`, { headers: staffHeaders('requests') })).json()) as {
      answers: unknown;
    };
    assert.deepEqual(staff.answers, normalized, 'staff see them');
  });

  test('numbers may come as numbers or numeric strings; a category without required questions needs no answers', async () => {
    const asText = await ctx.post('/v1/requests', {
      categoryId: 'public-light',
      areaId: 'b-1',
      description: uniqueDescription('楼道灯不亮'),
      answers: { light_type: 'stairwell', fault: 'out', floor: '-1' },
    });
    assert.equal(asText.status, 201);
    assert.deepEqual(await storedAnswers(((await asText.json()) as { code: string }).code), { fault: 'out', floor: -1, light_type: 'stairwell' });

    const none = await ctx.post('/v1/requests', { categoryId: 'other', areaId: 'b-1', description: uniqueDescription('其他问题') });
    assert.equal(none.status, 201);
    assert.equal(await storedAnswers(((await none.json()) as { code: string }).code), undefined);
  });

  test('unanswered required questions are a 422 naming each under answers.<code>, together with other field errors', async () => {
    const res = await ctx.post(
      '/v1/requests',
      { categoryId: 'water-leak', areaId: 'b-2', description: uniqueDescription('漏水'), answers: { source: '', rooms: [] } },
      { 'accept-language': 'en' },
    );
    assert.equal(res.status, 422);
    const { error } = (await res.json()) as ErrorBody;
    assert.equal(error.code, 'unprocessable');
    assert.deepEqual(error.fields, {
      contactPhone: 'For this kind of problem, leave a phone number so staff can reach you.',
      'answers.source': 'Answer this question.',
      'answers.leaking_now': 'Answer this question.',
    });
  });

  test('each kind of wrong answer gets its own message, in the caller’s language', async () => {
    const description = uniqueDescription('漏水');
    const answers = {
      source: 'basement',
      leaking_now: 'yes',
      since: '昨天晚上',
      rooms: ['kitchen', 'garage'],
      visit_times: ['evening'],
      urgent_notice: '好的',
      colour: 'red',
    };
    const zhTW = await ctx.post('/v1/requests', { ...WATER_LEAK, description, answers }, { 'accept-language': 'zh-TW' });
    assert.equal(zhTW.status, 422);
    assert.deepEqual(((await zhTW.json()) as ErrorBody).error.fields, {
      'answers.source': '請從列出的選項中選擇。',
      'answers.since': '請選擇日期和時間。',
      'answers.rooms': '請從列出的選項中選擇。',
      'answers.visit_times': '這個回答的格式不對。',
      'answers.urgent_notice': '這個問題類型沒有這一項，請重新整理後再填寫。',
      'answers.colour': '這個問題類型沒有這一項，請重新整理後再填寫。',
    });
    const [{ count }] = (await ctx.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM service_requests WHERE description = $1`,
      [description],
    )) as [{ count: number }];
    assert.equal(count, 0, 'nothing is stored');

    const number = await ctx.post('/v1/requests', {
      categoryId: 'facade',
      areaId: 'b-5',
      description: uniqueDescription('外墙瓷砖松动'),
      answers: { floor: '六楼', fallen: 'loose' },
    });
    assert.equal(number.status, 422);
    assert.deepEqual(((await number.json()) as ErrorBody).error.fields, { 'answers.floor': '请填写一个数字，例如 3。' });

    const long = await ctx.post(
      '/v1/requests',
      { categoryId: 'parking', areaId: 'b-5', description: uniqueDescription('占用消防通道'), answers: { blocking: 'fire_lane', plate: '京'.repeat(201) } },
      { 'accept-language': 'en' },
    );
    assert.equal(long.status, 422);
    assert.deepEqual(((await long.json()) as ErrorBody).error.fields, { 'answers.plate': 'Enter at most 200 characters.' });
  });

  test('answers of a shape no question takes are a 400 from the schema, under answers.<code>', async () => {
    const res = await ctx.post('/v1/requests', {
      ...WATER_LEAK,
      description: uniqueDescription('漏水'),
      answers: { source: { key: 'pipe' }, leaking_now: true },
    });
    assert.equal(res.status, 400);
    const { error } = (await res.json()) as ErrorBody;
    assert.equal(error.code, 'validation_failed');
    assert.ok(error.fields?.['answers.source'], JSON.stringify(error.fields));
    assert.ok(error.fields?.['answers.leaking_now'], JSON.stringify(error.fields));
  });

  test('a repeated Idempotency-Key replays the first result and stores the answers once', async () => {
    const body = { ...WATER_LEAK, description: uniqueDescription('漏水'), answers: { source: 'pipe', leaking_now: 'stopped' } };
    const key = `answers-${Date.now()}`;
    const first = await ctx.post('/v1/requests', body, { 'idempotency-key': key });
    const again = await ctx.post('/v1/requests', body, { 'idempotency-key': key });
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    const { code } = (await first.json()) as { code: string };
    assert.equal(((await again.json()) as { code: string }).code, code);
    const rows = await ctx.db.query(
      `SELECT a.question_code FROM service_request_answers a JOIN service_requests r ON r.id = a.request_id WHERE r.code = $1`,
      [code],
    );
    assert.equal(rows.length, 2);
  });

  test('the database refuses a required note, an unknown datatype and a code Open311 could not carry', async () => {
    const note: CategoryQuestion = { code: 'note_x', datatype: 'string', required: true, variable: false, order: 9, prompt: { 'zh-CN': '注意' }, values: [] };
    await assert.rejects(ctx.db.transaction((tx) => insertQuestions(tx, 'other', [note])));
    await assert.rejects(
      ctx.db.transaction((tx) => insertQuestions(tx, 'other', [{ ...note, required: false, datatype: 'boolean' as CategoryQuestion['datatype'] }])),
    );
    await assert.rejects(ctx.db.transaction((tx) => insertQuestions(tx, 'other', [{ ...note, required: false, code: 'a[b]' }])));
    await ctx.db.transaction((tx) => insertQuestions(tx, 'other', [{ ...note, required: false, code: 'ok_note' }]));
    const res = await ctx.request('/v1/categories/other');
    assert.deepEqual(Category.parse(await res.json()).questions?.map((question) => question.code), ['ok_note']);
    await ctx.db.query(`DELETE FROM category_questions WHERE category_id = 'other'`);
  });
});
