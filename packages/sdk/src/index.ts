export * from './schemas/index.js';
export * from './core.js';
export { createClient, type DoorstepClient } from './client.js';
export * from './outbox.js';
