// `@doorstep/sdk/open311`: Open311 GeoReport v2 — the wire schemas and a client for any GeoReport v2
// endpoint (another city's, or the Doorstep server's own `/open311/v2`). A separate entry, so the main
// bundle a widget loads does not carry it.
export * from './schemas.js';
export {
  createOpen311Client,
  Open311ApiError,
  type Open311Client,
  type Open311ClientOptions,
  type Open311CreateOptions,
  type Open311ListFilters,
  type Open311Created,
  type Open311Request,
} from './client.js';
