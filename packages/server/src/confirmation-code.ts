import { randomInt } from 'node:crypto';
import { TRACKING_CODE_ALPHABET, type ConfirmationCodePrefix } from '@doorstep/sdk';

function randomChunk(length: number): string {
  let chunk = '';
  for (let i = 0; i < length; i++) chunk += TRACKING_CODE_ALPHABET[randomInt(TRACKING_CODE_ALPHABET.length)];
  return chunk;
}

/** A fresh confirmation code, e.g. `AP-7K2M-9QX4`, from a cryptographic source (32^8 ≈ 10^12 per prefix). */
export function generateConfirmationCode(prefix: ConfirmationCodePrefix): string {
  return `${prefix}-${randomChunk(4)}-${randomChunk(4)}`;
}

const CODE_ATTEMPTS = 5;

/**
 * Runs `insert` with fresh codes until one is free. `insert` must use `ON CONFLICT (code) DO NOTHING`
 * and resolve to `undefined` when the code was taken, so a collision (rare) never aborts the transaction.
 */
export async function insertWithFreshCode<T>(
  prefix: ConfirmationCodePrefix,
  insert: (code: string) => Promise<T | undefined>,
  newCode: (prefix: ConfirmationCodePrefix) => string = generateConfirmationCode,
): Promise<T> {
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const row = await insert(newCode(prefix));
    if (row !== undefined) return row;
  }
  throw new Error(`No free ${prefix} code after ${CODE_ATTEMPTS} attempts`);
}

