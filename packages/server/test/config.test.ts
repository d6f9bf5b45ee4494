import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../src/index.js';

test('defaults: port 8787 on all interfaces, PGlite under <cwd>/.data/pglite, no CORS origins, 64 KB', () => {
  assert.deepEqual(loadConfig({}), {
    port: 8787,
    host: '0.0.0.0',
    dataDir: resolve(process.cwd(), '.data/pglite'),
    corsOrigins: [],
    bodyLimitBytes: 65536,
    logRequests: true,
    staffTokens: [],
    photoMaxBytes: 5 * 1024 * 1024,
    open311: { apiKeys: [] },
  });
});

test('every variable is read', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'doorstep-config-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const config = loadConfig({
    PORT: '9000',
    HOST: '127.0.0.1',
    DATABASE_URL: 'postgres://u:p@db:5432/doorstep',
    DOORSTEP_DATA_DIR: 'memory://',
    DOORSTEP_CORS_ORIGINS: 'https://portal.example.cn, http://localhost:5173',
    DOORSTEP_BODY_LIMIT: '1024',
    DOORSTEP_STATIC_DIR: dir,
    DOORSTEP_LOG_REQUESTS: 'false',
    DOORSTEP_STAFF_TOKENS: JSON.stringify([{ token: 'a'.repeat(24), name: ' 王主任 ', roles: ['requests', 'admin'] }]),
    DOORSTEP_PHOTO_MAX_BYTES: '2000000',
    DOORSTEP_PUBLIC_URL: 'https://portal.example.cn/api/',
    DOORSTEP_OPEN311_API_KEYS: ' wechat-app-key-0123456789 , portal-key-0123456789abc ',
    DOORSTEP_OPEN311_JURISDICTION: 'xingfuli.example.cn',
    DOORSTEP_OPEN311_DEFAULT_AREA: 'c-1',
    DOORSTEP_OPEN311_CONTACT: '幸福里社区服务站 010-12345678',
  });
  assert.deepEqual(config, {
    port: 9000,
    host: '127.0.0.1',
    databaseUrl: 'postgres://u:p@db:5432/doorstep',
    dataDir: 'memory://',
    corsOrigins: ['https://portal.example.cn', 'http://localhost:5173'],
    bodyLimitBytes: 1024,
    staticDir: dir,
    logRequests: false,
    staffTokens: [{ token: 'a'.repeat(24), name: '王主任', roles: ['requests', 'admin'] }],
    photoMaxBytes: 2_000_000,
    publicUrl: 'https://portal.example.cn/api',
    open311: {
      apiKeys: ['wechat-app-key-0123456789', 'portal-key-0123456789abc'],
      jurisdictionId: 'xingfuli.example.cn',
      defaultAreaId: 'c-1',
      contact: '幸福里社区服务站 010-12345678',
    },
  });
});

test('an unusable value is a ConfigError that names the variable', () => {
  const cases: [Record<string, string>, string][] = [
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DOORSTEP_BODY_LIMIT: '-5' }, 'DOORSTEP_BODY_LIMIT'],
    [{ DOORSTEP_BODY_LIMIT: '0' }, 'DOORSTEP_BODY_LIMIT'],
    [{ DATABASE_URL: 'mysql://db/doorstep' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ DOORSTEP_CORS_ORIGINS: 'portal.example.cn' }, 'DOORSTEP_CORS_ORIGINS'],
    [{ DOORSTEP_OPEN311_API_KEYS: 'short' }, 'DOORSTEP_OPEN311_API_KEYS'],
    [{ DOORSTEP_OPEN311_API_KEYS: `${'k'.repeat(20)},${'k'.repeat(20)}` }, 'DOORSTEP_OPEN311_API_KEYS'],
    [{ DOORSTEP_OPEN311_JURISDICTION: 'city gov' }, 'DOORSTEP_OPEN311_JURISDICTION'],
    [{ DOORSTEP_CORS_ORIGINS: 'https://portal.example.cn/path' }, 'DOORSTEP_CORS_ORIGINS'],
    [{ DOORSTEP_STATIC_DIR: '/definitely/not/here' }, 'DOORSTEP_STATIC_DIR'],
    [{ DOORSTEP_LOG_REQUESTS: 'maybe' }, 'DOORSTEP_LOG_REQUESTS'],
    [{ DOORSTEP_STAFF_TOKENS: 'token-1:requests' }, 'DOORSTEP_STAFF_TOKENS'],
    [{ DOORSTEP_STAFF_TOKENS: '{}' }, 'DOORSTEP_STAFF_TOKENS'],
    [{ DOORSTEP_STAFF_TOKENS: '[{"token":"short","name":"a","roles":["requests"]}]' }, 'DOORSTEP_STAFF_TOKENS'],
    [{ DOORSTEP_STAFF_TOKENS: `[{"token":"${'b'.repeat(24)}","name":"a","roles":["mayor"]}]` }, 'DOORSTEP_STAFF_TOKENS'],
    [{ DOORSTEP_STAFF_TOKENS: `[{"token":"${'b'.repeat(24)}","name":"","roles":["requests"]}]` }, 'DOORSTEP_STAFF_TOKENS'],
    [{ DOORSTEP_STAFF_TOKENS: `[{"token":"${'b'.repeat(24)}","name":"a","roles":[]}]` }, 'DOORSTEP_STAFF_TOKENS'],
    [{ DOORSTEP_PHOTO_MAX_BYTES: '5MB' }, 'DOORSTEP_PHOTO_MAX_BYTES'],
    [{ DOORSTEP_PHOTO_MAX_BYTES: '100' }, 'DOORSTEP_PHOTO_MAX_BYTES'],
    [{ DOORSTEP_PUBLIC_URL: 'portal.example.cn/api' }, 'DOORSTEP_PUBLIC_URL'],
    [{ DOORSTEP_PUBLIC_URL: 'https://portal.example.cn/api?x=1' }, 'DOORSTEP_PUBLIC_URL'],
  ];
  for (const [env, variable] of cases) {
    assert.throws(
      () => loadConfig(env),
      (error: unknown) => error instanceof ConfigError && error.variable === variable && error.message.startsWith(`Invalid ${variable}:`),
      JSON.stringify(env),
    );
  }
});

test('"*" is kept as an explicit wildcard origin', () => {
  assert.deepEqual(loadConfig({ DOORSTEP_CORS_ORIGINS: '*' }).corsOrigins, ['*']);
});
