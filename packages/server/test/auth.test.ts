import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { requireStaff, type StaffEnv } from '../src/auth.js';
import { ApiError, errorResponse } from '../src/errors.js';

const tokens = [
  { token: 'r'.repeat(24), name: '李干事', roles: ['requests' as const] },
  { token: 'a'.repeat(24), name: '王主任', roles: ['admin' as const] },
];

const app = new Hono<StaffEnv>();
app.get('/staff/requests', requireStaff(tokens, 'requests'), (c) => c.json({ actor: c.get('staff').name }));
app.get('/staff/eldercare', requireStaff(tokens, 'eldercare'), (c) => c.json({ actor: c.get('staff').name }));
app.onError((error, c) => (error instanceof ApiError ? errorResponse(c, error) : c.text('unexpected', 500)));

const get = (path: string, authorization?: string, language = 'en') =>
  app.request(path, { headers: { 'accept-language': language, ...(authorization ? { authorization } : {}) } });

test('no token: 401 with a Bearer challenge and a localized message', async () => {
  const response = await get('/staff/requests', undefined, 'zh-CN');
  assert.equal(response.status, 401);
  assert.equal(response.headers.get('www-authenticate'), 'Bearer realm="doorstep"');
  const body = (await response.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'unauthorized');
  assert.match(body.error.message, /令牌/);
});

test('an unknown or malformed token: 401 invalid_token', async () => {
  for (const header of [`Bearer ${'x'.repeat(24)}`, `Bearer ${'r'.repeat(23)}`, `Bearer ${'r'.repeat(25)}`]) {
    const response = await get('/staff/requests', header);
    assert.equal(response.status, 401, header);
    assert.equal(response.headers.get('www-authenticate'), 'Bearer realm="doorstep", error="invalid_token"');
  }
  assert.equal((await get('/staff/requests', `Basic ${'r'.repeat(24)}`)).status, 401);
});

test('a token without the role: 403 naming the role', async () => {
  const response = await get('/staff/eldercare', `Bearer ${'r'.repeat(24)}`);
  assert.equal(response.status, 403);
  const body = (await response.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'forbidden');
  assert.match(body.error.message, /eldercare/);
});

test('the right role, or admin, passes and the holder is the actor', async () => {
  assert.deepEqual(await (await get('/staff/requests', `Bearer ${'r'.repeat(24)}`)).json(), { actor: '李干事' });
  assert.deepEqual(await (await get('/staff/eldercare', `bearer ${'a'.repeat(24)}`)).json(), { actor: '王主任' });
});

test('with no tokens configured every staff route answers 401', async () => {
  const closed = new Hono<StaffEnv>();
  closed.get('/x', requireStaff([], 'admin'), (c) => c.text('open'));
  closed.onError((error, c) => (error instanceof ApiError ? errorResponse(c, error) : c.text('unexpected', 500)));
  assert.equal((await closed.request('/x', { headers: { authorization: `Bearer ${'a'.repeat(24)}` } })).status, 401);
});
