// Conformance of the Open311 GeoReport v2 facade (`/open311/v2`) with the spec
// (https://wiki.open311.org/GeoReport_v2): each endpoint's fields, both formats, filters, limits,
// paging, the error format and status codes, api_key and jurisdiction checks, and privacy.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  Open311Discovery,
  Open311ErrorList,
  Open311ReceiptList,
  Open311ServiceDefinition,
  Open311ServiceList,
  Open311ServiceRequestList,
} from '@doorstep/sdk/open311';
import type { Hono } from 'hono';
import { createApp } from '../src/index.js';
import { loggablePath } from '../src/middleware/request-log.js';
import { forEachBackend, testConfig, uniqueDescription, useApp, type AppContext } from './harness.js';
import { OPEN311_LISTS, asXmlText, parseXml, sparkJson } from './xml.js';

const API_KEY = 'open311-test-key-0123456789';
const JURISDICTION = 'xingfuli.example.cn';
const OPEN311 = { apiKeys: [API_KEY, 'second-app-key-0123456789'], jurisdictionId: JURISDICTION };

const SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];
const ATTRIBUTE_FIELDS = ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description', 'values'];
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];

const DAY = 24 * 60 * 60 * 1000;

/** GETs a path as JSON and as XML; checks the content types, that the XML is well formed and says what the JSON says. */
async function both(ctx: AppContext, path: string, init: RequestInit = {}) {
  const [base, query = ''] = path.split('?');
  const suffix = query ? `?${query}` : '';
  const jsonRes = await ctx.request(`${base}.json${suffix}`, init);
  const xmlRes = await ctx.request(`${base}.xml${suffix}`, init);
  assert.equal(jsonRes.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.equal(xmlRes.headers.get('content-type'), 'text/xml; charset=utf-8');
  assert.equal(xmlRes.status, jsonRes.status, 'same status in both formats');
  const json: unknown = await jsonRes.json();
  const xmlText = await xmlRes.text();
  const xml = parseXml(xmlText);
  assert.deepEqual(sparkJson(xml, OPEN311_LISTS), asXmlText(json), 'the XML carries what the JSON carries');
  return { status: jsonRes.status, json, xml, xmlText, headers: jsonRes.headers };
}

function form(fields: Record<string, string | string[]>): string {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item);
  return body.toString();
}

