import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ServiceRequestPublic, TrackingCode } from '@doorstep/sdk';
import { countRequests, forEachBackend, uniqueDescription, useApp } from './harness.js';

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

forEachBackend('service requests', (backend) => {
  const ctx = useApp(backend);

  test('POST creates a request (201, public view with a tracking code) that GET finds again', async () => {
    const description = uniqueDescription('3号楼楼道灯不亮');
    const res = await ctx.post('/v1/requests', { categoryId: 'public-light', areaId: 'b-3', description: `  ${description} ` });
    assert.equal(res.status, 201);
    const created = ServiceRequestPublic.parse(await res.json());
    assert.ok(TrackingCode.safeParse(created.code).success, created.code);
    assert.equal(created.description, description, 'stored trimmed');
    assert.equal(created.status, 'submitted');
    assert.deepEqual(created.areaPath, ['幸福区', '和平街道', '幸福里社区', '幸福花园', '3号楼']);
    assert.equal(created.contactName, null);
    assert.equal(created.contactPhone, null);
    assert.ok(Date.parse(created.createdAt) <= Date.now());
    assert.equal(await countRequests(ctx.db, description), 1);

    const found = await ctx.request(`/v1/requests/${created.code}`);
    assert.equal(found.status, 200);
    assert.deepEqual(await found.json(), created);
  });

  test('a code typed loosely (lower case, spaces, no dashes) still finds the request', async () => {
    const res = await ctx.post('/v1/requests', { categoryId: 'parking', areaId: 'u-1-2', description: uniqueDescription('占用消防通道') });
    const { code } = (await res.json()) as { code: string };
    const loose = encodeURIComponent(code.toLowerCase().replace(/-/g, ' '));
    const found = await ctx.request(`/v1/requests/${loose}`);
    assert.equal(found.status, 200);
    assert.equal(((await found.json()) as { code: string }).code, code);
  });

  test('contact data is masked in the POST answer and on every read; stored in full', async () => {
    const description = uniqueDescription('楼上漏水');
    const res = await ctx.post('/v1/requests', {
      categoryId: 'water-leak',
      areaId: 'b-9',
      description,
      contactName: '张三丰',
      contactPhone: '13812345678',
      answers: { source: 'ceiling', leaking_now: 'yes' },
      consent: { privacyNoticeVersion: '2026-01' },
    });
    assert.equal(res.status, 201);
    const text = await res.text();
    assert.doesNotMatch(text, /三丰|12345678/);
    const created = JSON.parse(text) as { code: string; contactName: string; contactPhone: string };
    assert.equal(created.contactName, '张**');
    assert.equal(created.contactPhone, '138****5678');

    const read = await (await ctx.request(`/v1/requests/${created.code}`)).text();
    assert.doesNotMatch(read, /三丰|12345678/);
    assert.deepEqual(JSON.parse(read), created);

    const [stored] = await ctx.db.query<{ contact_name: string; contact_phone: string }>(
      `SELECT contact_name, contact_phone FROM service_requests WHERE code = $1`,
      [created.code],
    );
    assert.deepEqual(stored, { contact_name: '张三丰', contact_phone: '13812345678' });
  });

  test('other phone formats keep a short prefix and the last four digits', async () => {
    const res = await ctx.post('/v1/requests', {
      categoryId: 'other',
      areaId: 'b-4',
      description: uniqueDescription('landline'),
      contactName: 'Li Lei',
      contactPhone: '010-62345678',
      consent: { privacyNoticeVersion: '2026-01' },
    });
    const created = (await res.json()) as { contactName: string; contactPhone: string };
    assert.equal(created.contactName, 'L*****');
    assert.equal(created.contactPhone, '010****5678');
  });

  test('schema failures are 400 validation_failed with a message per field (zh-CN by default)', async () => {
    const description = uniqueDescription('x');
    const res = await ctx.post('/v1/requests', { categoryId: 'public-light', description: 'ab', contactPhone: '12345' });
    assert.equal(res.status, 400);
    const { error } = (await res.json()) as ErrorBody;
    assert.equal(error.code, 'validation_failed');
    assert.equal(error.message, '提交的内容有误，请检查标出的项目。');
    assert.deepEqual(error.fields, {
      areaId: '请填写此项。',
      description: '请至少填写 5 个字。',
      contactPhone: '请填写正确的电话号码，例如 13812345678。',
    });
    assert.equal(res.headers.get('content-language'), 'zh-CN');
    assert.equal(await countRequests(ctx.db, description), 0);
  });

  test('messages follow Accept-Language: English and Traditional Chinese', async () => {
    const body = { categoryId: 'public-light', areaId: 'b-1', description: 'x'.repeat(1001) };
    const en = await ctx.post('/v1/requests', body, { 'accept-language': 'en-GB,en;q=0.9' });
    assert.deepEqual(await en.json(), {
      error: {
        code: 'validation_failed',
        message: 'Some of the information is not valid. Please check the marked fields.',
        fields: { description: 'Enter at most 1000 characters.' },
      },
    });
    const tw = await ctx.post('/v1/requests', body, { 'accept-language': 'zh-Hant-HK' });
    const twBody = (await tw.json()) as ErrorBody;
    assert.equal(twBody.error.message, '提交的內容有誤，請檢查標出的項目。');
    assert.equal(twBody.error.fields?.description, '最多 1000 個字。');
    assert.equal(tw.headers.get('content-language'), 'zh-TW');
  });

  test('a body that is not an object, or has wrong types, is 400', async () => {
    const list = await ctx.post('/v1/requests', ['not', 'an', 'object'], { 'accept-language': 'en' });
    assert.equal(list.status, 400);
    assert.equal(((await list.json()) as ErrorBody).error.message, 'The request body must be a JSON object.');

    const typed = await ctx.post('/v1/requests', { categoryId: 7, areaId: 'b-1', description: 'hello there' }, { 'accept-language': 'en' });
    assert.equal(typed.status, 400);
    assert.deepEqual(((await typed.json()) as ErrorBody).error.fields, { categoryId: 'This value has the wrong type.' });
  });

  test('an unknown area or category is 422 unprocessable naming the field, and nothing is stored', async () => {
    const description = uniqueDescription('unknown refs');
    const res = await ctx.post('/v1/requests', { categoryId: 'ufo', areaId: 'b-999', description }, { 'accept-language': 'en' });
    assert.equal(res.status, 422);
    const { error } = (await res.json()) as ErrorBody;
    assert.equal(error.code, 'unprocessable');
    assert.deepEqual(error.fields, {
      areaId: 'This area does not exist. Please choose again.',
      categoryId: 'This kind of problem does not exist. Please choose again.',
    });
    assert.equal(await countRequests(ctx.db, description), 0);
  });

  test('an area above community level is 422 on areaId; a compound or community is accepted', async () => {
    const res = await ctx.post('/v1/requests', { categoryId: 'sanitation', areaId: 'sd-1', description: uniqueDescription('垃圾') });
    assert.equal(res.status, 422);
    assert.deepEqual(((await res.json()) as ErrorBody).error.fields, { areaId: '请至少选择到社区。' });
    for (const areaId of ['cp-2', 'c-1']) {
      const accepted = await ctx.post('/v1/requests', { categoryId: 'sanitation', areaId, description: uniqueDescription('垃圾') });
      assert.equal(accepted.status, 201, areaId);
    }
  });

  test('a category that does not allow anonymous reports needs a phone (422 on contactPhone)', async () => {
    const description = uniqueDescription('楼上噪音');
    const anonymous = await ctx.post('/v1/requests', { categoryId: 'neighbour-dispute', areaId: 'b-5', description, contactName: '王五', consent: { privacyNoticeVersion: '2026-01' } });
    assert.equal(anonymous.status, 422);
    assert.deepEqual(Object.keys(((await anonymous.json()) as ErrorBody).error.fields ?? {}), ['contactPhone']);
    assert.equal(await countRequests(ctx.db, description), 0);

    const withPhone = await ctx.post('/v1/requests', {
      categoryId: 'neighbour-dispute',
      areaId: 'b-5',
      description,
      contactPhone: '+86 139 0000 1111',
      consent: { privacyNoticeVersion: '2026-01' },
    });
    assert.equal(withPhone.status, 201);
    assert.equal(((await withPhone.json()) as { contactPhone: string }).contactPhone, '139****1111');
  });

  test('an unknown or malformed tracking code is 404 not_found', async () => {
    for (const code of ['DS-2222-2222', 'nonsense']) {
      const res = await ctx.request(`/v1/requests/${code}`, { headers: { 'accept-language': 'en' } });
      assert.equal(res.status, 404, code);
      assert.deepEqual(await res.json(), {
        error: { code: 'not_found', message: 'No request has this tracking code. Please check it and try again.' },
      });
    }
  });
});
