import { HOURS_ENTRY_MAX_MINUTES, calendarDateOf, toZonedIso } from '@doorstep/sdk';
import type { EntryFields } from '../db/volunteering.js';
import type { FieldMessages } from '../errors.js';

/** When an activity happened, as an entry stores it. */
export interface Timing {
  date: string;
  startedAt: Date | null;
  endedAt: Date | null;
  minutes: number;
}

/** When it happened, as given: a date and a duration, or a start and an end. */
export interface TimingInput {
  date?: string | undefined;
  minutes?: number | undefined;
  startedAt?: string | Date | undefined;
  endedAt?: string | Date | undefined;
}

export interface Clock {
  /** The current instant. */
  now: Date;
  /** Today in the community's time zone. */
  today: string;
  timeZone: string;
}

/** A device clock a few minutes fast must not make "just finished" look like the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Checks when an activity happened and derives what is stored: with a start and end, the minutes
 * between them and the community-time day it started on (so 2026-11-01T00:30+08:00 is 1 November even
 * though it is still 31 October in UTC); with a date and duration, those. Problems are keyed by the
 * API's field names (`hours` stands for the duration).
 */
export function resolveTiming(input: TimingInput, clock: Clock): { timing?: Timing; fields: FieldMessages } {
  const fields: FieldMessages = {};
  const hasDuration = input.minutes !== undefined;
  const hasTimes = input.startedAt !== undefined || input.endedAt !== undefined;
  if (hasDuration && hasTimes) {
    fields.hours = { key: 'volunteering_field_time_both' };
    return { fields };
  }
  if (!hasDuration && !hasTimes) {
    fields.hours = { key: 'volunteering_field_time_missing' };
    return { fields };
  }
  if (hasDuration) {
    if (input.date === undefined) fields.date = { key: 'field_required' };
    else if (input.date > clock.today) fields.date = { key: 'volunteering_field_in_future' };
    if (Object.keys(fields).length > 0) return { fields };
    return { timing: { date: input.date!, startedAt: null, endedAt: null, minutes: input.minutes! }, fields };
  }
  if (input.startedAt === undefined) fields.startedAt = { key: 'field_required' };
  if (input.endedAt === undefined) fields.endedAt = { key: 'field_required' };
  if (Object.keys(fields).length > 0) return { fields };
  const startedAt = new Date(input.startedAt!);
  const endedAt = new Date(input.endedAt!);
  const minutes = Math.round((endedAt.getTime() - startedAt.getTime()) / 60_000);
  const date = calendarDateOf(startedAt, clock.timeZone);
  if (minutes < 1) fields.endedAt = { key: 'volunteering_field_end_before_start' };
  else if (minutes > HOURS_ENTRY_MAX_MINUTES) fields.endedAt = { key: 'volunteering_field_too_long' };
  else if (endedAt.getTime() > clock.now.getTime() + CLOCK_SKEW_MS) fields.endedAt = { key: 'volunteering_field_in_future' };
  if (input.date !== undefined && input.date !== date) fields.date = { key: 'volunteering_field_date_mismatch' };
  if (Object.keys(fields).length > 0) return { fields };
  return { timing: { date, startedAt, endedAt, minutes }, fields };
}

/** The timing an edit asks for, or `undefined` when it leaves the timing alone. */
export function editedTiming(
  current: Timing,
  edit: { date?: string | undefined; hours?: number | undefined; startedAt?: string | undefined; endedAt?: string | undefined },
): TimingInput | undefined {
  const minutes = edit.hours === undefined ? undefined : Math.round(edit.hours * 60);
  if (edit.startedAt !== undefined || edit.endedAt !== undefined) {
    // New times; a missing end or start is the current one. A duration as well is reported as both.
    return {
      date: edit.date,
      minutes,
      startedAt: edit.startedAt ?? current.startedAt ?? undefined,
      endedAt: edit.endedAt ?? current.endedAt ?? undefined,
    };
  }
  if (minutes !== undefined || edit.date !== undefined) {
    // A date and duration: the entry no longer has clock times (moving them to another day would guess).
    return { date: edit.date ?? current.date, minutes: minutes ?? current.minutes };
  }
  return undefined;
}

/** The fields history records, in the values the API shows (times with the community's offset). */
function shown(fields: EntryFields, timeZone: string): Record<string, unknown> {
  return {
    teamId: fields.teamId,
    activityType: fields.activityType,
    date: fields.date,
    startedAt: fields.startedAt ? toZonedIso(fields.startedAt, timeZone) : null,
    endedAt: fields.endedAt ? toZonedIso(fields.endedAt, timeZone) : null,
    minutes: fields.minutes,
    areaId: fields.areaId,
    servedGroup: fields.servedGroup,
    servedCount: fields.servedCount,
    note: fields.note,
  };
}

/** Each field that differs, as `{ from, to }`. */
export function diffFields(before: EntryFields, after: EntryFields, timeZone: string): Record<string, { from: unknown; to: unknown }> {
  const old = shown(before, timeZone);
  const next = shown(after, timeZone);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, value] of Object.entries(next)) {
    if (old[field] !== value) changes[field] = { from: old[field], to: value };
  }
  return changes;
}
