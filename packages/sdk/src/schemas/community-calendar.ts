import * as z from 'zod/mini';

/**
 * The community's time zone. Appointments, events and menus are planned in local wall-clock time, so a
 * calendar date ("the list for 23 November", "the week of 23 November") means a day in this zone —
 * whatever zone the server or the resident's device is in. Instants are still sent as ISO 8601 with an
 * offset (`2026-11-23T09:30:00+08:00`); dates are sent as plain `YYYY-MM-DD`.
 */
export const COMMUNITY_TIME_ZONE = 'Asia/Shanghai';

/** A calendar day, `YYYY-MM-DD`, in the community's time zone: no time of day, no offset (2026-02-30 fails). */
export const CalendarDate = z.iso.date();
export type CalendarDate = z.infer<typeof CalendarDate>;

/** A wall-clock time, `HH:MM` (24-hour), in the community's time zone. */
export const WallTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Expected a time as HH:MM' }));
export type WallTime = z.infer<typeof WallTime>;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(date: Date, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    partsFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(date).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** The calendar day `instant` falls on in the community's time zone (or `timeZone`). */
export function calendarDateOf(instant: Date, timeZone: string = COMMUNITY_TIME_ZONE): string {
  const { year, month, day } = partsIn(instant, timeZone);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * `instant` as ISO 8601 with the community's offset, e.g. `2026-11-23T09:30:00+08:00`: the same instant
 * as `toISOString()`, but with the local wall-clock time a resident expects to read.
 */
export function toZonedIso(instant: Date, timeZone: string = COMMUNITY_TIME_ZONE): string {
  const { year, month, day, hour, minute, second } = partsIn(instant, timeZone);
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const offsetMinutes = Math.round((wallAsUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * The instant a wall-clock time on a calendar day happens in the community's time zone, e.g.
 * `zonedInstant('2026-11-23', '09:30')` → 2026-11-23T01:30:00Z.
 */
export function zonedInstant(date: string, time: string, timeZone: string = COMMUNITY_TIME_ZONE): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the wall time itself; a second pass settles the rare case near an offset change.
  let guess = wallAsUtc;
  for (let pass = 0; pass < 2; pass++) {
    const seen = partsIn(new Date(guess), timeZone);
    const seenAsUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute);
    guess += wallAsUtc - seenAsUtc;
  }
  return new Date(guess);
}

/** `date` moved by `days` calendar days (negative goes back). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return `${pad(moved.getUTCFullYear(), 4)}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

/** The Monday of the week `date` is in (weeks run Monday to Sunday, as menus in China do). */
export function weekStartOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}
