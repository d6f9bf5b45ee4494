import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError, ValidationError, createClient, type ClientOptions } from '../src/index.js';
import { json, scriptedFetch, type Step } from './fake-fetch.js';

const CODE = 'DS-7K2M-9QX4';
const view = {
  code: CODE,
  categoryId: 'public-light',
  areaId: 'b-1',
  areaPath: ['幸福区', '和平街道', '幸福里社区', '幸福花园', '1号楼'],
  description: '3单元楼道灯不亮了',
  status: 'resolved',
  contactName: '张**',
  contactPhone: '138****5678',
  createdAt: '2026-11-23T09:30:00+08:00',
  updatedAt: '2026-11-24T10:00:00+08:00',
  onBehalfOf: null,
  location: { latitude: 31.23, longitude: 121.47 },
  address: '3单元门口',
  photos: [{ id: 'p-1', contentType: 'image/jpeg', byteSize: 1234, url: 'https://portal.example.cn/api/v1/photos/p-1' }],
  timeline: [
    { id: '1', at: '2026-11-23T01:30:00.000Z', kind: 'submitted', status: 'submitted', actor: { kind: 'resident', name: null }, note: null, visibility: 'public' },
    { id: '4', at: '2026-11-24T02:00:00.000Z', kind: 'resolved', status: 'resolved', actor: { kind: 'staff', name: '王主任' }, note: '已更换灯泡', visibility: 'public' },
  ],
  assignedTo: '物业电工班',
  expectedDate: '2026-11-25',
  supportCount: 3,
  resolvedAt: '2026-11-24T02:00:00.000Z',
  reopenableUntil: '2026-12-08T02:00:00.000Z',
  ratable: true,
  rating: null,
  mergedInto: null,
};
const staffView = {
  ...view,
  contactName: '张三',
  contactPhone: '13812345678',
  consent: { at: '2026-11-23T01:30:00.000Z', privacyNoticeVersion: '2026-01' },
  duplicates: [],
  reopenCount: 0,
};
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

function client(fetch: typeof globalThis.fetch, options: Partial<ClientOptions> = {}) {
  return createClient({ baseUrl: 'http://api.test/', fetch, retry: { limit: 2, backoffLimit: 5 }, ...options });
}
const bodyOf = (seen: { body: string }) => JSON.parse(seen.body) as unknown;
const unavailable: Step = () => json({ error: { code: 'unavailable', message: 'busy' } }, 503);

