import { createHash, randomUUID } from 'node:crypto';
import { DEFAULT_PHOTO_MAX_BYTES, Id, sniffPhotoType } from '@doorstep/sdk';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Clock } from '../clock.js';
import type { ServerConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { deleteAbandonedPhotos, findPhoto, insertPhoto } from '../db/photos.js';
import { ApiError, notFound, validationFailed } from '../errors.js';
import { matchesIfNoneMatch } from '../etag.js';
import { idempotentCreate } from '../idempotent-create.js';
import { baseUrlOf, photoUrl } from '../request-views.js';

export const PHOTOS_PATH = '/v1/photos';

/** Room for a multipart envelope (boundaries, part headers) around the photo itself. */
const MULTIPART_ALLOWANCE = 16 * 1024;

const EXTENSIONS = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;

/**
 * A photo's image as a browser may safely show it: the type the bytes really are (and `nosniff`, set for
 * every answer), `inline` with a harmless file name, and a policy that runs nothing should the image be
 * opened on its own. A photo never changes, so it may be cached for a year.
 */
const IMAGE_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
  'Cache-Control': 'public, max-age=31536000, immutable',
  // Portals on other origins show these images in <img> tags.
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

/** The photo's bytes: the raw body, or the `file` (or only) file part of a multipart form. */
async function readPhoto(c: Context): Promise<Uint8Array> {
  const mediaType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'multipart/form-data') {
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch {
      throw validationFailed({ file: { key: 'requests_photo_empty' } });
    }
    const file = form.get('file') ?? [...form.values()].find((value) => typeof value !== 'string');
    if (!file || typeof file === 'string') throw validationFailed({ file: { key: 'requests_photo_empty' } });
    return new Uint8Array(await file.arrayBuffer());
  }
  return new Uint8Array(await c.req.arrayBuffer());
}

/** `POST /v1/photos` (upload, idempotent) and `GET /v1/photos/{id}` (the image). */
export function photoRoutes(db: Database, { config, clock }: { config: Pick<ServerConfig, 'photoMaxBytes' | 'publicUrl'>; clock: Clock }): Hono {
  const maxBytes = config.photoMaxBytes ?? DEFAULT_PHOTO_MAX_BYTES;
  const tooLarge = () => new ApiError(413, 'payload_too_large', 'requests_photo_too_large', undefined, { limit: maxBytes });
  return new Hono()
    .post(
      PHOTOS_PATH,
      // This route is exempt from the app-wide JSON body limit (see app.ts) and has its own.
      bodyLimit({ maxSize: maxBytes + MULTIPART_ALLOWANCE, onError: () => { throw tooLarge(); } }),
      async (c) => {
        const data = await readPhoto(c);
        if (data.byteLength === 0) throw validationFailed({ file: { key: 'requests_photo_empty' } });
        if (data.byteLength > maxBytes) throw tooLarge();
        // The bytes decide, never the name or the declared type.
        const contentType = sniffPhotoType(data);
        if (!contentType) throw new ApiError(415, 'unsupported_media_type', 'requests_photo_type');
        const sha256 = createHash('sha256').update(data).digest('hex');
        return idempotentCreate(c, db, `POST ${PHOTOS_PATH}`, { sha256 }, async (tx) => {
          const now = clock();
          await deleteAbandonedPhotos(tx, now);
          const id = randomUUID();
          await insertPhoto(tx, { id, contentType, byteSize: data.byteLength, sha256, data, createdAt: now });
          return { status: 201, body: { id, contentType, byteSize: data.byteLength, url: photoUrl(baseUrlOf(c, config), id) } };
        });
      },
    )
    .get(`${PHOTOS_PATH}/:id`, async (c) => {
      const id = c.req.param('id');
      const photo = Id.safeParse(id).success ? await findPhoto(db, id) : undefined;
      if (!photo) throw notFound('requests_photo_not_found');
      const headers = {
        ...IMAGE_HEADERS,
        ETag: `"${photo.sha256}"`,
        'Content-Type': photo.contentType,
        'Content-Disposition': `inline; filename="photo-${photo.id}.${EXTENSIONS[photo.contentType]}"`,
      };
      if (matchesIfNoneMatch(c.req.header('if-none-match'), headers.ETag)) return new Response(null, { status: 304, headers });
      return new Response(photo.data as Uint8Array<ArrayBuffer>, { status: 200, headers: { ...headers, 'Content-Length': String(photo.byteSize) } });
    });
}
