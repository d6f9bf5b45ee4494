import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as z from 'zod/mini';
import { ApiError, ValidationError } from '../src/index.js';
import { createTransport } from '../src/transport.js';
import { json, scriptedFetch } from './fake-fetch.js';

const Counter = z.object({ total: z.number() });
const notModified = () => new Response(null, { status: 304, headers: { etag: '"v1"' } });

test('callCached sends the last ETag and returns the same object on 304', async () => {
  const { fetch, seen } = scriptedFetch(() => json({ total: 3 }, 200, { etag: '"v1"' }), notModified);
  const { callCached } = createTransport({ baseUrl: 'http://api.test', fetch, retry: 0 });
  const first = await callCached(Counter, 'v1/counter');
  const second = await callCached(Counter, 'v1/counter');
  assert.deepEqual(first, { total: 3 });
  assert.equal(second, first, 'unchanged is the same object');
  assert.equal(seen[0]!.headers.get('if-none-match'), null);
  assert.equal(seen[1]!.headers.get('if-none-match'), '"v1"');
});

test('callCached returns a new object when the answer changed, and keys the cache by query', async () => {
  const { fetch, seen } = scriptedFetch(
    () => json({ total: 3 }, 200, { etag: '"v1"' }),
    () => json({ total: 4 }, 200, { etag: '"v2"' }),
    () => json({ total: 9 }, 200, { etag: '"w1"' }),
    notModified,
  );
  const { callCached } = createTransport({ baseUrl: 'http://api.test', fetch, retry: 0 });
  const first = await callCached(Counter, 'v1/counter', { searchParams: { team: 'a' } });
  const changed = await callCached(Counter, 'v1/counter', { searchParams: { team: 'a' } });
  assert.notEqual(changed, first);
  assert.deepEqual(changed, { total: 4 });
  await callCached(Counter, 'v1/counter', { searchParams: { team: 'b' } });
  assert.equal(seen[2]!.headers.get('if-none-match'), null, 'another query has no ETag yet');
  assert.equal(await callCached(Counter, 'v1/counter', { searchParams: { team: 'a' } }), changed);
  assert.equal(seen[3]!.headers.get('if-none-match'), '"v2"');
});

test('callCached without an ETag in the answer sends no If-None-Match next time', async () => {
  const { fetch, seen } = scriptedFetch(() => json({ total: 1 }), () => json({ total: 1 }));
  const { callCached } = createTransport({ baseUrl: 'http://api.test', fetch, retry: 0 });
  await callCached(Counter, 'v1/counter');
  await callCached(Counter, 'v1/counter');
  assert.equal(seen[1]!.headers.get('if-none-match'), null);
});

test('callCached checks answers and turns errors into DoorstepErrors', async () => {
  const { fetch } = scriptedFetch(
    () => json({ total: 'many' }, 200, { etag: '"x"' }),
    () => json({ error: { code: 'not_found', message: 'gone' } }, 404),
    notModified,
  );
  const { callCached } = createTransport({ baseUrl: 'http://api.test', fetch, retry: 0 });
  await assert.rejects(callCached(Counter, 'v1/counter'), ValidationError);
  await assert.rejects(callCached(Counter, 'v1/counter'), (error: unknown) => error instanceof ApiError && error.status === 404);
  // A 304 with nothing cached (the first answer was invalid) is an error, not a silent undefined.
  await assert.rejects(callCached(Counter, 'v1/counter'), (error: unknown) => error instanceof ApiError && error.status === 304);
});
