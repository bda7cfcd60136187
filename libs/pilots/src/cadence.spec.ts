import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { cadencePoints } from './cadence.js';

const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;

describe('cadence points', () => {
  it('asks weekly, then once more at the end, with grace after it', () => {
    const points = cadencePoints(
      'weekly',
      { startsAt: at('2027-03-01T08:00:00Z'), endsAt: at('2027-03-20T16:00:00Z') },
      'UTC',
      14,
    );
    expect(points.map((point) => point.dueAt.toISOString())).toEqual([
      '2027-03-08T08:00:00.000Z',
      '2027-03-15T08:00:00.000Z',
      '2027-03-20T16:00:00.000Z',
    ]);
    expect(points[0]!.windowStart.toISOString()).toBe('2027-03-01T08:00:00.000Z');
    expect(points[2]!.windowStart.toISOString()).toBe('2027-03-15T08:00:00.000Z');
    expect(points[2]!.windowEnd.toISOString()).toBe('2027-04-03T16:00:00.000Z');
  });

  it('keeps the wall-clock time across the change to summer time in Stockholm', () => {
    // 28 March 2027 is the night clocks go forward in Sweden.
    const points = cadencePoints(
      'weekly',
      { startsAt: at('2027-03-22T08:00:00Z'), endsAt: at('2027-04-20T08:00:00Z') },
      'Europe/Stockholm',
      0,
    );
    const local = points
      .slice(0, -1)
      .map((point) => DateTime.fromJSDate(point.dueAt, { zone: 'Europe/Stockholm' }).toFormat('ccc HH:mm'));
    expect(local).toEqual(['Mon 09:00', 'Mon 09:00', 'Mon 09:00', 'Mon 09:00']);
    expect(points[0]!.dueAt.toISOString()).toBe('2027-03-29T07:00:00.000Z');
  });

  it('counts months from the start, so the end of January does not drift', () => {
    const points = cadencePoints(
      'monthly',
      { startsAt: at('2027-01-31T09:00:00Z'), endsAt: at('2027-05-15T09:00:00Z') },
      'UTC',
      0,
    );
    expect(points.map((point) => point.dueAt.toISOString().slice(0, 10))).toEqual([
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
      '2027-05-15',
    ]);
  });

  it('asks once, at the end, for an end-only metric', () => {
    const points = cadencePoints(
      'end',
      { startsAt: at('2027-03-01T08:00:00Z'), endsAt: at('2027-06-01T08:00:00Z') },
      'Europe/Stockholm',
      7,
    );
    expect(points).toEqual([
      {
        windowStart: at('2027-03-01T08:00:00Z'),
        dueAt: at('2027-06-01T08:00:00Z'),
        windowEnd: new Date(at('2027-06-01T08:00:00Z').getTime() + 7 * DAY),
      },
    ]);
  });

  it('covers the period with back-to-back windows whatever the period, cadence and zone', () => {
    fc.assert(
      fc.property(
        fc.date({ min: at('2026-01-01T00:00:00Z'), max: at('2030-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 400 * 24 }),
        fc.constantFrom('weekly' as const, 'monthly' as const, 'end' as const),
        fc.constantFrom('Europe/Stockholm', 'UTC', 'America/New_York'),
        fc.integer({ min: 0, max: 30 }),
        (startsAt, hours, cadence, zone, grace) => {
          const endsAt = new Date(startsAt.getTime() + hours * 3_600_000);
          const points = cadencePoints(cadence, { startsAt, endsAt }, zone, grace);
          expect(points[0]!.windowStart).toEqual(startsAt);
          expect(points.at(-1)!.dueAt).toEqual(endsAt);
          expect(points.at(-1)!.windowEnd.getTime()).toBe(endsAt.getTime() + grace * DAY);
          for (let index = 1; index < points.length; index++) {
            expect(points[index]!.windowStart).toEqual(points[index - 1]!.windowEnd);
            expect(points[index]!.dueAt.getTime()).toBeGreaterThan(points[index - 1]!.dueAt.getTime());
          }
          for (const point of points) expect(point.dueAt.getTime()).toBeGreaterThan(point.windowStart.getTime());
        },
      ),
    );
  });
});
