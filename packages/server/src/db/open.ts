import type { ServerConfig } from '../config.js';
import { migrate } from '../migrate.js';
import { seed } from '../seed.js';
import type { Database } from './database.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

/**
 * Opens PostgreSQL at `databaseUrl` when given, the embedded PGlite in `dataDir` otherwise,
 * then applies pending migrations and seeds an empty database.
 */
export async function openDatabase(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  const db = config.databaseUrl ? await openPostgres(config.databaseUrl) : await openPglite(config.dataDir);
  try {
    await migrate(db);
    await seed(db);
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return db;
}
