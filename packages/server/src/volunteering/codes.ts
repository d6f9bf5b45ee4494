import { createHash, randomInt } from 'node:crypto';
import { TRACKING_CODE_ALPHABET } from '@doorstep/sdk';

function randomChunk(length: number): string {
  let chunk = '';
  for (let i = 0; i < length; i++) chunk += TRACKING_CODE_ALPHABET[randomInt(TRACKING_CODE_ALPHABET.length)];
  return chunk;
}

/** A fresh public volunteer number, `V-XXXX-XXXX` (32^8 ≈ 10^12 possibilities). */
export function generateVolunteerCode(): string {
  return `V-${randomChunk(4)}-${randomChunk(4)}`;
}

/**
 * A fresh access key, `XXXX-XXXX-XXXX-XXXX-XXXX`: 20 characters of a 32-letter alphabet, 100 bits from
 * a cryptographic source — far beyond guessing — and still easy to read aloud or copy by hand.
 */
export function generateAccessKey(): string {
  return Array.from({ length: 5 }, () => randomChunk(4)).join('-');
}

/** What the database keeps of an access key: its SHA-256 digest (hex). A stolen table opens no account. */
export function digestAccessKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
