import { ApiError, ValidationError } from './errors.js';
import { newIdempotencyKey } from './transport.js';

/**
 * An outbox: submissions that could not be sent yet (offline, a dropped connection, a server in
 * trouble), kept on the device and sent when they can be — each **exactly once**, because every
 * attempt reuses the idempotency key the submission was given when it was first made, and the server
 * answers a repeated key with its first result.
 *
 * The queue lives in IndexedDB in browsers (so a reload, a closed tab or a crash loses nothing) and
 * in memory elsewhere; pass `store` to keep it somewhere else. No DOM is needed besides IndexedDB,
 * `navigator.onLine` and the `online` event, each used only where it exists.
 */

/** Where an entry is: waiting to be sent, sent (with the answer), or refused for good (with the error). */
export type OutboxStatus = 'pending' | 'delivered' | 'rejected';

/** A failure as it can be stored (structured-cloneable): enough to show it again after a reload. */
export interface OutboxError {
  name: string;
  message: string;
  /** The HTTP status, for an `ApiError`. */
  status?: number;
  /** The API's error code, for an `ApiError`. */
  code?: string;
  /** Per-field messages, for an `ApiError` or a `ValidationError`. */
  fields?: Record<string, string>;
}

export interface OutboxEntry<P, R = unknown> {
  /** The idempotency key: the entry's id, and sent unchanged with every attempt. */
  key: string;
  /** What to send. Must survive structured cloning (plain data, `Blob`s and `File`s are fine). */
  payload: P;
  /** Lets several users of one outbox find their own entries (e.g. a form's draft key). */
  tag?: string;
  status: OutboxStatus;
  /** When it was added (ms since the epoch). */
  createdAt: number;
  /** Attempts made so far, including one made before the entry was added (see {@link AddOptions.attempts}). */
  attempts: number;
  /** When the next attempt is due (ms since the epoch), for a pending entry. */
  nextAttemptAt: number;
  /** When it was delivered or rejected. */
  settledAt?: number;
  /** The last failure: why it is still pending, or why it was rejected. */
  error?: OutboxError;
  /** The answer, once delivered. */
  result?: R;
}

/** How an outbox keeps its entries. Each method is one small transaction. */
export interface OutboxStore<P, R = unknown> {
  getAll(): Promise<OutboxEntry<P, R>[]>;
  get(key: string): Promise<OutboxEntry<P, R> | undefined>;
  put(entry: OutboxEntry<P, R>): Promise<void>;
  delete(key: string): Promise<void>;
}

/** What an outbox tells its subscribers. */
export type OutboxEvent<P, R = unknown> =
  /** An attempt is starting. */
  | { type: 'sending'; entry: OutboxEntry<P, R> }
  /** The server accepted it; `entry.result` is its answer. */
  | { type: 'delivered'; entry: OutboxEntry<P, R> }
  /** It failed in a way that may pass (network, timeout, 5xx, 429); it is tried again at `entry.nextAttemptAt`. */
  | { type: 'failed'; entry: OutboxEntry<P, R>; error: unknown }
  /** The server refused it (a 4xx other than 408/429, or invalid input): sending it again cannot help. */
  | { type: 'rejected'; entry: OutboxEntry<P, R>; error: unknown };

export interface Connectivity {
  /** `false` when the device knows it is offline (no attempt is made then). */
  isOnline(): boolean;
  /** Calls `listener` when the connection comes back; returns a function that stops listening. */
  onOnline(listener: () => void): () => void;
}

