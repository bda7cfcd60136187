import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeCursor, queryRow, queryRows, toPage, type Actor, type Page, type TwoSidedScope } from '@slussen/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { CadencePoint } from '../cadence.js';
import { pilotEventDetail, type PilotEventFacts } from '../pilot-event-facts.js';
import type { MetricCadence, MetricDirection, OutcomeResult, PilotStage } from '../pilot-stage.js';

export interface PilotRow {
  id: string;
  bookingId: string;
  bookingStatus: string;
  testbedId: string;
  testbedOrganizationId: string;
  testbedName: string;
  timezone: string;
  organizationId: string;
  companyName: string;
  companyOrgNumber: string | null;
  title: string;
  stage: PilotStage;
  goals: string[];
  planVersion: number;
  companyApprovedVersion: number | null;
  testbedApprovedVersion: number | null;
  planAgreedAt: Date | null;
  abortReason: string | null;
  startsAt: Date;
  endsAt: Date;
  startedAt: Date | null;
  evaluatingAt: Date | null;
  endedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface MetricRow {
  id: string;
  key: string;
  name: string;
  unit: string;
  direction: MetricDirection;
  baseline: number | null;
  target: number | null;
  minimum: number | null;
  maximum: number | null;
  cadence: MetricCadence;
}

export interface MetricSummaryRow extends MetricRow {
  latestValue: number | null;
  latestObservedAt: Date | null;
  measurements: number;
  requested: number;
  missing: number;
}

export interface OutcomeRow {
  result: OutcomeResult;
  summary: string;
  lessons: string | null;
  procurementReference: string | null;
  procurementDate: string | null;
  recordedByUserId: string | null;
  recordedAt: Date;
}

export interface PilotEventRow {
  at: Date;
  type: string;
  fromStage: string | null;
  toStage: string | null;
  actorUserId: string | null;
  actorApiTokenId: string | null;
  detail: string | null;
  facts: Partial<PilotEventFacts>;
}

export interface PilotFilter {
  stage?: PilotStage;
  testbedId?: string;
  organizationId?: string;
}

export type NewMetric = Omit<MetricRow, 'id'>;

export interface MeasurementRequestRow {
  metricKey: string;
  windowStart: Date;
  dueAt: Date;
  windowEnd: Date;
  openedAt: Date | null;
  answeredAt: Date | null;
}

// A pilot's period is its booking's slot, so a reschedule moves it. The booking, test bed and company
// come from the views their contexts publish (the PilotsReadThroughOwners migration).
const PILOT_ROWS = `SELECT p.id, p.booking_id AS "bookingId", b.status AS "bookingStatus", p.testbed_id AS "testbedId",
       t.organization_id AS "testbedOrganizationId", t.name AS "testbedName", t.timezone,
       p.organization_id AS "organizationId", o.name AS "companyName", o.org_number AS "companyOrgNumber", p.title, p.stage, p.goals, p.plan_version AS "planVersion",
       p.company_approved_version AS "companyApprovedVersion", p.testbed_approved_version AS "testbedApprovedVersion",
       p.plan_agreed_at AS "planAgreedAt", p.abort_reason AS "abortReason",
       b.starts_at AS "startsAt", b.ends_at AS "endsAt",
       p.started_at AS "startedAt", p.evaluating_at AS "evaluatingAt", p.ended_at AS "endedAt",
       p.created_at AS "createdAt", p.updated_at AS "updatedAt"
  FROM pilots p JOIN scheduling_booking_periods b ON b.booking_id = p.booking_id
  JOIN catalogue_testbed_profiles t ON t.testbed_id = p.testbed_id
  JOIN identity_organization_facts o ON o.organization_id = p.organization_id`;

const METRIC_COLUMNS = `m.id, m.key, m.name, m.unit, m.direction, m.baseline, m.target, m.minimum, m.maximum, m.cadence`;

const actorIds = (actor: Actor | null) => [actor?.userId ?? null, actor?.type === 'apiToken' ? actor.id : null];

@Injectable()
export class PilotsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private run(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  findById(id: string, manager?: EntityManager): Promise<PilotRow | null> {
    return queryRow<PilotRow>(this.run(manager), `${PILOT_ROWS} WHERE p.id = $1`, [id]);
  }

  /** Pilots by id, in one read. */
  async findByIds(ids: readonly string[]): Promise<Map<string, PilotRow>> {
    const rows = await queryRows<PilotRow>(this.dataSource, `${PILOT_ROWS} WHERE p.id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((row) => [row.id, row]));
  }

  findByBooking(bookingId: string): Promise<PilotRow | null> {
    return queryRow<PilotRow>(this.dataSource, `${PILOT_ROWS} WHERE p.booking_id = $1`, [bookingId]);
  }

  /** Locks the pilot's row, so its plan and stage change one request at a time. */
  async lock(id: string, manager: EntityManager): Promise<void> {
    await manager.query('SELECT 1 FROM pilots WHERE id = $1 FOR UPDATE', [id]);
  }

  /** Pilots the caller may see, newest first (`all` for platform admins). */
  async list(visible: TwoSidedScope, filter: PilotFilter, limit: number, cursor?: string): Promise<Page<PilotRow>> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (!('all' in visible))
      where.push(
        `(p.organization_id = ANY(${param(visible.companies)}::uuid[]) OR t.organization_id = ANY(${param(visible.managed)}::uuid[]))`,
      );
    if (filter.stage) where.push(`p.stage = ${param(filter.stage)}`);
    if (filter.testbedId) where.push(`p.testbed_id = ${param(filter.testbedId)}::uuid`);
    if (filter.organizationId) where.push(`p.organization_id = ${param(filter.organizationId)}::uuid`);
    const before = decodeCursor(cursor, 2);
    if (before) where.push(`(p.created_at, p.id) < (${param(before[0])}::timestamptz, ${param(before[1])}::uuid)`);
    const rows = await queryRows<PilotRow>(
      this.dataSource,
      `${PILOT_ROWS} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY p.created_at DESC, p.id DESC LIMIT ${param(limit + 1)}`,
      params,
    );
    return toPage(rows, limit, (last) => [new Date(last.createdAt).toISOString(), last.id]);
  }

  async addEvent(
    pilotId: string,
    event: {
      type: string;
      fromStage?: PilotStage | null;
      toStage?: PilotStage | null;
      actor: Actor | null;
      facts: Partial<PilotEventFacts>;
    },
    manager: EntityManager,
  ): Promise<void> {
    // Only the facts the event has are kept; a reader fills the rest with null.
    const facts = Object.fromEntries(Object.entries(event.facts).filter(([, value]) => value != null));
    await manager.query(
      `INSERT INTO pilot_events (pilot_id, type, from_stage, to_stage, actor_user_id, actor_api_token_id, detail, facts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        pilotId,
        event.type,
        event.fromStage ?? null,
        event.toStage ?? null,
        ...actorIds(event.actor),
        pilotEventDetail(facts),
        JSON.stringify(facts),
      ],
    );
  }

  events(pilotId: string): Promise<PilotEventRow[]> {
    return queryRows<PilotEventRow>(
      this.dataSource,
      `SELECT at, type, from_stage AS "fromStage", to_stage AS "toStage", actor_user_id AS "actorUserId", actor_api_token_id AS "actorApiTokenId", detail, facts
         FROM pilot_events WHERE pilot_id = $1 ORDER BY at, seq`,
      [pilotId],
    );
  }

  /** Moves the pilot to another stage and stamps when. */
  async setStage(id: string, stage: PilotStage, at: Date, manager: EntityManager, abortReason?: string): Promise<void> {
    await manager.query(
      `UPDATE pilots SET stage = $2, updated_at = now(), abort_reason = coalesce($4, abort_reason),
              started_at = CASE WHEN $2 = 'running' THEN $3 ELSE started_at END,
              evaluating_at = CASE WHEN $2 = 'evaluating' THEN $3 ELSE evaluating_at END,
              ended_at = CASE WHEN $2 IN ('completed', 'aborted') THEN $3 ELSE ended_at END
        WHERE id = $1`,
      [id, stage, at, abortReason ?? null],
    );
  }

  /** A changed plan is a new version that neither side has approved yet. */
  async changePlan(id: string, manager: EntityManager, goals?: string[]): Promise<void> {
    await manager.query(
      `UPDATE pilots SET goals = coalesce($2, goals), plan_version = plan_version + 1, plan_agreed_at = NULL, updated_at = now() WHERE id = $1`,
      [id, goals ?? null],
    );
  }

  /** Records one side's approval of the current version; returns whether both sides now agree. */
  async approvePlan(id: string, side: 'company' | 'testbed', at: Date, manager: EntityManager): Promise<boolean> {
    const column = side === 'company' ? 'company_approved_version' : 'testbed_approved_version';
    const row = await queryRow<{ agreed: boolean }>(
      manager,
      `UPDATE pilots SET ${column} = plan_version, updated_at = now(),
              plan_agreed_at = CASE WHEN (CASE WHEN $2 = 'company' THEN testbed_approved_version ELSE company_approved_version END) = plan_version
                                    THEN coalesce(plan_agreed_at, $3) END
        WHERE id = $1 RETURNING plan_agreed_at IS NOT NULL AS agreed`,
      [id, side, at],
    );
    return row?.agreed ?? false;
  }

  metrics(pilotId: string, manager?: EntityManager): Promise<MetricRow[]> {
    return queryRows<MetricRow>(
      this.run(manager),
      `SELECT ${METRIC_COLUMNS} FROM pilot_metrics m WHERE m.pilot_id = $1 ORDER BY m.created_at, m.key`,
      [pilotId],
    );
  }

  metricByKey(pilotId: string, key: string): Promise<MetricRow | null> {
    return queryRow<MetricRow>(
      this.dataSource,
      `SELECT ${METRIC_COLUMNS} FROM pilot_metrics m WHERE m.pilot_id = $1 AND m.key = $2`,
      [pilotId, key],
    );
  }

  async insertMetric(pilotId: string, metric: NewMetric, manager: EntityManager): Promise<MetricRow> {
    const [row] = await queryRows<MetricRow>(
      manager,
      `INSERT INTO pilot_metrics AS m (pilot_id, key, name, unit, direction, baseline, target, minimum, maximum, cadence)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${METRIC_COLUMNS}`,
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
      ],
    );
    return row!;
  }

