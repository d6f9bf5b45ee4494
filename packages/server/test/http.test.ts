import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createApp, type Database } from '../src/index.js';
import { ALLOWED_ORIGIN, forEachBackend, testConfig, uniqueDescription, useApp } from './harness.js';

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

forEachBackend('HTTP behaviour', (backend) => {
  const ctx = useApp(backend, { bodyLimitBytes: 2048 });

  test('a body over the limit is 413 payload_too_large in the error shape', async () => {
    const res = await ctx.post('/v1/requests', { categoryId: 'other', areaId: 'b-1', description: 'x'.repeat(4000) }, {
      'accept-language': 'en',
    });
    assert.equal(res.status, 413);
    assert.deepEqual(await res.json(), {
      error: { code: 'payload_too_large', message: 'The request body is too large (the limit is 2048 bytes).' },
    });
    const declared = await ctx.request('/v1/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '999999' },
      body: '{}',
    });
    assert.equal(declared.status, 413, 'a declared Content-Length over the limit is refused before reading');
  });

  test('a body that is not declared as JSON is 415; a JSON subtype is fine', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', '']) {
      const res = await ctx.request('/v1/requests', {
        method: 'POST',
        headers: contentType ? { 'content-type': contentType } : {},
        body: '{"categoryId":"other"}',
      });
      assert.equal(res.status, 415, contentType);
      assert.equal(((await res.json()) as ErrorBody).error.code, 'unsupported_media_type');
    }
    const charset = await ctx.request('/v1/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ categoryId: 'other', areaId: 'b-1', description: uniqueDescription('charset') }),
    });
    assert.equal(charset.status, 201);
  });

  test('malformed JSON is 400 validation_failed', async () => {
    const res = await ctx.request('/v1/requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'zh-TW' },
      body: '{"categoryId": "other",',
    });
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), { error: { code: 'validation_failed', message: '請求內容不是有效的 JSON。' } });
  });

  test('unknown routes and methods are 404 not_found in the error shape', async () => {
    for (const [method, path] of [
      ['GET', '/nothing-here'],
      ['GET', '/v1'],
      ['DELETE', '/v1/areas'],
      ['GET', '/v2/areas'],
    ] as const) {
      const res = await ctx.request(path, { method });
      assert.equal(res.status, 404, `${method} ${path}`);
      assert.deepEqual(await res.json(), { error: { code: 'not_found', message: '没有找到这个地址。' } });
    }
  });

  test('every response carries the security headers; JSON is not cached', async () => {
    for (const path of ['/healthz', '/v1/categories', '/nothing-here']) {
      const res = await ctx.request(path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer', path);
      assert.equal(res.headers.get('x-frame-options'), 'SAMEORIGIN', path);
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/, path);
      assert.equal(res.headers.get('cache-control'), 'no-store', path);
    }
  });

  test('GET /healthz checks the database', async () => {
    const res = await ctx.request('/healthz');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok' });
  });

  describe('CORS', () => {
    test('an allowed origin is echoed and may read Idempotent-Replayed', async () => {
      const res = await ctx.request('/v1/categories', { headers: { origin: ALLOWED_ORIGIN } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
      assert.match(res.headers.get('access-control-expose-headers') ?? '', /Idempotent-Replayed/);
      assert.match(res.headers.get('vary') ?? '', /Origin/);
    });

    test('an error answer to an allowed origin is readable too', async () => {
      const res = await ctx.request('/v1/requests/DS-2222-2222', { headers: { origin: ALLOWED_ORIGIN } });
      assert.equal(res.status, 404);
      assert.equal(res.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
    });

    test('another origin gets no Access-Control-Allow-Origin', async () => {
      const res = await ctx.request('/v1/categories', { headers: { origin: 'https://evil.example.com' } });
      assert.equal(res.headers.get('access-control-allow-origin'), null);
    });

    test('a preflight from an allowed origin allows POST with the API headers', async () => {
      const res = await ctx.request('/v1/requests', {
        method: 'OPTIONS',
        headers: {
          origin: ALLOWED_ORIGIN,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, idempotency-key',
        },
      });
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
      assert.match(res.headers.get('access-control-allow-methods') ?? '', /POST/);
      const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(',');
      for (const header of ['idempotency-key', 'authorization', 'content-type', 'accept-language']) {
        assert.ok(allowed.includes(header), header);
      }
    });

    test('a preflight from another origin is not allowed', async () => {
      const res = await ctx.request('/v1/requests', {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' },
      });
      assert.equal(res.headers.get('access-control-allow-origin'), null);
    });
  });
});

describe('CORS configuration without a database', () => {
  const stubDb = {} as Database;

  test('no configured origins: no origin is allowed', async () => {
    const app = createApp({ db: stubDb, config: testConfig({ corsOrigins: [] }) });
    const res = await app.request('/nothing', { headers: { origin: ALLOWED_ORIGIN } });
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });

  test('"*" allows any origin only when configured', async () => {
    const app = createApp({ db: stubDb, config: testConfig({ corsOrigins: ['*'] }) });
    const res = await app.request('/nothing', { headers: { origin: 'https://anyone.example' } });
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
  });
});

describe('internal errors', () => {
  const secret = 'connection to 10.0.0.7 refused at /srv/doorstep/db.ts:42';
  const failing: Database = {
    kind: 'pglite',
    query: async () => {
      throw new Error(secret);
    },
    exec: async () => {
      throw new Error(secret);
    },
    transaction: async () => {
      throw new Error(secret);
    },
    close: async () => {},
  };
  const app = createApp({ db: failing, config: testConfig() });

  test('a failing database is 500 internal with the generic message and no stack trace', async () => {
    for (const [path, init] of [
      ['/v1/categories', {}],
      ['/v1/areas', {}],
      ['/healthz', {}],
      [
        '/v1/requests',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'accept-language': 'en' },
          body: JSON.stringify({ categoryId: 'other', areaId: 'b-1', description: 'hello there' }),
        },
      ],
    ] as const) {
      const res = await app.request(path, init);
      assert.equal(res.status, 500, path);
      const text = await res.text();
      assert.doesNotMatch(text, /10\.0\.0\.7|db\.ts|\bat\s|Error:/, path);
      const { error } = JSON.parse(text) as ErrorBody;
      assert.equal(error.code, 'internal');
      assert.ok(['服务器出了点问题，请稍后再试。', 'Something went wrong on the server. Please try again later.'].includes(error.message));
    }
  });
});