describe('requests: following one', () => {
  it('get parses the full public view and, polled, sends the ETag and keeps the same object on 304', async () => {
    const { fetch, seen } = scriptedFetch(
      () => json(view, 200, { etag: '"a1"' }),
      () => new Response(null, { status: 304, headers: { etag: '"a1"' } }),
    );
    const api = client(fetch);
    const first = await api.requests.get('ds-7k2m-9qx4');
    assert.equal(first.timeline[1]?.actor.name, '王主任');
    assert.equal(first.photos[0]?.url, 'https://portal.example.cn/api/v1/photos/p-1');
    const second = await api.requests.get(CODE);
    assert.equal(second, first);
    assert.equal(seen[1]?.headers.get('if-none-match'), '"a1"');
  });

  it('an answer from a server without the workflow still parses, with empty defaults', async () => {
    const { timeline: _t, photos: _p, supportCount: _s, ratable: _r, rating: _g, ...old } = view;
    const { fetch } = scriptedFetch(() => json(old));
    const parsed = await client(fetch).requests.get(CODE);
    assert.deepEqual([parsed.timeline, parsed.photos, parsed.supportCount, parsed.ratable, parsed.rating], [[], [], 0, false, null]);
  });

  it('findOpen asks for open requests of a category in an area', async () => {
    const summary = { code: CODE, categoryId: 'public-light', areaId: 'b-1', areaPath: ['1号楼'], description: '灯不亮', status: 'accepted', supportCount: 2, createdAt: '2026-11-23T01:30:00.000Z' };
    const { fetch, seen } = scriptedFetch(() => json({ requests: [summary] }));
    const found = await client(fetch).requests.findOpen({ category: 'public-light', area: 'b-1' });
    assert.equal(found[0]?.supportCount, 2);
    const url = new URL(seen[0]!.url);
    assert.equal(url.pathname, '/v1/requests');
    assert.deepEqual(Object.fromEntries(url.searchParams), { category: 'public-light', area: 'b-1', status: 'open' });
  });

  it('support is an idempotent POST: a retry after a 503 sends the same key', async () => {
    const { fetch, seen } = scriptedFetch(unavailable, () => json({ code: CODE, supportCount: 4 }, 201));
    assert.deepEqual(await client(fetch).requests.support('ds 7k2m 9qx4'), { code: CODE, supportCount: 4 });
    assert.equal(seen.length, 2);
    assert.equal(new URL(seen[0]!.url).pathname, `/v1/requests/${CODE}/support`);
    assert.equal(seen[0]!.method, 'POST');
    assert.ok(seen[0]!.headers.get('idempotency-key'));
    assert.equal(seen[1]!.headers.get('idempotency-key'), seen[0]!.headers.get('idempotency-key'));
  });

  it('rate and reopen check their input before sending, then post it', async () => {
    const { fetch, seen } = scriptedFetch(
      () => json({ ...view, rating: { score: 5, comment: '很快', ratedAt: '2026-11-24T03:00:00.000Z' }, ratable: false }, 201),
      () => json({ ...view, status: 'in_progress' }),
    );
    const api = client(fetch);
    for (const bad of [{ score: 0 }, { score: 6 }, { score: 4.5 }]) {
      const error = await api.requests.rate(CODE, bad).catch((e: unknown) => e);
      assert.ok(error instanceof ValidationError && error.source === 'request', JSON.stringify(bad));
    }
    assert.ok((await api.requests.reopen(CODE, { reason: ' ' }).catch((e: unknown) => e)) instanceof ValidationError);
    assert.equal(seen.length, 0);

    const rated = await api.requests.rate(CODE, { score: 5, comment: '很快' }, { idempotencyKey: 'rate-1' });
    assert.equal(rated.rating?.score, 5);
    assert.deepEqual(bodyOf(seen[0]!), { score: 5, comment: '很快' });
    assert.equal(seen[0]!.headers.get('idempotency-key'), 'rate-1');
    const reopened = await api.requests.reopen(CODE, { reason: '又坏了' });
    assert.equal(reopened.status, 'in_progress');
    assert.equal(new URL(seen[1]!.url).pathname, `/v1/requests/${CODE}/reopen`);
  });

  it('a second rating comes back as ApiError 409 conflict', async () => {
    const { fetch } = scriptedFetch(() => json({ error: { code: 'conflict', message: '已经评价过了' } }, 409));
    const error = await client(fetch).requests.rate(CODE, { score: 3 }).catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 409);
    assert.equal(error.code, 'conflict');
  });
});