export interface OutboxOptions<P, R> {
  /** Names the queue (e.g. `requests`); two outboxes with one name share their entries, across tabs too. */
  name: string;
  /** Sends one entry. Must pass `idempotencyKey` on to the server (e.g. `client.requests.create(p, { idempotencyKey })`). */
  send: (payload: P, options: { idempotencyKey: string }) => Promise<R>;
  /** Where entries are kept: IndexedDB when the environment has it, else memory. */
  store?: OutboxStore<P, R>;
  /** Whether an error means "never send this again". Default: an `ApiError` with a 4xx status other than 408 and 429, or a `ValidationError`. */
  isPermanent?: (error: unknown) => boolean;
  /** Delay before the first retry, in ms (default 5000); it doubles each attempt. */
  retryDelayMs?: number;
  /** Longest delay between attempts, in ms (default 300000, five minutes). */
  maxRetryDelayMs?: number;
  /** Delivered and rejected entries nobody removed are dropped after this many ms (default 7 days). */
  keepSettledMs?: number;
  /** Online state and the "back online" signal; by default `navigator.onLine` and the `online` event. */
  connectivity?: Connectivity;
}

export interface AddOptions {
  /** The idempotency key to send under; pass the key of an attempt already made, so its retries cannot file twice. Default: a new key. */
  key?: string;
  /** See {@link OutboxEntry.tag}. */
  tag?: string;
  /** Attempts already made (e.g. 1 after a failed direct send): the first retry waits accordingly. Default 0: due at once. */
  attempts?: number;
  /** The failure of those attempts, kept on the entry. */
  error?: unknown;
}

export interface Outbox<P, R> {
  /** Queues a submission; it is sent on the next flush when due (at once when started and online). */
  add(payload: P, options?: AddOptions): Promise<OutboxEntry<P, R>>;
  /** Every entry, oldest first: pending, and delivered or rejected ones not yet removed. */
  entries(): Promise<OutboxEntry<P, R>[]>;
  /** Forgets an entry (a pending one is then never sent). Remove delivered and rejected entries once their outcome is shown. */
  remove(key: string): Promise<void>;
  /**
   * Sends the pending entries that are due, oldest first, one at a time; `force` sends every pending
   * entry now. Concurrent flushes (in this page or another tab) never send one entry twice at once.
   */
  flush(options?: { force?: boolean }): Promise<void>;
  /** Starts sending by itself: now, when the connection returns, and as retries fall due. */
  start(): void;
  /** Stops sending by itself (entries stay). */
  stop(): void;
  /** Calls `listener` with every event; returns a function that unsubscribes. */
  subscribe(listener: (event: OutboxEvent<P, R>) => void): () => void;
}

/** The default {@link OutboxOptions.isPermanent}. */
export function isPermanentFailure(error: unknown): boolean {
  if (error instanceof ValidationError) return true;
  if (error instanceof ApiError) return error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
  return false;
}

/** A plain, storable copy of an error. */
export function toOutboxError(error: unknown): OutboxError {
  if (error instanceof ApiError) {
    return { name: error.name, message: error.message, status: error.status, code: error.code, fields: { ...error.fields } };
  }
  if (error instanceof ValidationError) return { name: error.name, message: error.message, fields: { ...error.fields } };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** An in-memory store: for Node, tests, and browsers without IndexedDB (entries then last as long as the page). */
export function memoryOutboxStore<P, R = unknown>(): OutboxStore<P, R> {
  const entries = new Map<string, OutboxEntry<P, R>>();
  // Copies in and out, as IndexedDB's structured cloning does, so callers cannot share state by accident.
  const copy = (entry: OutboxEntry<P, R>) => structuredClone(entry);
  return {
    getAll: async () => [...entries.values()].map(copy),
    get: async (key) => {
      const entry = entries.get(key);
      return entry && copy(entry);
    },
    put: async (entry) => void entries.set(entry.key, copy(entry)),
    delete: async (key) => void entries.delete(key),
  };
}

const STORE = 'entries';

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** A store in IndexedDB: database `doorstep-outbox-<name>`, one object store keyed by the idempotency key. */
export function indexedDbOutboxStore<P, R = unknown>(name: string, factory: IDBFactory = indexedDB): OutboxStore<P, R> {
  let opened: Promise<IDBDatabase> | undefined;
  const open = (): Promise<IDBDatabase> => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(`doorstep-outbox-${name}`, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
      request.onsuccess = () => {
        const db = request.result;
        // Another tab upgrading the database asks us to let go; the next call opens it again.
        db.onversionchange = () => {
          db.close();
          opened = undefined;
        };
        resolve(db);
      };
      request.onerror = () => {
        opened = undefined;
        reject(request.error);
      };
    });
    return opened;
  };
  const run = async <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const transaction = (await open()).transaction(STORE, mode);
    const result = promised(work(transaction.objectStore(STORE)));
    // Resolve only once the transaction is durable, not when the request alone succeeds.
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    });
    return result;
  };
  return {
    getAll: () => run('readonly', (store) => store.getAll() as IDBRequest<OutboxEntry<P, R>[]>),
    get: (key) => run('readonly', (store) => store.get(key) as IDBRequest<OutboxEntry<P, R> | undefined>),
    put: async (entry) => void (await run('readwrite', (store) => store.put(entry))),
    delete: async (key) => void (await run('readwrite', (store) => store.delete(key))),
  };
}

