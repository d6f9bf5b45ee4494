import { calendarDateOf, type HoursPeriod } from '@doorstep/sdk';

/** A span of calendar days in the community's time zone; `null` ends are open. Both ends inclusive. */
export interface Period {
  kind: HoursPeriod | 'range';
  from: string | null;
  to: string | null;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `YYYY-MM` of a `YYYY-MM-DD`. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** The last day of the month `YYYY-MM`. */
export function lastDayOfMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  // Day 0 of the next month is the last day of this one.
  return `${month}-${pad(new Date(Date.UTC(year, monthNumber, 0)).getUTCDate())}`;
}

/** `month` moved by `months` calendar months (negative goes back). */
export function addMonths(month: string, months: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (monthNumber - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${pad((index % 12) + 1)}`;
}

/** Today's date in `timeZone`: the calendar the community lives by, whatever the server's own zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return calendarDateOf(now, timeZone);
}

/**
 * The days a counter covers. `from`/`to` make a range (either may be open); otherwise `period`:
 * `month` and `year` are the ones containing `today` (a community-time date), `all` is everything.
 */
export function resolvePeriod(query: { period?: HoursPeriod | undefined; from?: string | undefined; to?: string | undefined }, today: string): Period {
  if (query.from !== undefined || query.to !== undefined) {
    return { kind: 'range', from: query.from ?? null, to: query.to ?? null };
  }
  switch (query.period ?? 'month') {
    case 'month':
      return { kind: 'month', from: `${monthOf(today)}-01`, to: lastDayOfMonth(monthOf(today)) };
    case 'year':
      return { kind: 'year', from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` };
    case 'all':
      return { kind: 'all', from: null, to: null };
  }
}

/**
 * The 12 months a trend shows: ending with the period's last month, or with the current month when
 * the period reaches past it (a trend of empty future months says nothing), oldest first.
 */
export function trendMonths(period: Period, today: string): string[] {
  const current = monthOf(today);
  const end = period.to !== null && monthOf(period.to) < current ? monthOf(period.to) : current;
  return Array.from({ length: 12 }, (_, index) => addMonths(end, index - 11));
}

/** The inclusive day span of a list of consecutive months. */
export function monthsSpan(months: readonly string[]): { from: string; to: string } {
  return { from: `${months[0]}-01`, to: lastDayOfMonth(months[months.length - 1]!) };
}
