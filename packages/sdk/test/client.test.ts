import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError, NetworkError, TimeoutError, ValidationError, createClient, type ClientOptions } from '../src/index.js';
import { json, networkDown, scriptedFetch, type Step } from './fake-fetch.js';

const created = {
  code: 'DS-7K2M-9QX4',
  categoryId: 'public-light',
  areaId: 'b-1',
  areaPath: ['幸福区', '和平街道', '幸福里社区', '幸福花园', '1号楼'],
  description: '3单元楼道灯不亮了',
  status: 'submitted',
  contactName: '张**',
  contactPhone: '138****5678',
  createdAt: '2026-11-23T09:30:00+08:00',
  updatedAt: '2026-11-23T09:30:00+08:00',
};
const input = { categoryId: 'public-light', areaId: 'b-1', description: '3单元楼道灯不亮了', contactPhone: '13812345678' };
const unavailable: Step = () => json({ error: { code: 'unavailable', message: 'busy' } }, 503);

function client(fetch: typeof globalThis.fetch, options: Partial<ClientOptions> = {}) {
  return createClient({ baseUrl: 'http://api.test/base/', fetch, retry: { limit: 2, backoffLimit: 5 }, ...options });
}

describe('client requests', () => {
  it('joins paths onto the base URL and validates the answer', async () => {
    const { fetch, seen } = scriptedFetch(() => json({ categories: [{ id: 'x', name: { 'zh-CN': '其他' }, allowAnonymous: true }] }));
    const categories = await client(fetch).categories.list();
    assert.equal(categories[0]?.id, 'x');
    assert.equal(seen[0]?.url, 'http://api.test/base/v1/categories');
  });

  it('asks for children with ?parent=', async () => {
    const { fetch, seen } = scriptedFetch(() => json({ areas: [{ id: 'b-1', parentId: 'p-1', level: 'building', name: '1号楼' }] }));
    const areas = await client(fetch).areas.list({ parent: 'p-1' });
    assert.equal(areas[0]?.name, '1号楼');
    assert.equal(new URL(seen[0]!.url).searchParams.get('parent'), 'p-1');
  });

  it('normalizes the tracking code it looks up', async () => {
    const { fetch, seen } = scriptedFetch(() => json(created));
    await client(fetch).requests.get('ds 7k2m 9qx4');
    assert.equal(new URL(seen[0]!.url).pathname, '/base/v1/requests/DS-7K2M-9QX4');
  });

  it('sends the bearer token (static or from a function) and Accept-Language', async () => {
    const { fetch, seen } = scriptedFetch(() => json({ categories: [] }));
    await client(fetch, { token: 'abc', locale: 'en' }).categories.list();
    await client(fetch, { token: async () => 'fresh' }).categories.list();
    assert.equal(seen[0]?.headers.get('authorization'), 'Bearer abc');
    assert.equal(seen[0]?.headers.get('accept-language'), 'en');
    assert.equal(seen[1]?.headers.get('authorization'), 'Bearer fresh');
  });
});

describe('client validation', () => {
  it('rejects bad input with per-field messages before sending anything', async () => {
    const { fetch, seen } = scriptedFetch(() => json(created, 201));
    const error = await client(fetch).requests.create({ ...input, description: '坏', contactPhone: '12345678901' }).catch((e: unknown) => e);
    assert.ok(error instanceof ValidationError);
    assert.equal(error.source, 'request');
    assert.deepEqual(Object.keys(error.fields).sort(), ['contactPhone', 'description']);
    assert.equal(error.issues.find((issue) => issue.path === 'description')?.minimum, 5);
    assert.equal(seen.length, 0);
  });

  it('rejects an answer that does not match the schema', async () => {
    const { fetch } = scriptedFetch(() => json({ ...created, status: 'lost' }));
    const error = await client(fetch).requests.get(created.code).catch((e: unknown) => e);
    assert.ok(error instanceof ValidationError);
    assert.equal(error.source, 'response');
    assert.ok('status' in error.fields);
  });
});

