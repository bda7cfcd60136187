import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox and the deliveries made from it. Each insert into
 * the outbox wakes the relay with NOTIFY (sent at commit, so never for a
 * change that rolled back); the relay also polls, in case a wake-up is missed.
 */

export class OutboxAndDeliveries1795824534494 implements MigrationInterface {
  name = 'OutboxAndDeliveries1795824534494';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "deliveries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "outbox_id" uuid NOT NULL,
                "channel" text NOT NULL,
                "dedupe_key" text NOT NULL,
                "recipient_user_id" uuid,
                "recipient" text NOT NULL,
                "status" text NOT NULL DEFAULT 'pending',
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "claimed_at" TIMESTAMP(3) WITH TIME ZONE,
                "sent_at" TIMESTAMP(3) WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "deliveries_channel_check" CHECK ("channel" IN ('email')),
                CONSTRAINT "deliveries_status_check" CHECK (
                    "status" IN ('pending', 'sending', 'sent', 'failed')
                ),
                CONSTRAINT "deliveries_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "deliveries_outbox_id_index" ON "deliveries" ("outbox_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "deliveries_dedupe_key_unique" ON "deliveries" ("dedupe_key")
        `);
    await queryRunner.query(`
            CREATE TABLE "outbox_messages" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "topic" text NOT NULL,
                "payload" jsonb NOT NULL,
                "request_id" text,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
                "dispatched_at" TIMESTAMP(3) WITH TIME ZONE,
                CONSTRAINT "outbox_messages_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "outbox_messages_undispatched_index" ON "outbox_messages" ("created_at")
            WHERE "dispatched_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE FUNCTION outbox_messages_notify() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
              PERFORM pg_notify('outbox_messages', '');
              RETURN NULL;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER outbox_messages_notify
              AFTER INSERT ON outbox_messages
              FOR EACH STATEMENT EXECUTE FUNCTION outbox_messages_notify()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "deliveries"`);
    await queryRunner.query(`DROP TABLE "outbox_messages"`);
    await queryRunner.query(`DROP FUNCTION outbox_messages_notify()`);
  }
}
