import { randomInt } from 'node:crypto';
import { TRACKING_CODE_ALPHABET } from '@doorstep/sdk';

function randomChunk(length: number): string {
  let chunk = '';
  for (let i = 0; i < length; i++) chunk += TRACKING_CODE_ALPHABET[randomInt(TRACKING_CODE_ALPHABET.length)];
  return chunk;
}

/** A fresh `DS-XXXX-XXXX` code from a cryptographic source (32^8 ≈ 10^12 possibilities). */
export function generateTrackingCode(): string {
  return `DS-${randomChunk(4)}-${randomChunk(4)}`;
}
