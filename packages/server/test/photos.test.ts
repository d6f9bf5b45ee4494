import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PhotoRef, ServiceRequestPublic } from '@doorstep/sdk';
import { forEachBackend, useApp } from './harness.js';
import { DAY, TestClock, useClockedApp, type ErrorBody } from './request-helpers.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Bytes that start like a real file of that type (the server reads only the signature). */
function image(kind: 'png' | 'jpeg' | 'webp', size = 64, fill = 7): Uint8Array {
  const bytes = new Uint8Array(size).fill(fill);
  const head =
    kind === 'png' ? PNG_SIGNATURE : kind === 'jpeg' ? [0xff, 0xd8, 0xff, 0xe0] : [0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50];
  bytes.set(head);
  return bytes;
}

function multipart(bytes: Uint8Array, name: string, type: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name);
  return form;
}

const LIMIT = 4096;

forEachBackend('photos', (backend) => {
  const ctx = useApp(backend);
  const clock = new TestClock('2026-12-05T01:00:00Z');
  // One app with a small limit (to test it cheaply), one with the defaults and a public address.
  const small = useClockedApp(ctx, clock, { photoMaxBytes: LIMIT });
  const api = useClockedApp(ctx, clock, { publicUrl: 'https://portal.example.cn/api' });

  const upload = (app: typeof api, body: BodyInit, headers: Record<string, string> = {}) =>
    app.request('/v1/photos', { method: 'POST', body, headers: { 'accept-language': 'en', ...headers } });

  async function uploaded(kind: 'png' | 'jpeg' | 'webp' = 'png', fill = 7): Promise<PhotoRef> {
    const res = await upload(api, image(kind, 64, fill) as Uint8Array<ArrayBuffer>, { 'content-type': 'application/octet-stream' });
    assert.equal(res.status, 201, await res.clone().text());
    return PhotoRef.parse(await res.json());
  }

  test('the type comes from the bytes: a PNG sent as image/jpeg or named .jpg is a PNG; JPEG and WebP pass', async () => {
    const raw = await upload(api, image('png') as Uint8Array<ArrayBuffer>, { 'content-type': 'image/jpeg' });
    assert.equal(raw.status, 201);
    assert.equal(PhotoRef.parse(await raw.json()).contentType, 'image/png');
    const named = await upload(api, multipart(image('png'), 'IMG_0001.jpg', 'image/jpeg'));
    assert.equal(named.status, 201);
    const photo = PhotoRef.parse(await named.json());
    assert.equal(photo.contentType, 'image/png');
    assert.equal(photo.byteSize, 64);
    assert.equal(photo.url, `https://portal.example.cn/api/v1/photos/${photo.id}`);
    assert.equal((await uploaded('jpeg')).contentType, 'image/jpeg');
    assert.equal((await uploaded('webp')).contentType, 'image/webp');
  });

  test('anything else is 415 with a localized message, whatever its name or declared type', async () => {
    const text = new TextEncoder().encode('this is not a picture, just text pretending');
    const cases: Array<[BodyInit, Record<string, string>]> = [
      [multipart(text, 'photo.jpg', 'image/jpeg'), {}],
      [text as Uint8Array<ArrayBuffer>, { 'content-type': 'image/png' }],
      [new TextEncoder().encode('GIF89a......') as Uint8Array<ArrayBuffer>, { 'content-type': 'image/gif' }],
      [new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') as Uint8Array<ArrayBuffer>, { 'content-type': 'image/svg+xml' }],
    ];
    for (const [body, headers] of cases) {
      const res = await upload(api, body, headers);
      assert.equal(res.status, 415);
      assert.deepEqual(await res.json(), { error: { code: 'unsupported_media_type', message: 'A photo must be a JPEG, PNG or WebP image.' } });
    }
    const zh = await upload(api, multipart(text, 'photo.jpg', 'image/jpeg'), { 'accept-language': 'zh-CN' });
    assert.equal(((await zh.json()) as ErrorBody).error.message, '照片只能是 JPEG、PNG 或 WebP 格式的图片。');
    assert.equal((await upload(api, new Uint8Array(0), { 'content-type': 'image/png' })).status, 400, 'empty');
    const noFile = new FormData();
    noFile.append('note', 'no picture here');
    assert.equal((await upload(api, noFile)).status, 400, 'a form without a file');
  });

  test('size: up to the configured limit (raw or multipart); one byte more is 413 naming the limit', async () => {
    assert.equal((await upload(small, image('jpeg', LIMIT) as Uint8Array<ArrayBuffer>, { 'content-type': 'image/jpeg' })).status, 201);
    assert.equal((await upload(small, multipart(image('jpeg', LIMIT), 'a.jpg', 'image/jpeg'))).status, 201);
    for (const body of [image('jpeg', LIMIT + 1) as Uint8Array<ArrayBuffer>, multipart(image('jpeg', LIMIT + 1), 'a.jpg', 'image/jpeg')]) {
      const res = await upload(small, body, body instanceof FormData ? {} : { 'content-type': 'image/jpeg' });
      assert.equal(res.status, 413);
      assert.deepEqual(await res.json(), {
        error: { code: 'payload_too_large', message: `The photo is too large (the limit is ${LIMIT} bytes). Please make it smaller and try again.` },
      });
    }
    assert.equal((await upload(small, image('jpeg', 20 * LIMIT) as Uint8Array<ArrayBuffer>, { 'content-type': 'image/jpeg' })).status, 413);
  });

  test('photos have their own limit (5 MB by default), the JSON body limit stays 64 KB elsewhere', async () => {
    const big = image('png', 200 * 1024);
    assert.equal((await upload(api, big as Uint8Array<ArrayBuffer>, { 'content-type': 'image/png' })).status, 201);
    const json = await api.post('/v1/requests', { categoryId: 'other', areaId: 'b-1', description: 'x'.repeat(70 * 1024) });
    assert.equal(json.status, 413);
  });

  test('GET serves the bytes with the real type, nosniff, inline, a sandboxing CSP and a year of caching; 304 on its ETag', async () => {
    const bytes = image('webp', 100, 42);
    const { id } = PhotoRef.parse(await (await upload(api, bytes as Uint8Array<ArrayBuffer>, { 'content-type': 'text/html' })).json());
    const res = await api.request(`/v1/photos/${id}`);
    assert.equal(res.status, 200);
    assert.deepEqual(new Uint8Array(await res.arrayBuffer()), bytes);
    assert.equal(res.headers.get('content-type'), 'image/webp');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('content-disposition'), `inline; filename="photo-${id}.webp"`);
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.match(res.headers.get('content-security-policy') ?? '', /\bsandbox\b/);
    assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const etag = res.headers.get('etag')!;
    const again = await api.request(`/v1/photos/${id}`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    const missing = await api.request('/v1/photos/00000000-0000-0000-0000-000000000000', { headers: { 'accept-language': 'en' } });
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as ErrorBody).error.message, 'This photo does not exist.');
  });

  test('an upload is idempotent: the same key and bytes answer the first photo; other bytes are 422', async () => {
    const headers = { 'content-type': 'image/png', 'idempotency-key': 'photo-retry-1' };
    const first = await upload(api, image('png', 80, 1) as Uint8Array<ArrayBuffer>, headers);
    const second = await upload(api, image('png', 80, 1) as Uint8Array<ArrayBuffer>, headers);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.equal((await second.json() as PhotoRef).id, (await first.json() as PhotoRef).id);
    assert.equal((await upload(api, image('png', 80, 2) as Uint8Array<ArrayBuffer>, headers)).status, 422);
  });

  test('a report takes up to 4 photos by id, in order; unknown, used or repeated ids are 422, a fifth is 400', async () => {
    const photos = [await uploaded('png', 1), await uploaded('jpeg', 2), await uploaded('webp', 3), await uploaded('png', 4)];
    const report = (photoIds: string[]) =>
      api.post('/v1/requests', { categoryId: 'other', areaId: 'b-7', description: '楼下花坛被压坏了', photoIds });
    const created = await report(photos.map((photo) => photo.id));
    const createdText = await created.text();
    assert.equal(created.status, 201, createdText);
    const view = ServiceRequestPublic.parse(JSON.parse(createdText));
    assert.deepEqual(view.photos, photos);

    const fifth = await uploaded('png', 5);
    const tooMany = await report([...photos.map((photo) => photo.id), fifth.id]);
    assert.equal(tooMany.status, 400);
    assert.deepEqual(Object.keys(((await tooMany.json()) as ErrorBody).error.fields ?? {}), ['photoIds']);

    const problems = await report([photos[0]!.id, 'no-such-photo', fifth.id, fifth.id]);
    assert.equal(problems.status, 422);
    assert.deepEqual(Object.keys(((await problems.json()) as ErrorBody).error.fields ?? {}).sort(), ['photoIds.0', 'photoIds.1', 'photoIds.3']);
    const { photos: unchanged } = await api.publicGet(view.code);
    assert.equal(unchanged.length, 4, 'the failed report took nothing');
    assert.equal((await report([fifth.id])).status, 201, 'the fifth photo is still free');
  });

  test('a photo no report used within 7 days is deleted', async () => {
    clock.now = new Date('2026-12-05T01:00:00Z');
    const stale = await uploaded('png', 11);
    clock.advance(7 * DAY + 1000);
    await uploaded('png', 12);
    assert.equal((await api.request(`/v1/photos/${stale.id}`)).status, 404);
  });
});