  /** Changes a metric's definition in place (its key and measurements stay). */
  async updateMetric(metricId: string, metric: NewMetric, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE pilot_metrics SET name = $2, unit = $3, direction = $4, baseline = $5, target = $6, minimum = $7, maximum = $8, cadence = $9 WHERE id = $1`,
      [
        metricId,
        metric.name,
        metric.unit,
        metric.direction,
        metric.baseline,
        metric.target,
        metric.minimum,
        metric.maximum,
        metric.cadence,
      ],
    );
  }

  /** Removes a metric that has no measurements; false when it has some (and stays). */
  async deleteMetricWithoutMeasurements(metricId: string, manager: EntityManager): Promise<boolean> {
    const deleted = await queryRows<{ id: string }>(
      manager,
      `DELETE FROM pilot_metrics m WHERE m.id = $1 AND NOT EXISTS (SELECT 1 FROM measurements x WHERE x.metric_id = m.id) RETURNING m.id`,
      [metricId],
    );
    return deleted.length > 0;
  }

  /** Forgets a metric's requests not yet opened (its cadence changed). */
  async dropUnopenedRequestsOfMetric(metricId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM measurement_requests WHERE metric_id = $1 AND opened_at IS NULL', [metricId]);
  }

  /** Every requested measurement of the pilot, by due time. */
  measurementRequests(pilotId: string): Promise<MeasurementRequestRow[]> {
    return queryRows<MeasurementRequestRow>(
      this.dataSource,
      `SELECT m.key AS "metricKey", r.window_start AS "windowStart", r.due_at AS "dueAt", r.window_end AS "windowEnd",
              r.opened_at AS "openedAt", r.answered_at AS "answeredAt"
         FROM measurement_requests r JOIN pilot_metrics m ON m.id = r.metric_id
        WHERE r.pilot_id = $1
        ORDER BY r.due_at, m.key`,
      [pilotId],
    );
  }

  /**
   * Per metric: the latest value, how many measurements there are, how many
   * were requested (opened) and how many of those no measurement answers.
   */
  metricSummaries(pilotId: string): Promise<MetricSummaryRow[]> {
    return queryRows<MetricSummaryRow>(
      this.dataSource,
      `SELECT ${METRIC_COLUMNS},
              m.latest_value AS "latestValue", m.latest_observed_at AS "latestObservedAt",
              (SELECT count(*)::int FROM measurements x WHERE x.metric_id = m.id) AS measurements,
              (SELECT count(*)::int FROM measurement_requests r WHERE r.metric_id = m.id AND r.opened_at IS NOT NULL) AS requested,
              (SELECT count(*)::int FROM measurement_requests r
                WHERE r.metric_id = m.id AND r.opened_at IS NOT NULL AND r.answered_at IS NULL) AS missing
         FROM pilot_metrics m
        WHERE m.pilot_id = $1
        ORDER BY m.created_at, m.key`,
      [pilotId],
    );
  }

  /** Plans the requests of a metric's cadence points still to come. */
  async planRequests(pilotId: string, metricId: string, points: CadencePoint[], manager: EntityManager): Promise<void> {
    if (points.length === 0) return;
    await manager.query(
      `INSERT INTO measurement_requests (pilot_id, metric_id, window_start, due_at, window_end)
       SELECT $1, $2, window_start, due_at, window_end
         FROM unnest($3::timestamptz[], $4::timestamptz[], $5::timestamptz[]) AS point(window_start, due_at, window_end)
       ON CONFLICT (metric_id, due_at) DO NOTHING`,
      [
        pilotId,
        metricId,
        points.map((point) => point.windowStart),
        points.map((point) => point.dueAt),
        points.map((point) => point.windowEnd),
      ],
    );
  }

  /** A pilot that ends asks for nothing more. */
  async dropUnopenedRequests(pilotId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM measurement_requests WHERE pilot_id = $1 AND opened_at IS NULL', [pilotId]);
  }

  outcome(pilotId: string): Promise<OutcomeRow | null> {
    return queryRow<OutcomeRow>(
      this.dataSource,
      `SELECT result, summary, lessons, procurement_reference AS "procurementReference", to_char(procurement_date, 'YYYY-MM-DD') AS "procurementDate",
              recorded_by_user_id AS "recordedByUserId", recorded_at AS "recordedAt"
         FROM pilot_outcomes WHERE pilot_id = $1`,
      [pilotId],
    );
  }

  async insertOutcome(
    pilotId: string,
    outcome: Omit<OutcomeRow, 'recordedAt'>,
    at: Date,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO pilot_outcomes (pilot_id, result, summary, lessons, procurement_reference, procurement_date, recorded_by_user_id, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        pilotId,
        outcome.result,
        outcome.summary,
        outcome.lessons,
        outcome.procurementReference,
        outcome.procurementDate,
        outcome.recordedByUserId,
        at,
      ],
    );
  }
}
