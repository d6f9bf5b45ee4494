import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ServiceRequestCreate,
  ValidationError,
  classifyPhone,
  localize,
  newIdempotencyKey,
  normalizeTrackingCode,
} from '../src/index.js';

describe('classifyPhone', () => {
  const cases: Array<[string, string]> = [
    ['13812345678', 'mainland'],
    ['+86 138 1234 5678', 'mainland'],
    ['0086-13812345678', 'mainland'],
    ['12812345678', 'invalid'], // no mainland mobile starts 12x
    ['1381234567', 'invalid'], // a digit short
    ['138123456789', 'invalid'], // a digit too many
    ['010-12345678', 'other'], // Beijing landline
    ['+852 9123 4567', 'other'], // Hong Kong
    ['+1 (415) 555-2671', 'other'],
    ['phone', 'invalid'],
    ['0123', 'invalid'],
  ];
  for (const [input, kind] of cases) {
    it(`${JSON.stringify(input)} is ${kind}`, () => assert.equal(classifyPhone(input), kind));
  }
});

describe('ServiceRequestCreate', () => {
  const valid = { categoryId: 'public-light', areaId: 'b-1', description: '3单元楼道灯不亮了' };

  it('trims text and accepts a minimal report', () => {
    const parsed = ServiceRequestCreate.parse({ ...valid, description: '  楼道灯不亮了  ', contactPhone: ' 13812345678 ' });
    assert.equal(parsed.description, '楼道灯不亮了');
    assert.equal(parsed.contactPhone, '13812345678');
  });

  it('counts the trimmed description against the minimum length', () => {
    const result = ServiceRequestCreate.safeParse({ ...valid, description: '   灯坏了   ' });
    assert.equal(result.success, false);
    assert.deepEqual(result.error?.issues.map((issue) => [issue.path.join('.'), issue.code]), [['description', 'too_small']]);
  });

  it('rejects a malformed phone and a missing area', () => {
    const result = ServiceRequestCreate.safeParse({ categoryId: 'x', description: valid.description, contactPhone: '12812345678' });
    assert.deepEqual(result.error?.issues.map((issue) => issue.path.join('.')).sort(), ['areaId', 'contactPhone']);
  });
});

describe('normalizeTrackingCode', () => {
  it('forgives case, spaces and a missing prefix', () => {
    assert.equal(normalizeTrackingCode('ds 7k2m 9qx4'), 'DS-7K2M-9QX4');
    assert.equal(normalizeTrackingCode('7K2M9QX4'), 'DS-7K2M-9QX4');
    assert.equal(normalizeTrackingCode(' DS-7K2M-9QX4 '), 'DS-7K2M-9QX4');
  });
  it('leaves something that is not a code recognisably as typed', () => {
    assert.equal(normalizeTrackingCode(' abc '), 'ABC');
  });
});

describe('localize', () => {
  it('falls back to zh-CN when a translation is missing', () => {
    assert.equal(localize({ 'zh-CN': '公共照明', en: 'Public lighting' }, 'en'), 'Public lighting');
    assert.equal(localize({ 'zh-CN': '公共照明' }, 'zh-TW'), '公共照明');
  });
});

describe('ValidationError', () => {
  it('keeps the first message per field', () => {
    const error = new ValidationError('request', [
      { path: 'contactPhone', code: 'custom', message: 'first' },
      { path: 'contactPhone', code: 'custom', message: 'second' },
    ]);
    assert.deepEqual(error.fields, { contactPhone: 'first' });
    assert.match(error.message, /contactPhone: first/);
  });
});

describe('newIdempotencyKey', () => {
  it('makes distinct v4 UUIDs', () => {
    const keys = new Set(Array.from({ length: 100 }, newIdempotencyKey));
    assert.equal(keys.size, 100);
    for (const key of keys) assert.match(key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('works where crypto.randomUUID is missing (plain-HTTP pages)', () => {
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      assert.match(newIdempotencyKey(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      // Deleting the own property uncovers the real method on Crypto.prototype again.
      Reflect.deleteProperty(crypto, 'randomUUID');
    }
    assert.equal(typeof crypto.randomUUID, 'function');
  });
});
