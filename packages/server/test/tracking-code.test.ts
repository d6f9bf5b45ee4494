import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TRACKING_CODE_ALPHABET, TrackingCode } from '@doorstep/sdk';
import { generateTrackingCode } from '../src/tracking-code.js';

test('codes match DS-XXXX-XXXX from the SDK alphabet and do not repeat', () => {
  const codes = Array.from({ length: 2000 }, generateTrackingCode);
  for (const code of codes) assert.ok(TrackingCode.safeParse(code).success, code);
  assert.equal(new Set(codes).size, codes.length);
  const used = new Set(codes.map((code) => code.slice(3).replace('-', '')).join(''));
  assert.ok([...used].every((char) => TRACKING_CODE_ALPHABET.includes(char)));
  assert.ok(used.size > 25, 'the whole alphabet is in use');
});
