import { PhotoRef, sniffPhotoType } from '../schemas/index.js';
import { ValidationError } from '../errors.js';
import { type CallOptions, type ClientOptions, type Transport } from '../transport.js';

/** How far an upload got, in bytes. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadOptions extends CallOptions {
  /**
   * Called as bytes go out. In a browser (and when the client has no `fetch` of its own) the upload runs on
   * `XMLHttpRequest`, which reports real progress; elsewhere it is called at the start and at the end.
   */
  onProgress?: (progress: UploadProgress) => void;
  /** Reuse the key of an earlier attempt to make a retry (even from an outbox) store the photo once. */
  idempotencyKey?: string;
}

/** An upload can take long on a weak mobile network: each attempt gets this long, not the usual 15 s. */
const UPLOAD_TIMEOUT_MS = 120_000;

function headersFrom(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

/**
 * A `fetch` over XMLHttpRequest, only for its upload progress events (fetch has none, and streamed
 * request bodies need HTTP/2 and are missing in Firefox and Safari). ky still builds the request,
 * adds the token and retries; this only carries it.
 */
function xhrFetch(onProgress: (progress: UploadProgress) => void): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const body = await request.arrayBuffer();
    return new Promise<Response>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(request.method, request.url);
      xhr.responseType = 'arraybuffer';
      request.headers.forEach((value, name) => xhr.setRequestHeader(name, value));
      xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : body.byteLength });
      xhr.onload = () =>
        resolve(
          new Response(xhr.status === 204 || xhr.status === 304 ? null : (xhr.response as ArrayBuffer), {
            status: xhr.status,
            statusText: xhr.statusText,
            headers: headersFrom(xhr.getAllResponseHeaders()),
          }),
        );
      xhr.onerror = () => reject(new TypeError('Network request failed'));
      xhr.ontimeout = () => reject(new TypeError('Network request timed out'));
      const signal = init?.signal ?? request.signal;
      const abort = () => {
        xhr.abort();
        reject(signal?.reason instanceof Error ? signal.reason : new DOMException('The upload was aborted', 'AbortError'));
      };
      if (signal?.aborted) return abort();
      signal?.addEventListener('abort', abort, { once: true });
      xhr.send(body);
    });
  };
}

export function photosResource({ call, createInit }: Transport, options: Pick<ClientOptions, 'fetch'> = {}) {
  return {
    /**
     * Uploads one photo (a `File` or `Blob`: JPEG, PNG or WebP, checked by its first bytes before
     * anything is sent) and resolves to its `{ id, url, … }`; pass the id in `photoIds` of
     * `requests.create`. Too large → `ApiError` 413; the limit is the server's (5 MB by default).
     */
    async upload(file: Blob, opts: UploadOptions = {}): Promise<PhotoRef> {
      const contentType = sniffPhotoType(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
      if (!contentType) {
        throw new ValidationError('request', [{ path: 'file', code: 'invalid_type', message: 'Not a JPEG, PNG or WebP image' }]);
      }
      const total = file.size;
      const report = opts.onProgress;
      const useXhr = report !== undefined && options.fetch === undefined && typeof XMLHttpRequest === 'function';
      report?.({ loaded: 0, total });
      // The create policy (a fresh or given Idempotency-Key, POST retried) with a raw body instead of JSON.
      const { json: _json, headers, ...init } = createInit(undefined, opts);
      const photo = await call(PhotoRef, 'v1/photos', {
        ...init,
        body: file,
        headers: { ...(headers as Record<string, string>), 'content-type': contentType },
        timeout: UPLOAD_TIMEOUT_MS,
        ...(useXhr ? { fetch: xhrFetch(report) } : {}),
      });
      report?.({ loaded: total, total });
      return photo;
    },
  };
}
