import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeText, foldLine, icalendar, utcDateTime } from '../src/icalendar.js';

const octets = (text: string) => new TextEncoder().encode(text).length;

test('folding keeps lines within 75 octets and never splits a multi-byte character', () => {
  const line = `LOCATION:${'幸福里社区党群服务中心'.repeat(6)}`;
  const folded = foldLine(line);
  assert.ok(folded.length > 1);
  for (const part of folded) assert.ok(octets(part) <= 75, `${octets(part)} octets`);
  assert.ok(folded.slice(1).every((part) => part.startsWith(' ')));
  assert.equal(folded.map((part, i) => (i === 0 ? part : part.slice(1))).join(''), line, 'unfolding gives the line back');
  assert.deepEqual(foldLine('SUMMARY:short'), ['SUMMARY:short']);
  // A line of exactly 75 octets is not folded; 76 is.
  assert.equal(foldLine('X'.repeat(75)).length, 1);
  assert.equal(foldLine('X'.repeat(76)).length, 2);
});

test('TEXT values escape backslash, semicolon, comma and line breaks (in that order)', () => {
  assert.equal(escapeText('a\\b;c,d\ne\r\nf'), 'a\\\\b\\;c\\,d\\ne\\nf');
  assert.equal(escapeText('时间：9:30'), '时间：9:30', 'colons need no escape');
});

test('UTC date-times and a complete calendar with CRLF line ends', () => {
  assert.equal(utcDateTime(new Date('2026-11-24T09:30:00+08:00')), '20261124T013000Z');
  const text = icalendar(
    [{ uid: 'event-1@doorstep', sequence: 2, start: new Date('2026-11-28T01:30:00Z'), end: new Date('2026-11-28T03:00:00Z'), summary: '亲子阅读', cancelled: true }],
    { prodId: '-//Doorstep//Test//EN', now: new Date('2026-11-23T12:00:00Z') },
  );
  assert.equal(
    text,
    [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Doorstep//Test//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
      'BEGIN:VEVENT', 'UID:event-1@doorstep', 'DTSTAMP:20261123T120000Z', 'DTSTART:20261128T013000Z', 'DTEND:20261128T030000Z',
      'SEQUENCE:2', 'SUMMARY:亲子阅读', 'STATUS:CANCELLED', 'TRANSP:OPAQUE', 'END:VEVENT', 'END:VCALENDAR', '',
    ].join('\r\n'),
  );
});
