import { DateTime } from 'luxon';
import type { PeriodKind } from './entities/report-snapshot.entity.js';

export interface ReportPeriod {
  kind: PeriodKind;
  start: Date;
  end: Date;
}

/**
 * The periods a nightly run reports for the day `day` (YYYY-MM-DD): the day
 * itself, the month to date and the year to date, each ending at the next
 * local midnight. Days are local days, so the night clocks change has 23 or
 * 25 hours.
 */
export function nightlyPeriods(day: string, timezone: string): ReportPeriod[] {
  const start = DateTime.fromISO(day, { zone: timezone }).startOf('day');
  if (!start.isValid) throw new Error(`not a day: ${day}`);
  const end = start.plus({ days: 1 }).toJSDate();
  return [
    { kind: 'day', start: start.toJSDate(), end },
    { kind: 'month-to-date', start: start.startOf('month').toJSDate(), end },
    { kind: 'year-to-date', start: start.startOf('year').toJSDate(), end },
  ];
}

/** The day a nightly run at `at` reports on: the local day before. */
export function reportedDay(at: Date, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone }).minus({ days: 1 }).toISODate()!;
}

/** Whether `day` is the last of its month, so its month-to-date report is the whole month. */
export function endsMonth(day: string): boolean {
  const date = DateTime.fromISO(day);
  return date.plus({ days: 1 }).month !== date.month;
}

/** The first instant of every local month the period [from, to) touches, oldest first (at most `limit`, the latest kept). */
export function monthsOfPeriod(from: Date, to: Date, timezone: string, limit = 25): Date[] {
  const months: Date[] = [];
  const end = DateTime.fromJSDate(to, { zone: timezone });
  for (
    let month = DateTime.fromJSDate(from, { zone: timezone }).startOf('month');
    month < end;
    month = month.plus({ months: 1 })
  )
    months.push(month.toJSDate());
  return months.slice(-limit);
}