function post(ctx: AppContext | { request: (path: string, init?: RequestInit) => Promise<Response> }, format: 'json' | 'xml', fields: Record<string, string | string[]>, headers: Record<string, string> = {}) {
  return ctx.request(`/open311/v2/requests.${format}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
    body: form(fields),
  });
}

const REPORT = {
  api_key: API_KEY,
  jurisdiction_id: JURISDICTION,
  service_code: 'water-leak',
  address_id: 'b-3',
  'attribute[source]': 'pipe',
  'attribute[leaking_now]': 'yes',
  phone: '13700000000',
};

/** The errors of an error answer, checked against the spec's shape in both formats. */
async function errorsOf(res: Response, format: 'json' | 'xml') {
  const text = await res.text();
  if (format === 'json') {
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    return Open311ErrorList.parse(JSON.parse(text));
  }
  assert.equal(res.headers.get('content-type'), 'text/xml; charset=utf-8');
  const root = parseXml(text);
  assert.equal(root.name, 'errors');
  return root.children.map((error) => {
    assert.equal(error.name, 'error');
    assert.deepEqual(error.children.map((child) => child.name), ['code', 'description']);
    return { code: Number(error.children[0]!.text), description: error.children[1]!.text };
  });
}

async function createOne(ctx: AppContext, fields: Record<string, string | string[]> = {}): Promise<string> {
  const res = await post(ctx, 'json', { ...REPORT, description: uniqueDescription('水管漏水'), ...fields });
  assert.equal(res.status, 201, await res.clone().text());
  const [receipt] = Open311ReceiptList.parse(await res.json());
  return receipt!.service_request_id!;
}

forEachBackend('Open311 GeoReport v2', (backend) => {
  const ctx = useApp(backend, { open311: OPEN311 });

  describe('discovery', () => {
    test('names a GeoReport v2 endpoint with both formats, in JSON and XML', async () => {
      const { status, json, xml } = await both(ctx, '/open311/v2/discovery');
      assert.equal(status, 200);
      const discovery = Open311Discovery.parse(json);
      assert.equal(xml.name, 'discovery');
      assert.deepEqual(Object.keys(json as object), ['changeset', 'contact', 'key_service', 'endpoints']);
      const [endpoint] = discovery.endpoints;
      assert.equal(endpoint?.specification, 'http://wiki.open311.org/GeoReport_v2');
      assert.match(endpoint!.url, /^http:\/\/localhost\/open311\/v2$/);
      assert.deepEqual(endpoint?.formats, ['text/xml', 'application/json']);
      assert.equal(endpoint?.type, 'production');
      assert.ok(!Number.isNaN(Date.parse(discovery.changeset)), 'a sortable date-time');
    });
  });

  describe('services', () => {
    test('lists every category with exactly the spec’s fields; metadata says whether it has attributes', async () => {
      const { status, json, xml } = await both(ctx, '/open311/v2/services');
      assert.equal(status, 200);
      assert.equal(xml.name, 'services');
      assert.ok(xml.children.every((child) => child.name === 'service'));
      const services = Open311ServiceList.parse(json);
      assert.deepEqual(
        services.map((service) => service.service_code),
        ['public-light', 'door-lock', 'water-leak', 'facade', 'parking', 'sanitation', 'neighbour-dispute', 'other'],
      );
      for (const service of json as object[]) assert.deepEqual(Object.keys(service), SERVICE_FIELDS);
      const leak = services.find((service) => service.service_code === 'water-leak')!;
      assert.deepEqual(leak, {
        service_code: 'water-leak',
        service_name: '漏水',
        description: '屋顶、管道或楼上渗漏（需要入户查看，请留联系方式）',
        metadata: true,
        type: 'realtime',
        keywords: '渗水, 漏雨, 水管, 天花板',
        group: '房屋设施',
      });
      assert.equal(services.find((service) => service.service_code === 'other')?.metadata, false);
    });

    test('names and descriptions follow Accept-Language', async () => {
      const { json, headers } = await both(ctx, '/open311/v2/services', { headers: { 'accept-language': 'en' } });
      assert.equal(headers.get('content-language'), 'en');
      const leak = Open311ServiceList.parse(json).find((service) => service.service_code === 'water-leak');
      assert.equal(leak?.service_name, 'Water leak');
      assert.equal(leak?.group, 'Buildings and facilities');
    });

    test('a service definition lists its attributes in order, with datatypes, choices and the spec’s fields', async () => {
      const { status, json, xml } = await both(ctx, '/open311/v2/services/water-leak', { headers: { 'accept-language': 'en' } });
      assert.equal(status, 200);
      assert.equal(xml.name, 'service_definition');
      const definition = Open311ServiceDefinition.parse(json);
      assert.equal(definition.service_code, 'water-leak');
      const raw = json as { attributes: object[] };
      for (const attribute of raw.attributes) assert.deepEqual(Object.keys(attribute), ATTRIBUTE_FIELDS);
      assert.deepEqual(
        definition.attributes.map((attribute) => [attribute.order, attribute.code, attribute.datatype, attribute.required, attribute.variable]),
        [
          [1, 'urgent_notice', 'string', false, false],
          [2, 'source', 'singlevaluelist', true, true],
          [3, 'leaking_now', 'singlevaluelist', true, true],
          [4, 'since', 'datetime', false, true],
          [5, 'rooms', 'multivaluelist', false, true],
          [6, 'visit_times', 'text', false, true],
        ],
      );
      const source = definition.attributes[1]!;
      assert.equal(source.description, 'Where is the water coming from?');
      assert.deepEqual(source.values[0], { key: 'ceiling', name: 'Ceiling (flat above)' });
      assert.match(definition.attributes[5]!.datatype_description ?? '', /weekdays after 7 pm/);
      assert.equal(definition.attributes[1]!.datatype_description, null);
    });

    test('an unknown service_code is a 404 in the spec’s error format, in both formats', async () => {
      for (const format of ['json', 'xml'] as const) {
        const res = await ctx.request(`/open311/v2/services/no-such-service.${format}`, { headers: { 'accept-language': 'en' } });
        assert.equal(res.status, 404);
        assert.deepEqual(await errorsOf(res, format), [{ code: 404, description: 'service_code "no-such-service" was not found.' }]);
      }
    });

    test('text that XML treats specially is escaped, and characters XML cannot carry are replaced', async () => {
      await ctx.db.query(
        `INSERT INTO categories (id, name, description, allow_anonymous, sort_order)
         VALUES ('xml-test', $1::text::jsonb, $2::text::jsonb, true, 99)`,
        [JSON.stringify({ 'zh-CN': 'A & B <C> "D" \'E\'' }), JSON.stringify({ 'zh-CN': 'bell\u0007 and ]]> end' })],
      );
      try {
        // Not compared with `both`: JSON carries the bell character as it is, XML cannot.
        const json: unknown = await (await ctx.request('/open311/v2/services.json')).json();
        const xmlText = await (await ctx.request('/open311/v2/services.xml')).text();
        parseXml(xmlText);
        assert.match(xmlText, /<service_name>A &amp; B &lt;C&gt; &quot;D&quot; &apos;E&apos;<\/service_name>/);
        const service = Open311ServiceList.parse(json).find((entry) => entry.service_code === 'xml-test');
        assert.equal(service?.service_name, 'A & B <C> "D" \'E\'');
        assert.match(xmlText, /<description>bell\uFFFD and \]\]&gt; end<\/description>/);
      } finally {
        await ctx.db.query(`DELETE FROM categories WHERE id = 'xml-test'`);
      }
    });
  });

  describe('POST requests', () => {
    test('creates a request from the form: 201 with a string id and a notice, no token; it can be read back', async () => {
      const description = uniqueDescription('卫生间水管漏水\n晚上更严重');
      const res = await post(ctx, 'xml', {
        ...REPORT,
        description,
        first_name: '三丰',
        last_name: '张',
        phone: '13812345678',
        email: 'zhang@example.cn',
        device_id: 'device-1',
        account_id: 'wx-77',
        lat: '39.9042',
        long: '116.4074',
        address_string: '3号楼2单元门口',
        media_url: 'https://img.example.cn/leak.jpg',
        'attribute[rooms][]': ['bedroom', 'kitchen'],
        'attribute[since]': '2026-11-20T22:00:00+08:00',
      });
      assert.equal(res.status, 201);
      const root = parseXml(await res.text());
      assert.equal(root.name, 'service_requests');
      const request = root.children[0]!;
      assert.equal(request.name, 'request');
      assert.deepEqual(request.children.map((child) => child.name), ['service_request_id', 'service_notice', 'account_id']);
      const id = request.children[0]!.text;
      assert.match(id, /^DS-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      assert.match(request.children[1]!.text, new RegExp(id));
      assert.equal(request.children[2]!.text, 'wx-77', 'account_id is answered back');

      const [stored] = await ctx.db.query<Record<string, unknown>>(
        `SELECT contact_name, contact_phone, latitude, longitude, address, area_id, description, consented_at FROM service_requests WHERE code = $1`,
        [id],
      );
      assert.deepEqual(stored, {
        contact_name: '张三丰',
        contact_phone: '13812345678',
        latitude: 39.9042,
        longitude: 116.4074,
        address: '3号楼2单元门口',
        area_id: 'b-3',
        description,
        consented_at: null,
      });
      const answers = await ctx.db.query<{ question_code: string; value: unknown }>(
        `SELECT a.question_code, a.value FROM service_request_answers a JOIN service_requests r ON r.id = a.request_id
         WHERE r.code = $1 ORDER BY a.question_code`,
        [id],
      );
      assert.deepEqual(answers, [
        { question_code: 'leaking_now', value: 'yes' },
        { question_code: 'rooms', value: ['kitchen', 'bedroom'] },
        { question_code: 'since', value: '2026-11-20T22:00:00+08:00' },
        { question_code: 'source', value: 'pipe' },
      ]);
      const kept = await ctx.db.query(`SELECT s.* FROM open311_submissions s JOIN service_requests r ON r.id = s.request_id WHERE r.code = $1`, [id]);
      assert.equal(JSON.stringify(kept).includes('zhang@example.cn'), false, 'email is not kept');

      const read = await both(ctx, `/open311/v2/requests/${id}`);
      assert.equal(read.status, 200);
      const [one] = Open311ServiceRequestList.parse(read.json);
      assert.equal(one?.description, description, 'line breaks survive both formats');
      assert.equal(one?.media_url, 'https://img.example.cn/leak.jpg');
      assert.equal(one?.address, '3号楼2单元门口, 3号楼, 幸福花园, 幸福里社区, 和平街道, 幸福区');
      assert.equal(one?.lat, 39.9042);
    });

    test('a missing api_key is 403, a wrong one 403, and nothing is created', async () => {
      const description = uniqueDescription('no key');
      for (const format of ['json', 'xml'] as const) {
        const { api_key: _key, ...withoutKey } = REPORT;
        const missing = await post(ctx, format, { ...withoutKey, description }, { 'accept-language': 'en' });
        assert.equal(missing.status, 403);
        assert.deepEqual(await errorsOf(missing, format), [{ code: 403, description: 'An api_key is required to create a request.' }]);
        const wrong = await post(ctx, format, { ...REPORT, api_key: 'not-a-real-key-000000', description }, { 'accept-language': 'en' });
        assert.equal(wrong.status, 403);
        assert.deepEqual(await errorsOf(wrong, format), [{ code: 403, description: "Invalid api_key received -- can't proceed with create_request." }]);
      }
      const [{ count }] = (await ctx.db.query(`SELECT count(*)::int AS count FROM service_requests WHERE description = $1`, [description])) as [{ count: number }];
      assert.equal(count, 0);
    });

    test('every configured key works; with no keys configured every POST is 403', async () => {
      await createOne(ctx, { api_key: 'second-app-key-0123456789' });
      const keyless: Hono = createApp({ db: ctx.db, config: testConfig({ open311: { apiKeys: [] } }) });
      const res = await post({ request: async (path, init) => keyless.request(path, init) }, 'json', { ...REPORT, description: uniqueDescription('x') });
      assert.equal(res.status, 403);
    });

    test('another jurisdiction_id is 404; none at all is served (one jurisdiction)', async () => {
      const res = await post(ctx, 'json', { ...REPORT, jurisdiction_id: 'elsewhere.example.cn', description: uniqueDescription('x') }, { 'accept-language': 'en' });
      assert.equal(res.status, 404);
      assert.deepEqual(await errorsOf(res, 'json'), [
        { code: 404, description: 'jurisdiction_id "elsewhere.example.cn" was not found: this server serves "xingfuli.example.cn".' },
      ]);
      const { jurisdiction_id: _jurisdiction, ...withoutJurisdiction } = REPORT;
      assert.match(await createOne(ctx, withoutJurisdiction as Record<string, string>), /^DS-/);
    });

    test('service_code: missing is 400, unknown is 404', async () => {
      const { service_code: _code, ...withoutCode } = REPORT;
      const missing = await post(ctx, 'json', { ...withoutCode, description: uniqueDescription('x') });
      assert.equal(missing.status, 400);
      assert.equal((await errorsOf(missing, 'json'))[0]?.code, 400);
      const unknown = await post(ctx, 'xml', { ...REPORT, service_code: 'potholes', description: uniqueDescription('x') });
      assert.equal(unknown.status, 404);
      assert.equal((await errorsOf(unknown, 'xml'))[0]?.code, 404);
    });

    test('a location is required; lat needs long; without address_id a default area must be configured', async () => {
      const { address_id: _area, ...noLocation } = REPORT;
      const description = uniqueDescription('位置');
      const none = await post(ctx, 'json', { ...noLocation, description }, { 'accept-language': 'en' });
      assert.equal(none.status, 400);
      assert.deepEqual(await errorsOf(none, 'json'), [{ code: 400, description: 'A location is required: lat and long, address_string or address_id.' }]);
      const half = await post(ctx, 'json', { ...REPORT, lat: '39.9', description }, { 'accept-language': 'en' });
      assert.deepEqual(await errorsOf(half, 'json'), [{ code: 400, description: 'lat and long must be sent together, as WGS 84 numbers.' }]);
      const pointOnly = await post(ctx, 'json', { ...noLocation, lat: '39.9', long: '116.4', description }, { 'accept-language': 'en' });
      assert.equal(pointOnly.status, 400);
      assert.deepEqual(await errorsOf(pointOnly, 'json'), [{ code: 400, description: 'This server needs address_id (an area id, see /v1/areas).' }]);

      const withDefault: Hono = createApp({ db: ctx.db, config: testConfig({ open311: { ...OPEN311, defaultAreaId: 'c-1' } }) });
      const res = await post({ request: async (path, init) => withDefault.request(path, init) }, 'json', { ...noLocation, address_string: '东门停车场', description });
      assert.equal(res.status, 201);
      const [receipt] = Open311ReceiptList.parse(await res.json());
      const [row] = await ctx.db.query<{ area_id: string }>(`SELECT area_id FROM service_requests WHERE code = $1`, [receipt!.service_request_id]);
      assert.equal(row?.area_id, 'c-1');
    });

    test('broken rules are 400 with one error per parameter, named as the client sent it', async () => {
      const res = await post(
        ctx,
        'json',
        {
          ...REPORT,
          address_id: 'd-1',
          phone: '',
          description: uniqueDescription('漏水'),
          'attribute[source]': 'basement',
          'attribute[leaking_now]': '',
          'attribute[colour]': 'red',
        },
        { 'accept-language': 'en' },
      );
      assert.equal(res.status, 400);
      const errors = await errorsOf(res, 'json');
      assert.ok(errors.every((error) => error.code === 400));
      assert.deepEqual(errors.map((error) => error.description).sort(), [
        'address_id: Choose at least a community.',
        'attribute[colour]: This kind of problem has no such question. Reload the page and fill it in again.',
        'attribute[leaking_now]: Answer this question.',
        'attribute[source]: Choose one of the options listed.',
        'phone: For this kind of problem, leave a phone number so staff can reach you.',
      ]);
      const short = await post(ctx, 'xml', { ...REPORT, description: 'x' }, { 'accept-language': 'zh-TW' });
      assert.equal(short.status, 400);
      assert.deepEqual(await errorsOf(short, 'xml'), [{ code: 400, description: 'description：請至少填寫 5 個字。' }]);
    });

    test('the body must be form-encoded', async () => {
      const res = await ctx.request('/open311/v2/requests.json', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(REPORT),
      });
      assert.equal(res.status, 400);
      assert.equal((await errorsOf(res, 'json'))[0]?.code, 400);
    });

    test('an Idempotency-Key makes a retry answer the first id; the key is then a token for that id', async () => {
      const key = `open311-${Date.now()}`;
      const fields = { ...REPORT, description: uniqueDescription('重试'), account_id: 'acc-1' };
      const first = await post(ctx, 'json', fields, { 'idempotency-key': key });
      const again = await post(ctx, 'xml', fields, { 'idempotency-key': key });
      assert.equal(first.status, 201);
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      const [receipt] = Open311ReceiptList.parse(await first.json());
      const replayed = parseXml(await again.text()).children[0]!.children;
      assert.equal(replayed[0]!.text, receipt!.service_request_id, 'the same request, in the format asked for');
      assert.equal(replayed[2]!.text, 'acc-1');
      const [{ count }] = (await ctx.db.query(`SELECT count(*)::int AS count FROM service_requests WHERE description = $1`, [fields.description])) as [{ count: number }];
      assert.equal(count, 1);

      const token = await both(ctx, `/open311/v2/tokens/${key}`);
      assert.equal(token.status, 200);
      assert.deepEqual(token.json, [{ service_request_id: receipt!.service_request_id, token: key }]);
      const unknown = await ctx.request('/open311/v2/tokens/never-used.json');
      assert.equal(unknown.status, 404);
      assert.equal((await errorsOf(unknown, 'json'))[0]?.code, 404);
    });

    test('a body over the limit is 413 in the spec’s error format', async () => {
      const res = await post(ctx, 'xml', { ...REPORT, description: 'x'.repeat(70 * 1024) });
      assert.equal(res.status, 413);
      assert.equal((await errorsOf(res, 'xml'))[0]?.code, 413);
    });
  });

  describe('GET requests', () => {
    test('lists requests with exactly the spec’s fields; ids are strings; no contact data in either format', async () => {
      const id = await createOne(ctx, { first_name: '丰', last_name: '张三', phone: '13987654321' });
      const { status, json, xmlText } = await both(ctx, `/open311/v2/requests?service_request_id=${id}`);
      assert.equal(status, 200);
      const raw = json as Array<Record<string, unknown>>;
      assert.deepEqual(Object.keys(raw[0]!), REQUEST_FIELDS);
      assert.equal(typeof raw[0]!.service_request_id, 'string');
      assert.equal(typeof raw[0]!.address_id, 'string');
      assert.equal(raw[0]!.status, 'open');
      for (const text of [JSON.stringify(json), xmlText]) {
        assert.doesNotMatch(text, /张三丰|张三|13987654321|9876/);
      }
      const single = await both(ctx, `/open311/v2/requests/${id.toLowerCase()}`);
      assert.deepEqual(single.json, json, 'one request reads the same, by a loosely typed id too');
      assert.doesNotMatch(single.xmlText, /张三|13987654321/);
    });

    test('statuses map to open and closed; status_notes is the latest public note, never an internal one', async () => {
      const resolved = await createOne(ctx);
      const rejected = await createOne(ctx);
      const accepted = await createOne(ctx);
      for (const [code, status] of [
        [resolved, 'resolved'],
        [rejected, 'rejected'],
        [accepted, 'accepted'],
      ] as const) {
        await ctx.db.query(`UPDATE service_requests SET status = $2, assigned_to = '维修班', expected_date = '2026-12-01' WHERE code = $1`, [code, status]);
      }
      await ctx.db.query(
        `INSERT INTO request_events (request_id, at, kind, status, actor_kind, actor_name, note, is_public)
         SELECT id, now(), 'resolved', 'resolved', 'staff', '王主任', '已更换水管', true FROM service_requests WHERE code = $1`,
        [resolved],
      );
      await ctx.db.query(
        `INSERT INTO request_events (request_id, at, kind, status, actor_kind, actor_name, note, is_public)
         SELECT id, now() + interval '1 minute', 'noted', 'resolved', 'staff', '王主任', '内部：住户不好沟通', false FROM service_requests WHERE code = $1`,
        [resolved],
      );
      const { json } = await both(ctx, `/open311/v2/requests?service_request_id=${[resolved, rejected, accepted].join(',')}`);
      const byId = new Map(Open311ServiceRequestList.parse(json).map((request) => [request.service_request_id, request]));
      assert.equal(byId.get(resolved)?.status, 'closed');
      assert.equal(byId.get(rejected)?.status, 'closed');
      assert.equal(byId.get(accepted)?.status, 'open');
      assert.equal(byId.get(resolved)?.status_notes, '已更换水管');
      assert.equal(byId.get(resolved)?.agency_responsible, '维修班');
      assert.equal(byId.get(resolved)?.expected_datetime, '2026-12-01T23:59:59+08:00');

      const closed = Open311ServiceRequestList.parse((await both(ctx, '/open311/v2/requests?status=closed&service_code=water-leak')).json);
      assert.ok(closed.length >= 2 && closed.every((request) => request.status === 'closed'));
      assert.ok(closed.some((request) => request.service_request_id === resolved));
      const open = Open311ServiceRequestList.parse((await both(ctx, '/open311/v2/requests?status=open')).json);
      assert.ok(open.every((request) => request.status === 'open'));
      assert.ok(open.some((request) => request.service_request_id === accepted));
      const all = Open311ServiceRequestList.parse((await both(ctx, '/open311/v2/requests?status=open,closed')).json);
      assert.ok([resolved, accepted].every((id) => all.some((request) => request.service_request_id === id)));
    });

    test('service_code filters (comma-separated), newest first', async () => {
      const light = await createOne(ctx, { service_code: 'public-light', 'attribute[source]': [], 'attribute[leaking_now]': [] });
      const parking = await createOne(ctx, { service_code: 'parking', 'attribute[source]': [], 'attribute[leaking_now]': [] });
      const only = Open311ServiceRequestList.parse((await both(ctx, '/open311/v2/requests?service_code=public-light')).json);
      assert.ok(only.length >= 1 && only.every((request) => request.service_code === 'public-light'));
      const two = Open311ServiceRequestList.parse((await both(ctx, '/open311/v2/requests?service_code=public-light,parking')).json);
      assert.deepEqual(
        two.filter((request) => [light, parking].includes(request.service_request_id)).map((request) => request.service_request_id),
        [parking, light],
      );
      const times = two.map((request) => Date.parse(request.requested_datetime!));
      assert.deepEqual(times, [...times].sort((a, b) => b - a));
    });

    test('the window: the last 90 days by default, start/end narrow it, a span over 90 days or a bad date is 400', async () => {
      const recent = await createOne(ctx);
      const old = await createOne(ctx);
      await ctx.db.query(`UPDATE service_requests SET created_at = now() - interval '120 days' WHERE code = $1`, [old]);
      const ids = (json: unknown) => Open311ServiceRequestList.parse(json).map((request) => request.service_request_id);

      const byDefault = ids((await both(ctx, '/open311/v2/requests')).json);
      assert.ok(byDefault.includes(recent));
      assert.ok(!byDefault.includes(old), 'older than 90 days');
      const start = new Date(Date.now() - 125 * DAY).toISOString();
      const end = new Date(Date.now() - 100 * DAY).toISOString();
      const then = ids((await both(ctx, `/open311/v2/requests?start_date=${start}&end_date=${end}`)).json);
      assert.deepEqual(then.filter((id) => [old, recent].includes(id)), [old]);
      const fromStart = ids((await both(ctx, `/open311/v2/requests?start_date=${start}`)).json);
      assert.ok(fromStart.includes(old) && !fromStart.includes(recent), 'start alone covers 90 days from it');
      const toEnd = ids((await both(ctx, `/open311/v2/requests?end_date=${end}`)).json);
      assert.ok(toEnd.includes(old), 'end alone covers 90 days up to it');
      assert.ok(ids((await both(ctx, `/open311/v2/requests?service_request_id=${old}&start_date=${new Date().toISOString()}`)).json).includes(old), 'ids override the window');

      const cases: Array<[string, string]> = [
        [`start_date=${new Date(Date.now() - 100 * DAY).toISOString()}&end_date=${new Date().toISOString()}`, 'start_date to end_date may span at most 90 days.'],
        [`start_date=${new Date().toISOString()}&end_date=${start}`, 'end_date must not be before start_date.'],
        ['start_date=2026-01-01', 'start_date must be a date and time with a time zone, like 2026-01-01T00:00:00+08:00.'],
        ['end_date=yesterday', 'end_date must be a date and time with a time zone, like 2026-01-01T00:00:00+08:00.'],
        ['status=pending', 'status must be open or closed (comma-separated for both).'],
        ['page=0', 'page must be a whole number from 1.'],
        ['page_size=1001', 'page_size must be a whole number from 1 to 1000.'],
      ];
      for (const [query, description] of cases) {
        for (const format of ['json', 'xml'] as const) {
          const res = await ctx.request(`/open311/v2/requests.${format}?${query}`, { headers: { 'accept-language': 'en' } });
          assert.equal(res.status, 400, query);
          assert.deepEqual(await errorsOf(res, format), [{ code: 400, description }], query);
        }
      }
    });

    test('at most 1000 requests per answer; page and page_size page through the rest, with Link headers', async () => {
      // 1005 requests of their own category, a year ago, so no other test sees them.
      await ctx.db.query(
        `INSERT INTO categories (id, name, allow_anonymous, sort_order) VALUES ('bulk', '{"zh-CN":"批量"}'::jsonb, true, 98)`,
      );
      await ctx.db.query(
        `INSERT INTO service_requests (id, code, category_id, area_id, description, created_at, updated_at)
         SELECT 'bulk-' || n, 'DS-' || lpad(upper(to_hex(n)), 4, 'Z') || '-BULK', 'bulk', 'b-1', 'bulk request ' || n,
                timestamptz '2025-06-01T00:00:00Z' + n * interval '1 minute', timestamptz '2025-06-01T00:00:00Z'
         FROM generate_series(1, 1005) AS n`,
      );
      const window = 'start_date=2025-05-31T00:00:00Z&end_date=2025-06-10T00:00:00Z&service_code=bulk';
      const first = await ctx.request(`/open311/v2/requests.json?${window}`);
      const firstPage = Open311ServiceRequestList.parse(await first.json());
      assert.equal(firstPage.length, 1000);
      assert.equal(firstPage[0]?.description, 'bulk request 1005', 'newest first');
      assert.match(first.headers.get('link') ?? '', /page=2>; rel="next"/);
      const second = await ctx.request(`/open311/v2/requests.xml?${window}&page=2`);
      const secondPage = parseXml(await second.text()).children;
      assert.equal(secondPage.length, 5);
      assert.match(second.headers.get('link') ?? '', /page=1>; rel="prev"/);
      assert.doesNotMatch(second.headers.get('link') ?? '', /next/);

      const seen = new Set<string>();
      for (let page = 1; page <= 3; page++) {
        const res = await ctx.request(`/open311/v2/requests.json?${window}&page_size=400&page=${page}`);
        for (const request of Open311ServiceRequestList.parse(await res.json())) seen.add(request.service_request_id);
      }
      assert.equal(seen.size, 1005, 'pages neither overlap nor skip');
      const tooMany = Array.from({ length: 1001 }, (_, n) => `DS-AAAA-${n}`).join(',');
      const res = await ctx.request(`/open311/v2/requests.json?service_request_id=${tooMany}`);
      assert.equal(res.status, 400);
    });

    test('an unknown request id is 404; another jurisdiction is 404 on reads too', async () => {
      for (const format of ['json', 'xml'] as const) {
        const res = await ctx.request(`/open311/v2/requests/DS-2222-2222.${format}`, { headers: { 'accept-language': 'en' } });
        assert.equal(res.status, 404);
        assert.deepEqual(await errorsOf(res, format), [{ code: 404, description: 'service_request_id "DS-2222-2222" was not found.' }]);
      }
      const res = await ctx.request('/open311/v2/services.json?jurisdiction_id=elsewhere.example.cn');
      assert.equal(res.status, 404);
      const ok = await ctx.request(`/open311/v2/services.json?jurisdiction_id=${JURISDICTION}`);
      assert.equal(ok.status, 200);
    });
  });

  describe('the rest of the facade', () => {
    test('the request log keeps request ids and tokens out', () => {
      assert.equal(loggablePath('/open311/v2/requests/DS-7K2M-9QX4.json'), '/open311/v2/requests/:id.json');
      assert.equal(loggablePath('/open311/v2/tokens/outbox-key-1.xml'), '/open311/v2/tokens/:id.xml');
      assert.equal(loggablePath('/open311/v2/requests.json'), '/open311/v2/requests.json');
      assert.equal(loggablePath('/open311/v2/services/water-leak.json'), '/open311/v2/services/water-leak.json');
    });

    test('an unknown resource is 404 and an unknown format of a known one 400, in the spec’s error format', async () => {
      const unknown = await ctx.request('/open311/v2/potholes.json');
      assert.equal(unknown.status, 404);
      assert.equal((await errorsOf(unknown, 'json'))[0]?.code, 404);
      const deeper = await ctx.request('/open311/v2/a/b/c.xml');
      assert.equal(deeper.status, 404);
      assert.equal((await errorsOf(deeper, 'xml'))[0]?.code, 404);
      const csv = await ctx.request('/open311/v2/services.csv');
      assert.equal(csv.status, 404);
      assert.equal((await errorsOf(csv, 'xml'))[0]?.code, 404, 'XML, the format the spec requires, when none is known');
      const format = await ctx.request('/open311/v2/services/water-leak.csv', { headers: { 'accept-language': 'en' } });
      assert.equal(format.status, 400);
      assert.deepEqual(await errorsOf(format, 'xml'), [{ code: 400, description: 'Unsupported format "csv": use .json or .xml.' }]);
    });
  });
});
