export { loadConfig, ConfigError, type ServerConfig } from './config.js';
export { requireStaff, type StaffToken, type StaffMember, type StaffEnv } from './auth.js';
export { openDatabase } from './db/open.js';
export type { Database, Queryable } from './db/database.js';
export { createApp, type AppDeps } from './app.js';
export { startServer, type RunningServer } from './server.js';
export { migrate, loadMigrations, type Migration } from './migrate.js';
export { seed } from './seed.js';
export { maskName, maskPhone } from './mask.js';
