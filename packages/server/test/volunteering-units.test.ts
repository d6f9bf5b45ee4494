import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell, toCsv } from '../src/csv.js';
import { sampleEntries, sampleVolunteers } from '../src/sample-data/volunteering.js';
import { addMonths, lastDayOfMonth, resolvePeriod, todayIn, trendMonths } from '../src/volunteering/periods.js';
import { diffFields, editedTiming, resolveTiming, type Clock } from '../src/volunteering/timing.js';

test('periods: this month and year of a community-time date, open ranges, all time', () => {
  assert.deepEqual(resolvePeriod({}, '2028-02-10'), { kind: 'month', from: '2028-02-01', to: '2028-02-29' }, 'leap February');
  assert.deepEqual(resolvePeriod({ period: 'month' }, '2026-02-28'), { kind: 'month', from: '2026-02-01', to: '2026-02-28' });
  assert.deepEqual(resolvePeriod({ period: 'year' }, '2026-12-31'), { kind: 'year', from: '2026-01-01', to: '2026-12-31' });
  assert.deepEqual(resolvePeriod({ period: 'all' }, '2026-12-31'), { kind: 'all', from: null, to: null });
  assert.deepEqual(resolvePeriod({ from: '2026-03-01' }, '2026-12-31'), { kind: 'range', from: '2026-03-01', to: null });
  assert.equal(lastDayOfMonth('2026-12'), '2026-12-31');
  assert.equal(addMonths('2026-01', -1), '2025-12');
  assert.equal(addMonths('2026-11', 14), '2028-01');
});

test('today is the date in the community’s zone, not the server’s', () => {
  assert.equal(todayIn('Asia/Shanghai', new Date('2026-10-31T16:00:00Z')), '2026-11-01');
  assert.equal(todayIn('Asia/Shanghai', new Date('2026-10-31T15:59:59Z')), '2026-10-31');
  assert.equal(todayIn('UTC', new Date('2026-10-31T16:00:00Z')), '2026-10-31');
});

test('a trend is the 12 months ending with the period, never past the current month', () => {
  const months = trendMonths(resolvePeriod({ period: 'month' }, '2026-11-23'), '2026-11-23');
  assert.deepEqual([months.length, months[0], months[11]], [12, '2025-12', '2026-11']);
  assert.deepEqual(trendMonths(resolvePeriod({ period: 'year' }, '2026-03-05'), '2026-03-05').at(-1), '2026-03');
  assert.deepEqual(trendMonths({ kind: 'range', from: null, to: '2025-06-15' }, '2026-03-05').at(-1), '2025-06');
  assert.deepEqual(trendMonths({ kind: 'all', from: null, to: null }, '2026-01-05')[0], '2025-02');
});

const clock: Clock = { now: new Date('2026-11-23T04:00:00Z'), today: '2026-11-23', timeZone: 'Asia/Shanghai' };

test('timing: a start near midnight belongs to the day it starts in Beijing', () => {
  const { timing } = resolveTiming({ startedAt: '2026-10-31T16:30:00Z', endedAt: '2026-10-31T18:00:00Z' }, clock);
  assert.deepEqual(timing, {
    date: '2026-11-01',
    startedAt: new Date('2026-10-31T16:30:00Z'),
    endedAt: new Date('2026-10-31T18:00:00Z'),
    minutes: 90,
  });
  assert.equal(resolveTiming({ startedAt: '2026-10-31T23:30:00+08:00', endedAt: '2026-11-01T00:15:00+08:00' }, clock).timing?.date, '2026-10-31');
});

test('timing: today is fine, tomorrow is the future; an end a few minutes ahead is clock skew', () => {
  assert.ok(resolveTiming({ date: '2026-11-23', minutes: 60 }, clock).timing);
  assert.deepEqual(resolveTiming({ date: '2026-11-24', minutes: 60 }, clock).fields, { date: { key: 'volunteering_field_in_future' } });
  assert.ok(resolveTiming({ startedAt: '2026-11-23T03:00:00Z', endedAt: '2026-11-23T04:03:00Z' }, clock).timing);
  assert.deepEqual(resolveTiming({ startedAt: '2026-11-23T03:00:00Z', endedAt: '2026-11-23T04:30:00Z' }, clock).fields, {
    endedAt: { key: 'volunteering_field_in_future' },
  });
  assert.ok(resolveTiming({ startedAt: '2026-11-22T04:00:00Z', endedAt: '2026-11-23T04:00:00Z' }, clock).timing, 'exactly 24 hours');
});

test('edits: new times replace the duration; a new date keeps the minutes and drops the times', () => {
  const timed = { date: '2026-11-01', startedAt: new Date('2026-11-01T11:00:00Z'), endedAt: new Date('2026-11-01T12:30:00Z'), minutes: 90 };
  assert.deepEqual(editedTiming(timed, { date: '2026-11-02' }), { date: '2026-11-02', minutes: 90 });
  assert.deepEqual(editedTiming(timed, { hours: 2 }), { date: '2026-11-01', minutes: 120 });
  assert.deepEqual(editedTiming(timed, { endedAt: '2026-11-01T13:00:00Z' }), {
    date: undefined,
    minutes: undefined,
    startedAt: timed.startedAt,
    endedAt: '2026-11-01T13:00:00Z',
  });
  assert.equal(editedTiming(timed, {}), undefined);
  const fields = { teamId: 't', activityType: 'a', areaId: null, servedGroup: null, servedCount: null, note: null };
  assert.deepEqual(diffFields({ ...fields, ...timed }, { ...fields, ...timed, startedAt: null, endedAt: null, date: '2026-11-02' }, 'Asia/Shanghai'), {
    date: { from: '2026-11-01', to: '2026-11-02' },
    startedAt: { from: '2026-11-01T19:00:00+08:00', to: null },
    endedAt: { from: '2026-11-01T20:30:00+08:00', to: null },
  });
});

test('CSV: quotes, commas and line breaks are quoted; formulas are defused; numbers stay numbers', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('他说"好"'), '"他说""好"""');
  assert.equal(csvCell('第一行\n第二行'), '"第一行\n第二行"');
  assert.equal(csvCell('=HYPERLINK("http://evil.example","点我")'), `"'=HYPERLINK(""http://evil.example"",""点我"")"`);
  for (const start of ['+', '-', '@', '\t']) assert.equal(csvCell(`${start}1`), `'${start}1`);
  assert.equal(csvCell(-1.5), '-1.5');
  assert.equal(csvCell(null), '');
  assert.equal(toCsv(['a', 'b'], [[1, 'x']]), '\uFEFFa,b\r\n1,x\r\n');
});

test('the sample year is deterministic and every month of it has hours', () => {
  const first = sampleEntries('2026-11-23');
  assert.deepEqual(sampleEntries('2026-11-23'), first);
  const months = new Set(first.map((entry) => entry.date.slice(0, 7)));
  assert.equal(months.size, 12);
  assert.ok(first.every((entry) => entry.date < '2026-11-23'), 'nothing from today or later');
  const codes = new Set(sampleVolunteers().map((volunteer) => volunteer.code));
  assert.ok(first.every((entry) => codes.has(entry.volunteerCode)));
  assert.ok(first.some((entry) => entry.status === 'pending') && first.some((entry) => entry.status === 'rejected'));
  assert.deepEqual(sampleEntries('2026-12-01').filter((entry) => entry.date.startsWith('2026-12')), [], 'the 1st of a month has nothing yet');
});
