import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { loadConfig, type ServerConfig } from './config.js';
import type { Database } from './db/database.js';
import { openDatabase } from './db/open.js';
import { developmentKeyRing } from './field-cipher.js';

export interface RunningServer {
  /** e.g. `http://127.0.0.1:54321` (a wildcard host is reported as 127.0.0.1, which always reaches it). */
  url: string;
  port: number;
  db: Database;
  /** Stops accepting connections, waits for open ones, then closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the database (migrating and seeding it), builds the app and listens. Settings not given in
 * `overrides` come from the environment; `port: 0` picks a free port. Without elder-care keys (outside
 * production), a development key from the data folder is used, and a note says so.
 */
export async function startServer(overrides: Partial<ServerConfig> = {}): Promise<RunningServer> {
  const config: ServerConfig = { ...loadConfig(), ...overrides };
  if (!config.eldercareKeys) {
    const dev = developmentKeyRing(config.dataDir);
    config.eldercareKeys = dev.keys;
    console.warn(`Note: ${dev.note}`);
  }
  const db = await openDatabase(config);
  const app = createApp({ db, config });
  let server: ReturnType<typeof serve>;
  let address: AddressInfo;
  try {
    ({ server, address } = await new Promise<{ server: ReturnType<typeof serve>; address: AddressInfo }>(
      (resolve, reject) => {
        const listening = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) =>
          resolve({ server: listening, address: info }),
        );
        listening.once('error', reject);
      },
    ));
  } catch (error) {
    await db.close();
    throw error;
  }
  const host = ['0.0.0.0', '::', ''].includes(config.host) ? '127.0.0.1' : config.host;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    db,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
          // Keep-alive sockets would hold close() open for seconds; idle ones can go at once.
          if ('closeIdleConnections' in server) server.closeIdleConnections();
        });
        await db.close();
      })();
      return closing;
    },
  };
}
