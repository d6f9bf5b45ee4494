import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { STAFF_ROLES, type StaffRole } from '@doorstep/sdk';
import type { StaffToken } from './auth.js';
import { open311Config, type Open311Config } from './open311/config.js';
import { parseKeyRing, type EncryptionKey } from './field-cipher.js';

export interface ServerConfig {
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Interface to listen on. */
  host: string;
  /** A PostgreSQL connection string; when absent the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite's data folder (absolute), or `memory://` for a throwaway in-memory database. */
  dataDir: string;
  /** Origins allowed to call the API from a browser; `*` only when listed explicitly. */
  corsOrigins: string[];
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes: number;
  /** A folder served at `/` (index.html at `/`); API routes take precedence. */
  staticDir?: string;
  /** One line per request on stdout (method, path, status, ms), and internal errors on stderr. */
  logRequests: boolean;
  /** Bearer tokens for the staff API, each with a name and roles. None: the staff API answers 401. */
  staffTokens: StaffToken[];
  /** The Open311 GeoReport v2 facade: API keys, jurisdiction, default area (see `open311/config.ts`). */
  open311?: Open311Config;
  /**
   * Keys that encrypt elder-care applications at rest (`DOORSTEP_ELDERCARE_KEYS`): the first seals, all open.
   * Unset outside production: `startServer` uses a development key kept in the data folder.
   */
  eldercareKeys?: EncryptionKey[];
  /** Largest photo accepted by `POST /v1/photos`, in bytes (its own limit: photos are bigger than JSON). */
  photoMaxBytes?: number;
  /**
   * The API's public address (e.g. `https://portal.example.cn/api`), for absolute links such as photo URLs
   * when the server sits behind a proxy under a path; by default links use the address a request came to.
   */
  publicUrl?: string;
}

/** A configuration value that cannot be used; the message names the environment variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid ${variable}: ${message}`);
  }
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '0.0.0.0';
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;
export const DEFAULT_PHOTO_MAX_BYTES = 5 * 1024 * 1024;

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function wholeNumber(env: Env, name: string, fallback: number, range: { min: number; max: number }): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `"${raw}" is not a whole number`);
  const value = Number(raw);
  if (value < range.min || value > range.max) {
    throw new ConfigError(name, `${value} is outside ${range.min}–${range.max}`);
  }
  return value;
}

function databaseUrl(env: Env): string | undefined {
  const raw = read(env, 'DATABASE_URL');
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'not a URL (expected postgres://user:password@host:5432/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `expected a postgres:// URL, got ${url.protocol}//…`);
  }
  return raw;
}

function corsOrigins(env: Env): string[] {
  const raw = read(env, 'DOORSTEP_CORS_ORIGINS');
  if (raw === undefined) return [];
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      if (entry === '*') return entry;
      let url: URL;
      try {
        url = new URL(entry);
      } catch {
        throw new ConfigError('DOORSTEP_CORS_ORIGINS', `"${entry}" is not an origin like https://portal.example.cn`);
      }
      const isBare = url.pathname === '/' && !url.search && !url.hash && !entry.endsWith('/');
      if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !isBare) {
        throw new ConfigError('DOORSTEP_CORS_ORIGINS', `"${entry}" is not an origin like https://portal.example.cn`);
      }
      return url.origin;
    });
}

function staticDir(env: Env, cwd: string): string | undefined {
  const raw = read(env, 'DOORSTEP_STATIC_DIR');
  if (raw === undefined) return undefined;
  const dir = resolve(cwd, raw);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ConfigError('DOORSTEP_STATIC_DIR', `${dir} is not a folder`);
  }
  return dir;
}

function logRequests(env: Env): boolean {
  const raw = read(env, 'DOORSTEP_LOG_REQUESTS')?.toLowerCase();
  if (raw === undefined || ['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError('DOORSTEP_LOG_REQUESTS', `"${raw}" is not one of true/false/1/0`);
}

function publicUrl(env: Env): string | undefined {
  const raw = read(env, 'DOORSTEP_PUBLIC_URL');
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DOORSTEP_PUBLIC_URL', `"${raw}" is not a URL like https://portal.example.cn/api`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    throw new ConfigError('DOORSTEP_PUBLIC_URL', `"${raw}" is not a URL like https://portal.example.cn/api`);
  }
  return url.href.replace(/\/+$/, '');
}

/** Shortest token accepted: anything guessable would open residents' personal data. */
export const MIN_TOKEN_LENGTH = 24;

