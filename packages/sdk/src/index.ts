export * from './schemas/index.js';
export * from './errors.js';
export {
  createClient,
  newIdempotencyKey,
  type ClientOptions,
  type CallOptions,
  type CreateOptions,
  type DoorstepClient,
  type RetryOptions,
} from './client.js';
