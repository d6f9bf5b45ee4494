import * as z from 'zod/mini';
import { Id } from './common.js';

/** Most photos one request may carry. */
export const MAX_PHOTOS_PER_REQUEST = 4;

/**
 * The image types a photo may be. The server decides by the file's first bytes (its "magic number"),
 * never by its name or declared type, so a PNG called `.jpg` is fine and a text file called `.jpg` is not.
 */
export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoContentType = (typeof PHOTO_CONTENT_TYPES)[number];

/** The server's default size limit per photo (5 MB); a deployment may set another (`DOORSTEP_PHOTO_MAX_BYTES`). */
export const DEFAULT_PHOTO_MAX_BYTES = 5 * 1024 * 1024;

/**
 * A stored photo: `POST /v1/photos` answers it, and request views list their photos this way.
 * `url` serves the image (absolute); pass `id` in `photoIds` when creating a request.
 */
export const PhotoRef = z.object({
  id: Id,
  contentType: z.enum(PHOTO_CONTENT_TYPES),
  byteSize: z.number().check(z.int(), z.gte(1)),
  url: z.string(),
});
export type PhotoRef = z.infer<typeof PhotoRef>;

/** What a photo's first bytes say it is, or `undefined` when it is not a JPEG, PNG or WebP image. */
export function sniffPhotoType(bytes: Uint8Array): PhotoContentType | undefined {
  const starts = (offset: number, ...expected: number[]) => expected.every((byte, i) => bytes[offset + i] === byte);
  if (starts(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  // RIFF <size> WEBP
  if (bytes.length >= 12 && starts(0, 0x52, 0x49, 0x46, 0x46) && starts(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return undefined;
}