describe('requests.staff', () => {
  it('list sends the filters (a status list joined by commas) with the token and parses the page', async () => {
    const row = { ...staffView, photoCount: 1 };
    const page = {
      items: [{ code: row.code, categoryId: row.categoryId, areaId: row.areaId, areaPath: row.areaPath, description: row.description, status: row.status, contactName: row.contactName, contactPhone: row.contactPhone, assignedTo: null, expectedDate: null, supportCount: 3, photoCount: 1, mergedInto: null, createdAt: row.createdAt, updatedAt: row.updatedAt }],
      total: 41,
      page: 3,
      pageSize: 20,
    };
    const { fetch, seen } = scriptedFetch(() => json(page));
    const result = await client(fetch, { token: 'staff-token' }).requests.staff.list({ status: ['submitted', 'accepted'], area: 'c-1', from: '2026-11-01', page: 3 });
    assert.equal(result.total, 41);
    assert.equal(result.items[0]?.contactPhone, '13812345678');
    const url = new URL(seen[0]!.url);
    assert.equal(url.pathname, '/v1/staff/requests');
    assert.deepEqual(Object.fromEntries(url.searchParams), { status: 'submitted,accepted', area: 'c-1', from: '2026-11-01', page: '3', pageSize: '20' });
    assert.equal(seen[0]!.headers.get('authorization'), 'Bearer staff-token');
  });

  it('a bad filter is a ValidationError and nothing is sent', async () => {
    const { fetch, seen } = scriptedFetch(() => json({}));
    const error = await client(fetch).requests.staff.list({ status: 'done' as never, pageSize: 1000 }).catch((e: unknown) => e);
    assert.ok(error instanceof ValidationError);
    assert.deepEqual(Object.keys(error.fields).sort(), ['pageSize', 'status']);
    assert.equal(seen.length, 0);
  });

  it('each action posts to its path with an Idempotency-Key and returns the staff view', async () => {
    const { fetch, seen } = scriptedFetch(() => json(staffView));
    const staff = client(fetch, { token: 't' }).requests.staff;
    await staff.accept(CODE);
    await staff.start(CODE, { note: '明早上门' });
    await staff.resolve(CODE, { note: '已更换灯泡' });
    await staff.reject(CODE, { reason: '不属于社区' });
    await staff.close(CODE);
    await staff.assign(CODE, { assignee: '电工班' });
    await staff.note(CODE, { note: '内部', visibility: 'internal' });
    await staff.setExpectedDate(CODE, { expectedDate: null });
    const merged = await staff.merge('ds 7k2m 9qx4', { into: 'DS-2222-3333' });
    assert.equal(merged.consent?.privacyNoticeVersion, '2026-01');
    assert.deepEqual(
      seen.map((request) => new URL(request.url).pathname.replace(`/v1/staff/requests/${CODE}/`, '')),
      ['accept', 'start', 'resolve', 'reject', 'close', 'assign', 'notes', 'expected-date', 'merge'],
    );
    assert.deepEqual(bodyOf(seen[0]!), {});
    assert.deepEqual(bodyOf(seen[6]!), { note: '内部', visibility: 'internal' });
    assert.deepEqual(bodyOf(seen[7]!), { expectedDate: null });
    assert.ok(seen.every((request) => request.method === 'POST' && request.headers.get('idempotency-key')));
  });

  it('a rejection without a reason, a merge into a malformed code: ValidationError before sending', async () => {
    const { fetch, seen } = scriptedFetch(() => json(staffView));
    const staff = client(fetch).requests.staff;
    assert.ok((await staff.reject(CODE, { reason: '' }).catch((e: unknown) => e)) instanceof ValidationError);
    assert.ok((await staff.merge(CODE, { into: 'not-a-code' }).catch((e: unknown) => e)) instanceof ValidationError);
    assert.equal(seen.length, 0);
  });
});

describe('photos.upload', () => {
  it('sends the raw bytes with the type they really are, an Idempotency-Key, and reports progress', async () => {
    const stored = { id: 'p-9', contentType: 'image/png', byteSize: PNG.byteLength, url: 'http://api.test/v1/photos/p-9' };
    const { fetch, seen } = scriptedFetch(unavailable, () => json(stored, 201));
    const progress: Array<[number, number]> = [];
    const file = new File([PNG], 'IMG_0001.jpg', { type: 'image/jpeg' });
    const photo = await client(fetch).photos.upload(file, { onProgress: ({ loaded, total }) => progress.push([loaded, total]) });
    assert.deepEqual(photo, stored);
    assert.equal(seen.length, 2, 'retried after the 503');
    assert.equal(new URL(seen[0]!.url).pathname, '/v1/photos');
    assert.equal(seen[0]!.headers.get('content-type'), 'image/png');
    assert.equal(seen[1]!.headers.get('idempotency-key'), seen[0]!.headers.get('idempotency-key'));
    assert.equal(seen[1]!.body, new TextDecoder().decode(PNG));
    assert.deepEqual(progress, [[0, 12], [12, 12]]);
  });

  it('a file that is not a JPEG, PNG or WebP image is refused before anything is sent', async () => {
    const { fetch, seen } = scriptedFetch(() => json({}));
    const text = new File(['just some text'], 'photo.jpg', { type: 'image/jpeg' });
    const error = await client(fetch).photos.upload(text).catch((e: unknown) => e);
    assert.ok(error instanceof ValidationError);
    assert.deepEqual(Object.keys(error.fields), ['file']);
    assert.equal(seen.length, 0);
  });

  it('a photo over the server’s limit is an ApiError 413, not retried', async () => {
    const { fetch, seen } = scriptedFetch(() => json({ error: { code: 'payload_too_large', message: '照片太大' } }, 413));
    const error = await client(fetch).photos.upload(new Blob([PNG])).catch((e: unknown) => e);
    assert.ok(error instanceof ApiError && error.status === 413);
    assert.equal(seen.length, 1);
  });
});