describe('client errors', () => {
  it('turns an error body into an ApiError with status, code and fields', async () => {
    const body = { error: { code: 'unprocessable', message: 'No such building', fields: { areaId: 'No such building' } } };
    const { fetch, seen } = scriptedFetch(() => json(body, 422));
    const error = await client(fetch).requests.create(input).catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 422);
    assert.equal(error.code, 'unprocessable');
    assert.deepEqual(error.fields, { areaId: 'No such building' });
    assert.equal(seen.length, 1, 'a 422 is not retried');
  });

  it('makes an ApiError even when the error body is not ours', async () => {
    const { fetch } = scriptedFetch(() => new Response('<html>Bad gateway</html>', { status: 404, statusText: 'Not Found' }));
    const error = await client(fetch).categories.list().catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 404);
  });

  it('reports a NetworkError once retries are used up', async () => {
    const { fetch, seen } = scriptedFetch(networkDown);
    const error = await client(fetch).categories.list().catch((e: unknown) => e);
    assert.ok(error instanceof NetworkError);
    assert.equal(seen.length, 3, 'one try and two retries');
  });

  it('reports a TimeoutError when no answer comes in time', async () => {
    const never: Step = (request) =>
      new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)));
    const { fetch } = scriptedFetch(never);
    const error = await client(fetch, { timeoutMs: 30, retry: 0 }).categories.list().catch((e: unknown) => e);
    assert.ok(error instanceof TimeoutError);
    assert.equal(error.timeoutMs, 30);
  });

  it('passes a caller abort through untouched and does not retry it', async () => {
    const controller = new AbortController();
    const hang: Step = (request) =>
      new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)));
    const { fetch, seen } = scriptedFetch(hang);
    const pending = client(fetch).categories.list({ signal: controller.signal });
    // Abort while the request is in flight (the fake server never answers).
    while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    assert.equal((error as Error).name, 'AbortError');
    assert.equal(seen.length, 1);
  });
});

describe('client retries', () => {
  it('retries a read after a 503 and succeeds', async () => {
    const { fetch, seen } = scriptedFetch(unavailable, () => json({ categories: [] }));
    assert.deepEqual(await client(fetch).categories.list(), []);
    assert.equal(seen.length, 2);
  });

  it('honours Retry-After on a 429', async () => {
    const limited: Step = () => json({ error: { code: 'rate_limited', message: 'slow down' } }, 429, { 'retry-after': '1' });
    const { fetch, seen } = scriptedFetch(limited, () => json({ categories: [] }));
    const started = performance.now();
    await client(fetch).categories.list();
    assert.equal(seen.length, 2);
    assert.ok(performance.now() - started >= 900, 'waited about the second the server asked for');
  });

  it('retries a create with the same Idempotency-Key, so the server can answer it once', async () => {
    const { fetch, seen } = scriptedFetch(networkDown, unavailable, () => json(created, 201));
    const result = await client(fetch).requests.create(input);
    assert.equal(result.code, created.code);
    assert.equal(seen.length, 3);
    const keys = new Set(seen.map((request) => request.headers.get('idempotency-key')));
    assert.equal(keys.size, 1);
    assert.ok([...keys][0], 'a key was sent');
    assert.deepEqual(JSON.parse(seen[2]!.body), input);
  });

  it('uses a caller-supplied key and a new key for each new create', async () => {
    const { fetch, seen } = scriptedFetch(() => json(created, 201));
    const api = client(fetch);
    await api.requests.create(input, { idempotencyKey: 'outbox-1' });
    await api.requests.create(input);
    await api.requests.create(input);
    assert.equal(seen[0]?.headers.get('idempotency-key'), 'outbox-1');
    assert.notEqual(seen[1]?.headers.get('idempotency-key'), seen[2]?.headers.get('idempotency-key'));
  });

  it('does not retry when retries are off', async () => {
    const { fetch, seen } = scriptedFetch(unavailable, () => json({ categories: [] }));
    const error = await client(fetch, { retry: 0 }).categories.list().catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 503);
    assert.equal(seen.length, 1);
  });
});
