import { expect } from '@open-wc/testing';
import { defineCatalog, format, localeReady, type Catalog } from './catalog.js';

/** A catalogue as the drop-in build makes it: zh-CN inline, the other tables loaded on demand. */
function lazyCatalog(delays: { en?: Promise<void> } = {}) {
  const source = defineCatalog({
    'zh-CN': { greeting: '你好，{name}' },
    'zh-TW': { greeting: '你好，{name}' },
    en: { greeting: 'Hello, {name}' },
  });
  const loads = { en: 0, 'zh-TW': 0 };
  const lazy = {
    'zh-CN': source['zh-CN'],
    'zh-TW': async () => {
      loads['zh-TW'] += 1;
      return { default: source['zh-TW'] };
    },
    en: async () => {
      loads.en += 1;
      await delays.en;
      return { default: source.en };
    },
  } as unknown as Catalog<'greeting'>;
  return { lazy, loads };
}

describe('locales loaded on demand', () => {
  it('is ready at once when every table is at hand (the npm build and the sources)', () => {
    const { lazy } = lazyCatalog();
    expect(localeReady([lazy], 'zh-CN')).to.be.undefined;
    expect(format(lazy, 'zh-CN', 'greeting', { name: '王' })).to.equal('你好，王');
  });

  it('loads a table once, shows zh-CN meanwhile, and the language once it is here', async () => {
    let release!: () => void;
    const { lazy, loads } = lazyCatalog({ en: new Promise((resolve) => (release = resolve)) });
    expect(format(lazy, 'en', 'greeting', { name: 'Wang' })).to.equal('你好，Wang');
    const ready = localeReady([lazy], 'en');
    expect(ready).to.be.instanceOf(Promise);
    release();
    await ready;
    expect(loads.en).to.equal(1);
    expect(format(lazy, 'en', 'greeting', { name: 'Wang' })).to.equal('Hello, Wang');
    expect(localeReady([lazy], 'en')).to.be.undefined;
    expect(loads['zh-TW']).to.equal(0);
  });
});
