import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bookings and their events. A slot's `held` is maintained by a trigger from
 * its bookings' statuses, so it can never drift from them; the CHECK on slots
 * keeps it within capacity whatever code runs.
 */

export class Bookings1795822717678 implements MigrationInterface {
  name = 'Bookings1795822717678';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "bookings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "slot_id" uuid NOT NULL,
                "testbed_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "created_by_user_id" uuid,
                "title" text NOT NULL,
                "description" text,
                "status" text NOT NULL,
                "decision_due_at" TIMESTAMP(3) WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "bookings_status_check" CHECK (
                    "status" IN (
                        'pending',
                        'confirmed',
                        'rejected',
                        'waitlisted',
                        'cancelled',
                        'expired'
                    )
                ),
                CONSTRAINT "bookings_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "bookings_testbed_id_index" ON "bookings" ("testbed_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "bookings_organization_id_index" ON "bookings" ("organization_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "bookings_decision_due_index" ON "bookings" ("decision_due_at")
            WHERE "status" = 'pending'
        `);
    await queryRunner.query(`
            CREATE INDEX "bookings_waitlist_index" ON "bookings" ("slot_id", "created_at")
            WHERE "status" = 'waitlisted'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "bookings_one_per_company_slot" ON "bookings" ("slot_id", "organization_id")
            WHERE "status" IN ('pending', 'confirmed', 'waitlisted')
        `);
    await queryRunner.query(`
            CREATE TABLE "booking_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "booking_id" uuid NOT NULL,
                "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
                "type" text NOT NULL,
                "from_status" text,
                "to_status" text NOT NULL,
                "actor_user_id" uuid,
                "actor_api_token_id" uuid,
                "reason" text,
                CONSTRAINT "booking_events_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "booking_events_booking_id_at_index" ON "booking_events" ("booking_id", "at")
        `);
    await queryRunner.query(`
            ALTER TABLE "bookings"
            ADD CONSTRAINT "bookings_slot_id_fkey" FOREIGN KEY ("slot_id") REFERENCES "slots"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "bookings"
            ADD CONSTRAINT "bookings_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "booking_events"
            ADD CONSTRAINT "booking_events_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            CREATE FUNCTION bookings_maintain_held() RETURNS trigger
            LANGUAGE plpgsql AS $$
            DECLARE
              old_holds boolean := TG_OP = 'UPDATE' AND OLD.status IN ('pending', 'confirmed');
              new_holds boolean := NEW.status IN ('pending', 'confirmed');
            BEGIN
              IF old_holds AND (NOT new_holds OR NEW.slot_id <> OLD.slot_id) THEN
                UPDATE slots SET held = held - 1 WHERE id = OLD.slot_id;
              END IF;
              IF new_holds AND (NOT old_holds OR NEW.slot_id <> OLD.slot_id) THEN
                UPDATE slots SET held = held + 1 WHERE id = NEW.slot_id;
              END IF;
              RETURN NULL;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER bookings_maintain_held
              AFTER INSERT OR UPDATE OF status, slot_id ON bookings
              FOR EACH ROW EXECUTE FUNCTION bookings_maintain_held()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "booking_events"`);
    await queryRunner.query(`DROP TABLE "bookings"`);
    await queryRunner.query(`DROP FUNCTION bookings_maintain_held()`);
  }
}
