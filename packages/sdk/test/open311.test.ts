// The Open311 client against another city's GeoReport v2 endpoint (a scripted fetch serving answers
// shaped like the spec's own examples: numeric ids, nulls, a padded URL) and against the Doorstep
// server's own /open311/v2 (live, as its own process).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiError, ValidationError, createClient } from '../src/index.js';
import { Open311ApiError, createOpen311Client } from '../src/open311/index.js';
import { json, scriptedFetch, type Step } from './fake-fetch.js';
import { startLiveServer } from './live-server.js';

const ENDPOINT = 'https://api.city.gov/dev/v2';

// From the GeoReport v2 examples (https://wiki.open311.org/GeoReport_v2), as a server really sends them.
const SERVICES = [
  {
    service_code: 1,
    service_name: 'Cans left out 24x7',
    description: 'Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.',
    metadata: true,
    type: 'realtime',
    keywords: 'lorem, ipsum, dolor',
    group: 'sanitation',
  },
  { service_code: 2, metadata: false, type: 'realtime', keywords: 'lorem, ipsum, dolor', group: 'street', service_name: 'Construction plate shifted', description: 'Metal construction plate covering the street or sidewalk has been moved.' },
  { service_code: 'DMV66', service_name: 'Abandoned vehicle', metadata: 'true', type: 'batch' },
];
const DEFINITION = {
  service_code: 'DMV66',
  attributes: [
    {
      variable: true,
      code: 'WHISHETN',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: null,
      order: 1,
      description: 'What is the ticket/tag/DL number?',
      values: [
        { key: 123, name: 'Ford' },
        { key: 124, name: 'Chrysler' },
      ],
    },
    { variable: false, code: 'NOTICE', datatype: 'text', required: false, order: 0, description: 'Vehicles are towed after 72 hours.' },
    { code: 'PLATE', datatype: 'string', required: false, datatype_description: 'As on the plate', order: 2, description: 'Licence plate' },
  ],
};
const REQUESTS = [
  {
    service_request_id: 638344,
    status: 'closed',
    status_notes: 'Duplicate request.',
    service_name: 'Sidewalk and Curb Issues',
    service_code: '006',
    description: null,
    agency_responsible: null,
    service_notice: null,
    requested_datetime: '2010-04-14T06:37:38-08:00',
    updated_datetime: '2010-04-14T06:37:38-08:00',
    expected_datetime: '2010-04-15T06:37:38-08:00',
    address: '8TH AVE and JUDAH ST',
    address_id: 545483,
    zipcode: 94122,
    lat: 37.762221815,
    long: -122.4651145,
    media_url: 'http://city.gov.s3.amazonaws.com/requests/media/638344.jpg ',
  },
  { service_request_id: '638349', status: 'open', service_code: '006', lat: '37.76', long: '-122.46' },
];

const city = (fetch: typeof globalThis.fetch, extra: object = {}) =>
  createOpen311Client({ endpoint: ENDPOINT, jurisdictionId: 'city.gov', apiKey: 'xyz', fetch, locale: 'en', retry: 0, ...extra });

