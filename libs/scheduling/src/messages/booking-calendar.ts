/**
 * The calendar file (RFC 5545) of a confirmed booking, attached to its
 * confirmation: one event for the slot, in UTC. Written here rather than with
 * `ics`'s createEvent, which validates every event against a yup schema first
 * (about 3 ms a file, a seventh of the worker's time when confirmations are
 * sent in bulk); the event's shape is fixed and its values come from the
 * database, so there is nothing for the schema to catch. The spec holds the
 * file to what `ics` writes for the same event, line by line.
 */
export function bookingCalendarFile(
  booking: { id: string; title: string; startsAt: string; endsAt: string },
  testbed: { name: string; municipality: string },
  now: Date,
): { filename: string; content: string; contentType: string } {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'PRODID:-//Slussen//Pilot slots//EN',
    'METHOD:PUBLISH',
    'X-PUBLISHED-TTL:PT1H',
    'BEGIN:VEVENT',
    `UID:booking-${booking.id}@slussen`,
    `SUMMARY:${text(`${testbed.name}: ${booking.title}`)}`,
    `DTSTAMP:${utc(now)}`,
    `DTSTART:${utc(new Date(booking.startsAt))}`,
    `DTEND:${utc(new Date(booking.endsAt))}`,
    ...(testbed.municipality ? [`LOCATION:${text(testbed.municipality)}`] : []),
    'STATUS:CONFIRMED',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return {
    filename: 'pilot.ics',
    content: lines.map(fold).join('\r\n') + '\r\n',
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
  };
}

/** A TEXT value: backslash, new line, semicolon and comma escaped. */
const text = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n').replace(/;/g, '\\;').replace(/,/g, '\\,');

/** 20270105T080000Z */
const utc = (instant: Date) =>
  instant
    .toISOString()
    .replace(/\.\d{3}/, '')
    .replace(/[-:]/g, '');

/** Lines longer than 75 characters go on in lines that start with a tab, 74 characters each (as `ics` folds them). */
function fold(line: string): string {
  const chars = Array.from(line);
  if (chars.length <= 75) return line;
  const parts = [chars.slice(0, 75).join('')];
  for (let start = 75; start < chars.length; start += 74) parts.push(chars.slice(start, start + 74).join(''));
  return parts.join('\r\n\t');
}
