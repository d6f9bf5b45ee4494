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

const config = loadConfig(process.env);
const server = await startServer({ ...config, staticDir });
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
