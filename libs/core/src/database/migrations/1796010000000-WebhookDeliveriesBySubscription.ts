import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A webhook subscription's recent deliveries, newest first (the administration page's "recent failures"). */
export class WebhookDeliveriesBySubscription1796010000000 implements MigrationInterface {
  name = 'WebhookDeliveriesBySubscription1796010000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "deliveries_subscription_id_created_at_index" ON "deliveries" ("subscription_id", "created_at")
            WHERE "subscription_id" IS NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."deliveries_subscription_id_created_at_index"
        `);
  }
}
