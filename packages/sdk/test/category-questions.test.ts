import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  Category,
  CategoryQuestion,
  QUESTION_STRING_MAX_LENGTH,
  ServiceRequestCreate,
  checkAnswers,
  createClient,
  type CategoryQuestionInput,
} from '../src/index.js';
import { json, scriptedFetch } from './fake-fetch.js';

const text = (zh: string) => ({ 'zh-CN': zh });

const QUESTIONS: CategoryQuestion[] = (
  [
    { code: 'source', datatype: 'singlevaluelist', required: true, order: 1, prompt: text('从哪里漏'), values: [
      { key: 'ceiling', name: text('天花板') },
      { key: 'pipe', name: text('水管') },
    ] },
    { code: 'rooms', datatype: 'multivaluelist', required: false, order: 2, prompt: text('哪些房间'), values: [
      { key: 'kitchen', name: text('厨房') },
      { key: 'bathroom', name: text('卫生间') },
      { key: 'bedroom', name: text('卧室') },
    ] },
    { code: 'since', datatype: 'datetime', required: false, order: 3, prompt: text('从什么时候开始') },
    { code: 'floor', datatype: 'number', required: false, order: 4, prompt: text('几楼') },
    { code: 'plate', datatype: 'string', required: false, order: 5, prompt: text('车牌') },
    { code: 'notes', datatype: 'text', required: true, order: 6, prompt: text('补充') },
    { code: 'notice', datatype: 'string', required: false, variable: false, order: 0, prompt: text('紧急情况请拨打 110') },
  ] satisfies CategoryQuestionInput[]
).map((question) => CategoryQuestion.parse(question));

describe('CategoryQuestion', () => {
  it('defaults variable to true and values to an empty list', () => {
    const question = CategoryQuestion.parse({ code: 'floor', datatype: 'number', required: false, order: 1, prompt: text('几楼') });
    assert.equal(question.variable, true);
    assert.deepEqual(question.values, []);
  });

  it('rejects a datatype Open311 does not have', () => {
    assert.equal(CategoryQuestion.safeParse({ code: 'x', datatype: 'boolean', required: false, order: 1, prompt: text('x') }).success, false);
  });

  it('a category without questions still reads (older data), one with questions keeps them', () => {
    const base = { id: 'public-light', name: text('公共照明'), allowAnonymous: true };
    assert.equal(Category.parse(base).questions, undefined);
    assert.equal(Category.parse({ ...base, questions: QUESTIONS }).questions?.length, QUESTIONS.length);
  });

  it('ServiceRequestCreate carries answers of each shape, and refuses other shapes', () => {
    const base = { categoryId: 'water-leak', areaId: 'b-1', description: '楼上漏水到我家' };
    const parsed = ServiceRequestCreate.parse({ ...base, answers: { source: 'pipe', floor: 3, rooms: ['kitchen'] } });
    assert.deepEqual(parsed.answers, { source: 'pipe', floor: 3, rooms: ['kitchen'] });
    assert.equal(ServiceRequestCreate.safeParse({ ...base, answers: { source: { key: 'pipe' } } }).success, false);
    assert.equal(ServiceRequestCreate.safeParse({ ...base, answers: { source: true } }).success, false);
  });
});

describe('checkAnswers', () => {
  it('accepts good answers and normalizes them', () => {
    const { answers, problems } = checkAnswers(QUESTIONS, {
      source: 'pipe',
      rooms: ['bedroom', 'kitchen', 'kitchen'],
      since: '2026-11-20T08:00:00+08:00',
      floor: ' 3 ',
      plate: '  京A12345 ',
      notes: '晚上更严重',
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(answers, {
      source: 'pipe',
      rooms: ['kitchen', 'bedroom'], // the question's order, each once
      since: '2026-11-20T08:00:00+08:00',
      floor: 3,
      plate: '京A12345',
      notes: '晚上更严重',
    });
  });

  it('names every required question left unanswered, counting blanks and empty lists as unanswered', () => {
    const { answers, problems } = checkAnswers(QUESTIONS, { source: '', notes: '   ', rooms: [], floor: '' });
    assert.deepEqual(answers, {});
    assert.deepEqual(problems, [
      { code: 'source', problem: 'required' },
      { code: 'notes', problem: 'required' },
    ]);
  });

  it('reports each wrong answer once, by its own problem', () => {
    const { problems } = checkAnswers(QUESTIONS, {
      source: 'roof',
      rooms: ['kitchen', 'garage'],
      since: '2026-11-20 08:00',
      floor: '三楼',
      plate: 'x'.repeat(QUESTION_STRING_MAX_LENGTH + 1),
      notes: ['a'],
      colour: 'red',
      notice: 'ok',
    });
    assert.deepEqual(problems, [
      { code: 'source', problem: 'not_a_choice' },
      { code: 'rooms', problem: 'not_a_choice' },
      { code: 'since', problem: 'not_a_datetime' },
      { code: 'floor', problem: 'not_a_number' },
      { code: 'plate', problem: 'too_long', max: QUESTION_STRING_MAX_LENGTH },
      { code: 'notes', problem: 'invalid_type' },
      { code: 'colour', problem: 'unknown' },
      { code: 'notice', problem: 'unknown' },
    ]);
  });

  it('a datetime needs an offset, a number must be finite, a list needs a list', () => {
    assert.deepEqual(checkAnswers(QUESTIONS, { since: '2026-11-20T08:00:00', source: 'pipe', notes: 'x' }).problems, [
      { code: 'since', problem: 'not_a_datetime' },
    ]);
    assert.deepEqual(checkAnswers(QUESTIONS, { floor: Number.POSITIVE_INFINITY, source: 'pipe', notes: 'x' }).problems, [
      { code: 'floor', problem: 'not_a_number' },
    ]);
    assert.deepEqual(checkAnswers(QUESTIONS, { rooms: 'kitchen', source: 'pipe', notes: 'x' }).problems, [
      { code: 'rooms', problem: 'invalid_type' },
    ]);
  });
});

describe('client.categories', () => {
  it('get(id) reads one category with its questions', async () => {
    const category = { id: 'water-leak', name: text('漏水'), allowAnonymous: false, questions: QUESTIONS };
    const { fetch, seen } = scriptedFetch(() => json(category));
    const client = createClient({ baseUrl: 'https://api.example.cn', fetch });
    const read = await client.categories.get('water-leak');
    assert.equal(seen[0]?.url, 'https://api.example.cn/v1/categories/water-leak');
    assert.deepEqual(read.questions?.map((question) => question.code), QUESTIONS.map((question) => question.code));
  });
});
