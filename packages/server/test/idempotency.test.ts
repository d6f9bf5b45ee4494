import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { countRequests, forEachBackend, uniqueDescription, useApp } from './harness.js';

forEachBackend('idempotency', (backend) => {
  const ctx = useApp(backend);

  test('a replay with the same key and body returns the first answer byte for byte and creates nothing', async () => {
    const key = randomUUID();
    const body = { categoryId: 'door-lock', areaId: 'b-6', description: uniqueDescription('单元门关不上'), contactPhone: '13900001111', consent: { privacyNoticeVersion: '2026-01' } };
    const first = await ctx.post('/v1/requests', body, { 'idempotency-key': key });
    assert.equal(first.status, 201);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    const firstText = await first.text();

    // Same content, other key order and spacing: still the same submission.
    const { description, ...rest } = body;
    const again = await ctx.post('/v1/requests', { ...rest, description: ` ${description}` }, { 'idempotency-key': key });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(await again.text(), firstText);
    assert.match(firstText, /"contactPhone":"139\*\*\*\*1111"/, 'the stored answer is the masked one');
    assert.equal(await countRequests(ctx.db, description), 1);
  });

  test('the same key with a different body is 422 idempotency_key_reused and creates nothing', async () => {
    const key = randomUUID();
    const description = uniqueDescription('first');
    await ctx.post('/v1/requests', { categoryId: 'other', areaId: 'b-7', description }, { 'idempotency-key': key });
    const other = uniqueDescription('second');
    const res = await ctx.post('/v1/requests', { categoryId: 'other', areaId: 'b-7', description: other }, {
      'idempotency-key': key,
      'accept-language': 'en',
    });
    assert.equal(res.status, 422);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    assert.equal(error.code, 'idempotency_key_reused');
    assert.match(error.message, /already used for a different submission/);
    assert.equal(await countRequests(ctx.db, other), 0);
    assert.equal(await countRequests(ctx.db, description), 1);
  });

  test('concurrent duplicates with one key create one record and all get the same answer', async () => {
    const key = randomUUID();
    const body = { categoryId: 'facade', areaId: 'b-10', description: uniqueDescription('外墙瓷砖要掉'), answers: { fallen: 'loose' } };
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => ctx.post('/v1/requests', body, { 'idempotency-key': key })),
    );
    assert.deepEqual(responses.map((r) => r.status), Array(6).fill(201));
    const texts = await Promise.all(responses.map((r) => r.text()));
    assert.equal(new Set(texts).size, 1, 'one answer');
    assert.equal(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true').length, 5);
    assert.equal(await countRequests(ctx.db, body.description), 1);
  });

  test('a failed create does not use up the key: fixing the body with the same key succeeds', async () => {
    const key = randomUUID();
    const description = uniqueDescription('needs phone');
    const answers = { source: 'pipe', leaking_now: 'yes' };
    const failed = await ctx.post('/v1/requests', { categoryId: 'water-leak', areaId: 'b-11', description, answers }, { 'idempotency-key': key });
    assert.equal(failed.status, 422);
    const fixed = await ctx.post('/v1/requests', { categoryId: 'water-leak', areaId: 'b-11', description, answers, contactPhone: '13700000000', consent: { privacyNoticeVersion: '2026-01' } }, {
      'idempotency-key': key,
    });
    assert.equal(fixed.status, 201);
    assert.equal(fixed.headers.get('idempotent-replayed'), null);
    assert.equal(await countRequests(ctx.db, description), 1);
  });

  test('keys are scoped per key: two keys make two records, no key makes a record each time', async () => {
    const description = uniqueDescription('两次');
    const body = { categoryId: 'public-light', areaId: 'b-12', description };
    await ctx.post('/v1/requests', body, { 'idempotency-key': randomUUID() });
    await ctx.post('/v1/requests', body, { 'idempotency-key': randomUUID() });
    await ctx.post('/v1/requests', body);
    assert.equal(await countRequests(ctx.db, description), 3);
  });

  test('a malformed key is 400 naming the header', async () => {
    const res = await ctx.post('/v1/requests', { categoryId: 'other', areaId: 'b-1', description: 'hello there' }, {
      'idempotency-key': 'x'.repeat(256),
      'accept-language': 'en',
    });
    assert.equal(res.status, 400);
    const { error } = (await res.json()) as { error: { fields: Record<string, string> } };
    assert.deepEqual(error.fields, { 'Idempotency-Key': 'Idempotency-Key must be 1 to 255 visible characters.' });
  });
});
