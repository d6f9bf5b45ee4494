/** A fetch that answers from a script, one step per call, and remembers what it was asked. */
export interface Seen {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

export type Step = (request: Request) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function scriptedFetch(...steps: Step[]) {
  const seen: Seen[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    seen.push({ method: request.method, url: request.url, headers: request.headers, body: await request.clone().text() });
    const step = steps[Math.min(seen.length, steps.length) - 1];
    if (!step) throw new Error('scriptedFetch: no steps');
    return step(request);
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

export const networkDown: Step = () => {
  throw new TypeError('fetch failed');
};
