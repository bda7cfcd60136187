import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { outboxInsert, queryRows } from '@slussen/core';
import { DataSource } from 'typeorm';

export interface DuePull {
  sourceId: string;
  dueAt: Date;
  requestIds: string[];
}

// A measurement answers a request when it is of the request's metric and observed in its window;
// triggers on both tables keep `answered_at` (see the MeasurementFacts migration).
const ANSWERED = `r.answered_at IS NOT NULL`;

/** A measurement message's payload from a pilot's due requests grouped by due time. */
const MEASUREMENTS_DUE = { pilotId: 'pilot_id', dueAt: 'due_at', metricKeys: 'keys' };

/**
 * The set-based steps of the worker's pilot scan. A pilot's period is its booking's
 * slot, read through scheduling's `scheduling_booking_periods` view. Each reads the time it is
 * given, claims its rows with FOR UPDATE SKIP LOCKED (so several workers share
 * a scan), and writes its outbox messages in the statement that changes state.
 */
@Injectable()
export class ProgressRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Planned pilots whose confirmed booking's slot has started. */
  dueToStart(now: Date, limit: number): Promise<Array<{ id: string }>> {
    return queryRows<{ id: string }>(
      this.dataSource,
      `SELECT p.id FROM pilots p JOIN scheduling_booking_periods b ON b.booking_id = p.booking_id
        WHERE p.stage = 'planned' AND b.status = 'confirmed' AND b.starts_at <= $1
        ORDER BY b.starts_at LIMIT $2`,
      [now, limit],
    );
  }

  /** Running pilots whose slot has ended. */
  dueToEvaluate(now: Date, limit: number): Promise<Array<{ id: string }>> {
    return queryRows<{ id: string }>(
      this.dataSource,
      `SELECT p.id FROM pilots p JOIN scheduling_booking_periods b ON b.booking_id = p.booking_id
        WHERE p.stage = 'running' AND b.ends_at <= $1
        ORDER BY b.ends_at LIMIT $2`,
      [now, limit],
    );
  }

  /**
   * Opens the requests that have come due and asks the company for those no
   * measurement answers yet: one message per pilot and due time. Pilots with
   * a source are not asked; the worker fetches their source instead.
   */
  async openDueRequests(now: Date, limit: number): Promise<number> {
    const rows = await queryRows<object>(
      this.dataSource,
      `WITH due AS (
         SELECT r.id FROM measurement_requests r WHERE r.opened_at IS NULL AND r.due_at <= $1 ORDER BY r.due_at LIMIT $2 FOR UPDATE SKIP LOCKED
       ), opened AS (
         UPDATE measurement_requests r SET opened_at = $1 FROM due WHERE r.id = due.id
         RETURNING r.id, r.pilot_id, r.metric_id, r.due_at, r.answered_at
       ), asked AS (
         SELECT r.pilot_id, r.due_at, array_agg(m.key ORDER BY m.key) AS keys
           FROM opened r JOIN pilot_metrics m ON m.id = r.metric_id
          WHERE NOT ${ANSWERED} AND NOT EXISTS (SELECT 1 FROM measurement_sources src WHERE src.pilot_id = r.pilot_id)
          GROUP BY r.pilot_id, r.due_at
       ), message AS (
         ${outboxInsert({ from: 'asked', topic: 'pilot.measurement-requested', payload: MEASUREMENTS_DUE })}
       )
       SELECT 1 FROM opened`,
      [now, limit],
    );
    return rows.length;
  }

  /** Opened requests of pilots with a source whose fetch is not queued yet, one fetch per source and due time. */
  pullsToQueue(limit: number): Promise<DuePull[]> {
    return queryRows<DuePull>(
      this.dataSource,
      `SELECT src.id AS "sourceId", r.due_at AS "dueAt", array_agg(r.id) AS "requestIds"
         FROM measurement_requests r JOIN measurement_sources src ON src.pilot_id = r.pilot_id
        WHERE r.opened_at IS NOT NULL AND r.pull_queued_at IS NULL
        GROUP BY src.id, r.due_at
        ORDER BY r.due_at LIMIT $1`,
      [limit],
    );
  }

  async markPullsQueued(requestIds: string[], now: Date): Promise<void> {
    await this.dataSource.query('UPDATE measurement_requests SET pull_queued_at = $2 WHERE id = ANY($1::uuid[])', [
      requestIds,
      now,
    ]);
  }

  /** Reminds the company, once, of requests still unanswered `days` after they were due. */
  async remindOverdue(now: Date, days: number, limit: number): Promise<number> {
    const rows = await queryRows<object>(
      this.dataSource,
      `WITH overdue AS (
         SELECT r.id FROM measurement_requests r JOIN pilots p ON p.id = r.pilot_id
          WHERE r.opened_at IS NOT NULL AND r.reminded_at IS NULL AND r.due_at + make_interval(days => $2) <= $1
            AND p.stage IN ('running', 'evaluating') AND NOT ${ANSWERED}
          ORDER BY r.due_at LIMIT $3 FOR UPDATE OF r SKIP LOCKED
       ), reminded AS (
         UPDATE measurement_requests r SET reminded_at = $1 FROM overdue WHERE r.id = overdue.id RETURNING r.pilot_id, r.metric_id, r.due_at
       ), grouped AS (
         SELECT r.pilot_id, r.due_at, array_agg(m.key ORDER BY m.key) AS keys FROM reminded r JOIN pilot_metrics m ON m.id = r.metric_id GROUP BY r.pilot_id, r.due_at
       )
       ${outboxInsert({ from: 'grouped', topic: 'pilot.measurement-overdue', payload: MEASUREMENTS_DUE })} RETURNING 1`,
      [now, days, limit],
    );
    return rows.length;
  }

  /** Reminds both sides, once, of a plan not agreed `days` before the pilot starts. */
  async remindUnagreedPlans(now: Date, days: number, limit: number): Promise<number> {
    const rows = await queryRows<object>(
      this.dataSource,
      `WITH due AS (
         SELECT p.id FROM pilots p JOIN scheduling_booking_periods b ON b.booking_id = p.booking_id
          WHERE p.stage = 'planned' AND p.plan_agreed_at IS NULL AND p.plan_reminded_at IS NULL
            AND b.starts_at - make_interval(days => $2) <= $1 AND b.starts_at > $1
          LIMIT $3 FOR UPDATE OF p SKIP LOCKED
       ), reminded AS (
         UPDATE pilots p SET plan_reminded_at = $1 FROM due WHERE p.id = due.id RETURNING p.id
       )
       ${outboxInsert({ from: 'reminded', topic: 'pilot.plan-not-agreed', payload: { pilotId: 'id' } })} RETURNING 1`,
      [now, days, limit],
    );
    return rows.length;
  }
}
