import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Report runs, snapshots and subscriptions, and the read models reporting
 * reads: one SQL view per owning context (catalogue_, identity_, scheduling_,
 * pilots_), so reports never reach into another context's tables and a
 * context can change its tables as long as its view still answers.
 */

export class Reporting1795831321275 implements MigrationInterface {
  name = 'Reporting1795831321275';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "report_runs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" text NOT NULL,
                "night" date,
                "scope" text,
                "subject_id" uuid,
                "period_start" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "period_end" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "status" text NOT NULL DEFAULT 'queued',
                "steps_done" integer NOT NULL DEFAULT '0',
                "steps_total" integer NOT NULL DEFAULT '0',
                "snapshots" integer,
                "error" text,
                "requested_by_user_id" uuid,
                "month_notified_at" TIMESTAMP(3) WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "started_at" TIMESTAMP(3) WITH TIME ZONE,
                "finished_at" TIMESTAMP(3) WITH TIME ZONE,
                CONSTRAINT "report_runs_period_check" CHECK ("period_start" < "period_end"),
                CONSTRAINT "report_runs_kind_check" CHECK ("kind" IN ('nightly', 'on-demand')),
                CONSTRAINT "report_runs_status_check" CHECK (
                    "status" IN ('queued', 'running', 'completed', 'failed')
                ),
                CONSTRAINT "report_runs_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "report_runs_queued_index" ON "report_runs" ("created_at")
            WHERE "status" = 'queued'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "report_runs_night_key" ON "report_runs" ("night")
            WHERE "kind" = 'nightly'
        `);
    await queryRunner.query(`
            CREATE TABLE "report_snapshots" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "scope" text NOT NULL,
                "subject_id" uuid,
                "period_kind" text NOT NULL,
                "period_start" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "period_end" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "run_id" uuid NOT NULL,
                "figures" jsonb NOT NULL,
                "breakdowns" jsonb NOT NULL,
                "built_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "report_snapshots_subject_check" CHECK (("scope" = 'platform') = ("subject_id" IS NULL)),
                CONSTRAINT "report_snapshots_period_kind_check" CHECK (
                    "period_kind" IN ('day', 'month-to-date', 'year-to-date', 'custom')
                ),
                CONSTRAINT "report_snapshots_scope_check" CHECK (
                    "scope" IN ('platform', 'organization', 'testbed')
                ),
                CONSTRAINT "report_snapshots_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "report_snapshots_subject_index" ON "report_snapshots" ("subject_id", "period_start")
        `);
    await queryRunner.query(`
            CREATE TABLE "report_subscriptions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "scope" text NOT NULL,
                "subject_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "report_subscriptions_scope_check" CHECK (
                    "scope" IN ('platform', 'organization', 'testbed')
                ),
                CONSTRAINT "report_subscriptions_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "report_subscriptions_user_index" ON "report_subscriptions" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "report_snapshots_identity_key" ON "report_snapshots" ("scope", "subject_id", "period_kind", "period_start", "period_end") NULLS NOT DISTINCT
        `);
    // catalogue: what a test bed is, for scoping and breakdowns.
    await queryRunner.query(`
            CREATE VIEW catalogue_testbed_facts AS
            SELECT t.id AS testbed_id, t.organization_id, t.environment_type, t.domains, t.status, t.created_at FROM testbeds t
        `);
    // identity: an organization's kind.
    await queryRunner.query(`
            CREATE VIEW identity_organization_facts AS SELECT o.id AS organization_id, o.kind, o.name FROM organizations o
        `);
    // scheduling: slots and their places; bookings; decisions on requests; promotions from waiting lists; companies' first bookings.
    await queryRunner.query(`
            CREATE VIEW scheduling_slot_facts AS
            SELECT s.id AS slot_id, s.testbed_id, lower(s.period) AS starts_at, upper(s.period) AS ends_at, s.capacity, s.held, s.status FROM slots s
        `);
    await queryRunner.query(`
            CREATE VIEW scheduling_booking_facts AS
            SELECT b.id AS booking_id, b.testbed_id, b.organization_id, b.status, b.created_at AS requested_at FROM bookings b
        `);
    await queryRunner.query(`
            CREATE VIEW scheduling_decision_facts AS
            SELECT b.id AS booking_id, b.testbed_id, b.created_at AS requested_at, e.at AS decided_at, e.to_status AS decision
              FROM booking_events e JOIN bookings b ON b.id = e.booking_id
             WHERE e.from_status = 'pending' AND e.to_status IN ('confirmed', 'rejected')
        `);
    await queryRunner.query(`
            CREATE VIEW scheduling_promotion_facts AS
            SELECT b.id AS booking_id, b.testbed_id, e.at AS promoted_at
              FROM booking_events e JOIN bookings b ON b.id = e.booking_id
             WHERE e.type = 'promoted'
        `);
    await queryRunner.query(`
            CREATE VIEW scheduling_company_first_bookings AS
            SELECT b.organization_id, min(b.created_at) AS first_requested_at FROM bookings b GROUP BY b.organization_id
        `);
    // pilots: pilots with their period and outcome; metrics with their latest value; measurement requests and whether they were answered.
    await queryRunner.query(`
            CREATE VIEW pilots_pilot_facts AS
            SELECT p.id AS pilot_id, p.testbed_id, p.organization_id, p.stage, lower(s.period) AS starts_at, upper(s.period) AS ends_at,
                   o.result AS outcome, o.recorded_at AS outcome_recorded_at
              FROM pilots p JOIN bookings b ON b.id = p.booking_id JOIN slots s ON s.id = b.slot_id
              LEFT JOIN pilot_outcomes o ON o.pilot_id = p.id
        `);
    await queryRunner.query(`
            CREATE VIEW pilots_metric_facts AS
            SELECT m.id AS metric_id, m.pilot_id, m.direction, m.target,
                   (SELECT x.value FROM measurements x WHERE x.metric_id = m.id ORDER BY x.observed_at DESC, x.created_at DESC LIMIT 1) AS latest_value
              FROM pilot_metrics m
        `);
    await queryRunner.query(`
            CREATE VIEW pilots_measurement_request_facts AS
            SELECT r.id AS request_id, r.pilot_id, p.testbed_id, r.due_at, r.opened_at,
                   EXISTS (SELECT 1 FROM measurements x WHERE x.metric_id = r.metric_id AND x.observed_at >= r.window_start AND x.observed_at < r.window_end) AS answered
              FROM measurement_requests r JOIN pilots p ON p.id = r.pilot_id
        `);
    // Reports read decisions and promotions by time.
    await queryRunner.query(`CREATE INDEX "booking_events_at_index" ON "booking_events" ("at")`);
    await queryRunner.query(`CREATE INDEX "pilot_outcomes_recorded_at_index" ON "pilot_outcomes" ("recorded_at")`);
    await queryRunner.query(`CREATE INDEX "measurement_requests_due_at_index" ON "measurement_requests" ("due_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "measurement_requests_due_at_index"`);
    await queryRunner.query(`DROP INDEX "pilot_outcomes_recorded_at_index"`);
    await queryRunner.query(`DROP INDEX "booking_events_at_index"`);
    for (const view of [
      'pilots_measurement_request_facts',
      'pilots_metric_facts',
      'pilots_pilot_facts',
      'scheduling_company_first_bookings',
      'scheduling_promotion_facts',
      'scheduling_decision_facts',
      'scheduling_booking_facts',
      'scheduling_slot_facts',
      'identity_organization_facts',
      'catalogue_testbed_facts',
    ]) {
      await queryRunner.query(`DROP VIEW ${view}`);
    }
    await queryRunner.query(`DROP INDEX "report_snapshots_identity_key"`);
    await queryRunner.query(`
            DROP INDEX "public"."report_subscriptions_user_index"
        `);
    await queryRunner.query(`
            DROP TABLE "report_subscriptions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."report_snapshots_subject_index"
        `);
    await queryRunner.query(`
            DROP TABLE "report_snapshots"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."report_runs_night_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."report_runs_queued_index"
        `);
    await queryRunner.query(`
            DROP TABLE "report_runs"
        `);
  }
}
