import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Facts reports read often, kept where they are written instead of searched
 * for every night: a metric's latest value, and whether (when) a measurement
 * request was answered. Both are the pilots context's, kept by its triggers.
 * Also the unlogged staging table in which a report run's families, computed
 * side by side on several connections, meet before they are folded into
 * snapshots (rows live only for the run; a crash loses nothing that matters).
 */
export class MeasurementFacts1795832621000 implements MigrationInterface {
  name = 'MeasurementFacts1795832621000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "measurement_requests" ADD "answered_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "pilot_metrics" ADD "latest_value" double precision`);
    await queryRunner.query(`ALTER TABLE "pilot_metrics" ADD "latest_observed_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`
            UPDATE measurement_requests r SET answered_at = a.at
              FROM (SELECT r2.id, min(x.created_at) AS at FROM measurement_requests r2
                      JOIN measurements x ON x.metric_id = r2.metric_id AND x.observed_at >= r2.window_start AND x.observed_at < r2.window_end
                     GROUP BY r2.id) a
             WHERE a.id = r.id
        `);
    await queryRunner.query(`
            UPDATE pilot_metrics m SET latest_value = l.value, latest_observed_at = l.observed_at
              FROM (SELECT DISTINCT ON (metric_id) metric_id, value, observed_at FROM measurements ORDER BY metric_id, observed_at DESC, created_at DESC) l
             WHERE l.metric_id = m.id
        `);
    await queryRunner.query(`
            CREATE FUNCTION measurements_keep_facts() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              UPDATE pilot_metrics SET latest_value = NEW.value, latest_observed_at = NEW.observed_at
               WHERE id = NEW.metric_id AND (latest_observed_at IS NULL OR NEW.observed_at >= latest_observed_at);
              UPDATE measurement_requests SET answered_at = NEW.created_at
               WHERE metric_id = NEW.metric_id AND answered_at IS NULL AND NEW.observed_at >= window_start AND NEW.observed_at < window_end;
              RETURN NULL;
            END $$
        `);
    await queryRunner.query(
      `CREATE TRIGGER measurements_keep_facts AFTER INSERT ON measurements FOR EACH ROW EXECUTE FUNCTION measurements_keep_facts()`,
    );
    await queryRunner.query(`
            CREATE FUNCTION measurement_requests_answered() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              SELECT min(x.created_at) INTO NEW.answered_at FROM measurements x
               WHERE x.metric_id = NEW.metric_id AND x.observed_at >= NEW.window_start AND x.observed_at < NEW.window_end;
              RETURN NEW;
            END $$
        `);
    await queryRunner.query(
      `CREATE TRIGGER measurement_requests_answered BEFORE INSERT ON measurement_requests FOR EACH ROW EXECUTE FUNCTION measurement_requests_answered()`,
    );
    await queryRunner.query(`
            CREATE OR REPLACE VIEW pilots_metric_facts AS
            SELECT m.id AS metric_id, m.pilot_id, m.direction, m.target, m.latest_value FROM pilot_metrics m
        `);
    await queryRunner.query(`
            CREATE OR REPLACE VIEW pilots_measurement_request_facts AS
            SELECT r.id AS request_id, r.pilot_id, p.testbed_id, r.due_at, r.opened_at, r.answered_at IS NOT NULL AS answered
              FROM measurement_requests r JOIN pilots p ON p.id = r.pilot_id
        `);
    await queryRunner.query(`
            CREATE UNLOGGED TABLE report_values (
                run_id uuid NOT NULL, period_key text NOT NULL, scope text NOT NULL, subject_id uuid, dimension text NOT NULL,
                dimension_value text, figure text NOT NULL, part text, value float8
            )
        `);
    await queryRunner.query(`CREATE INDEX report_values_run_id_index ON report_values (run_id)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE report_values`);
    await queryRunner.query(`
            CREATE OR REPLACE VIEW pilots_measurement_request_facts AS
            SELECT r.id AS request_id, r.pilot_id, p.testbed_id, r.due_at, r.opened_at,
                   EXISTS (SELECT 1 FROM measurements x WHERE x.metric_id = r.metric_id AND x.observed_at >= r.window_start AND x.observed_at < r.window_end) AS answered
              FROM measurement_requests r JOIN pilots p ON p.id = r.pilot_id
        `);
    await queryRunner.query(`
            CREATE OR REPLACE VIEW pilots_metric_facts AS
            SELECT m.id AS metric_id, m.pilot_id, m.direction, m.target,
                   (SELECT x.value FROM measurements x WHERE x.metric_id = m.id ORDER BY x.observed_at DESC, x.created_at DESC LIMIT 1) AS latest_value
              FROM pilot_metrics m
        `);
    await queryRunner.query(`DROP TRIGGER measurement_requests_answered ON measurement_requests`);
    await queryRunner.query(`DROP FUNCTION measurement_requests_answered()`);
    await queryRunner.query(`DROP TRIGGER measurements_keep_facts ON measurements`);
    await queryRunner.query(`DROP FUNCTION measurements_keep_facts()`);
    await queryRunner.query(`ALTER TABLE "pilot_metrics" DROP COLUMN "latest_observed_at"`);
    await queryRunner.query(`ALTER TABLE "pilot_metrics" DROP COLUMN "latest_value"`);
    await queryRunner.query(`ALTER TABLE "measurement_requests" DROP COLUMN "answered_at"`);
  }
}
