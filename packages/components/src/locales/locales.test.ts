import { expect } from '@open-wc/testing';
import { LOCALES } from '@doorstep/sdk';
import { catalogs, matchLocale, msg, type Message, type MessageKey } from './index.js';
import { zhCN } from './zh-CN.js';

const placeholders = (message: Message): string[] =>
  [...new Set(Object.values(typeof message === 'string' ? { other: message } : message).flatMap((text) => text.match(/\{\w+\}/g) ?? []))].sort();

describe('locales', () => {
  const keys = Object.keys(zhCN) as MessageKey[];

  for (const locale of LOCALES) {
    it(`${locale} translates every key, with no empty string and the same placeholders`, () => {
      const catalog = catalogs[locale];
      const problems: string[] = [];
      for (const key of keys) {
        const message = catalog[key];
        if (message === undefined) {
          problems.push(`${key}: missing`);
          continue;
        }
        const forms = typeof message === 'string' ? [message] : Object.values(message);
        if (forms.some((form) => typeof form !== 'string' || form.trim() === '')) problems.push(`${key}: empty`);
        if (placeholders(message).join() !== placeholders(zhCN[key]).join()) problems.push(`${key}: placeholders differ`);
      }
      const extra = Object.keys(catalog).filter((key) => !(key in zhCN));
      problems.push(...extra.map((key) => `${key}: not in zh-CN`));
      expect(problems).to.deep.equal([]);
    });

    it(`${locale} gives each plural message every form its language needs`, () => {
      const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const key of keys) {
        const message = catalogs[locale][key];
        if (typeof message === 'string') continue;
        for (const category of needed) expect(message[category], `${locale} ${key} ${category}`).to.be.a('string');
      }
    });
  }

  it('fills placeholders and picks plural forms', () => {
    expect(msg('en', 'counter.remaining', { count: 1 })).to.equal('You have 1 character left');
    expect(msg('en', 'counter.remaining', { count: 2 })).to.equal('You have 2 characters left');
    expect(msg('zh-CN', 'counter.over', { count: 3 })).to.equal('超出 3 个字');
    expect(msg('zh-TW', 'success.announce', { code: 'DS-7K2M-9QX4' })).to.equal('送出成功。查詢編號是 DS-7K2M-9QX4。');
  });

  it('matches language tags to supported locales', () => {
    const cases: Record<string, string | undefined> = {
      zh: 'zh-CN',
      'zh-Hans': 'zh-CN',
      'zh-CN': 'zh-CN',
      'zh-Hans-CN': 'zh-CN',
      'zh-TW': 'zh-TW',
      'zh-HK': 'zh-TW',
      'zh-Hant': 'zh-TW',
      zh_TW: 'zh-TW',
      en: 'en',
      'en-GB': 'en',
      'EN-us': 'en',
      fr: undefined,
      '': undefined,
    };
    for (const [tag, locale] of Object.entries(cases)) expect(matchLocale(tag), tag).to.equal(locale);
  });
});
