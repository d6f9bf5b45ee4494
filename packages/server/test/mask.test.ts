import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskName, maskPhone } from '../src/index.js';

test('names keep their first character', () => {
  assert.equal(maskName('张三丰'), '张**');
  assert.equal(maskName('王五'), '王*');
  assert.equal(maskName('李'), '李*');
  assert.equal(maskName('Li Lei'), 'L*****');
  assert.equal(maskName('𠮷野家'), '𠮷**', 'characters, not UTF-16 units');
});

test('mainland mobile numbers show 3 + 4 digits, with or without +86 and spacing', () => {
  assert.equal(maskPhone('13812345678'), '138****5678');
  assert.equal(maskPhone('+86 138 1234 5678'), '138****5678');
  assert.equal(maskPhone('0086-13812345678'), '138****5678');
});

test('other numbers keep a short prefix and the last 4 digits and hide the rest', () => {
  assert.equal(maskPhone('010-62345678'), '010****5678');
  assert.equal(maskPhone('+852 9123 4567'), '+85*****4567');
  assert.equal(maskPhone('91234567'), '****4567');
  assert.equal(maskPhone('12345'), '*2345');
  for (const phone of ['010-62345678', '+852 9123 4567', '91234567', '+44 20 7946 0958']) {
    const masked = maskPhone(phone);
    assert.ok((masked.match(/\*/g) ?? []).length >= 1, phone);
    assert.ok(masked.endsWith(phone.replace(/\D/g, '').slice(-4)), phone);
  }
});
