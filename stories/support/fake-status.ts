/**
 * The fake API's request status: `GET /v1/requests/{code}` (with ETag / 304, like the server), rating and
 * reopening. Each sample code shows a request at one stage; a request reported in the same page load
 * (fake-requests.ts) can be looked up too. Any other well-formed code is not found.
 */
import type { ServiceRequestPublic } from '@doorstep/sdk';
import {
  FakeStatusApi,
  MERGED_INTO_CODE,
  STATUS_CODE,
  sampleRequest,
  type SampleStage,
} from '@doorstep/components/test-support/fake-request-status.js';
import { json, type FakeRoute } from './fake-http.js';
import { createdRequests } from './fake-requests.js';

/** The sample tracking codes, one per stage (the stories use them; so can anyone trying Storybook). */
export const SAMPLE_CODES = {
  submitted: 'DS-SUBM-2TTD',
  accepted: 'DS-ACCP-2TED',
  in_progress: STATUS_CODE,
  resolved: 'DS-RSLV-2DDD',
  rejected: 'DS-RJCT-2EDD',
  closed: 'DS-CLSD-2222',
  rated: 'DS-RATE-2DDD',
  merged: 'DS-MRGE-2DDD',
} as const satisfies Record<SampleStage, string>;

/** A code whose lookup always fails with 503, for the load-error story. */
export const BROKEN_CODE = 'DS-BRKN-5XXX';

const stageOf = new Map<string, SampleStage>(
  Object.entries(SAMPLE_CODES).map(([stage, code]) => [code, stage as SampleStage]),
);
stageOf.set(MERGED_INTO_CODE, 'in_progress');

const api = new FakeStatusApi();

/** What a code shows when a widget first looks it up. */
function initial(code: string): ServiceRequestPublic | undefined {
  const stage = stageOf.get(code);
  return stage ? sampleRequest(stage, Date.now(), code) : createdRequests.get(code);
}

export const statusRoutes: FakeRoute = (request, url) => {
  const match = /^\/v1\/requests\/([^/]+)(?:\/(rating|reopen))?$/.exec(url.pathname);
  if (!match) return undefined;
  const code = decodeURIComponent(match[1]!);
  if (code === BROKEN_CODE) return json(503, { error: { code: 'unavailable', message: 'The service is down for maintenance.' } });
  // A widget's first lookup (no If-None-Match yet) starts from the sample, so a story that rates or
  // reopens looks the same every time it is shown; polls after that see what the story did.
  if (request.method === 'GET' && !request.headers.has('if-none-match')) {
    const start = initial(code);
    if (start) api.put(start);
  }
  return api.fetch(request);
};

/** Staff move a sample request on (e.g. resolve it), for the live-update story: the next poll sees it. */
export function staffUpdates(code: string, stage: SampleStage): void {
  api.put(sampleRequest(stage, Date.now(), code));
}
