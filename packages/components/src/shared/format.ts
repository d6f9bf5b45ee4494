import { COMMUNITY_TIME_ZONE, calendarDateOf, type Locale } from '@doorstep/sdk';

// Dates and times as residents of the community read them: in the community's time zone (a resident
// travelling, or a portal server abroad, still sees the station's opening times), in the widget's locale.

const formatters = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(locale, options)));
  return formatter;
}

/** Noon UTC of a calendar date: formatting it in UTC can never slip to the day before or after. */
function dateAnchor(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day, 12));
}

/** A calendar day with its weekday: 11月24日周二 / Tue, November 24. */
export function formatDay(locale: Locale, date: string): string {
  return dateTimeFormat(locale, { timeZone: 'UTC', month: 'long', day: 'numeric', weekday: 'short' }).format(dateAnchor(date));
}

/** A calendar day in full: 2026年11月24日星期二 / Tuesday, November 24, 2026. */
export function formatLongDay(locale: Locale, date: string): string {
  return dateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'full' }).format(dateAnchor(date));
}

/** The weekday alone: 周二 / Tue. */
export function formatWeekday(locale: Locale, date: string): string {
  return dateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short' }).format(dateAnchor(date));
}

/** The wall-clock time of an instant in the community: 09:30. */
export function formatTime(locale: Locale, iso: string): string {
  return dateTimeFormat(locale, { timeZone: COMMUNITY_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );
}

/** 09:00–09:30 (an en dash, read as "to" by screen readers). */
export function formatTimeRange(locale: Locale, startIso: string, endIso: string): string {
  return `${formatTime(locale, startIso)}–${formatTime(locale, endIso)}`;
}

/** The calendar day an instant falls on in the community. */
export function communityDate(iso: string): string {
  return calendarDateOf(new Date(iso));
}

/** Today in the community's time zone. */
export function communityToday(now: Date = new Date()): string {
  return calendarDateOf(now);
}

const moneyFormats = new Map<Locale, Intl.NumberFormat>();
/** An amount in fen (1/100 yuan) as the locale writes yuan: ¥15.00 / CN¥15.00. */
export function formatMoney(locale: Locale, fen: number): string {
  let format = moneyFormats.get(locale);
  if (!format) moneyFormats.set(locale, (format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' })));
  return format.format(fen / 100);
}
