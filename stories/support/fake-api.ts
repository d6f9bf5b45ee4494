/**
 * An in-memory stand-in for the Doorstep API, so stories render without a server. Each domain answers
 * its own paths in a `fake-<domain>.ts` module (listed in {@link ROUTES}) with the reference server's
 * sample data; this module adds what every story can ask of it: to be slow, to never answer, or to fail.
 */
import { createClient, type DoorstepClient } from '@doorstep/sdk';
import { appointmentRoutes } from './fake-appointments.js';
import { eventRoutes } from './fake-events.js';
import { canteenRoutes } from './fake-canteen.js';
import { eldercareRoutes } from './fake-eldercare.js';
import { json, type FakeRoute } from './fake-http.js';
import { requestRoutes } from './fake-requests.js';
import { statusRoutes } from './fake-status.js';
import { statsRoutes } from './fake-stats.js';
import { volunteeringRoutes } from './fake-volunteering.js';

export type FakeApiMode =
  /** Answers everything at once (after a short, realistic delay). */
  | 'ok'
  /** Reads never arrive: widgets stay in their loading state. */
  | 'loading'
  /** Reads work; every write answers 500 with the API's error body. */
  | 'server-error'
  /** Reads work; every write fails as if the connection dropped. */
  | 'network-error'
  /** Every read fails as if the connection dropped: widgets show their load error. */
  | 'read-error';

export interface FakeApiOptions {
  mode?: FakeApiMode;
  /** Milliseconds every answer waits (default 150). */
  latencyMs?: number;
  /** A staff bearer token for the client (staff views). */
  token?: string;
}

/** Every domain's routes, tried in order. */
const ROUTES: FakeRoute[] = [requestRoutes, statsRoutes, appointmentRoutes, eventRoutes, canteenRoutes, statusRoutes, eldercareRoutes, volunteeringRoutes];

export const BASE_URL = 'http://storybook.test';

function wait(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    });
  });
}

/** A `fetch` that answers like the Doorstep API. */
export function createFakeFetch({ mode = 'ok', latencyMs = 150 }: FakeApiOptions = {}): typeof fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const reading = request.method === 'GET' || request.method === 'HEAD';

    if (mode === 'loading' && reading) {
      // Never answers (until the story unmounts and the widget aborts).
      await new Promise<never>((_, reject) =>
        request.signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))),
      );
    }
    await wait(latencyMs, request.signal);
    if (!reading && mode === 'network-error') throw new TypeError('Failed to fetch');
    if (reading && mode === 'read-error') throw new TypeError('Failed to fetch');
    if (!reading && mode === 'server-error') {
      return json(500, { error: { code: 'internal', message: 'The server could not save this.' } });
    }
    for (const route of ROUTES) {
      const response = await route(request, url);
      if (response) return response;
    }
    return json(404, { error: { code: 'not_found', message: `No route for ${request.method} ${url.pathname}` } });
  };
}

/** A real SDK client over the fake API. Retries are off so error stories show their state at once. */
export function createFakeClient(options: FakeApiOptions = {}): DoorstepClient {
  // In the loading story the answer never comes; a day-long timeout keeps the state on screen.
  const timeoutMs = options.mode === 'loading' ? 86_400_000 : 15_000;
  return createClient({ baseUrl: BASE_URL, fetch: createFakeFetch(options), retry: 0, timeoutMs, ...(options.token ? { token: options.token } : {}) });
}
