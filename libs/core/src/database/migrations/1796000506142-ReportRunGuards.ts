import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * On-demand report runs: at most one identical run (scope, subject, period) in
 * progress at a time, which a second request reuses; who asked, so runs can be
 * limited per person or API token; and no database error text kept from before.
 */
export class ReportRunGuards1796000506142 implements MigrationInterface {
  name = 'ReportRunGuards1796000506142';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_runs" ADD "requested_by_api_token_id" uuid`);
    await queryRunner.query(
      `UPDATE "report_runs" SET "error" = 'The run failed on our side; it can be started again' WHERE "error" IS NOT NULL`,
    );
    // Older duplicates in progress would block the index: the newest of each stays in progress.
    await queryRunner.query(`
            UPDATE "report_runs" r SET "status" = 'failed', "finished_at" = now(), "error" = 'Replaced by an identical run'
             WHERE r."kind" = 'on-demand' AND r."status" IN ('queued', 'running')
               AND EXISTS (SELECT 1 FROM "report_runs" n
                            WHERE n."kind" = 'on-demand' AND n."status" IN ('queued', 'running') AND n."scope" = r."scope"
                              AND n."subject_id" IS NOT DISTINCT FROM r."subject_id" AND n."period_start" = r."period_start" AND n."period_end" = r."period_end"
                              AND (n."created_at", n."id") > (r."created_at", r."id"))
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "report_runs_in_progress_key" ON "report_runs" ("scope", "subject_id", "period_start", "period_end") NULLS NOT DISTINCT
             WHERE "kind" = 'on-demand' AND "status" IN ('queued', 'running')
        `);
    await queryRunner.query(
      `CREATE INDEX "report_runs_requested_by_index" ON "report_runs" ("requested_by_user_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "report_runs_requested_by_api_token_index" ON "report_runs" ("requested_by_api_token_id", "created_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "report_runs_requested_by_api_token_index"`);
    await queryRunner.query(`DROP INDEX "report_runs_requested_by_index"`);
    await queryRunner.query(`DROP INDEX "report_runs_in_progress_key"`);
    await queryRunner.query(`ALTER TABLE "report_runs" DROP COLUMN "requested_by_api_token_id"`);
  }
}
