import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertServiceRequest } from '../src/db/requests.js';
import { loadMigrations, migrate, openDatabase, seed } from '../src/index.js';
import { SEED_AREAS, SEED_CATEGORIES } from '../src/sample-data.js';
import { forEachBackend, useApp } from './harness.js';

const MIGRATION_VERSIONS = loadMigrations().map((migration) => migration.version);

function countSeedAreas(areas: typeof SEED_AREAS): number {
  return areas.reduce((sum, area) => sum + 1 + countSeedAreas(area.children ?? []), 0);
}

test('migrations are the numbered files, in order, starting with 001_init', () => {
  assert.equal(MIGRATION_VERSIONS[0], '001_init');
  assert.deepEqual([...MIGRATION_VERSIONS].sort(), MIGRATION_VERSIONS);
});

forEachBackend('database', (backend) => {
  const ctx = useApp(backend);

  test('migrations run once: a reopened database applies nothing and keeps one row per version', async () => {
    const { settings, drop } = await backend.fresh({ persistent: true });
    try {
      const first = await openDatabase(settings);
      const recorded = await first.query<{ version: string }>(`SELECT version FROM schema_migrations ORDER BY version`);
      assert.deepEqual(recorded.map((row) => row.version), MIGRATION_VERSIONS);
      await first.close();

      const second = await openDatabase(settings);
      try {
        assert.deepEqual(await migrate(second), [], 'nothing left to apply');
        const [{ count } = { count: -1 }] = await second.query<{ count: number }>(
          `SELECT count(*)::int AS count FROM schema_migrations`,
        );
        assert.equal(count, MIGRATION_VERSIONS.length);
      } finally {
        await second.close();
      }
    } finally {
      await drop();
    }
  });

  test('two openers at once migrate and seed exactly once', async () => {
    const { settings, drop } = await backend.fresh();
    // PGlite is one process's database, so "two processes" means two migrators on one handle there.
    const [a, b] =
      backend.name === 'postgresql'
        ? await Promise.all([openDatabase(settings), openDatabase(settings)])
        : await (async () => {
            const db = await openDatabase(settings);
            await Promise.all([migrate(db), migrate(db), seed(db), seed(db)]);
            return [db, db];
          })();
    try {
      const versions = await a.query<{ version: string }>(`SELECT version FROM schema_migrations ORDER BY version`);
      assert.deepEqual(versions.map((row) => row.version), MIGRATION_VERSIONS);
      const [{ count } = { count: -1 }] = await b.query<{ count: number }>(`SELECT count(*)::int AS count FROM areas`);
      assert.equal(count, countSeedAreas(SEED_AREAS));
    } finally {
      await a.close();
      if (b !== a) await b.close();
      await drop();
    }
  });

  test('the seed fills an empty database once and leaves existing data alone', async () => {
    const { db } = ctx;
    const [areas] = await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM areas`);
    const [categories] = await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM categories`);
    assert.equal(areas?.count, countSeedAreas(SEED_AREAS));
    assert.equal(categories?.count, SEED_CATEGORIES.length);
    assert.deepEqual(await seed(db), { areas: 0, categories: 0 }, 'a second seed inserts nothing');

    const [root] = await db.query<{ name: string; level: string }>(`SELECT name, level FROM areas WHERE parent_id IS NULL`);
    assert.deepEqual(root, { name: '幸福区', level: 'district' });
  });

  test('a taken tracking code is skipped and another one drawn', async () => {
    const { db } = ctx;
    const request = { categoryId: 'other', areaId: 'b-2', description: 'collision test', contactName: null, contactPhone: null };
    const first = await insertServiceRequest(db, request, () => 'DS-AAAA-AAAA');
    const codes = ['DS-AAAA-AAAA', 'DS-AAAA-AAAA', 'DS-BBBB-BBBB'];
    const second = await db.transaction((tx) => insertServiceRequest(tx, request, () => codes.shift()!));
    assert.equal(first.code, 'DS-AAAA-AAAA');
    assert.equal(second.code, 'DS-BBBB-BBBB');
    assert.equal(codes.length, 0, 'it drew three codes');
    await assert.rejects(insertServiceRequest(db, request, () => 'DS-AAAA-AAAA'), /No free tracking code/);
  });

  test('a failing transaction leaves nothing behind', async () => {
    const { db } = ctx;
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO areas (id, parent_id, level, name) VALUES ('tmp', 'b-1', 'unit', 'x')`);
        throw new Error('abort');
      }),
      /abort/,
    );
    assert.deepEqual(await db.query(`SELECT id FROM areas WHERE id = 'tmp'`), []);
  });
});
