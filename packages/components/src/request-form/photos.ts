/**
 * Photo preparation for upload, in the browser: decode (turned upright by its EXIF orientation), shrink
 * so the long side is at most {@link PHOTO_LONG_SIDE} px, and re-encode as JPEG. A 12-megapixel phone
 * photo of 4 MB becomes about 300 KB — quick on a weak mobile network — and re-encoding drops the
 * EXIF data, including the GPS position a phone writes into every photo.
 */

/** Longest side of an uploaded photo, in pixels. */
export const PHOTO_LONG_SIDE = 1600;
/** JPEG quality of the re-encoded photo: small files, no visible loss at phone-screen sizes. */
export const PHOTO_QUALITY = 0.85;
/** Largest file accepted for preparation: decoding a bigger one could exhaust a phone's memory. */
export const MAX_SOURCE_BYTES = 40 * 1024 * 1024;

/** Why a file cannot be sent as a photo. */
export type PhotoProblem =
  /** Not an image at all (a PDF, a video…). */
  | 'not-image'
  /** Over {@link MAX_SOURCE_BYTES} before preparation. */
  | 'source-too-large'
  /** An image this browser cannot decode (a HEIC photo outside Safari, a damaged file). */
  | 'unreadable'
  /** Still over the server's limit after shrinking. */
  | 'too-large';

export class PhotoError extends Error {
  override name = 'PhotoError';
  constructor(readonly problem: PhotoProblem) {
    super(`Photo cannot be sent: ${problem}`);
  }
}

export interface PreparedPhoto {
  blob: Blob;
  width: number;
  height: number;
}

async function encodeJpeg(bitmap: ImageBitmap, width: number, height: number): Promise<Blob> {
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    draw(canvas.getContext('2d'), bitmap, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality: PHOTO_QUALITY });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  draw(canvas.getContext('2d'), bitmap, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new PhotoError('unreadable'))), 'image/jpeg', PHOTO_QUALITY),
  );
}

function draw(
  context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null,
  bitmap: ImageBitmap,
  width: number,
  height: number,
): void {
  if (!context) throw new PhotoError('unreadable');
  // JPEG has no transparency: a PNG screenshot's clear parts become white, not black.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
}

/**
 * Checks a chosen file and prepares it for upload: a JPEG with the long side ≤ {@link PHOTO_LONG_SIDE}
 * and at most `maxBytes`. Throws a {@link PhotoError} saying why a file cannot be sent.
 */
export async function preparePhoto(file: Blob, maxBytes: number): Promise<PreparedPhoto> {
  // Some Android pickers give no type at all: let the decoder decide then.
  if (file.type && !file.type.startsWith('image/')) throw new PhotoError('not-image');
  if (file.size > MAX_SOURCE_BYTES) throw new PhotoError('source-too-large');
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new PhotoError(file.type ? 'unreadable' : 'not-image');
  }
  try {
    const scale = Math.min(1, PHOTO_LONG_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const blob = await encodeJpeg(bitmap, width, height);
    if (blob.size > maxBytes) throw new PhotoError('too-large');
    return { blob, width, height };
  } finally {
    bitmap.close();
  }
}
