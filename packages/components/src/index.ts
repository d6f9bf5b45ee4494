// Classes, types and helpers. Importing this module defines no tags: import
// `@doorstep/components/define/index.js` (or one widget's define module) for that.
export { DoorstepElement, type DsErrorDetail } from './base/doorstep-element.js';
export { API_BASE_META, pageApiBase } from './base/api-client.js';
export { clientContext, localeContext } from './base/context.js';
export { closestLang } from './base/lang.js';
export { DsProvider } from './provider/provider.js';
export {
  DsRequestForm,
  DEFAULT_PRIVACY_NOTICE_VERSION,
  type RequestFormState,
  type DsSupportedDetail,
  type DsQueuedDetail,
  type QueuedReport,
} from './request-form/request-form.js';
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
export { DsRequestStatus, type RequestStatusState } from './request-status/request-status.js';
export { requestStatusMessages } from './request-status/request-status.messages.js';
export { DsStatsBoard, type StatsBoardState } from './stats-board/stats-board.js';
export { statsBoardMessages } from './stats-board/stats-board.messages.js';
export { STATS_PERIODS, periodRange, type StatsPeriod } from './stats-board/period.js';
export { DsServiceHours, type ServiceHoursState } from './service-hours/service-hours.js';
export { serviceHoursMessages } from './service-hours/service-hours.messages.js';
export { DsVolunteerSignup, type VolunteerSignupState } from './volunteer-signup/volunteer-signup.js';
export { volunteerSignupMessages } from './volunteer-signup/volunteer-signup.messages.js';
export type { SignupValues } from './volunteer-signup/validation.js';
export { DsHoursLog, type HoursLogState, type HoursLogView } from './hours-log/hours-log.js';
export { hoursLogMessages } from './hours-log/hours-log.messages.js';
export type { LogValues } from './hours-log/log-values.js';
export { DsAppointmentBooking, type AppointmentBookingState } from './appointment-booking/appointment-booking.js';
export type { BookingValues } from './appointment-booking/validation.js';
export { appointmentBookingMessages } from './appointment-booking/appointment-booking.messages.js';
export { DsEventList, type EventListState } from './event-list/event-list.js';
export type { SignUpValues } from './event-list/validation.js';
export { eventListMessages } from './event-list/event-list.messages.js';
export { DsCanteenMenu, type CanteenMenuState } from './canteen-menu/canteen-menu.js';
export { canteenMenuMessages } from './canteen-menu/canteen-menu.messages.js';
export {
  DsEldercareSignup,
  type EldercareSignupState,
  type EldercareSignupMode,
  type EldercareStepDetail,
  type EldercareQueuedDetail,
} from './eldercare-signup/eldercare-signup.js';
export { eldercareSignupMessages } from './eldercare-signup/eldercare-signup.messages.js';
export { STEPS as ELDERCARE_STEPS, type StepId as EldercareStepId, type SignupValues as EldercareSignupValues } from './eldercare-signup/values.js';
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
  darkTokens,
  darkOverrides,
  highContrastTokens,
  highContrastOverrides,
  THEMES,
  THEME_OVERRIDES,
  themeStylesheet,
  type ThemeName,
  type ThemeSetting,
  type TokenName,
  type Tokens,
} from './themes/tokens.js';
export { token, themeHostStyles, forcedColorsStyles } from './themes/styles.js';
export { VERSION } from './version.js';
