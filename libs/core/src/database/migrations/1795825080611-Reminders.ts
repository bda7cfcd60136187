import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reminder days per test bed, and the reminders already queued. */

export class Reminders1795825080611 implements MigrationInterface {
  name = 'Reminders1795825080611';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "booking_reminders" (
                "booking_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "due_for" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "booking_reminders_pkey" PRIMARY KEY ("booking_id", "kind", "due_for")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "testbeds"
            ADD "reminder_days" integer array NOT NULL DEFAULT '{7,1}'
        `);
    await queryRunner.query(`
            ALTER TABLE "testbeds"
            ADD CONSTRAINT "testbeds_reminder_days_check" CHECK (
                    "reminder_days" <@ ARRAY [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30]::integer []
                )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "testbeds" DROP CONSTRAINT "testbeds_reminder_days_check"`);
    await queryRunner.query(`ALTER TABLE "testbeds" DROP COLUMN "reminder_days"`);
    await queryRunner.query(`DROP TABLE "booking_reminders"`);
  }
}
