import { DateTime } from 'luxon';

export const MAX_OCCURRENCES = 200;

export interface Recurrence {
  frequency: 'weekly' | 'monthly';
  /** Every `interval` weeks or months. */
  interval: number;
  count?: number;
  /** No occurrence starts after this instant. */
  until?: Date;
}

export interface Period {
  startsAt: Date;
  endsAt: Date;
}

export class RecurrenceError extends Error {
  override name = 'RecurrenceError';
}

/**
 * Expands a first period into its occurrences in `zone`, keeping the local
 * wall-clock start and end of the first one (09:00–17:00 stays 09:00–17:00
 * across daylight-saving changes). Each occurrence is counted from the first,
 * never from the previous one, so a monthly slot on the 31st falls on the last
 * day of shorter months and returns to the 31st after them.
 */
export function expandRecurrence(first: Period, zone: string, recurrence?: Recurrence): Period[] {
  if (!recurrence) return [first];
  if (recurrence.count === undefined && recurrence.until === undefined)
    throw new RecurrenceError('a recurrence needs count or until');
  const start = DateTime.fromJSDate(first.startsAt, { zone });
  const end = DateTime.fromJSDate(first.endsAt, { zone });
  if (!start.isValid) throw new RecurrenceError(`unknown time zone ${zone}`);
  // The end as a local wall-clock time some whole days after the start's date.
  const endDayOffset = Math.round(end.startOf('day').diff(start.startOf('day'), 'days').days);
  const endClock = { hour: end.hour, minute: end.minute, second: end.second, millisecond: end.millisecond };
  const until = recurrence.until ? DateTime.fromJSDate(recurrence.until) : null;
  const limit = recurrence.count ?? Number.POSITIVE_INFINITY;

  const occurrences: Period[] = [];
  for (let index = 0; index < limit; index++) {
    const step = index * recurrence.interval;
    const occurrenceStart = start.plus(recurrence.frequency === 'weekly' ? { weeks: step } : { months: step });
    if (until && occurrenceStart > until) break;
    if (occurrences.length === MAX_OCCURRENCES)
      throw new RecurrenceError(`a recurrence may make at most ${MAX_OCCURRENCES} slots`);
    const occurrenceEnd = occurrenceStart.startOf('day').plus({ days: endDayOffset }).set(endClock);
    occurrences.push({ startsAt: occurrenceStart.toJSDate(), endsAt: occurrenceEnd.toJSDate() });
  }
  return occurrences;
}

export interface PreviewedPeriod extends Period {
  /** Minutes the zone is ahead of UTC at the start (120 for summer time in Stockholm). */
  utcOffsetMinutes: number;
  /** The zone's offset differs from the previous occurrence's: a daylight-saving change falls between them. */
  offsetChanged: boolean;
}

/** The occurrences with the zone's offset at each start, marking where a daylight-saving change falls. */
export function withOffsets(periods: Period[], zone: string): PreviewedPeriod[] {
  let previous: number | null = null;
  return periods.map((period) => {
    const offset = DateTime.fromJSDate(period.startsAt, { zone }).offset;
    const changed = previous !== null && previous !== offset;
    previous = offset;
    return { ...period, utcOffsetMinutes: offset, offsetChanged: changed };
  });
}
