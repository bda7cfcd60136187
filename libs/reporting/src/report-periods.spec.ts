import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { endsMonth, nightlyPeriods, reportedDay } from './report-periods.js';

const HOUR = 3_600_000;
const zone = 'Europe/Stockholm';

describe('report periods', () => {
  it('reports a day, the month to date and the year to date, ending at the next local midnight', () => {
    const [day, month, year] = nightlyPeriods('2027-05-14', zone);
    expect(day).toEqual({
      kind: 'day',
      start: new Date('2027-05-13T22:00:00Z'),
      end: new Date('2027-05-14T22:00:00Z'),
    });
    expect(month).toEqual({ kind: 'month-to-date', start: new Date('2027-04-30T22:00:00Z'), end: day!.end });
    expect(year).toEqual({ kind: 'year-to-date', start: new Date('2026-12-31T23:00:00Z'), end: day!.end });
  });

  it('has 23 hours on the night clocks go forward and 25 when they go back', () => {
    const span = (day: string) => {
      const [period] = nightlyPeriods(day, zone);
      return (period!.end.getTime() - period!.start.getTime()) / HOUR;
    };
    expect(span('2027-03-28')).toBe(23);
    expect(span('2027-10-31')).toBe(25);
    expect(span('2027-06-01')).toBe(24);
  });

  it('reports on the local day before the night it runs', () => {
    // 02:00 in Stockholm on 1 June is 00:00 UTC.
    expect(reportedDay(new Date('2027-06-01T00:00:00Z'), zone)).toBe('2027-05-31');
    expect(reportedDay(new Date('2027-01-01T01:00:00Z'), zone)).toBe('2026-12-31');
  });

  it('knows a month’s last day', () => {
    expect(endsMonth('2027-02-28')).toBe(true);
    expect(endsMonth('2028-02-28')).toBe(false);
    expect(endsMonth('2027-12-31')).toBe(true);
  });

  it('nests the day in the month and the month in the year, whatever the day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        (date) => {
          const [day, month, year] = nightlyPeriods(date.toISOString().slice(0, 10), zone);
          expect(year!.start.getTime()).toBeLessThanOrEqual(month!.start.getTime());
          expect(month!.start.getTime()).toBeLessThanOrEqual(day!.start.getTime());
          expect(day!.end.getTime() - day!.start.getTime()).toBeGreaterThanOrEqual(23 * HOUR);
        },
      ),
    );
  });
});
