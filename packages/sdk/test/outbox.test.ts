import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ApiError,
  NetworkError,
  createClient,
  createOutbox,
  isPermanentFailure,
  memoryOutboxStore,
  type Connectivity,
  type OutboxEvent,
  type OutboxStore,
  type ServiceRequestCreate,
  type ServiceRequestPublic,
} from '../src/index.js';
import { json, networkDown, scriptedFetch, type Step } from './fake-fetch.js';

const input: ServiceRequestCreate = { categoryId: 'public-light', areaId: 'b-1', description: '3单元楼道灯不亮了' };
const created = {
  code: 'DS-7K2M-9QX4',
  categoryId: 'public-light',
  areaId: 'b-1',
  areaPath: ['幸福区', '和平街道', '幸福里社区', '幸福花园', '1号楼'],
  description: '3单元楼道灯不亮了',
  status: 'submitted',
  contactName: null,
  contactPhone: null,
  createdAt: '2026-11-23T09:30:00+08:00',
  updatedAt: '2026-11-23T09:30:00+08:00',
};

/** A connection the test switches on and off, firing `online` like a browser. */
function fakeConnectivity(online = true) {
  const listeners = new Set<() => void>();
  const connectivity: Connectivity & { set(value: boolean): void } = {
    isOnline: () => online,
    onOnline(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(value) {
      online = value;
      if (value) for (const listener of listeners) listener();
    },
  };
  return connectivity;
}

/** An outbox that sends `requests.create` through a scripted fetch, with short delays. */
function setup(steps: Step[], options: { online?: boolean; store?: OutboxStore<ServiceRequestCreate, ServiceRequestPublic>; retryDelayMs?: number } = {}) {
  const { fetch, seen } = scriptedFetch(...steps);
  const client = createClient({ baseUrl: 'http://api.test', fetch, retry: 0 });
  const connectivity = fakeConnectivity(options.online ?? true);
  const store = options.store ?? memoryOutboxStore<ServiceRequestCreate, ServiceRequestPublic>();
  const events: OutboxEvent<ServiceRequestCreate, ServiceRequestPublic>[] = [];
  const name = `test-${Math.random()}`;
  const make = () =>
    createOutbox<ServiceRequestCreate, ServiceRequestPublic>({
      name,
      send: (payload, { idempotencyKey }) => client.requests.create(payload, { idempotencyKey }),
      store,
      connectivity,
      retryDelayMs: options.retryDelayMs ?? 20,
      maxRetryDelayMs: 200,
    });
  const outbox = make();
  outbox.subscribe((event) => events.push(event));
  const posts = () => seen.filter((request) => request.method === 'POST');
  return { outbox, make, seen, posts, events, connectivity, store };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 2000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('outbox', () => {
  it('sends an added entry once, with its key, and keeps the answer until removed', async () => {
    const { outbox, posts, events } = setup([() => json(created, 201)]);
    const entry = await outbox.add(input, { key: 'key-1', tag: 'form-a' });
    assert.equal(entry.status, 'pending');
    await outbox.flush();
    assert.equal(posts().length, 1);
    assert.equal(posts()[0]!.headers.get('idempotency-key'), 'key-1');
    assert.deepEqual(JSON.parse(posts()[0]!.body), input);
    const [stored] = await outbox.entries();
    assert.equal(stored!.status, 'delivered');
    assert.equal(stored!.tag, 'form-a');
    assert.equal(stored!.result?.code, 'DS-7K2M-9QX4');
    assert.deepEqual(
      events.map((event) => event.type),
      ['sending', 'delivered'],
    );
    await outbox.flush({ force: true });
    assert.equal(posts().length, 1, 'a delivered entry is never sent again');
    await outbox.remove('key-1');
    assert.deepEqual(await outbox.entries(), []);
  });

  it('waits while offline and sends when the connection returns, exactly once, reusing the key', async () => {
    const { outbox, posts, events, connectivity } = setup([networkDown, () => json(created, 201)], { online: false });
    outbox.start();
    await outbox.add(input, { key: 'offline-key', attempts: 1, error: new NetworkError('fetch failed') });
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.equal(posts().length, 0, 'nothing is tried while the device is offline');
    // Back online, but the first attempt still fails: it is retried after a back-off.
    connectivity.set(true);
    await until(() => events.some((event) => event.type === 'delivered'), 'delivery');
    outbox.stop();
    assert.equal(posts().length, 2);
    assert.deepEqual(
      posts().map((request) => request.headers.get('idempotency-key')),
      ['offline-key', 'offline-key'],
    );
    const failed = events.find((event) => event.type === 'failed');
    assert.ok(failed?.type === 'failed' && failed.error instanceof NetworkError);
    assert.equal(failed.entry.attempts, 2);
    assert.ok(failed.entry.nextAttemptAt > Date.now() - 1000);
    const [entry] = await outbox.entries();
    assert.equal(entry!.status, 'delivered');
    assert.equal(entry!.attempts, 3);
    assert.equal(entry!.error, undefined);
  });

  it('retries server trouble (503, 429) with growing delays', async () => {
    const unavailable: Step = () => json({ error: { code: 'unavailable', message: 'busy' } }, 503);
    const tooMany: Step = () => json({ error: { code: 'rate_limited', message: 'slow down' } }, 429);
    const { outbox, posts, events } = setup([unavailable, tooMany, () => json(created, 201)], { retryDelayMs: 30 });
    const times: number[] = [];
    outbox.subscribe((event) => event.type === 'sending' && times.push(Date.now()));
    outbox.start();
    await outbox.add(input);
    await until(() => events.some((event) => event.type === 'delivered'), 'delivery');
    outbox.stop();
    assert.equal(posts().length, 3);
    assert.equal(new Set(posts().map((request) => request.headers.get('idempotency-key'))).size, 1);
    // 30 ms then 60 ms, each ±20 %.
    assert.ok(times[1]! - times[0]! >= 24, `first retry after ${times[1]! - times[0]!} ms`);
    assert.ok(times[2]! - times[1]! >= 48, `second retry after ${times[2]! - times[1]!} ms`);
  });

  it('rejects for good what the server refuses, keeping the error to show', async () => {
    const refused: Step = () =>
      json({ error: { code: 'validation_failed', message: 'Invalid', fields: { areaId: 'Unknown area' } } }, 400);
    const { outbox, posts, events } = setup([refused]);
    await outbox.add(input, { key: 'bad' });
    await outbox.flush();
    await outbox.flush({ force: true });
    assert.equal(posts().length, 1);
    const rejected = events.find((event) => event.type === 'rejected');
    assert.ok(rejected?.type === 'rejected' && rejected.error instanceof ApiError);
    const [entry] = await outbox.entries();
    assert.equal(entry!.status, 'rejected');
    assert.deepEqual(entry!.error, {
      name: 'ApiError',
      message: 'Invalid',
      status: 400,
      code: 'validation_failed',
      fields: { areaId: 'Unknown area' },
    });
  });

  it('survives a "reload": a new outbox over the same store sends what the old one left', async () => {
    const store = memoryOutboxStore<ServiceRequestCreate, ServiceRequestPublic>();
    const first = setup([networkDown], { store });
    await first.outbox.add(input, { key: 'k', attempts: 1 });
    // The page goes away before the retry is due; the next page load starts its own outbox.
    const second = setup([() => json(created, 201)], { store });
    second.outbox.start();
    await until(() => second.events.some((event) => event.type === 'delivered'), 'delivery after reload');
    second.outbox.stop();
    assert.equal(first.posts().length, 0);
    assert.equal(second.posts().length, 1);
    assert.equal(second.posts()[0]!.headers.get('idempotency-key'), 'k');
  });

  it('never sends one entry twice at once, however many flushes and outboxes race', async () => {
    let release!: () => void;
    const slow: Step = async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return json(created, 201);
    };
    const { outbox, make, posts } = setup([slow, () => json(created, 201)]);
    const twin = make();
    await outbox.add(input, { key: 'race' });
    const flushes = [outbox.flush(), outbox.flush({ force: true }), twin.flush({ force: true })];
    await until(() => posts().length === 1, 'the first send');
    release();
    await Promise.all(flushes);
    assert.equal(posts().length, 1);
  });

  it('adding the same key twice keeps one entry', async () => {
    const { outbox } = setup([() => json(created, 201)]);
    const first = await outbox.add(input, { key: 'same' });
    const second = await outbox.add({ ...input, description: '另一个描述内容' }, { key: 'same' });
    assert.deepEqual(second, first);
    assert.equal((await outbox.entries()).length, 1);
  });

  it('sends oldest first and leaves entries that are not yet due', async () => {
    const { outbox, posts } = setup([() => json(created, 201)], { retryDelayMs: 60_000 });
    await outbox.add({ ...input, description: '第二个问题描述' }, { key: 'later', attempts: 1 });
    await outbox.add(input, { key: 'now' });
    await outbox.flush();
    assert.deepEqual(
      posts().map((request) => request.headers.get('idempotency-key')),
      ['now'],
    );
    await outbox.flush({ force: true });
    assert.deepEqual(
      posts().map((request) => request.headers.get('idempotency-key')),
      ['now', 'later'],
    );
  });

  it('forgets an entry removed while it is on its way, but still reports the delivery', async () => {
    let release!: () => void;
    const slow: Step = async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return json(created, 201);
    };
    const { outbox, posts, events } = setup([slow]);
    await outbox.add(input, { key: 'gone' });
    const flushing = outbox.flush();
    await until(() => posts().length === 1, 'the send');
    await outbox.remove('gone');
    release();
    await flushing;
    assert.deepEqual(await outbox.entries(), []);
    assert.ok(events.some((event) => event.type === 'delivered'));
  });

  it('drops settled entries nobody removed after keepSettledMs', async () => {
    const store = memoryOutboxStore<ServiceRequestCreate, ServiceRequestPublic>();
    await store.put({ key: 'old', payload: input, status: 'delivered', createdAt: 0, attempts: 1, nextAttemptAt: 0, settledAt: Date.now() - 8 * 24 * 3600 * 1000 });
    await store.put({ key: 'new', payload: input, status: 'rejected', createdAt: 1, attempts: 1, nextAttemptAt: 0, settledAt: Date.now() });
    const { outbox } = setup([() => json(created, 201)], { store });
    await outbox.flush();
    assert.deepEqual(
      (await outbox.entries()).map((entry) => entry.key),
      ['new'],
    );
  });

  it('keeps going when a subscriber throws', async () => {
    const { outbox, events } = setup([() => json(created, 201)]);
    const errors: unknown[] = [];
    const realError = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    outbox.subscribe(() => {
      throw new Error('bad listener');
    });
    try {
      await outbox.add(input);
      await outbox.flush();
    } finally {
      console.error = realError;
    }
    assert.ok(events.some((event) => event.type === 'delivered'));
    assert.ok(errors.length > 0);
  });

  it('classifies failures: network, timeout, 5xx, 408 and 429 may pass; other 4xx do not', () => {
    assert.equal(isPermanentFailure(new NetworkError('down')), false);
    assert.equal(isPermanentFailure(new ApiError(503, 'unavailable', 'busy')), false);
    assert.equal(isPermanentFailure(new ApiError(429, 'rate_limited', 'slow')), false);
    assert.equal(isPermanentFailure(new ApiError(408, 'timeout', 'slow')), false);
    assert.equal(isPermanentFailure(new ApiError(409, 'idempotency_key_reused', 'reused')), true);
    assert.equal(isPermanentFailure(new ApiError(422, 'unprocessable', 'no')), true);
  });
});
