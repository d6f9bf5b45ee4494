// The demo portal's own script, shared by every page: the language switch and elder mode only set
// attributes on the page's <ds-provider> elements; the widgets follow. Choices survive reloads
// (localStorage) and can be linked (?lang=en&elder=1). A classic script at the end of <body> runs before
// the deferred doorstep.js module, so widgets upgrade with the right language and theme and never
// render twice.
//
// Portal text around the widgets that should follow the language carries data-i18n="<key>" (its text)
// or data-i18n-label="<key>" (its aria-label); a page lists its translations in
// <script type="application/json" id="page-text">{"<key>": {"zh-CN": …}}</script>, the layout (header,
// navigation, footer, the page's title) in #layout-text. build.mjs checks every key has every language.
(() => {
  const LOCALES = ['zh-CN', 'zh-TW', 'en'];
  const providers = document.querySelectorAll('ds-provider');
  const elderToggle = document.getElementById('elder-toggle');
  const localeButtons = document.querySelectorAll('[data-locale]');
  const texts = (id) => JSON.parse(document.getElementById(id)?.textContent ?? '{}');
  const pageText = { ...texts('layout-text'), ...texts('page-text') };

  const stored = (key) => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  };
  const store = (key, value) => {
    try {
      localStorage.setItem(key, value);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  };

  function setLocale(locale) {
    if (!LOCALES.includes(locale)) locale = 'zh-CN';
    for (const provider of providers) provider.setAttribute('locale', locale);
    for (const element of document.querySelectorAll('[data-i18n]')) {
      const text = pageText[element.dataset.i18n]?.[locale];
      if (text === undefined) continue;
      element.textContent = text;
      element.lang = locale;
    }
    for (const element of document.querySelectorAll('[data-i18n-label]')) {
      const label = pageText[element.dataset.i18nLabel]?.[locale];
      if (label === undefined) continue;
      element.setAttribute('aria-label', label);
      element.lang = locale;
    }
    const title = pageText['document.title']?.[locale];
    if (title !== undefined) document.title = title;
    for (const button of localeButtons) button.setAttribute('aria-pressed', String(button.dataset.locale === locale));
    store('doorstep-demo:locale', locale);
  }

  function setElder(on) {
    for (const provider of providers) provider.setAttribute('theme', on ? 'elder' : 'default');
    document.documentElement.classList.toggle('elder', on);
    elderToggle.setAttribute('aria-pressed', String(on));
    store('doorstep-demo:elder', on ? '1' : '0');
  }

  for (const button of localeButtons) button.addEventListener('click', () => setLocale(button.dataset.locale));
  elderToggle.addEventListener('click', () => setElder(elderToggle.getAttribute('aria-pressed') !== 'true'));

  const params = new URLSearchParams(location.search);
  setLocale(params.get('lang') ?? stored('doorstep-demo:locale') ?? 'zh-CN');
  setElder((params.get('elder') ?? stored('doorstep-demo:elder')) === '1');

  // What a portal might do with a widget's result: nothing is required, each widget shows it itself.
  document.addEventListener('ds-submitted', (event) => console.info('[demo] submitted:', event.detail?.code));
})();
