import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calendar feed tokens expire (tokens made before this get a year from their
 * creation) and keep the start of the token, so a list can show which URL is which.
 */
export class CalendarFeedTokenExpiry1795999120909 implements MigrationInterface {
  name = 'CalendarFeedTokenExpiry1795999120909';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "calendar_feed_tokens" ADD "expires_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "calendar_feed_tokens" SET "expires_at" = "created_at" + interval '365 days'`);
    await queryRunner.query(`ALTER TABLE "calendar_feed_tokens" ALTER COLUMN "expires_at" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "calendar_feed_tokens" ADD "token_prefix" text`);
    await queryRunner.query(
      `CREATE INDEX "calendar_feed_tokens_created_by_index" ON "calendar_feed_tokens" ("created_by_user_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "calendar_feed_tokens_created_by_index"`);
    await queryRunner.query(`ALTER TABLE "calendar_feed_tokens" DROP COLUMN "token_prefix"`);
    await queryRunner.query(`ALTER TABLE "calendar_feed_tokens" DROP COLUMN "expires_at"`);
  }
}
