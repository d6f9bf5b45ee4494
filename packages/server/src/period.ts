/**
 * Reads a `from`/`to` pair as a half-open period [start, end). A bare day is a calendar day in China
 * Standard Time (+08:00, the zone of the communities this serves): as `from` its first instant, as
 * `to` the first instant of the next day, so `to=2026-11-30` includes all of the 30th. A date-time
 * with an offset is exact (`to` then includes that instant).
 */
export interface Period {
  start: Date | null;
  end: Date | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

export function readPeriod(from: string | undefined, to: string | undefined): Period {
  const start = from === undefined ? null : new Date(DAY.test(from) ? `${from}T00:00:00+08:00` : from);
  let end: Date | null = null;
  if (to !== undefined) {
    end = DAY.test(to) ? new Date(new Date(`${to}T00:00:00+08:00`).getTime() + DAY_MS) : new Date(new Date(to).getTime() + 1);
  }
  return { start, end };
}

/** `AND created_at >= $n AND created_at < $m` for the period, with its parameters appended to `params`. */
export function periodCondition(column: string, period: Period, params: unknown[]): string {
  let sql = '';
  if (period.start) {
    params.push(period.start);
    sql += ` AND ${column} >= $${params.length}`;
  }
  if (period.end) {
    params.push(period.end);
    sql += ` AND ${column} < $${params.length}`;
  }
  return sql;
}
