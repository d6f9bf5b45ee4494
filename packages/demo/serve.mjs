#!/usr/bin/env node
// Serves the demo portal and the reference API from one origin, so the page can use api-base="/".
// PORT (default 8787), DOORSTEP_DATA_DIR and DATABASE_URL are read by the server's loadConfig().
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, startServer } from '@doorstep/server';

const staticDir = join(dirname(fileURLToPath(import.meta.url)), 'dist');
if (!existsSync(join(staticDir, 'index.html'))) {
  console.error('demo: dist/ is missing — run `pnpm build` at the repository root first.');
  process.exit(1);
}

// pnpm runs this script inside packages/demo; relative paths a user gives (DOORSTEP_DATA_DIR) and the
// default data folder (.data/pglite) belong where the command was typed, usually the repository root.
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

let server;
try {
  server = await startServer({ ...loadConfig(process.env), staticDir });
} catch (error) {
  // A bad setting (ConfigError names the variable) or a taken port: one clear line, no stack.
  const taken = error?.code === 'EADDRINUSE';
  console.error(`demo: could not start — ${taken ? `port ${error.port} is in use (set PORT to another)` : error?.message ?? error}`);
  process.exit(1);
}
console.log(`Doorstep demo portal: ${server.url}`);

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`demo: ${signal} received, stopping…`);
  try {
    await server.close();
    process.exit(0);
  } catch (error) {
    console.error('demo: error while stopping', error);
    process.exit(1);
  }
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
