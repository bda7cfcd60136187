import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A slot may be `closed`: it takes no new bookings or waiting-list entries but
 * keeps the ones it has, so its places still count against the test bed's
 * capacity (only a cancelled slot frees them). The reason is kept on the slot.
 */
export class ClosedSlots1796020000000 implements MigrationInterface {
  name = 'ClosedSlots1796020000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "slots" DROP CONSTRAINT "slots_status_check"`);
    await queryRunner.query(
      `ALTER TABLE "slots" ADD CONSTRAINT "slots_status_check" CHECK ("status" IN ('open', 'closed', 'cancelled'))`,
    );
    await queryRunner.query(`ALTER TABLE "slots" ADD "closed_reason" text`);
    await this.capacityCounts(queryRunner, `<> 'cancelled'`, `= 'cancelled'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "slots" SET "status" = 'open' WHERE "status" = 'closed'`);
    await this.capacityCounts(queryRunner, `= 'open'`, `<> 'open'`);
    await queryRunner.query(`ALTER TABLE "slots" DROP COLUMN "closed_reason"`);
    await queryRunner.query(`ALTER TABLE "slots" DROP CONSTRAINT "slots_status_check"`);
    await queryRunner.query(
      `ALTER TABLE "slots" ADD CONSTRAINT "slots_status_check" CHECK ("status" IN ('open', 'cancelled'))`,
    );
  }

  /** The capacity functions of SlotCapacityRules, with which slots count (`counted`) and which a trigger skips (`skipped`). */
  private async capacityCounts(queryRunner: QueryRunner, counted: string, skipped: string): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION slots_peak_places(p_testbed_id uuid, p_period tstzrange) RETURNS integer
      LANGUAGE sql VOLATILE AS $$
        SELECT coalesce(max(total), 0)::integer FROM (
          SELECT (SELECT sum(other.capacity) FROM slots other
                   WHERE other.testbed_id = p_testbed_id AND other.status ${counted} AND other.period @> point.at) AS total
            FROM (SELECT greatest(lower(s.period), lower(p_period)) AS at FROM slots s
                   WHERE s.testbed_id = p_testbed_id AND s.status ${counted} AND s.period && p_period) point
        ) peaks
      $$
    `);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION slots_enforce_testbed_capacity() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        testbed_capacity integer;
      BEGIN
        IF NEW.status ${skipped} THEN
          RETURN NULL;
        END IF;
        -- Serializes every change to this test bed's slots; the check below then sees all committed ones.
        SELECT capacity INTO testbed_capacity FROM testbeds WHERE id = NEW.testbed_id FOR UPDATE;
        IF slots_peak_places(NEW.testbed_id, NEW.period) > testbed_capacity THEN
          RAISE EXCEPTION 'open slots of test bed % would offer more than % places at once', NEW.testbed_id, testbed_capacity
            USING ERRCODE = 'check_violation', CONSTRAINT = 'slots_within_testbed_capacity';
        END IF;
        RETURN NULL;
      END
      $$
    `);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION testbeds_enforce_slot_capacity() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.capacity < OLD.capacity AND EXISTS (
          SELECT 1 FROM slots s
           WHERE s.testbed_id = NEW.id AND s.status ${counted} AND upper(s.period) > now()
             AND slots_peak_places(NEW.id, s.period) > NEW.capacity
        ) THEN
          RAISE EXCEPTION 'open slots of test bed % offer more than % places at once', NEW.id, NEW.capacity
            USING ERRCODE = 'check_violation', CONSTRAINT = 'testbeds_capacity_covers_slots';
        END IF;
        RETURN NULL;
      END
      $$
    `);
  }
}
