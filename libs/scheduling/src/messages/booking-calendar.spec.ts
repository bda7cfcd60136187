import { describe, expect, it } from '@jest/globals';
import { createEvent, type EventAttributes } from 'ics';
import { bookingCalendarFile } from './booking-calendar.js';

/** The file `ics` wrote for a confirmed booking before (the code this replaces), for the same event. */
function withIcs(
  booking: { id: string; title: string; startsAt: string; endsAt: string },
  testbed: { name: string; municipality: string },
  now: Date,
): string {
  const attributes = {
    uid: `booking-${booking.id}@slussen`,
    start: Date.parse(booking.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(booking.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: `${testbed.name}: ${booking.title}`,
    location: testbed.municipality,
    status: 'CONFIRMED',
    productId: '-//Slussen//Pilot slots//EN',
    // The time of writing (DTSTAMP), which ics takes though its types do not say so.
    timestamp: now.getTime(),
  };
  const { value, error } = createEvent(attributes as EventAttributes);
  if (error || !value) throw error ?? new Error('no file');
  return value;
}

const booking = {
  id: '0b7a3e0e-1111-4222-8333-444455556666',
  title: 'Digital tillsyn',
  startsAt: '2027-01-05T08:00:00.000Z',
  endsAt: '2027-01-19T16:30:00.000Z',
};
const testbed = { name: 'Kalenderlabbet', municipality: 'Umeå' };
const now = new Date('2026-11-30T16:10:30.123Z');

describe('a confirmed booking’s calendar file', () => {
  it.each([
    ['a plain title', booking, testbed],
    [
      'commas, semicolons, backslashes and new lines, which are escaped',
      { ...booking, title: 'Tillsyn, natt; dag\\kväll\nrad två' },
      { ...testbed, municipality: 'Umeå, Västerbotten' },
    ],
    [
      'a long title in Swedish, folded at 75 characters and then 74',
      { ...booking, title: 'Åtta äldreboenden prövar nattlig tillsyn med sensorer '.repeat(4) },
      testbed,
    ],
    ['no municipality, so no location', booking, { ...testbed, municipality: '' }],
    ['seconds in the slot’s times', { ...booking, startsAt: '2027-01-05T08:00:59.999Z' }, testbed],
  ])('is what ics writes for the same event: %s', (_, each, where) => {
    const file = bookingCalendarFile(each, where, now);
    expect(file.content).toBe(withIcs(each, where, now));
    expect(file).toMatchObject({ filename: 'pilot.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH' });
  });
});
