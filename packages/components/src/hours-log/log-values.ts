import {
  HOURS_MAX,
  HOURS_NOTE_MAX_LENGTH,
  HOURS_SERVED_COUNT_MAX,
  HOURS_STEP,
  addDays,
  toZonedIso,
  zonedInstant,
  type FieldIssue,
  type HoursEntryCreate,
  type HoursServedGroup,
} from '@doorstep/sdk';
import { format, type Locale, type MessageParams } from '../locales/index.js';
import { orderErrors, type FieldError } from '../shared/field-errors.js';
import { hoursLogMessages } from './hours-log.messages.js';

type Key = keyof (typeof hoursLogMessages)['zh-CN'];
const msg = (locale: Locale, key: Key, params?: MessageParams) => format(hoursLogMessages, locale, key, params);

/** The log form's controls (their ids), in page order. */
export const LOG_FIELDS = ['team', 'activity', 'date', 'timeMode', 'hours', 'start', 'end', 'area', 'servedGroup', 'servedCount', 'note'] as const;
export type LogField = (typeof LOG_FIELDS)[number];

/** What the volunteer entered, as typed (and saved as a draft). */
export interface LogValues {
  team: string;
  activity: string;
  /** `YYYY-MM-DD`, community time. */
  date: string;
  timeMode: 'hours' | 'times';
  hours: string;
  /** `HH:MM`. */
  start: string;
  end: string;
  area: string;
  servedGroup: '' | HoursServedGroup;
  servedCount: string;
  note: string;
}

export const EMPTY_LOG: LogValues = {
  team: '',
  activity: '',
  date: '',
  timeMode: 'hours',
  hours: '',
  start: '',
  end: '',
  area: '',
  servedGroup: '',
  servedCount: '',
  note: '',
};

const FIELD_OF_PATH: Record<string, LogField> = {
  teamId: 'team',
  activityType: 'activity',
  date: 'date',
  hours: 'hours',
  startedAt: 'start',
  endedAt: 'end',
  areaId: 'area',
  servedGroup: 'servedGroup',
  servedCount: 'servedCount',
  note: 'note',
};

export function logFieldOf(path: string): LogField | undefined {
  return FIELD_OF_PATH[path.split('.')[0] ?? ''];
}

/** Minutes between two wall times; an end at or before the start is on the next day (a night patrol). */
export function minutesBetween(start: string, end: string): number {
  const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const span = toMinutes(end) - toMinutes(start);
  return span > 0 ? span : span + 24 * 60;
}

/** A plain-language message for an issue the SDK found in what the form would send. */
export function logMessage(field: LogField, issue: Pick<FieldIssue, 'code' | 'maximum'>, locale: Locale): string {
  switch (field) {
    case 'hours':
      return msg(locale, 'error.hours.invalid');
    case 'servedCount':
      return msg(locale, 'error.servedCount.invalid');
    case 'note':
      return msg(locale, 'error.note.tooLong', { count: issue.maximum ?? HOURS_NOTE_MAX_LENGTH });
    default:
      return msg(locale, 'error.invalid');
  }
}

export type LogCheck = { ok: true; input: HoursEntryCreate } | { ok: false; errors: FieldError<LogField>[] };

/**
 * Checks what was entered and builds what `me(key).log` sends: a date and hours, or — with clock times,
 * read in the community's time zone — a start and end instant (an end at or before the start is the
 * next morning). `now` is the current instant, `today` the community date.
 */
export function checkLog(values: LogValues, locale: Locale, now: Date, today: string): LogCheck {
  const errors: FieldError<LogField>[] = [];
  const fail = (field: LogField, key: Key, params?: MessageParams) => errors.push({ field, message: msg(locale, key, params) });
  if (!values.team) fail('team', 'error.team.required');
  if (!values.activity) fail('activity', 'error.activity.required');
  if (!values.date) fail('date', 'error.date.required');
  else if (values.date > today) fail('date', 'error.date.future');

  let time: Pick<HoursEntryCreate, 'date' | 'hours' | 'startedAt' | 'endedAt'> = {};
  if (values.timeMode === 'hours') {
    const hours = Number(values.hours.trim());
    if (!values.hours.trim()) fail('hours', 'error.hours.required');
    else if (!Number.isFinite(hours) || hours < HOURS_STEP || hours > HOURS_MAX || !Number.isInteger(hours / HOURS_STEP)) {
      fail('hours', 'error.hours.invalid');
    } else time = { date: values.date, hours };
  } else {
    if (!values.start) fail('start', 'error.start.required');
    if (!values.end) fail('end', 'error.end.required');
    else if (values.start && values.end === values.start) fail('end', 'error.end.sameAsStart');
    if (values.date && values.start && values.end && values.end !== values.start) {
      const startedAt = zonedInstant(values.date, values.start);
      const endDate = values.end > values.start ? values.date : addDays(values.date, 1);
      const endedAt = zonedInstant(endDate, values.end);
      // A few minutes' grace for a phone clock that runs fast.
      if (endedAt.getTime() > now.getTime() + 5 * 60_000) fail('end', 'error.end.future');
      else time = { startedAt: toZonedIso(startedAt), endedAt: toZonedIso(endedAt) };
    }
  }

  const count = values.servedCount.trim();
  const servedCount = Number(count);
  if (count && (!Number.isInteger(servedCount) || servedCount < 1 || servedCount > HOURS_SERVED_COUNT_MAX)) fail('servedCount', 'error.servedCount.invalid');
  if (Array.from(values.note.trim()).length > HOURS_NOTE_MAX_LENGTH) fail('note', 'error.note.tooLong', { count: HOURS_NOTE_MAX_LENGTH });

  if (errors.length > 0) return { ok: false, errors: orderErrors(errors, LOG_FIELDS) };
  return {
    ok: true,
    input: {
      teamId: values.team,
      activityType: values.activity,
      ...time,
      ...(values.area ? { areaId: values.area } : {}),
      ...(values.servedGroup ? { servedGroup: values.servedGroup } : {}),
      ...(count ? { servedCount } : {}),
      ...(values.note.trim() ? { note: values.note.trim() } : {}),
    },
  };
}
