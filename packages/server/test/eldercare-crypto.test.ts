import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../src/index.js';
import { DEV_KEY_FILE, DecryptionError, FieldCipher, developmentKeyRing, formatKeyRing, generateKey, parseKeyRing } from '../src/field-cipher.js';
import { FailureLimiter } from '../src/routes/eldercare.js';

const oldKey = generateKey('k2025');
const newKey = generateKey('k2026');
const CONTEXT = 'eldercare_applications:app-1:personal_sealed';

describe('FieldCipher', () => {
  test('seals to an opaque v1.<key id>.<iv>.<ciphertext> that opens to the plaintext', () => {
    const cipher = new FieldCipher([oldKey]);
    const sealed = cipher.seal('王秀英 13812345678', CONTEXT);
    assert.match(sealed, /^v1\.k2025\.[\w-]{16}\.[\w-]+$/);
    assert.doesNotMatch(sealed, /王|1381234/);
    assert.equal(cipher.open(sealed, CONTEXT), '王秀英 13812345678');
    assert.deepEqual(cipher.openJson(cipher.sealJson({ a: [1, '二'] }, CONTEXT), CONTEXT), { a: [1, '二'] });
  });

  test('every value gets a fresh 96-bit IV: the same text never seals the same way twice', () => {
    const cipher = new FieldCipher([oldKey]);
    const first = cipher.seal('same', CONTEXT);
    const second = cipher.seal('same', CONTEXT);
    assert.notEqual(first, second);
    assert.notEqual(first.split('.')[2], second.split('.')[2]);
    assert.equal(Buffer.from(first.split('.')[2]!, 'base64url').length, 12);
  });

  test('a value moved to another row or column does not open (the context is authenticated)', () => {
    const cipher = new FieldCipher([oldKey]);
    const sealed = cipher.seal('secret', CONTEXT);
    assert.throws(() => cipher.open(sealed, 'eldercare_applications:app-2:personal_sealed'), DecryptionError);
    assert.throws(() => cipher.open(sealed, 'eldercare_applications:app-1:health_sealed'), DecryptionError);
  });

  test('the wrong key, an unknown key id or a changed byte fails with DecryptionError', () => {
    const sealed = new FieldCipher([oldKey]).seal('secret', CONTEXT);
    const impostor = new FieldCipher([{ id: 'k2025', key: generateKey('x').key }]);
    assert.throws(() => impostor.open(sealed, CONTEXT), DecryptionError);
    assert.throws(() => new FieldCipher([newKey]).open(sealed, CONTEXT), /not configured/);
    const [version, id, iv, body] = sealed.split('.') as [string, string, string, string];
    const flipped = Buffer.from(body, 'base64url');
    flipped[0]! ^= 1;
    assert.throws(() => new FieldCipher([oldKey]).open([version, id, iv, flipped.toString('base64url')].join('.'), CONTEXT), DecryptionError);
    assert.throws(() => new FieldCipher([oldKey]).open('plain text', CONTEXT), DecryptionError);
  });

  test('rotation: with the new key first, old values still open and new values use the new key', () => {
    const before = new FieldCipher([oldKey]).seal('kept', CONTEXT);
    const rotated = new FieldCipher([newKey, oldKey]);
    assert.equal(rotated.currentKeyId, 'k2026');
    assert.equal(rotated.open(before, CONTEXT), 'kept');
    const after = rotated.seal('new', CONTEXT);
    assert.equal(rotated.keyIdOf(after), 'k2026');
    assert.equal(new FieldCipher([newKey]).open(after, CONTEXT), 'new');
    assert.throws(() => new FieldCipher([newKey]).open(before, CONTEXT), DecryptionError, 'once the old key is gone, re-encrypt first');
  });
});

describe('key configuration', () => {
  const ring = formatKeyRing([newKey, oldKey]);

  test('DOORSTEP_ELDERCARE_KEYS is read as id:base64 pairs, first key first', () => {
    const keys = loadConfig({ DOORSTEP_ELDERCARE_KEYS: ring }).eldercareKeys;
    assert.deepEqual(keys?.map((key) => key.id), ['k2026', 'k2025']);
    assert.ok(keys?.[0]?.key.equals(newKey.key));
    assert.equal(loadConfig({}).eldercareKeys, undefined, 'unset outside production');
  });

  test('bad key rings are ConfigErrors naming the variable and never echoing the key', () => {
    const short = Buffer.alloc(16, 7).toString('base64');
    for (const raw of [`k1:${short}`, 'no-colon', `bad id:${newKey.key.toString('base64')}`, `${ring},${ring.split(',')[0]}`, `k1:***`]) {
      const error = (() => {
        try {
          loadConfig({ DOORSTEP_ELDERCARE_KEYS: raw });
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      assert.ok(error instanceof ConfigError, raw);
      assert.equal(error.variable, 'DOORSTEP_ELDERCARE_KEYS');
      assert.ok(!error.message.includes(short), 'the key material is not in the message');
    }
    assert.throws(() => parseKeyRing(''), /no keys/);
  });

  test('in production the server refuses to start without keys', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), (error: unknown) => error instanceof ConfigError && /NODE_ENV=production/.test(error.message));
    assert.equal(loadConfig({ NODE_ENV: 'production', DOORSTEP_ELDERCARE_KEYS: ring }).eldercareKeys?.length, 2);
  });

  test('development: a key is made once in the data folder (owner-only) and found again', (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'doorstep-keys-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const first = developmentKeyRing(dir);
    assert.match(first.note, /made a development key/);
    const file = join(dir, DEV_KEY_FILE);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const again = developmentKeyRing(dir);
    assert.match(again.note, /encrypted with the development key/);
    assert.ok(again.keys[0]?.key.equals(first.keys[0]!.key));
    assert.equal(readFileSync(file, 'utf8').trim(), formatKeyRing(first.keys));
    const memory = developmentKeyRing('memory://');
    assert.match(memory.note, /throwaway/);
    assert.equal(memory.keys.length, 1);
  });
});

describe('FailureLimiter', () => {
  test('blocks a key after max failures within the window, and forgets them after it', () => {
    let now = 0;
    const limiter = new FailureLimiter(3, 1000, () => now);
    for (let i = 0; i < 3; i++) {
      assert.equal(limiter.blockedFor('EC-AAAA-AAAA'), 0);
      limiter.fail('EC-AAAA-AAAA');
    }
    assert.equal(limiter.blockedFor('EC-AAAA-AAAA'), 1000);
    assert.equal(limiter.blockedFor('EC-BBBB-BBBB'), 0, 'per key');
    now = 600;
    assert.equal(limiter.blockedFor('EC-AAAA-AAAA'), 400);
    now = 1000;
    assert.equal(limiter.blockedFor('EC-AAAA-AAAA'), 0);
    limiter.fail('EC-AAAA-AAAA');
    assert.equal(limiter.blockedFor('EC-AAAA-AAAA'), 0, 'a new window starts');
    limiter.fail('EC-CCCC-CCCC');
    limiter.succeed('EC-CCCC-CCCC');
    limiter.fail('EC-CCCC-CCCC');
    limiter.fail('EC-CCCC-CCCC');
    assert.equal(limiter.blockedFor('EC-CCCC-CCCC'), 0, 'a success clears the count');
  });
});