const browserConnectivity: Connectivity = {
  isOnline: () => typeof navigator === 'undefined' || navigator.onLine !== false,
  onOnline(listener) {
    if (typeof addEventListener !== 'function') return () => {};
    addEventListener('online', listener);
    return () => removeEventListener('online', listener);
  },
};

// Flushes of one outbox name take turns: across tabs through the Web Locks API where there is one,
// within this realm through a promise chain (which also covers environments without it).
const turns = new Map<string, Promise<unknown>>();
function exclusive(name: string, work: () => Promise<void>): Promise<void> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  const previous = turns.get(name) ?? Promise.resolve();
  const next = previous.then(() => (locks ? locks.request(`doorstep-outbox-${name}`, work) : work()));
  turns.set(name, next.catch(() => undefined));
  return next;
}

const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * Makes an outbox. Add what could not be sent with {@link Outbox.add}, {@link Outbox.start} it, and
 * {@link Outbox.subscribe} to hear what happened to each entry — also to entries added before a reload.
 *
 * @example
 * const outbox = createOutbox({
 *   name: 'requests',
 *   send: (input, { idempotencyKey }) => client.requests.create(input, { idempotencyKey }),
 * });
 * outbox.subscribe((event) => { if (event.type === 'delivered') showCode(event.entry.result.code); });
 * outbox.start();
 * try {
 *   await client.requests.create(input, { idempotencyKey: key });
 * } catch (error) {
 *   if (error instanceof NetworkError) await outbox.add(input, { key, attempts: 1, error });
 * }
 */
