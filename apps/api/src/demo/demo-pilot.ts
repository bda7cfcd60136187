import { cadencePoints, pilotEventDetail, type PilotEventFacts } from '@slussen/pilots';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { DEMO_PILOT } from './demo-data.js';

export interface RunningPilotParties {
  testbedId: string;
  timezone: string;
  companyId: string;
  companyUserId: string;
  managerUserId: string;
  measurementGraceDays: number;
}

/**
 * CareUp's pilot, running: a place of its own at the test bed that began two
 * weeks ago at 09:00 (the test bed's time) and lasts six weeks, booked and
 * approved a month before, with a plan both sides agreed before the start.
 * The requests of its metrics were planned at the start as the worker plans
 * them (the same cadence points); last week's is answered, and this week's has
 * come due (today's 09:00, or yesterday's before then) and is left unopened
 * for the worker, which opens it and asks Li by e-mail as it would at any due
 * time, and reminds her if it stays unanswered.
 *
 * Written with explicit timestamps, like the year of history: the services
 * take their time from the clock and refuse slots that have begun. The
 * database's triggers still hold the place, make the pilot of the confirmed
 * booking, and keep the answered request and the metric's latest value.
 */
export async function seedRunningPilot(
  manager: EntityManager,
  parties: RunningPilotParties,
  now = new Date(),
): Promise<{ pilotId: string; startsAt: Date; endsAt: Date }> {
  const today = DateTime.fromJSDate(now, { zone: parties.timezone }).set({
    hour: 9,
    minute: 0,
    second: 0,
    millisecond: 0,
  });
  const lastDue = today.toMillis() <= now.getTime() ? today : today.minus({ days: 1 });
  const start = lastDue.minus({ weeks: 2 });
  const [startsAt, endsAt] = [start.toJSDate(), start.plus({ weeks: DEMO_PILOT.running.weeks }).toJSDate()];
  const at = (days: number, hours = 0) => start.plus({ days, hours }).toJSDate();
  const [requested, approved, agreed] = [at(-30), at(-29, 2), at(-21, 5)];

  const [{ id: slotId }] = await manager.query(
    `INSERT INTO slots (testbed_id, period, capacity, created_at, updated_at) VALUES ($1, tstzrange($2, $3), 1, $4, $4) RETURNING id`,
    [parties.testbedId, startsAt, endsAt, at(-45)],
  );
  const [{ id: bookingId }] = await manager.query(
    `INSERT INTO bookings (slot_id, testbed_id, organization_id, created_by_user_id, title, description, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'confirmed', $7, $8) RETURNING id`,
    [
      slotId,
      parties.testbedId,
      parties.companyId,
      parties.companyUserId,
      DEMO_PILOT.title,
      DEMO_PILOT.description,
      requested,
      approved,
    ],
  );
  await manager.query(
    `INSERT INTO booking_events (booking_id, at, type, from_status, to_status, actor_user_id)
     VALUES ($1, $2, 'requested', NULL, 'pending', $3), ($1, $4, 'approved', 'pending', 'confirmed', $5)`,
    [bookingId, requested, parties.companyUserId, approved, parties.managerUserId],
  );

  // The trigger made the pilot of the confirmed booking; its plan was agreed a week before the start, and it started with its slot.
  const [{ id: pilotId }] = await manager.query(`SELECT id FROM pilots WHERE booking_id = $1`, [bookingId]);
  await manager.query(
    `UPDATE pilots SET stage = 'running', goals = $2, plan_version = 4, company_approved_version = 4, testbed_approved_version = 4,
            plan_agreed_at = $3, started_at = $4, created_at = $5, updated_at = $4
      WHERE id = $1`,
    [pilotId, DEMO_PILOT.goals, agreed, startsAt, approved],
  );
  await manager.query(`UPDATE pilot_events SET at = $2 WHERE pilot_id = $1 AND type = 'created'`, [pilotId, approved]);
  const metricIds: string[] = [];
  for (const [index, metric] of DEMO_PILOT.metrics.entries()) {
    const [{ id }] = await manager.query(
      `INSERT INTO pilot_metrics (pilot_id, key, name, unit, direction, baseline, target, minimum, maximum, cadence, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        pilotId,
        metric.key,
        metric.name,
        metric.unit,
        metric.direction,
        metric.baseline,
        metric.target,
        metric.minimum,
        metric.maximum,
        metric.cadence,
        at(-24, index),
      ],
    );
    metricIds.push(id);
  }
  const events: Array<[Date, string, string | null, string | null, string | null, Partial<PilotEventFacts>]> = [
    [at(-25), 'plan-changed', null, null, parties.companyUserId, { cause: 'goals-changed', planVersion: 2 }],
    ...DEMO_PILOT.metrics.map((metric, index): [Date, string, null, null, string, Partial<PilotEventFacts>] => [
      at(-24, index),
      'plan-changed',
      null,
      null,
      parties.companyUserId,
      { cause: 'metric-added', metricKey: metric.key, planVersion: index + 3 },
    ]),
    [
      at(-22),
      'plan-approved',
      null,
      null,
      parties.companyUserId,
      { cause: 'plan-approved', side: 'company', planVersion: 4 },
    ],
    [
      agreed,
      'plan-approved',
      null,
      null,
      parties.managerUserId,
      { cause: 'plan-approved', side: 'testbed', planVersion: 4 },
    ],
    [agreed, 'plan-agreed', null, null, parties.managerUserId, { cause: 'plan-agreed', planVersion: 4 }],
    [startsAt, 'running', 'planned', 'running', null, { cause: 'slot-started' }],
  ];
  for (const [when, type, from, to, actor, facts] of events) {
    await manager.query(
      `INSERT INTO pilot_events (pilot_id, at, type, from_stage, to_stage, actor_user_id, detail, facts) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [pilotId, when, type, from, to, actor, pilotEventDetail(facts), JSON.stringify(facts)],
    );
  }

  // Every cadence point was planned at the start; those due before this week's were opened when they came due.
  for (const [index, metric] of DEMO_PILOT.metrics.entries()) {
    for (const point of cadencePoints(
      metric.cadence,
      { startsAt, endsAt },
      parties.timezone,
      parties.measurementGraceDays,
    )) {
      const opened = point.dueAt < lastDue.toJSDate() ? new Date(point.dueAt.getTime() + 60_000) : null;
      await manager.query(
        `INSERT INTO measurement_requests (pilot_id, metric_id, window_start, due_at, window_end, opened_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [pilotId, metricIds[index], point.windowStart, point.dueAt, point.windowEnd, opened],
      );
    }
  }
  // Li's answer to last week's request (the trigger marks the request answered and keeps the latest value).
  const falls = DEMO_PILOT.metrics.findIndex((metric) => metric.cadence === 'weekly');
  await manager.query(
    `INSERT INTO measurements (pilot_id, metric_id, value, observed_at, note, origin, recorded_by_user_id, created_at) VALUES ($1, $2, $3, $4, $5, 'submitted', $6, $7)`,
    [
      pilotId,
      metricIds[falls],
      DEMO_PILOT.running.firstWeek.value,
      at(6, 12),
      DEMO_PILOT.running.firstWeek.note,
      parties.companyUserId,
      at(7, 2),
    ],
  );
  return { pilotId, startsAt, endsAt };
}