describe('Open311 client against another city', () => {
  it('lists services as categories: string ids, names under the endpoint’s locale and zh-CN, keywords and group', async () => {
    const { fetch, seen } = scriptedFetch(() => json(SERVICES));
    const categories = await city(fetch).categories.list();
    assert.equal(seen[0]?.url, `${ENDPOINT}/services.json?jurisdiction_id=city.gov`);
    assert.equal(seen[0]?.headers.get('accept-language'), 'en');
    assert.deepEqual(categories[0], {
      id: '1',
      name: { 'zh-CN': 'Cans left out 24x7', en: 'Cans left out 24x7' },
      description: { 'zh-CN': SERVICES[0]!.description, en: SERVICES[0]!.description },
      allowAnonymous: true,
      group: { 'zh-CN': 'sanitation', en: 'sanitation' },
      keywords: { 'zh-CN': ['lorem', 'ipsum', 'dolor'], en: ['lorem', 'ipsum', 'dolor'] },
    });
    assert.equal(categories[0]?.questions, undefined, 'questions are read on demand');
    assert.equal(categories[2]?.description, undefined);
  });

  it('get(code) reads the service definition: attributes become questions in order, keys as strings', async () => {
    const { fetch, seen } = scriptedFetch(
      () => json(SERVICES),
      () => json(DEFINITION),
    );
    const category = await city(fetch).categories.get('DMV66');
    assert.equal(seen[1]?.url, `${ENDPOINT}/services/DMV66.json?jurisdiction_id=city.gov`);
    assert.equal(category.name.en, 'Abandoned vehicle');
    assert.deepEqual(
      category.questions?.map((question) => [question.order, question.code, question.datatype, question.required, question.variable]),
      [
        [0, 'NOTICE', 'text', false, false],
        [1, 'WHISHETN', 'singlevaluelist', true, true],
        [2, 'PLATE', 'string', false, true],
      ],
    );
    assert.deepEqual(category.questions?.[1]?.values, [
      { key: '123', name: { 'zh-CN': 'Ford', en: 'Ford' } },
      { key: '124', name: { 'zh-CN': 'Chrysler', en: 'Chrysler' } },
    ]);
    assert.deepEqual(category.questions?.[2]?.hint, { 'zh-CN': 'As on the plate', en: 'As on the plate' });
  });

  it('a service without metadata has no questions and needs no definition call; an unknown code is a 404', async () => {
    const { fetch, seen } = scriptedFetch(() => json(SERVICES));
    assert.deepEqual((await city(fetch).categories.get('2')).questions, []);
    assert.equal(seen.length, 1);
    const error = await city(fetch).categories.get('nope').catch((e: unknown) => e);
    assert.ok(error instanceof Open311ApiError);
    assert.equal(error.status, 404);
  });

  it('lists requests with filters as query parameters and maps them (numeric ids, padded URLs, string coordinates)', async () => {
    const { fetch, seen } = scriptedFetch(() => json(REQUESTS));
    const requests = await city(fetch).requests.list({
      categoryIds: ['006', '007'],
      status: ['open', 'closed'],
      from: new Date('2010-04-01T00:00:00Z'),
      to: '2010-04-30T00:00:00Z',
      page: 2,
      pageSize: 50,
    });
    const url = new URL(seen[0]!.url);
    assert.equal(url.pathname, '/dev/v2/requests.json');
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      jurisdiction_id: 'city.gov',
      service_code: '006,007',
      status: 'open,closed',
      start_date: '2010-04-01T00:00:00.000Z',
      end_date: '2010-04-30T00:00:00Z',
      page: '2',
      page_size: '50',
    });
    assert.deepEqual(requests[0], {
      id: '638344',
      status: 'closed',
      statusNotes: 'Duplicate request.',
      categoryId: '006',
      categoryName: 'Sidewalk and Curb Issues',
      description: null,
      agency: null,
      notice: null,
      createdAt: '2010-04-14T06:37:38-08:00',
      updatedAt: '2010-04-14T06:37:38-08:00',
      expectedAt: '2010-04-15T06:37:38-08:00',
      address: '8TH AVE and JUDAH ST',
      areaId: '545483',
      zipcode: '94122',
      location: { latitude: 37.762221815, longitude: -122.4651145 },
      mediaUrl: 'http://city.gov.s3.amazonaws.com/requests/media/638344.jpg',
    });
    assert.deepEqual(requests[1]?.location, { latitude: 37.76, longitude: -122.46 });
    assert.equal(requests[1]?.statusNotes, null);
  });

  it('get(id) reads one request; ids may be asked for in a list too', async () => {
    const { fetch, seen } = scriptedFetch(
      () => json([REQUESTS[0]]),
      () => json(REQUESTS),
    );
    assert.equal((await city(fetch).requests.get('638344')).status, 'closed');
    assert.equal(seen[0]?.url, `${ENDPOINT}/requests/638344.json?jurisdiction_id=city.gov`);
    await city(fetch).requests.list({ ids: ['638344', '638349'] });
    assert.equal(new URL(seen[1]!.url).searchParams.get('service_request_id'), '638344,638349');
  });

  it('create posts the spec’s form (api_key, attributes, lists as attribute[code][]) with an Idempotency-Key', async () => {
    const { fetch, seen } = scriptedFetch(() =>
      json([{ service_request_id: 293944, service_notice: 'The City will inspect within 24 hours.', account_id: null }]),
    );
    const created = await city(fetch).requests.create(
      {
        categoryId: 'DMV66',
        areaId: '545483',
        description: 'A large sinkhole is destroying the street',
        contactName: 'John Smith',
        contactPhone: '+1 415 555 2671',
        location: { latitude: 37.76524078, longitude: -122.4212043 },
        address: '1234 5th street',
        answers: { WHISHETN: '123', COLOURS: ['red', 'blue'], WHEELS: 4 },
      },
      { idempotencyKey: 'outbox-7', accountId: '123456', mediaUrl: 'http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg' },
    );
    assert.deepEqual(created, { id: '293944', token: null, notice: 'The City will inspect within 24 hours.', accountId: null });
    const request = seen[0]!;
    assert.equal(request.method, 'POST');
    assert.equal(request.url, `${ENDPOINT}/requests.json`);
    assert.match(request.headers.get('content-type') ?? '', /^application\/x-www-form-urlencoded/);
    assert.equal(request.headers.get('idempotency-key'), 'outbox-7');
    const form = new URLSearchParams(request.body);
    assert.equal(form.get('api_key'), 'xyz');
    assert.equal(form.get('jurisdiction_id'), 'city.gov');
    assert.equal(form.get('service_code'), 'DMV66');
    assert.equal(form.get('lat'), '37.76524078');
    assert.equal(form.get('long'), '-122.4212043');
    assert.equal(form.get('address_string'), '1234 5th street');
    assert.equal(form.get('first_name'), 'John Smith');
    assert.equal(form.get('account_id'), '123456');
    assert.equal(form.get('attribute[WHISHETN]'), '123');
    assert.deepEqual(form.getAll('attribute[COLOURS][]'), ['red', 'blue']);
    assert.equal(form.get('attribute[WHEELS]'), '4');
  });

  it('a batch service answers a token, which fromToken trades for the id once there is one', async () => {
    const { fetch } = scriptedFetch(
      () => json([{ token: 12345 }]),
      () => json([{ token: 12345 }]),
      () => json([{ service_request_id: 638344, token: 12345 }]),
    );
    const client = city(fetch);
    const created = await client.requests.create({ categoryId: 'DMV66', areaId: '1', description: 'Abandoned car on 5th' });
    assert.deepEqual(created, { id: null, token: '12345', notice: null, accountId: null });
    assert.equal(await client.requests.fromToken('12345'), null);
    assert.equal(await client.requests.fromToken('12345'), '638344');
  });

  it('the spec’s error answer becomes an Open311ApiError with every error', async () => {
    const forbidden: Step = () => json([{ code: 403, description: "Invalid api_key received -- can't proceed with create_request." }], 403);
    const { fetch } = scriptedFetch(forbidden);
    const error = await city(fetch).requests.create({ categoryId: '1', areaId: '1', description: 'Cans left out again' }).catch((e: unknown) => e);
    assert.ok(error instanceof Open311ApiError && error instanceof ApiError);
    assert.equal(error.status, 403);
    assert.equal(error.code, 'forbidden');
    assert.equal(error.message, "Invalid api_key received -- can't proceed with create_request.");
    assert.deepEqual(error.errors, [{ code: 403, description: "Invalid api_key received -- can't proceed with create_request." }]);
  });

  it('an error body that is not the spec’s (HTML from a proxy) still becomes an Open311ApiError', async () => {
    const { fetch } = scriptedFetch(() => new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }));
    const error = await city(fetch).categories.list().catch((e: unknown) => e);
    assert.ok(error instanceof Open311ApiError);
    assert.equal(error.status, 502);
    assert.equal(error.code, 'internal');
    assert.deepEqual(error.errors, []);
  });

  it('photos and reports for someone else cannot travel over GeoReport v2: refused before sending', async () => {
    const { fetch, seen } = scriptedFetch(() => json([]));
    const error = await city(fetch)
      .requests.create({ categoryId: '1', areaId: '1', description: 'Cans left out again', photoIds: ['p-1'] })
      .catch((e: unknown) => e);
    assert.ok(error instanceof ValidationError);
    assert.equal(error.source, 'request');
    assert.ok(error.fields.photoIds);
    assert.equal(seen.length, 0);
  });

  it('an answer that does not fit the spec is a response ValidationError', async () => {
    const { fetch } = scriptedFetch(() => json([{ service_code: 'x', service_name: 'X', metadata: 'sometimes', type: 'realtime' }]));
    const error = await city(fetch).categories.list().catch((e: unknown) => e);
    assert.ok(error instanceof ValidationError);
    assert.equal(error.source, 'response');
  });
});