export function createOutbox<P, R = unknown>(options: OutboxOptions<P, R>): Outbox<P, R> {
  const { name, send } = options;
  const store = options.store ?? (typeof indexedDB === 'undefined' ? memoryOutboxStore<P, R>() : indexedDbOutboxStore<P, R>(name));
  const isPermanent = options.isPermanent ?? isPermanentFailure;
  const retryDelayMs = options.retryDelayMs ?? 5_000;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 300_000;
  const keepSettledMs = options.keepSettledMs ?? 7 * 24 * 3600 * 1000;
  const connectivity = options.connectivity ?? browserConnectivity;
  const listeners = new Set<(event: OutboxEvent<P, R>) => void>();
  let started = false;
  let stopListening: (() => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const emit = (event: OutboxEvent<P, R>) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        // One failing subscriber must not stop the queue or the others.
        console.error('Doorstep outbox: a subscriber threw', error);
      }
    }
  };

  /** Exponential back-off with ±20 % jitter, so many devices coming back online do not all retry at once. */
  const delayFor = (attempts: number) =>
    Math.min(maxRetryDelayMs, retryDelayMs * 2 ** Math.max(0, attempts - 1) * (0.8 + Math.random() * 0.4));

  const oldestFirst = (a: OutboxEntry<P, R>, b: OutboxEntry<P, R>) => a.createdAt - b.createdAt;

  async function attempt(entry: OutboxEntry<P, R>): Promise<void> {
    emit({ type: 'sending', entry });
    const attempts = entry.attempts + 1;
    try {
      const result = await send(entry.payload, { idempotencyKey: entry.key });
      const { error: _previousError, ...rest } = entry;
      const delivered: OutboxEntry<P, R> = { ...rest, status: 'delivered', attempts, result, settledAt: Date.now() };
      // Removed while on its way (the resident gave up on it): it was still delivered, so say so, but keep nothing.
      if (await store.get(entry.key)) await store.put(delivered);
      emit({ type: 'delivered', entry: delivered });
    } catch (error) {
      const failed: OutboxEntry<P, R> = isPermanent(error)
        ? { ...entry, status: 'rejected', attempts, error: toOutboxError(error), settledAt: Date.now() }
        : { ...entry, attempts, error: toOutboxError(error), nextAttemptAt: Date.now() + delayFor(attempts) };
      if (await store.get(entry.key)) await store.put(failed);
      emit(failed.status === 'rejected' ? { type: 'rejected', entry: failed, error } : { type: 'failed', entry: failed, error });
    }
  }

  async function schedule(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    if (!started) return;
    const pending = (await store.getAll()).filter((entry) => entry.status === 'pending');
    if (pending.length === 0 || !started) return;
    const due = Math.min(...pending.map((entry) => entry.nextAttemptAt));
    // Offline, the `online` event is the signal to wait for; a slow check still runs in case it never comes.
    const wait = connectivity.isOnline() ? due - Date.now() : maxRetryDelayMs;
    clearTimeout(timer);
    timer = setTimeout(() => void flush().catch(reportStoreFailure), Math.min(LONGEST_TIMER_MS, Math.max(0, wait)));
  }

  async function flush({ force = false }: { force?: boolean } = {}): Promise<void> {
    if (connectivity.isOnline()) {
      await exclusive(name, async () => {
        const tried = new Set<string>();
        // Re-read before each send: another tab (or a remove) may have settled an entry meanwhile.
        for (;;) {
          const now = Date.now();
          const all = await store.getAll();
          for (const stale of all.filter((entry) => entry.status !== 'pending' && now - (entry.settledAt ?? 0) > keepSettledMs)) {
            await store.delete(stale.key);
          }
          const next = all
            .filter((entry) => entry.status === 'pending' && !tried.has(entry.key) && (force || entry.nextAttemptAt <= now))
            .sort(oldestFirst)[0];
          if (!next) break;
          tried.add(next.key);
          await attempt(next);
          if (!connectivity.isOnline()) break;
        }
      });
    }
    await schedule();
  }

  function reportStoreFailure(error: unknown): void {
    console.error(`Doorstep outbox "${name}": its storage failed`, error);
  }

  return {
    async add(payload, addOptions = {}) {
      const key = addOptions.key ?? newIdempotencyKey();
      // Adding the same key twice keeps the first entry: the submission it stands for is the same one.
      const existing = await store.get(key);
      if (existing) return existing;
      const now = Date.now();
      const attempts = addOptions.attempts ?? 0;
      const entry: OutboxEntry<P, R> = {
        key,
        payload,
        ...(addOptions.tag === undefined ? {} : { tag: addOptions.tag }),
        status: 'pending',
        createdAt: now,
        attempts,
        nextAttemptAt: attempts > 0 ? now + delayFor(attempts) : now,
        ...(addOptions.error === undefined ? {} : { error: toOutboxError(addOptions.error) }),
      };
      await store.put(entry);
      if (started) void (attempts > 0 ? schedule() : flush()).catch(reportStoreFailure);
      return entry;
    },
    async entries() {
      return (await store.getAll()).sort(oldestFirst);
    },
    async remove(key) {
      await store.delete(key);
    },
    flush,
    start() {
      if (started) return;
      started = true;
      stopListening = connectivity.onOnline(() => void flush({ force: true }).catch(reportStoreFailure));
      // A new page load is a fresh chance: what waited before the reload is tried at once.
      void flush({ force: true }).catch(reportStoreFailure);
    },
    stop() {
      started = false;
      stopListening?.();
      stopListening = undefined;
      clearTimeout(timer);
      timer = undefined;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
