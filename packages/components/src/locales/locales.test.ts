import { expect } from '@open-wc/testing';
import { LOCALES } from '@doorstep/sdk';
import { requestFormMessages } from '../request-form/request-form.messages.js';
import { areaPickerMessages } from '../area-picker/area-picker.messages.js';
import { eldercareSignupMessages } from '../eldercare-signup/eldercare-signup.messages.js';
import { appointmentBookingMessages } from '../appointment-booking/appointment-booking.messages.js';
import { eventListMessages } from '../event-list/event-list.messages.js';
import { canteenMenuMessages } from '../canteen-menu/canteen-menu.messages.js';
import { requestStatusMessages } from '../request-status/request-status.messages.js';
import { statsBoardMessages } from '../stats-board/stats-board.messages.js';
import { serviceHoursMessages } from '../service-hours/service-hours.messages.js';
import { volunteerSignupMessages } from '../volunteer-signup/volunteer-signup.messages.js';
import { hoursLogMessages } from '../hours-log/hours-log.messages.js';
import { commonMessages, format, matchLocale, type Catalog, type Message } from './index.js';

/** Every widget's catalogue: a new widget adds its own here. */
const catalogs: Record<string, Catalog> = {
  common: commonMessages,
  'request-form': requestFormMessages,
  'area-picker': areaPickerMessages,
  'eldercare-signup': eldercareSignupMessages,
  'appointment-booking': appointmentBookingMessages,
  'event-list': eventListMessages,
  'canteen-menu': canteenMenuMessages,
  'request-status': requestStatusMessages,
  'stats-board': statsBoardMessages,
  'service-hours': serviceHoursMessages,
  'volunteer-signup': volunteerSignupMessages,
  'hours-log': hoursLogMessages,
};

const placeholders = (message: Message): string[] =>
  [...new Set(Object.values(typeof message === 'string' ? { other: message } : message).flatMap((text) => text.match(/\{\w+\}/g) ?? []))].sort();

describe('locales', () => {
  for (const [name, catalog] of Object.entries(catalogs)) {
    const source = catalog['zh-CN'];
    const keys = Object.keys(source);

    for (const locale of LOCALES) {
      it(`${name}: ${locale} translates every key, with no empty string and the same placeholders`, () => {
        const messages = catalog[locale];
        const problems: string[] = [];
        for (const key of keys) {
          const message = messages[key];
          if (message === undefined) {
            problems.push(`${key}: missing`);
            continue;
          }
          const forms = typeof message === 'string' ? [message] : Object.values(message);
          if (forms.some((form) => typeof form !== 'string' || form.trim() === '')) problems.push(`${key}: empty`);
          if (placeholders(message).join() !== placeholders(source[key]!).join()) problems.push(`${key}: placeholders differ`);
        }
        const extra = Object.keys(messages).filter((key) => !(key in source));
        problems.push(...extra.map((key) => `${key}: not in zh-CN`));
        expect(problems).to.deep.equal([]);
      });

      it(`${name}: ${locale} gives each plural message every form its language needs`, () => {
        const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
        for (const key of keys) {
          const message = catalog[locale][key]!;
          if (typeof message === 'string') continue;
          for (const category of needed) expect(message[category], `${locale} ${key} ${category}`).to.be.a('string');
        }
      });
    }
  }

  it('no key is defined both in a widget catalogue and in the shared one (the widget would shadow it)', () => {
    const shared = Object.keys(commonMessages['zh-CN']);
    const clashes = Object.entries(catalogs)
      .filter(([name]) => name !== 'common')
      .flatMap(([name, catalog]) => Object.keys(catalog['zh-CN']).filter((key) => shared.includes(key)).map((key) => `${name}: ${key}`));
    expect(clashes).to.deep.equal([]);
  });

  it('fills placeholders and picks plural forms', () => {
    expect(format(requestFormMessages, 'en', 'counter.remaining', { count: 1 })).to.equal('You have 1 character left');
    expect(format(requestFormMessages, 'en', 'counter.remaining', { count: 2 })).to.equal('You have 2 characters left');
    expect(format(requestFormMessages, 'zh-CN', 'counter.over', { count: 3 })).to.equal('超出 3 个字');
    expect(format(requestFormMessages, 'zh-TW', 'success.announce', { code: 'DS-7K2M-9QX4' })).to.equal(
      '送出成功。查詢編號是 DS-7K2M-9QX4。',
    );
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
