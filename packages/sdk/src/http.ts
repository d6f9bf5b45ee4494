/**
 * The SDK's HTTP layer is ky (https://github.com/sindresorhus/ky): base URL, JSON bodies, search params,
 * a timeout per attempt, retries with back-off that honour `Retry-After`, hooks, and `HTTPError` for
 * non-2xx answers. This module is the one place the SDK imports it, so the transport and the Open311
 * client share one instance factory and one set of types.
 */
import ky, { HTTPError, TimeoutError, type Hooks, type KyInstance, type Options, type RetryOptions } from 'ky';

export { HTTPError, TimeoutError, type Hooks, type Options };
export type RetryPolicy = RetryOptions;
export type Http = KyInstance;

/** An HTTP client with `defaults`; each call's options are merged over them (`ky.create`). */
export function createHttp(defaults: Options = {}): Http {
  return ky.create(defaults);
}
