import pg from 'pg';
import type { Database, Queryable } from './database.js';

function wrap(target: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T extends object>(sql: string, params: readonly unknown[] = []) {
      return (await target.query<T & pg.QueryResultRow>(sql, [...params])).rows;
    },
    async exec(sql: string) {
      // Without parameters pg uses the simple protocol, which runs a whole script.
      await target.query(sql);
    },
  };
}

/** A PostgreSQL server through a connection pool. */
export async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client losing its connection must not take the process down; the next query reconnects.
  pool.on('error', () => {});
  // Fail now, with the driver's message, rather than on the first request.
  (await pool.connect()).release();
  return {
    kind: 'postgresql',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that cannot even roll back is dropped from the pool instead of reused.
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
