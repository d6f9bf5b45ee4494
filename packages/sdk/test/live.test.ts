// The SDK against the real reference server, as its own process on loopback.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ApiError, createClient, type AreaNode } from '../src/index.js';
import { startFaultyProxy, startLiveServer } from './live-server.js';

let server: Awaited<ReturnType<typeof startLiveServer>>;
let proxy: Awaited<ReturnType<typeof startFaultyProxy>>;

before(async () => {
  server = await startLiveServer();
  proxy = await startFaultyProxy(server.url);
});
after(async () => {
  await proxy?.stop();
  await server?.stop();
});
beforeEach(() => {
  proxy.faults.length = 0;
  proxy.passed.length = 0;
});

const api = () => createClient({ baseUrl: proxy.url, retry: { limit: 2, backoffLimit: 50 } });

function buildings(nodes: AreaNode[]): AreaNode[] {
  return nodes.flatMap((node) => (node.level === 'building' ? [node] : buildings(node.children)));
}

async function someReport() {
  const [category] = await api().categories.list();
  const [building] = buildings(await api().areas.list());
  assert.ok(category && building, 'the seed has categories and buildings');
  return { categoryId: category.id, areaId: building.id, description: '3单元楼道灯不亮了，晚上很黑', contactName: '张三丰', contactPhone: '13812345678',
    consent: { privacyNoticeVersion: '2026-01' } };
}

describe('SDK against the live server', () => {
  it('reads the seeded area tree down to buildings, and one level with parent', async () => {
    const tree = await api().areas.list();
    assert.equal(tree[0]?.level, 'district');
    const all = buildings(tree);
    assert.ok(all.length > 0);
    const children = await api().areas.list({ parent: tree[0]!.id });
    assert.deepEqual(
      children.map((child) => child.id),
      tree[0]!.children.map((child) => child.id),
    );
  });

  it('lists categories with names in every locale', async () => {
    const categories = await api().categories.list();
    assert.ok(categories.length >= 5);
    for (const category of categories) assert.ok(category.name['zh-CN'] && category.name.en && category.name['zh-TW']);
  });

  it('creates a request and reads it back by code, contact masked', async () => {
    const report = await someReport();
    const created = await api().requests.create(report);
    assert.match(created.code, /^DS-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    assert.equal(created.status, 'submitted');
    const read = await api().requests.get(created.code.toLowerCase());
    assert.equal(read.description, report.description);
    assert.equal(read.contactPhone, '138****5678');
    assert.equal(read.contactName, '张**');
  });

  it('turns a 404 into an ApiError', async () => {
    const error = await api().requests.get('DS-2222-2222').catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 404);
    assert.equal(error.code, 'not_found');
  });

  it('gets a localized validation error from the server', async () => {
    const report = await someReport();
    const error = await createClient({ baseUrl: server.url, locale: 'en' })
      .requests.create({ ...report, areaId: 'no-such-area' })
      .catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 422);
    assert.ok(error.fields['areaId'], 'the area field is named');
  });

  it('creates once when the first answer is lost and the client retries', async () => {
    const report = await someReport();
    proxy.faults.push({ kind: 'lose-answer' });
    const created = await api().requests.create(report);
    const posts = proxy.passed.filter((request) => request.method === 'POST');
    assert.equal(posts.length, 2, 'the server saw the request twice');
    assert.equal(posts[0]?.status, 'lost');
    assert.equal(posts[0]?.idempotencyKey, posts[1]?.idempotencyKey);
    assert.equal(posts[1]?.replayed, 'true', 'the second answer is the stored first one');
    assert.equal((await api().requests.get(created.code)).description, report.description);
  });

  it('replays the first result for a repeated key, even much later', async () => {
    const report = await someReport();
    const first = await api().requests.create(report, { idempotencyKey: 'outbox-item-1' });
    const again = await api().requests.create(report, { idempotencyKey: 'outbox-item-1' });
    assert.equal(again.code, first.code);
  });

  it('retries a read on 503 with Retry-After and on a lost answer', async () => {
    proxy.faults.push({ kind: 'status', status: 503, headers: { 'retry-after': '1' } }, { kind: 'lose-answer' });
    const started = performance.now();
    const categories = await api().categories.list();
    assert.ok(categories.length > 0);
    assert.equal(proxy.passed.length, 3);
    assert.ok(performance.now() - started >= 900, 'waited for Retry-After');
  });

  it('does not retry a create that failed validation on the server', async () => {
    const report = await someReport();
    const error = await api().requests.create({ ...report, categoryId: 'no-such-category' }).catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(proxy.passed.filter((request) => request.method === 'POST').length, 1);
  });
});
