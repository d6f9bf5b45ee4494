import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ApiError, createClient } from '@doorstep/sdk';
import { startServer, type RunningServer } from '../src/index.js';
import { forEachBackend, testConfig, uniqueDescription, type Backend } from './harness.js';

/** The real thing over a socket: startServer, the SDK client, static files. */
forEachBackend('startServer and the SDK client', (backend: Backend) => {
  let server: RunningServer;
  let drop: () => Promise<void>;
  const staticDir = mkdtempSync(join(tmpdir(), 'doorstep-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Portal</title>');
  writeFileSync(join(staticDir, 'app.js'), 'export const hello = 1;');
  writeFileSync(join(staticDir, 'healthz'), 'a file that must not shadow the API');

  before(async () => {
    const fresh = await backend.fresh();
    drop = fresh.drop;
    server = await startServer(testConfig({ ...fresh.settings, staticDir }));
  });
  after(async () => {
    await server.close();
    await drop();
    rmSync(staticDir, { recursive: true, force: true });
  });

  test('port 0 picks a free port and the URL reaches the server', async () => {
    assert.ok(server.port > 0);
    assert.equal(server.url, `http://127.0.0.1:${server.port}`);
    const res = await fetch(`${server.url}/healthz`);
    assert.deepEqual(await res.json(), { status: 'ok' });
  });

  test('the SDK client lists, creates and finds, validating every answer with its schemas', async () => {
    const client = createClient({ baseUrl: server.url, retry: 0 });
    const tree = await client.areas.list();
    assert.equal(tree[0]?.name, '幸福区');
    const compounds = await client.areas.list({ parent: 'c-2' });
    assert.deepEqual(compounds.map((a) => a.name), ['光明新村', '翠竹苑']);
    const categories = await client.categories.list();
    assert.equal(categories.length, 8);

    const created = await client.requests.create({
      categoryId: 'public-light',
      areaId: 'b-13',
      description: uniqueDescription('路灯不亮'),
      contactName: '李四',
      contactPhone: '13512345678',
      consent: { privacyNoticeVersion: '2026-01' },
    });
    assert.equal(created.contactPhone, '135****5678');
    const found = await client.requests.get(created.code.toLowerCase());
    assert.deepEqual(found, created);
  });

  test('the SDK client sees a 422 as an ApiError with localized field messages', async () => {
    const client = createClient({ baseUrl: server.url, retry: 0, locale: 'en' });
    await assert.rejects(
      client.requests.create({ categoryId: 'neighbour-dispute', areaId: 'b-1', description: 'too loud upstairs' }),
      (error: unknown) => {
        assert.ok(error instanceof ApiError);
        assert.equal(error.status, 422);
        assert.equal(error.code, 'unprocessable');
        assert.match(error.fields.contactPhone ?? '', /phone number/);
        return true;
      },
    );
  });

  test('a body over the limit sent over HTTP is 413', async () => {
    const res = await fetch(`${server.url}/v1/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ description: 'x'.repeat(70 * 1024) }),
    });
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'payload_too_large');
  });

  test('the static folder is served at / with content types, and API routes win', async () => {
    const index = await fetch(`${server.url}/`);
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await index.text(), /<title>Portal<\/title>/);

    const script = await fetch(`${server.url}/app.js`);
    assert.match(script.headers.get('content-type') ?? '', /javascript/);
    assert.equal(script.headers.get('x-content-type-options'), 'nosniff');

    const health = await fetch(`${server.url}/healthz`);
    assert.deepEqual(await health.json(), { status: 'ok' });

    const missing = await fetch(`${server.url}/missing.css`);
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'not_found');

    const traversal = await fetch(`${server.url}/..%2f..%2fetc%2fpasswd`);
    assert.equal(traversal.status, 404);
  });
});
