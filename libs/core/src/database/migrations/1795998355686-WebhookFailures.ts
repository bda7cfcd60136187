import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Why a webhook subscription last failed, as a short code that says nothing of the target's own answer. */
export class WebhookFailures1795998355686 implements MigrationInterface {
  name = 'WebhookFailures1795998355686';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "webhook_subscriptions"
            ADD "last_failure" text
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_subscriptions"
            ADD "last_failure_at" TIMESTAMP(3) WITH TIME ZONE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "webhook_subscriptions" DROP COLUMN "last_failure_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_subscriptions" DROP COLUMN "last_failure"
        `);
  }
}
