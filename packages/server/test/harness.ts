/**
 * Runs a test file's cases on every backend: the embedded PGlite (always) and a real PostgreSQL
 * server when DOORSTEP_TEST_DATABASE_URL is set. Each suite gets a database of its own — PGlite in
 * memory or a temporary folder, PostgreSQL a uniquely named database created from that URL (the role
 * needs CREATEDB) and dropped afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import pg from 'pg';
import { STAFF_ROLES, type StaffRole } from '@doorstep/sdk';
import { createApp, openDatabase, type Database, type ServerConfig } from '../src/index.js';

export type DatabaseSettings = Pick<ServerConfig, 'databaseUrl' | 'dataDir'>;

export interface Backend {
  name: 'pglite' | 'postgresql';
  /**
   * Settings for a new, empty database and a function that removes it. `persistent` asks for one
   * that survives a close and reopen (PGlite in a folder rather than in memory).
   */
  fresh(options?: { persistent?: boolean }): Promise<{ settings: DatabaseSettings; drop(): Promise<void> }>;
}

const ADMIN_URL = process.env.DOORSTEP_TEST_DATABASE_URL;
const NO_POSTGRES = 'no PostgreSQL: set DOORSTEP_TEST_DATABASE_URL (a role with CREATEDB) to run these against a real server';

const pglite: Backend = {
  name: 'pglite',
  async fresh({ persistent = false } = {}) {
    if (!persistent) return { settings: { dataDir: 'memory://' }, drop: async () => {} };
    const dir = mkdtempSync(join(tmpdir(), 'doorstep-pglite-'));
    return { settings: { dataDir: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

async function asAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const postgresql: Backend = {
  name: 'postgresql',
  async fresh() {
    const name = `doorstep_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await asAdmin((client) => client.query(`CREATE DATABASE ${name}`));
    const url = new URL(ADMIN_URL!);
    url.pathname = `/${name}`;
    return {
      settings: { databaseUrl: url.toString(), dataDir: 'memory://' },
      drop: () => asAdmin(async (client) => void (await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
    };
  },
};

/** Defines the same suite once per backend; without PostgreSQL its variant is a skipped test that says why. */
export function forEachBackend(title: string, define: (backend: Backend) => void): void {
  for (const backend of [pglite, postgresql]) {
    if (backend === postgresql && !ADMIN_URL) test(`${title} [postgresql]`, (t) => t.skip(NO_POSTGRES));
    else describe(`${title} [${backend.name}]`, () => define(backend));
  }
}

/**
 * Staff tokens every test app accepts: one per role (the holder is named after it), plus one for
 * `admin`. Send them with {@link staffHeaders}.
 */
export const STAFF_TOKENS: Record<StaffRole, string> = Object.fromEntries(
  STAFF_ROLES.map((role) => [role, `test-${role}-token-`.padEnd(32, 'x')]),
) as Record<StaffRole, string>;

/** `Authorization` for a test staff token with `role`. */
export function staffHeaders(role: StaffRole): Record<string, string> {
  return { authorization: `Bearer ${STAFF_TOKENS[role]}` };
}

/** A configuration for tests: quiet, loopback, a free port, one allowed CORS origin, one token per role. */
export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: 'memory://',
    corsOrigins: [ALLOWED_ORIGIN],
    bodyLimitBytes: 64 * 1024,
    logRequests: false,
    staffTokens: STAFF_ROLES.map((role) => ({ token: STAFF_TOKENS[role], name: `staff:${role}`, roles: [role] })),
    ...overrides,
  };
}

export const ALLOWED_ORIGIN = 'https://portal.example.cn';

export interface AppContext {
  readonly db: Database;
  readonly app: Hono;
  /** Sends a request to the app in-process (no sockets). */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** POSTs `body` as JSON with optional extra headers. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
}

/** Opens a fresh database on `backend` before the suite's tests and removes it after them. */
export function useApp(backend: Backend, overrides: Partial<ServerConfig> = {}): AppContext {
  let db: Database | undefined;
  let app: Hono | undefined;
  let drop: (() => Promise<void>) | undefined;
  before(async () => {
    const fresh = await backend.fresh();
    drop = fresh.drop;
    db = await openDatabase(fresh.settings);
    app = createApp({ db, config: testConfig({ ...fresh.settings, ...overrides }) });
  });
  after(async () => {
    await db?.close();
    await drop?.();
  });
  const context: AppContext = {
    get db() {
      if (!db) throw new Error('useApp: the database is opened in before()');
      return db;
    },
    get app() {
      if (!app) throw new Error('useApp: the app is created in before()');
      return app;
    },
    request: async (path, init) => context.app.request(path, init),
    post: (path, body, headers = {}) =>
      context.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
  };
  return context;
}

/** How many service requests have exactly this description (tests use unique descriptions). */
export async function countRequests(db: Database, description: string): Promise<number> {
  const [row] = await db.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM service_requests WHERE description = $1`,
    [description],
  );
  return row?.count ?? 0;
}

let counter = 0;
/** A description no other test uses, so row counts are per test. */
export function uniqueDescription(label: string): string {
  return `${label} #${process.pid}-${Date.now()}-${++counter}`;
}
