import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Encryption of single values at rest (AES-256-GCM), for the columns that hold personal and health data.
 *
 * A sealed value reads `v1.<key id>.<iv>.<ciphertext + tag>` (base64url): a fresh random 96-bit IV per
 * value, and the id of the key that sealed it, so several keys can be in use at once. Every value is
 * sealed with an *context* (GCM's additional authenticated data) naming the table, row id and column:
 * a value copied into another row or column fails to open, so columns cannot be swapped between rows.
 *
 * Rotation: the first key of the ring seals, every key opens. Put a new key first, restart, re-seal the
 * stored values (`reencrypt`), then drop the old key. See docs/eldercare.md.
 */

/** One key: its id (stored with every value it seals) and 32 bytes of key material. */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';

/** A value that could not be opened: an unknown key id, a damaged value, or the wrong context. */
export class DecryptionError extends Error {
  override name = 'DecryptionError';
}

/**
 * Reads a key ring written as `id:base64key,id:base64key` (e.g. `k2026:3q2+7w…=`), first key first.
 * Each key must be 32 bytes (`openssl rand -base64 32`); ids are 1–32 letters, digits, `_` or `-`.
 * @throws {Error} saying what is wrong, never echoing key material.
 */
export function parseKeyRing(raw: string): EncryptionKey[] {
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new Error('no keys: expected id:base64key[,id:base64key…]');
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    const where = `key ${index + 1}`;
    if (!KEY_ID.test(id)) throw new Error(`${where}: expected id:base64key with an id of 1–32 letters, digits, _ or -`);
    if (seen.has(id)) throw new Error(`${where}: the id "${id}" is listed twice`);
    seen.add(id);
    const material = entry.slice(colon + 1);
    const key = Buffer.from(material, 'base64');
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(material) || key.length !== KEY_BYTES) {
      throw new Error(`${where} ("${id}"): the key must be ${KEY_BYTES} bytes in base64 (make one with: openssl rand -base64 32)`);
    }
    return { id, key };
  });
}

/** Writes a key ring back in the `id:base64key,…` form {@link parseKeyRing} reads. */
export function formatKeyRing(keys: readonly EncryptionKey[]): string {
  return keys.map(({ id, key }) => `${id}:${key.toString('base64')}`).join(',');
}

/** A new random key with the given id. */
export function generateKey(id: string): EncryptionKey {
  if (!KEY_ID.test(id)) throw new Error(`invalid key id "${id}"`);
  return { id, key: randomBytes(KEY_BYTES) };
}

/** Seals and opens values with a key ring: the first key seals, any key opens. */
export class FieldCipher {
  private readonly byId: Map<string, Buffer>;
  private readonly current: EncryptionKey;

  constructor(keys: readonly EncryptionKey[]) {
    const [first] = keys;
    if (!first) throw new Error('FieldCipher needs at least one key');
    this.current = first;
    this.byId = new Map(keys.map(({ id, key }) => [id, key]));
  }

  /** The id of the key new values are sealed with. */
  get currentKeyId(): string {
    return this.current.id;
  }

  /** Seals `plaintext` for `context` (e.g. `eldercare_applications:<id>:personal`). */
  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return [VERSION, this.current.id, iv.toString('base64url'), body.toString('base64url')].join('.');
  }

  /**
   * Opens a value sealed for `context`.
   * @throws {DecryptionError} for an unknown key id, a damaged value or another context.
   */
  open(sealed: string, context: string): string {
    const [version, keyId, ivText, bodyText, ...rest] = sealed.split('.');
    if (version !== VERSION || !keyId || ivText === undefined || bodyText === undefined || rest.length > 0) {
      throw new DecryptionError('not a sealed value');
    }
    const key = this.byId.get(keyId);
    if (!key) throw new DecryptionError(`sealed with key "${keyId}", which is not configured`);
    const iv = Buffer.from(ivText, 'base64url');
    const body = Buffer.from(bodyText, 'base64url');
    if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw new DecryptionError('damaged sealed value');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new DecryptionError(`value does not open with key "${keyId}" for this row and column`);
    }
  }

  /** The id of the key a value was sealed with (without opening it). */
  keyIdOf(sealed: string): string | undefined {
    return sealed.split('.')[1];
  }

  sealJson(value: unknown, context: string): string {
    return this.seal(JSON.stringify(value), context);
  }

  openJson<T>(sealed: string, context: string): T {
    return JSON.parse(this.open(sealed, context)) as T;
  }
}

/** Where a development key lives: inside the data folder, so it travels with the data it opens. */
export const DEV_KEY_FILE = 'eldercare-dev-keys.txt';

/**
 * A key ring for development and demos when none is configured: read from `<dataDir>/eldercare-dev-keys.txt`,
 * or made and written there (readable by the owner only). A `memory://` database gets a key that lives
 * as long as the process, like the data. Production never comes here (`loadConfig` refuses to start
 * without `DOORSTEP_ELDERCARE_KEYS` when `NODE_ENV=production`).
 */
export function developmentKeyRing(dataDir: string): { keys: EncryptionKey[]; note: string } {
  if (dataDir.startsWith('memory://')) {
    return {
      keys: [generateKey('dev-memory')],
      note: 'elder-care data is encrypted with a throwaway key (in-memory database); set DOORSTEP_ELDERCARE_KEYS for real use.',
    };
  }
  const file = join(dataDir, DEV_KEY_FILE);
  let existing: string | undefined;
  try {
    existing = readFileSync(file, 'utf8').trim();
  } catch {
    existing = undefined;
  }
  if (existing) {
    return {
      keys: parseKeyRing(existing),
      note: `elder-care data is encrypted with the development key in ${file}; set DOORSTEP_ELDERCARE_KEYS for real use.`,
    };
  }
  const keys = [generateKey('dev')];
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${formatKeyRing(keys)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return {
    keys,
    note: `made a development key for elder-care data in ${file} (keep it with the data; set DOORSTEP_ELDERCARE_KEYS for real use).`,
  };
}
