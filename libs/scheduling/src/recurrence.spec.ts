import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { expandRecurrence, MAX_OCCURRENCES, RecurrenceError } from './recurrence.js';

// Zones with DST in either hemisphere, and one without.
const ZONES = [
  'Europe/Stockholm',
  'America/New_York',
  'Australia/Sydney',
  'Europe/London',
  'America/Santiago',
  'Asia/Tokyo',
];

const local = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const wallClock = (date: Date, zone: string) => DateTime.fromJSDate(date, { zone }).toFormat('HH:mm');

describe('expandRecurrence', () => {
  it('keeps 09:00–17:00 Stockholm time across the spring and autumn changes', () => {
    const slots = expandRecurrence(
      {
        startsAt: local('2027-03-15T09:00', 'Europe/Stockholm'),
        endsAt: local('2027-03-15T17:00', 'Europe/Stockholm'),
      },
      'Europe/Stockholm',
      { frequency: 'weekly', interval: 1, count: 40 },
    );
    expect(slots).toHaveLength(40);
    expect(slots.map((slot) => wallClock(slot.startsAt, 'Europe/Stockholm'))).toEqual(Array(40).fill('09:00'));
    expect(slots.map((slot) => wallClock(slot.endsAt, 'Europe/Stockholm'))).toEqual(Array(40).fill('17:00'));
    // In UTC the start moves by an hour at each change (CET 08:00Z, CEST 07:00Z).
    expect(slots[0]!.startsAt.toISOString()).toBe('2027-03-15T08:00:00.000Z');
    expect(slots[2]!.startsAt.toISOString()).toBe('2027-03-29T07:00:00.000Z');
    expect(slots[33]!.startsAt.toISOString()).toBe('2027-11-01T08:00:00.000Z');
  });

  it('keeps an overnight slot’s local end on the next morning', () => {
    const [first, second] = expandRecurrence(
      {
        startsAt: local('2027-10-23T22:00', 'Europe/Stockholm'),
        endsAt: local('2027-10-24T06:00', 'Europe/Stockholm'),
      },
      'Europe/Stockholm',
      { frequency: 'weekly', interval: 1, count: 2 },
    );
    expect(wallClock(second!.endsAt, 'Europe/Stockholm')).toBe('06:00');
    // The night the clocks go back is an hour longer.
    expect(second!.endsAt.getTime() - second!.startsAt.getTime()).toBe(
      first!.endsAt.getTime() - first!.startsAt.getTime() + 3_600_000,
    );
  });

  it('puts a monthly slot on the 31st on the last day of shorter months, then back on the 31st', () => {
    const slots = expandRecurrence(
      {
        startsAt: local('2027-01-31T10:00', 'Europe/Stockholm'),
        endsAt: local('2027-01-31T12:00', 'Europe/Stockholm'),
      },
      'Europe/Stockholm',
      { frequency: 'monthly', interval: 1, count: 4 },
    );
    expect(slots.map((slot) => DateTime.fromJSDate(slot.startsAt, { zone: 'Europe/Stockholm' }).toISODate())).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
    ]);
  });

  it('stops at until, inclusive, and refuses more than 200 occurrences or neither count nor until', () => {
    const first = {
      startsAt: local('2027-01-04T09:00', 'Europe/Stockholm'),
      endsAt: local('2027-01-04T10:00', 'Europe/Stockholm'),
    };
    expect(
      expandRecurrence(first, 'Europe/Stockholm', {
        frequency: 'weekly',
        interval: 2,
        until: local('2027-02-01T09:00', 'Europe/Stockholm'),
      }),
    ).toHaveLength(3);
    expect(
      expandRecurrence(first, 'Europe/Stockholm', { frequency: 'weekly', interval: 1, count: MAX_OCCURRENCES }),
    ).toHaveLength(MAX_OCCURRENCES);
    expect(() =>
      expandRecurrence(first, 'Europe/Stockholm', { frequency: 'weekly', interval: 1, count: MAX_OCCURRENCES + 1 }),
    ).toThrow(RecurrenceError);
    expect(() =>
      expandRecurrence(first, 'Europe/Stockholm', {
        frequency: 'weekly',
        interval: 1,
        until: local('2040-01-01T00:00', 'Europe/Stockholm'),
      }),
    ).toThrow(RecurrenceError);
    expect(() => expandRecurrence(first, 'Europe/Stockholm', { frequency: 'weekly', interval: 1 })).toThrow(
      RecurrenceError,
    );
  });

  it('without a recurrence, gives the one period back', () => {
    const period = { startsAt: new Date('2027-05-01T08:00:00Z'), endsAt: new Date('2027-05-01T09:00:00Z') };
    expect(expandRecurrence(period, 'Asia/Tokyo')).toEqual([period]);
  });

  it('property: every occurrence starts and ends at the first one’s local wall-clock time, in every zone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }),
        // Hours clear of the small-hours gaps where DST changes happen.
        fc.integer({ min: 6, max: 20 }),
        fc.integer({ min: 0, max: 3 }).map((quarter) => quarter * 15),
        fc.integer({ min: 30, max: 180 }),
        fc.constantFrom<'weekly' | 'monthly'>('weekly', 'monthly'),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 60 }),
        (zone, day, hour, minute, minutes, frequency, interval, count) => {
          const start = DateTime.fromJSDate(day, { zone }).set({ hour, minute, second: 0, millisecond: 0 });
          const end = start.plus({ minutes });
          const slots = expandRecurrence({ startsAt: start.toJSDate(), endsAt: end.toJSDate() }, zone, {
            frequency,
            interval,
            count,
          });
          expect(slots).toHaveLength(count);
          for (const [index, slot] of slots.entries()) {
            const occurrence = DateTime.fromJSDate(slot.startsAt, { zone });
            expect(occurrence.toFormat('HH:mm')).toBe(start.toFormat('HH:mm'));
            expect(DateTime.fromJSDate(slot.endsAt, { zone }).toFormat('HH:mm')).toBe(end.toFormat('HH:mm'));
            expect(slot.endsAt.getTime()).toBeGreaterThan(slot.startsAt.getTime());
            if (frequency === 'weekly') {
              expect(occurrence.weekday).toBe(start.weekday);
              expect(Math.round(occurrence.startOf('day').diff(start.startOf('day'), 'days').days)).toBe(
                index * interval * 7,
              );
            } else {
              expect(occurrence.day).toBe(Math.min(start.day, occurrence.daysInMonth!));
            }
            if (index > 0) expect(slot.startsAt.getTime()).toBeGreaterThan(slots[index - 1]!.startsAt.getTime());
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