describe('stats.requests', () => {
  it('sends area and period, parses the figures, and uses the ETag', async () => {
    const figures = { collected: 123, resolved: 111, resolutionRate: 0.902, medianResolutionSeconds: 86400 };
    const stats = { ...figures, area: 'c-1', from: '2026-10-31T16:00:00.000Z', to: null, byCategory: [{ categoryId: 'public-light', ...figures }] };
    const { fetch, seen } = scriptedFetch(() => json(stats, 200, { etag: '"s1"' }), () => new Response(null, { status: 304 }));
    const api = client(fetch);
    const first = await api.stats.requests({ area: 'c-1', from: '2026-11-01' });
    assert.equal(first.resolutionRate, 0.902);
    assert.deepEqual(Object.fromEntries(new URL(seen[0]!.url).searchParams), { area: 'c-1', from: '2026-11-01' });
    assert.equal(await api.stats.requests({ area: 'c-1', from: '2026-11-01' }), first);
    assert.equal(seen[1]!.headers.get('if-none-match'), '"s1"');
    assert.ok((await api.stats.requests({ from: 'last week' }).catch((e: unknown) => e)) instanceof ValidationError);
  });
});

describe('photos.upload in a browser (XMLHttpRequest)', () => {
  /** Just enough of XMLHttpRequest: records what is sent, reports progress in two steps, answers 201. */
  class FakeXhr {
    static last: FakeXhr | undefined;
    method = '';
    url = '';
    headers: Record<string, string> = {};
    sent: ArrayBuffer | undefined;
    responseType = '';
    status = 0;
    statusText = '';
    response: ArrayBuffer | null = null;
    upload: { onprogress: ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    ontimeout: (() => void) | null = null;
    constructor() {
      FakeXhr.last = this;
    }
    open(method: string, url: string) {
      this.method = method;
      this.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name.toLowerCase()] = value;
    }
    getAllResponseHeaders() {
      return 'content-type: application/json\r\netag: "p"\r\n';
    }
    abort() {}
    send(body: ArrayBuffer) {
      this.sent = body;
      setTimeout(() => {
        this.upload.onprogress?.({ loaded: 6, total: body.byteLength, lengthComputable: true });
        this.upload.onprogress?.({ loaded: body.byteLength, total: body.byteLength, lengthComputable: true });
        this.status = 201;
        this.response = new TextEncoder().encode(
          JSON.stringify({ id: 'p-7', contentType: 'image/png', byteSize: body.byteLength, url: 'http://api.test/v1/photos/p-7' }),
        ).buffer as ArrayBuffer;
        this.onload?.();
      }, 1);
    }
  }

  it('sends through XMLHttpRequest with the token and key, and passes its progress on', async (t) => {
    const saved = (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest;
    (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest = FakeXhr;
    t.after(() => {
      (globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest = saved;
    });
    const progress: number[] = [];
    const api = createClient({ baseUrl: 'http://api.test/', token: 'staff-or-not', locale: 'en' });
    const photo = await api.photos.upload(new Blob([PNG]), { onProgress: ({ loaded }) => progress.push(loaded), idempotencyKey: 'k-1' });
    assert.equal(photo.id, 'p-7');
    const xhr = FakeXhr.last!;
    assert.equal(xhr.method, 'POST');
    assert.equal(xhr.url, 'http://api.test/v1/photos');
    assert.equal(xhr.headers['content-type'], 'image/png');
    assert.equal(xhr.headers['idempotency-key'], 'k-1');
    assert.equal(xhr.headers.authorization, 'Bearer staff-or-not');
    assert.equal(xhr.headers['accept-language'], 'en');
    assert.deepEqual(new Uint8Array(xhr.sent!), PNG);
    assert.deepEqual(progress, [0, 6, 12, 12]);
  });
});
