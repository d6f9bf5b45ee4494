/** Something SQL can be sent to: the database itself or an open transaction. */
export interface Queryable {
  /** One statement with `$1`-style parameters; resolves to the rows it returns. */
  query<T extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** A script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * The one way the server reaches its data. Two implementations run the same SQL:
 * the embedded PGlite and a PostgreSQL server through a `pg` pool.
 */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgresql';
  /** Runs `fn` inside BEGIN … COMMIT; any error rolls back and is rethrown. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Waits for work in flight and releases the database (PGlite flushes to disk). */
  close(): Promise<void>;
}
