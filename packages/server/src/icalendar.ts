/**
 * iCalendar (RFC 5545) for "add to calendar": one VCALENDAR with VEVENTs, written by hand because the
 * rules are few and exact —
 * - lines end in CRLF (§3.1), and are folded at 75 octets (not characters: a UTF-8 Chinese character
 *   is 3 octets and is never split) by CRLF + one space;
 * - TEXT values escape backslash, semicolon and comma, and write line breaks as `\n` (§3.3.11);
 * - times are UTC (`20261123T013000Z`, §3.3.5 form #2), which every calendar reads without a VTIMEZONE;
 * - every event has a UID (stable, so a second import updates instead of duplicating), a DTSTAMP, and a
 *   SEQUENCE that grows with each change.
 */

export interface CalendarEvent {
  /** Globally unique and stable, e.g. `event-<id>@doorstep`. */
  uid: string;
  /** Revision number; a higher one replaces an earlier import. */
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  description?: string | undefined;
  location?: string | undefined;
  cancelled?: boolean;
  lastModified?: Date;
}

const encoder = new TextEncoder();

/** Escapes a TEXT value: `\` `;` `,` and line breaks. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** A DATE-TIME in UTC: `20261123T013000Z`. */
export function utcDateTime(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * Splits a content line into lines of at most 75 octets, continuation lines starting with a space (which
 * counts towards their 75). Splits only between characters, so a multi-byte character stays whole.
 */
export function foldLine(line: string): string[] {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    if (octets + size > 75) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines;
}

/** A whole iCalendar object with the given events, CRLF line ends (the last line too). */
export function icalendar(events: readonly CalendarEvent[], options: { prodId: string; name?: string; now?: Date }): string {
  const stamp = utcDateTime(options.now ?? new Date());
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${options.prodId}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (options.name) lines.push(`X-WR-CALNAME:${escapeText(options.name)}`);
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utcDateTime(event.start)}`,
      `DTEND:${utcDateTime(event.end)}`,
      `SEQUENCE:${event.sequence}`,
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.lastModified) lines.push(`LAST-MODIFIED:${utcDateTime(event.lastModified)}`);
    lines.push(`STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'TRANSP:OPAQUE', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.flatMap(foldLine).join('\r\n') + '\r\n';
}
