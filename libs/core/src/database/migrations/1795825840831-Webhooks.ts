import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhook subscriptions, and webhook deliveries beside e-mail. */

export class Webhooks1795825840831 implements MigrationInterface {
  name = 'Webhooks1795825840831';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "webhook_subscriptions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "url" text NOT NULL,
                "events" text array NOT NULL,
                "secret" text NOT NULL,
                "status" text NOT NULL DEFAULT 'active',
                "consecutive_failures" integer NOT NULL DEFAULT '0',
                "disabled_at" TIMESTAMP(3) WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "webhook_subscriptions_status_check" CHECK ("status" IN ('active', 'disabled')),
                CONSTRAINT "webhook_subscriptions_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "webhook_subscriptions_organization_id_index" ON "webhook_subscriptions" ("organization_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "deliveries"
            ADD "subscription_id" uuid
        `);
    // Written by hand: TypeORM does not notice a CHECK whose expression changed.
    await queryRunner.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_channel_check"`);
    await queryRunner.query(
      `ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_channel_check" CHECK ("channel" IN ('email', 'webhook'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "deliveries" WHERE "channel" = 'webhook'`);
    await queryRunner.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_channel_check"`);
    await queryRunner.query(
      `ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_channel_check" CHECK ("channel" IN ('email'))`,
    );
    await queryRunner.query(`
            ALTER TABLE "deliveries" DROP COLUMN "subscription_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."webhook_subscriptions_organization_id_index"
        `);
    await queryRunner.query(`
            DROP TABLE "webhook_subscriptions"
        `);
  }
}
