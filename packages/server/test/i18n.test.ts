import assert from 'node:assert/strict';
import { test } from 'node:test';
import { negotiateLocale, translate } from '../src/i18n.js';

test('Accept-Language picks zh-CN, zh-TW or en, honouring q-values; zh-CN otherwise', () => {
  const cases: [string | undefined, string][] = [
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['fr-FR, de', 'zh-CN'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-TW', 'zh-TW'],
    ['zh-Hant-HK', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['fr;q=1, en;q=0.5, zh-TW;q=0.8', 'zh-TW'],
    ['en;q=0, zh-TW', 'zh-TW'],
  ];
  for (const [header, expected] of cases) assert.equal(negotiateLocale(header), expected, String(header));
});

test('messages are filled in with their parameters in each language', () => {
  const message = { key: 'field_too_short', params: { min: 5 } } as const;
  assert.equal(translate('zh-CN', message), '请至少填写 5 个字。');
  assert.equal(translate('zh-TW', message), '請至少填寫 5 個字。');
  assert.equal(translate('en', message), 'Enter at least 5 characters.');
});
