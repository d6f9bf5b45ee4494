/** What the fake API's domain modules share. */

/**
 * One domain's part of the fake API: the answer for a request it knows, `undefined` for any other.
 * `url.pathname` starts with `/v1/`.
 */
export type FakeRoute = (request: Request, url: URL) => Response | undefined | Promise<Response | undefined>;

/** A JSON response, as the API sends it. */
export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
