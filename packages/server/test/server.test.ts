import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
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
  // What the demo build writes: a brotli sibling, and a drop-in chunk named by its hash.
  writeFileSync(join(staticDir, 'app.js.br'), brotliCompressSync('export const hello = 1;'));
  mkdirSync(join(staticDir, 'cdn'));
  writeFileSync(join(staticDir, 'cdn', 'request-form-Dmm0zxHH.js'), 'export const form = 1;');

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

  test('a file goes out as its .br sibling to a browser that takes brotli, as itself otherwise', async () => {
    const brotli = await rawGet('/app.js', { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(brotli.headers['content-encoding'], 'br');
    assert.match(String(brotli.headers['content-type']), /javascript/);
    assert.match(String(brotli.headers.vary), /accept-encoding/i);
    assert.equal(brotliDecompressSync(brotli.body).toString(), 'export const hello = 1;');

    const plain = await rawGet('/app.js', {});
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.toString(), 'export const hello = 1;');
  });

  test('drop-in chunks are cached for a year; pages and other files are revalidated on every load', async () => {
    const chunk = await fetch(`${server.url}/cdn/request-form-Dmm0zxHH.js`);
    assert.equal(chunk.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const page = await fetch(`${server.url}/`);
    assert.equal(page.headers.get('cache-control'), 'no-cache');
    const script = await fetch(`${server.url}/app.js`);
    assert.equal(script.headers.get('cache-control'), 'no-cache');
  });

  test('JSON answers go out gzipped to a client that takes gzip', async () => {
    const tree = await rawGet('/v1/areas', { 'accept-encoding': 'gzip' });
    assert.equal(tree.status, 200);
    assert.equal(tree.headers['content-encoding'], 'gzip');
    const areas = JSON.parse(gunzipSync(tree.body).toString()) as { areas: Array<{ name: string }> };
    assert.equal(areas.areas[0]?.name, '幸福区');
    assert.ok(tree.body.length < Buffer.byteLength(JSON.stringify(areas)) / 2, 'the tree compresses to less than half');

    const uncompressed = await rawGet('/v1/areas', {});
    assert.equal(uncompressed.headers['content-encoding'], undefined);
    assert.deepEqual(JSON.parse(uncompressed.body.toString()), areas);
  });

  /** A GET that shows the bytes as sent (fetch would decode them, and always asks for compression). */
  function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const request = httpGet(`${server.url}${path}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      });
      request.on('error', reject);
    });
  }
});
