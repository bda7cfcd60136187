import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Idempotency-Key of booking requests, kept 24 hours. */

export class IdempotencyKeys1795823267865 implements MigrationInterface {
  name = 'IdempotencyKeys1795823267865';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "idempotency_keys" (
                "organization_id" uuid NOT NULL,
                "key" text NOT NULL,
                "request_hash" text NOT NULL,
                "status" text NOT NULL,
                "response_status" integer,
                "response_body" jsonb,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                CONSTRAINT "idempotency_keys_status_check" CHECK ("status" IN ('in-progress', 'completed')),
                CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("organization_id", "key")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idempotency_keys_expires_at_index" ON "idempotency_keys" ("expires_at")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
  }
}
