/**
 * The part of the SDK that every client needs and no service adds to: the transport (ky with retries,
 * timeouts, idempotency keys, localized errors), the typed errors, and the locales. With the resources
 * of `@doorstep/sdk/resources/*.js` it makes a client that carries only the services it uses.
 */
export * from './errors.js';
export { DEFAULT_LOCALE, LOCALES, localize, type Locale, type LocalizedText } from './schemas/common.js';
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
