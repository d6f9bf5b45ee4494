import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './db/database.js';

export interface Migration {
  /** The file name without `.sql`, e.g. `001_init`; recorded in `schema_migrations`. */
  version: string;
  sql: string;
}

/** `migrations/` next to `src/` and `dist/`, so the same lookup works under tsx and from the build. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

/** The numbered `NNN_name.sql` files in order. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3,}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: file.slice(0, -'.sql'.length), sql: readFileSync(`${dir}/${file}`, 'utf8') }));
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction.
 * A transaction-scoped advisory lock makes processes that start together take turns, so every
 * migration runs exactly once. Resolves to the versions this call applied.
 */
export async function migrate(db: Database, migrations: Migration[] = loadMigrations()): Promise<string[]> {
  const applied: string[] = [];
  for (const migration of migrations) {
    const ran = await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('doorstep:migrations'))`);
      await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version    text PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const done = await tx.query(`SELECT 1 FROM schema_migrations WHERE version = $1`, [migration.version]);
      if (done.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query(`INSERT INTO schema_migrations (version) VALUES ($1)`, [migration.version]);
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return applied;
}
