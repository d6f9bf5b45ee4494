import { COMMUNITY_TIME_ZONE, calendarDateOf, type Locale } from '@doorstep/sdk';

/** The periods a board can show; a `from`/`to` pair overrides them. */
export const STATS_PERIODS = ['month', 'last-month', 'year', 'all'] as const;
export type StatsPeriod = (typeof STATS_PERIODS)[number];

export interface PeriodRange {
  /** First day, `YYYY-MM-DD` in the community's time zone; undefined: from the beginning. */
  from?: string;
  /** Last day (inclusive); undefined: until now. */
  to?: string;
}

const pad = (value: number) => String(value).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The days of a named period as the community counts them (months turn at midnight in China). */
export function periodRange(period: StatsPeriod, now: Date = new Date()): PeriodRange {
  const [year, month] = calendarDateOf(now).split('-').map(Number) as [number, number];
  switch (period) {
    case 'month':
      return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(lastDayOf(year, month))}` };
    case 'last-month': {
      const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
      return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDayOf(y, m))}` };
    }
    case 'year':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case 'all':
      return {};
  }
}

const anchor = (day: string) => new Date(`${day}T12:00:00+08:00`);

/** How a period reads: 2026年11月 / November 2026, 2026年 / 2026, or a range of days; undefined for all time. */
export function periodLabel(locale: Locale, { from, to }: PeriodRange): string | undefined {
  if (!from || !to) return undefined;
  const options = { timeZone: COMMUNITY_TIME_ZONE } as const;
  const [fy, fm, fd] = from.split('-');
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const wholeMonths = fd === '01' && td === lastDayOf(ty, tm);
  if (wholeMonths && fy === String(ty) && fm === '01' && tm === 12) {
    return new Intl.DateTimeFormat(locale, { ...options, year: 'numeric' }).format(anchor(from));
  }
  if (wholeMonths && fy === String(ty) && Number(fm) === tm) {
    return new Intl.DateTimeFormat(locale, { ...options, year: 'numeric', month: 'long' }).format(anchor(from));
  }
  return new Intl.DateTimeFormat(locale, { ...options, dateStyle: 'medium' }).formatRange(anchor(from), anchor(to));
}
