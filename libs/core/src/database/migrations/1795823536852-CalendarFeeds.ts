import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Revocable tokens for calendar subscription URLs. */

export class CalendarFeeds1795823536852 implements MigrationInterface {
  name = 'CalendarFeeds1795823536852';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "calendar_feed_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "scope" text NOT NULL,
                "subject_id" uuid NOT NULL,
                "token_hash" text NOT NULL,
                "created_by_user_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "revoked_at" TIMESTAMP(3) WITH TIME ZONE,
                CONSTRAINT "calendar_feed_tokens_scope_check" CHECK ("scope" IN ('testbed', 'organization')),
                CONSTRAINT "calendar_feed_tokens_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "calendar_feed_tokens_subject_index" ON "calendar_feed_tokens" ("scope", "subject_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "calendar_feed_tokens_token_hash_unique" ON "calendar_feed_tokens" ("token_hash")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "calendar_feed_tokens"`);
  }
}
