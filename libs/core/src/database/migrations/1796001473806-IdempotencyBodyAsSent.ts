import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An Idempotency-Key replays its first answer byte for byte: the body is kept
 * as the text that was sent, not as jsonb (which reorders keys and drops
 * duplicates). Bodies stored before keep jsonb's order; they expire within a day.
 */
export class IdempotencyBodyAsSent1796001473806 implements MigrationInterface {
  name = 'IdempotencyBodyAsSent1796001473806';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "idempotency_keys" ALTER COLUMN "response_body" TYPE text USING "response_body"::text`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "idempotency_keys" ALTER COLUMN "response_body" TYPE jsonb USING "response_body"::jsonb`,
    );
  }
}