function staffTokens(env: Env): StaffToken[] {
  const name = 'DOORSTEP_STAFF_TOKENS';
  const raw = read(env, name);
  if (raw === undefined) return [];
  const example = `expected JSON like [{"token":"<${MIN_TOKEN_LENGTH}+ random characters>","name":"王主任","roles":["requests"]}]`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError(name, `not valid JSON (${example})`);
  }
  if (!Array.isArray(parsed)) throw new ConfigError(name, example);
  const seen = new Set<string>();
  return parsed.map((entry: unknown, index) => {
    const { token, name: holder, roles } = (entry ?? {}) as Record<string, unknown>;
    const where = `entry ${index + 1}`;
    if (typeof token !== 'string' || token.length < MIN_TOKEN_LENGTH || /\s/.test(token)) {
      throw new ConfigError(name, `${where}: "token" must be at least ${MIN_TOKEN_LENGTH} characters without spaces`);
    }
    if (seen.has(token)) throw new ConfigError(name, `${where}: the same token is listed twice`);
    seen.add(token);
    if (typeof holder !== 'string' || !holder.trim()) throw new ConfigError(name, `${where}: "name" is required`);
    if (!Array.isArray(roles) || roles.length === 0) throw new ConfigError(name, `${where}: "roles" must be a non-empty list`);
    for (const role of roles) {
      if (!(STAFF_ROLES as readonly unknown[]).includes(role)) {
        throw new ConfigError(name, `${where}: unknown role ${JSON.stringify(role)} (one of ${STAFF_ROLES.join(', ')})`);
      }
    }
    return { token, name: holder.trim(), roles: roles as StaffRole[] };
  });
}

function eldercareKeys(env: Env): EncryptionKey[] | undefined {
  const name = 'DOORSTEP_ELDERCARE_KEYS';
  const raw = read(env, name);
  if (raw === undefined) {
    // Personal and health data must never be sealed with a key nobody chose: production names its keys.
    if (read(env, 'NODE_ENV') === 'production') {
      throw new ConfigError(name, 'required when NODE_ENV=production (e.g. k1:<output of openssl rand -base64 32>); see docs/eldercare.md');
    }
    return undefined;
  }
  try {
    return parseKeyRing(raw);
  } catch (error) {
    throw new ConfigError(name, (error as Error).message);
  }
}

/**
 * Reads the configuration from environment variables (by default `process.env`), checking every value.
 * @throws {ConfigError} naming the variable when a value cannot be used.
 */
export function loadConfig(env: Env = process.env): ServerConfig {
  const cwd = process.cwd();
  const dataDirRaw = read(env, 'DOORSTEP_DATA_DIR');
  const config: ServerConfig = {
    port: wholeNumber(env, 'PORT', DEFAULT_PORT, { min: 0, max: 65_535 }),
    host: read(env, 'HOST') ?? DEFAULT_HOST,
    dataDir: dataDirRaw?.startsWith('memory://') ? dataDirRaw : resolve(cwd, dataDirRaw ?? '.data/pglite'),
    corsOrigins: corsOrigins(env),
    bodyLimitBytes: wholeNumber(env, 'DOORSTEP_BODY_LIMIT', DEFAULT_BODY_LIMIT_BYTES, { min: 1, max: 100 * 1024 * 1024 }),
    logRequests: logRequests(env),
    staffTokens: staffTokens(env),
    open311: open311Config(env, (variable, message) => new ConfigError(variable, message)),
    photoMaxBytes: wholeNumber(env, 'DOORSTEP_PHOTO_MAX_BYTES', DEFAULT_PHOTO_MAX_BYTES, { min: 1024, max: 50 * 1024 * 1024 }),
  };
  const url = databaseUrl(env);
  if (url !== undefined) config.databaseUrl = url;
  const keys = eldercareKeys(env);
  if (keys !== undefined) config.eldercareKeys = keys;
  const dir = staticDir(env, cwd);
  if (dir !== undefined) config.staticDir = dir;
  const base = publicUrl(env);
  if (base !== undefined) config.publicUrl = base;
  return config;
}
