// Classes, types and helpers. Importing this module defines no tags: import
// `@doorstep/components/define/index.js` (or one widget's define module) for that.
export { DoorstepElement } from './base/doorstep-element.js';
export { API_BASE_META, pageApiBase } from './base/api-client.js';
export { clientContext, localeContext } from './base/context.js';
export { closestLang } from './base/lang.js';
export { DsProvider } from './provider/provider.js';
export { DsRequestForm, type RequestFormState, type DsErrorDetail } from './request-form/request-form.js';
export type { RequestFormValues, FieldName, FieldError } from './request-form/validation.js';
export {
  DsAreaPicker,
  PICKER_LEVELS,
  PATH_SEPARATOR,
  type AreaPickerState,
  type AreaPickerDetail,
  type AreaPickerChangeEvent,
  type PickerLevel,
} from './area-picker/area-picker.js';
export { areaPickerMessages } from './area-picker/area-picker.messages.js';
export { define } from './define/define.js';
export {
  defineCatalog,
  format,
  matchLocale,
  commonMessages,
  DEFAULT_LOCALE,
  LOCALES,
  type Catalog,
  type KeyOf,
  type Locale,
  type Message,
  type MessageParams,
  type PluralMessage,
} from './locales/index.js';
export { requestFormMessages } from './request-form/request-form.messages.js';
export {
  defaultTokens,
  elderTokens,
  elderOverrides,
  THEMES,
  themeStylesheet,
  type ThemeName,
  type TokenName,
  type Tokens,
} from './themes/tokens.js';
export { token, themeHostStyles } from './themes/styles.js';
export { VERSION } from './version.js';
