export * from './schemas/index.js';
export * from './errors.js';
export { createClient, type DoorstepClient } from './client.js';
export * from './outbox.js';
export type { Hooks, Options as RequestOptions, RetryPolicy } from './http.js';
export {
  createTransport,
  newIdempotencyKey,
  type Transport,
  type ClientOptions,
  type CallOptions,
  type CreateOptions,
  type RetryOptions,
} from './transport.js';
