import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient } from '../src/index.js';
import { json, scriptedFetch, type Step } from './fake-fetch.js';

const categories = { categories: [{ id: 'x', name: { 'zh-CN': '其他' }, allowAnonymous: true }] };

/** A step that answers when `release()` is called, so several calls are in flight together. */
function held(answer: () => Response): { step: Step; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { step: async () => (await gate, answer()), release };
}

const client = (fetch: typeof globalThis.fetch) => createClient({ baseUrl: 'http://api.test/', fetch, retry: 0 });

describe('reads in flight together', () => {
  it('share one request and one answer', async () => {
    const { step, release } = held(() => json(categories));
    const { fetch, seen } = scriptedFetch(step);
    const api = client(fetch);
    const calls = [api.categories.list(), api.categories.list(), api.categories.list()];
    release();
    const [first, ...others] = await Promise.all(calls);
    assert.equal(seen.length, 1);
    for (const other of others) assert.equal(other, first);
  });

  it('ask again once the first answer is in, and keep different queries apart', async () => {
    const { fetch, seen } = scriptedFetch(() => json({ areas: [] }));
    const api = client(fetch);
    await api.areas.list({ parent: 'p-1' });
    await Promise.all([api.areas.list({ parent: 'p-1' }), api.areas.list({ parent: 'p-2' })]);
    assert.deepEqual(
      seen.map((request) => new URL(request.url).search),
      ['?parent=p-1', '?parent=p-1', '?parent=p-2'],
    );
  });

  it("let one caller abort without failing the others", async () => {
    const { step, release } = held(() => json(categories));
    const { fetch, seen } = scriptedFetch(step);
    const api = client(fetch);
    const controller = new AbortController();
    const leaving = api.categories.list({ signal: controller.signal });
    const staying = api.categories.list();
    controller.abort();
    await assert.rejects(leaving, { name: 'AbortError' });
    release();
    assert.equal((await staying)[0]?.id, 'x');
    assert.equal(seen.length, 1);
  });

  it('share a failure, and the next read asks again', async () => {
    const { step, release } = held(() => json({ error: { code: 'not_found', message: 'gone' } }, 404));
    const { fetch, seen } = scriptedFetch(step, () => json(categories));
    const api = client(fetch);
    const calls = [api.categories.list(), api.categories.list()];
    release();
    const results = await Promise.allSettled(calls);
    assert.deepEqual(results.map((result) => result.status), ['rejected', 'rejected']);
    assert.equal((await api.categories.list())[0]?.id, 'x');
    assert.equal(seen.length, 2);
  });

  it('never join writes', async () => {
    const created = {
      code: 'DS-7K2M-9QX4', categoryId: 'x', areaId: 'b-1', areaPath: [], description: '楼道灯不亮了', status: 'submitted',
      contactName: null, contactPhone: null, createdAt: '2026-11-23T09:30:00+08:00', updatedAt: '2026-11-23T09:30:00+08:00',
    };
    const { fetch, seen } = scriptedFetch(() => json(created, 201));
    const api = client(fetch);
    const input = { categoryId: 'x', areaId: 'b-1', description: '楼道灯不亮了' };
    await Promise.allSettled([api.requests.create(input), api.requests.create(input)]);
    assert.equal(seen.filter((request) => request.method === 'POST').length, 2);
  });
});
