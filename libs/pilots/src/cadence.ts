import { DateTime } from 'luxon';
import type { MetricCadence } from './pilot-stage.js';

/** One requested measurement: due at `dueAt`, answered by one observed in `[windowStart, windowEnd)`. */
export interface CadencePoint {
  windowStart: Date;
  dueAt: Date;
  windowEnd: Date;
}

const STEP: Record<Exclude<MetricCadence, 'end'>, 'weeks' | 'months'> = { weekly: 'weeks', monthly: 'months' };

/**
 * The points at which a metric is measured over a pilot's period `[startsAt,
 * endsAt)`: every week or month after the start, counted on the test bed's
 * wall clock (a weekly request stays at 09:00 across a change to summer
 * time), and always at the end. The windows are back to back; the last one
 * stays open `graceDays` after the end, as late measurements are accepted.
 */
export function cadencePoints(
  cadence: MetricCadence,
  period: { startsAt: Date; endsAt: Date },
  timezone: string,
  graceDays: number,
): CadencePoint[] {
  const start = DateTime.fromJSDate(period.startsAt, { zone: timezone });
  const end = period.endsAt.getTime();
  const dues: number[] = [];
  if (cadence !== 'end') {
    // Each point counts from the start, not from the previous one, so 31 January + 1 month does not drift.
    for (let step = 1; ; step++) {
      const due = start.plus({ [STEP[cadence]]: step }).toMillis();
      if (due >= end) break;
      dues.push(due);
    }
  }
  dues.push(end);
  return dues.map((due, index) => ({
    windowStart: new Date(index === 0 ? period.startsAt.getTime() : dues[index - 1]!),
    dueAt: new Date(due),
    windowEnd: new Date(index === dues.length - 1 ? due + graceDays * 86_400_000 : due),
  }));
}
