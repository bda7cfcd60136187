import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pilots, their plans, measurements, sources and outcomes. The trigger makes a
 * confirmed booking a pilot in the transaction that confirms it, whichever path
 * confirms it (a booking without approval, an approval, a promotion from the
 * waiting list, a reschedule), and aborts a pilot whose booking is withdrawn.
 * It is the pilots context's: it writes only pilot tables.
 */

export class Pilots1795828602801 implements MigrationInterface {
  name = 'Pilots1795828602801';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "pilots" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "booking_id" uuid NOT NULL,
                "testbed_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "title" text NOT NULL,
                "stage" text NOT NULL DEFAULT 'planned',
                "goals" text array NOT NULL DEFAULT '{}',
                "plan_version" integer NOT NULL DEFAULT '1',
                "company_approved_version" integer,
                "testbed_approved_version" integer,
                "plan_agreed_at" TIMESTAMP(3) WITH TIME ZONE,
                "plan_reminded_at" TIMESTAMP(3) WITH TIME ZONE,
                "abort_reason" text,
                "started_at" TIMESTAMP(3) WITH TIME ZONE,
                "evaluating_at" TIMESTAMP(3) WITH TIME ZONE,
                "ended_at" TIMESTAMP(3) WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pilots_aborted_has_reason" CHECK (
                    "stage" <> 'aborted'
                    OR "abort_reason" IS NOT NULL
                ),
                CONSTRAINT "pilots_stage_check" CHECK (
                    "stage" IN (
                        'planned',
                        'running',
                        'evaluating',
                        'completed',
                        'aborted'
                    )
                ),
                CONSTRAINT "pilots_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "pilots_organization_id_index" ON "pilots" ("organization_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "pilots_testbed_id_index" ON "pilots" ("testbed_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "pilots_stage_index" ON "pilots" ("stage")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "pilots_booking_id_key" ON "pilots" ("booking_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "pilot_metrics" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "pilot_id" uuid NOT NULL,
                "key" text NOT NULL,
                "name" text NOT NULL,
                "unit" text NOT NULL,
                "direction" text NOT NULL,
                "baseline" double precision,
                "target" double precision,
                "minimum" double precision,
                "maximum" double precision,
                "cadence" text NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pilot_metrics_bounds_check" CHECK (
                    "minimum" IS NULL
                    OR "maximum" IS NULL
                    OR "minimum" <= "maximum"
                ),
                CONSTRAINT "pilot_metrics_cadence_check" CHECK ("cadence" IN ('weekly', 'monthly', 'end')),
                CONSTRAINT "pilot_metrics_direction_check" CHECK ("direction" IN ('increase', 'decrease')),
                CONSTRAINT "pilot_metrics_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "pilot_metrics_pilot_key" ON "pilot_metrics" ("pilot_id", "key")
        `);
    await queryRunner.query(`
            CREATE TABLE "measurement_requests" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "pilot_id" uuid NOT NULL,
                "metric_id" uuid NOT NULL,
                "window_start" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "due_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "window_end" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "opened_at" TIMESTAMP(3) WITH TIME ZONE,
                "reminded_at" TIMESTAMP(3) WITH TIME ZONE,
                "pull_queued_at" TIMESTAMP(3) WITH TIME ZONE,
                CONSTRAINT "measurement_requests_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "measurement_requests_pilot_id_index" ON "measurement_requests" ("pilot_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "measurement_requests_unopened_index" ON "measurement_requests" ("due_at")
            WHERE "opened_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "measurement_requests_metric_due_key" ON "measurement_requests" ("metric_id", "due_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "measurement_sources" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "pilot_id" uuid NOT NULL,
                "url" text NOT NULL,
                "sealed_token" text,
                "created_by_user_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "measurement_sources_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "measurement_sources_pilot_id_key" ON "measurement_sources" ("pilot_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "measurements" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "pilot_id" uuid NOT NULL,
                "metric_id" uuid NOT NULL,
                "value" double precision NOT NULL,
                "observed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "note" text,
                "origin" text NOT NULL,
                "recorded_by_user_id" uuid,
                "recorded_by_api_token_id" uuid,
                "source_fetch_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "measurements_origin_check" CHECK ("origin" IN ('submitted', 'pulled')),
                CONSTRAINT "measurements_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "measurements_pilot_id_index" ON "measurements" ("pilot_id", "observed_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "measurements_pulled_once" ON "measurements" ("metric_id", "observed_at")
            WHERE "origin" = 'pulled'
        `);
    await queryRunner.query(`
            CREATE INDEX "measurements_metric_observed_index" ON "measurements" ("metric_id", "observed_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "pilot_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "pilot_id" uuid NOT NULL,
                "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
                "type" text NOT NULL,
                "from_stage" text,
                "to_stage" text,
                "actor_user_id" uuid,
                "actor_api_token_id" uuid,
                "detail" text,
                CONSTRAINT "pilot_events_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "pilot_events_pilot_id_at_index" ON "pilot_events" ("pilot_id", "at")
        `);
    await queryRunner.query(`
            CREATE TABLE "pilot_outcomes" (
                "pilot_id" uuid NOT NULL,
                "result" text NOT NULL,
                "summary" text NOT NULL,
                "lessons" text,
                "procurement_reference" text,
                "procurement_date" date,
                "recorded_by_user_id" uuid,
                "recorded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pilot_outcomes_procurement_check" CHECK (
                    "result" <> 'procured'
                    OR (
                        "procurement_reference" IS NOT NULL
                        AND "procurement_date" IS NOT NULL
                    )
                ),
                CONSTRAINT "pilot_outcomes_result_check" CHECK (
                    "result" IN (
                        'adopted',
                        'procured',
                        'extended',
                        'discontinued'
                    )
                ),
                CONSTRAINT "pilot_outcomes_pkey" PRIMARY KEY ("pilot_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "source_fetches" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "source_id" uuid NOT NULL,
                "started_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "duration_ms" integer NOT NULL,
                "attempt" integer NOT NULL,
                "outcome" text NOT NULL,
                "http_status" integer,
                "recorded" integer NOT NULL DEFAULT '0',
                "refused" integer NOT NULL DEFAULT '0',
                "error" text,
                CONSTRAINT "source_fetches_outcome_check" CHECK ("outcome" IN ('ok', 'failed')),
                CONSTRAINT "source_fetches_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "source_fetches_source_id_index" ON "source_fetches" ("source_id", "started_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "pilots"
            ADD CONSTRAINT "pilots_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "pilots"
            ADD CONSTRAINT "pilots_testbed_id_fkey" FOREIGN KEY ("testbed_id") REFERENCES "testbeds"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "pilots"
            ADD CONSTRAINT "pilots_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "pilot_metrics"
            ADD CONSTRAINT "pilot_metrics_pilot_id_fkey" FOREIGN KEY ("pilot_id") REFERENCES "pilots"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "measurement_requests"
            ADD CONSTRAINT "measurement_requests_pilot_id_fkey" FOREIGN KEY ("pilot_id") REFERENCES "pilots"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "measurement_requests"
            ADD CONSTRAINT "measurement_requests_metric_id_fkey" FOREIGN KEY ("metric_id") REFERENCES "pilot_metrics"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "measurement_sources"
            ADD CONSTRAINT "measurement_sources_pilot_id_fkey" FOREIGN KEY ("pilot_id") REFERENCES "pilots"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "measurements"
            ADD CONSTRAINT "measurements_pilot_id_fkey" FOREIGN KEY ("pilot_id") REFERENCES "pilots"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "measurements"
            ADD CONSTRAINT "measurements_metric_id_fkey" FOREIGN KEY ("metric_id") REFERENCES "pilot_metrics"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "pilot_events"
            ADD CONSTRAINT "pilot_events_pilot_id_fkey" FOREIGN KEY ("pilot_id") REFERENCES "pilots"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "pilot_outcomes"
            ADD CONSTRAINT "pilot_outcomes_pilot_id_fkey" FOREIGN KEY ("pilot_id") REFERENCES "pilots"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "source_fetches"
            ADD CONSTRAINT "source_fetches_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "measurement_sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            CREATE FUNCTION pilots_follow_bookings() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.status = 'confirmed' THEN
                WITH created AS (
                  INSERT INTO pilots (booking_id, testbed_id, organization_id, title)
                  VALUES (NEW.id, NEW.testbed_id, NEW.organization_id, NEW.title)
                  ON CONFLICT (booking_id) DO NOTHING
                  RETURNING id
                )
                INSERT INTO pilot_events (pilot_id, type, to_stage, detail)
                SELECT id, 'created', 'planned', 'the booking was confirmed' FROM created;
              ELSE
                WITH withdrawn AS (
                  SELECT id, stage FROM pilots WHERE booking_id = NEW.id AND stage IN ('planned', 'running') FOR UPDATE
                ), aborted AS (
                  UPDATE pilots p SET stage = 'aborted', abort_reason = 'the booking was ' || NEW.status, ended_at = now(), updated_at = now()
                    FROM withdrawn WHERE p.id = withdrawn.id
                  RETURNING p.id, withdrawn.stage AS from_stage
                )
                INSERT INTO pilot_events (pilot_id, type, from_stage, to_stage, detail)
                SELECT id, 'aborted', from_stage, 'aborted', 'the booking was ' || NEW.status FROM aborted;
              END IF;
              RETURN NULL;
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER bookings_make_pilots AFTER INSERT OR UPDATE OF status ON bookings
            FOR EACH ROW WHEN (NEW.status IN ('confirmed', 'cancelled', 'rejected', 'expired'))
            EXECUTE FUNCTION pilots_follow_bookings()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER bookings_make_pilots ON bookings`);
    await queryRunner.query(`DROP FUNCTION pilots_follow_bookings()`);
    await queryRunner.query(`
            ALTER TABLE "source_fetches" DROP CONSTRAINT "source_fetches_source_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "pilot_outcomes" DROP CONSTRAINT "pilot_outcomes_pilot_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "pilot_events" DROP CONSTRAINT "pilot_events_pilot_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "measurements" DROP CONSTRAINT "measurements_metric_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "measurements" DROP CONSTRAINT "measurements_pilot_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "measurement_sources" DROP CONSTRAINT "measurement_sources_pilot_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "measurement_requests" DROP CONSTRAINT "measurement_requests_metric_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "measurement_requests" DROP CONSTRAINT "measurement_requests_pilot_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "pilot_metrics" DROP CONSTRAINT "pilot_metrics_pilot_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "pilots" DROP CONSTRAINT "pilots_organization_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "pilots" DROP CONSTRAINT "pilots_testbed_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "pilots" DROP CONSTRAINT "pilots_booking_id_fkey"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."source_fetches_source_id_index"
        `);
    await queryRunner.query(`
            DROP TABLE "source_fetches"
        `);
    await queryRunner.query(`
            DROP TABLE "pilot_outcomes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."pilot_events_pilot_id_at_index"
        `);
    await queryRunner.query(`
            DROP TABLE "pilot_events"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."measurements_metric_observed_index"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."measurements_pulled_once"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."measurements_pilot_id_index"
        `);
    await queryRunner.query(`
            DROP TABLE "measurements"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."measurement_sources_pilot_id_key"
        `);
    await queryRunner.query(`
            DROP TABLE "measurement_sources"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."measurement_requests_metric_due_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."measurement_requests_unopened_index"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."measurement_requests_pilot_id_index"
        `);
    await queryRunner.query(`
            DROP TABLE "measurement_requests"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."pilot_metrics_pilot_key"
        `);
    await queryRunner.query(`
            DROP TABLE "pilot_metrics"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."pilots_booking_id_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."pilots_stage_index"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."pilots_testbed_id_index"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."pilots_organization_id_index"
        `);
    await queryRunner.query(`
            DROP TABLE "pilots"
        `);
  }
}