describe('Open311 client against the Doorstep server’s own /open311/v2', () => {
  const API_KEY = 'live-open311-key-0123456789';
  let server: Awaited<ReturnType<typeof startLiveServer>>;
  before(async () => {
    server = await startLiveServer({
      DOORSTEP_OPEN311_API_KEYS: API_KEY,
      DOORSTEP_OPEN311_JURISDICTION: 'xingfuli.example.cn',
    });
  });
  after(async () => {
    await server?.stop();
  });
  const client = (extra: object = {}) =>
    createOpen311Client({ endpoint: `${server.url}/open311/v2`, jurisdictionId: 'xingfuli.example.cn', apiKey: API_KEY, retry: 0, ...extra });

  it('its categories and questions are the ones the Doorstep API has', async () => {
    const doorstep = await createClient({ baseUrl: server.url }).categories.list();
    const open311 = await client().categories.list({ withQuestions: true });
    assert.deepEqual(open311.map((category) => category.id), doorstep.map((category) => category.id));
    const leak = await client().categories.get('water-leak');
    const original = doorstep.find((category) => category.id === 'water-leak')!;
    assert.equal(leak.name['zh-CN'], original.name['zh-CN']);
    assert.deepEqual(
      leak.questions?.map(({ code, datatype, required, variable, order, values }) => ({ code, datatype, required, variable, order, keys: values.map((v) => v.key) })),
      original.questions?.map(({ code, datatype, required, variable, order, values }) => ({ code, datatype, required, variable, order, keys: values.map((v) => v.key) })),
    );
    assert.deepEqual(open311.find((category) => category.id === 'water-leak')?.questions, leak.questions);
    const english = await client({ locale: 'en' }).categories.get('water-leak');
    assert.equal(english.name.en, 'Water leak');
  });

  it('creates a request with answers, reads it back by id and in a list; contact data stays out', async () => {
    const description = `楼上卫生间漏水 ${Date.now()}`;
    const created = await client().requests.create({
      categoryId: 'water-leak',
      areaId: 'b-2',
      description,
      contactName: '张三丰',
      contactPhone: '13812345678',
      location: { latitude: 39.9042, longitude: 116.4074 },
      answers: { source: 'ceiling', leaking_now: 'yes', rooms: ['bathroom', 'kitchen'] },
    });
    assert.match(created.id ?? '', /^DS-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    assert.equal(created.token, null);
    assert.match(created.notice ?? '', new RegExp(created.id!));
    const read = await client().requests.get(created.id!);
    assert.equal(read.description, description);
    assert.equal(read.status, 'open');
    assert.equal(read.categoryId, 'water-leak');
    assert.equal(read.areaId, 'b-2');
    assert.deepEqual(read.location, { latitude: 39.9042, longitude: 116.4074 });
    assert.doesNotMatch(JSON.stringify(read), /张三丰|13812345678/);
    const listed = await client().requests.list({ categoryIds: ['water-leak'], status: 'open' });
    assert.ok(listed.some((request) => request.id === created.id));
    const doorstepView = await createClient({ baseUrl: server.url }).requests.get(created.id!);
    assert.equal(doorstepView.description, description, 'the same request through the Doorstep API');
  });

  it('a retry with the same key files once; the key is a token for the id', async () => {
    const report = { categoryId: 'public-light', areaId: 'b-1', description: `楼道灯不亮 ${Date.now()}` };
    const first = await client().requests.create(report, { idempotencyKey: 'live-open311-1' });
    const again = await client().requests.create(report, { idempotencyKey: 'live-open311-1' });
    assert.equal(again.id, first.id);
    assert.equal(await client().requests.fromToken('live-open311-1'), first.id);
  });

  it('server-side problems arrive as errors with the Doorstep fields they are about', async () => {
    const error = await client({ locale: 'en' })
      .requests.create({ categoryId: 'water-leak', areaId: 'b-2', description: '漏水漏水漏水', answers: { source: 'basement' } })
      .catch((e: unknown) => e);
    assert.ok(error instanceof Open311ApiError);
    assert.equal(error.status, 400);
    assert.equal(error.fields['answers.source'], 'Choose one of the options listed.');
    assert.equal(error.fields['answers.leaking_now'], 'Answer this question.');
    assert.equal(error.fields.contactPhone, 'For this kind of problem, leave a phone number so staff can reach you.');

    const forbidden = await client({ apiKey: 'wrong-key-000000000000' })
      .requests.create({ categoryId: 'other', areaId: 'b-1', description: '其他问题其他问题' })
      .catch((e: unknown) => e);
    assert.ok(forbidden instanceof Open311ApiError);
    assert.equal(forbidden.status, 403);
    const missing = await client().requests.get('DS-2222-2222').catch((e: unknown) => e);
    assert.ok(missing instanceof Open311ApiError);
    assert.equal(missing.status, 404);
  });
});
