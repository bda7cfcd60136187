import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Overlapping open slots of a test bed never offer more places than its
 * capacity. Enforced by triggers that lock the test bed's row, so concurrent
 * slot changes and capacity changes of one test bed run one after another.
 */
export class SlotCapacityRules1795821855605 implements MigrationInterface {
  name = 'SlotCapacityRules1795821855605';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The most places open slots offer at one instant within the period. The
    // sum is a step function that only rises where a slot starts, so those
    // starts (and the period's own) are the only points to look at.
    await queryRunner.query(`
      CREATE FUNCTION slots_peak_places(p_testbed_id uuid, p_period tstzrange) RETURNS integer
      LANGUAGE sql VOLATILE AS $$
        SELECT coalesce(max(total), 0)::integer FROM (
          SELECT (SELECT sum(other.capacity) FROM slots other
                   WHERE other.testbed_id = p_testbed_id AND other.status = 'open' AND other.period @> point.at) AS total
            FROM (SELECT greatest(lower(s.period), lower(p_period)) AS at FROM slots s
                   WHERE s.testbed_id = p_testbed_id AND s.status = 'open' AND s.period && p_period) point
        ) peaks
      $$
    `);
    await queryRunner.query(`
      CREATE FUNCTION slots_enforce_testbed_capacity() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        testbed_capacity integer;
      BEGIN
        IF NEW.status <> 'open' THEN
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
      CREATE TRIGGER slots_within_testbed_capacity
        AFTER INSERT OR UPDATE OF period, capacity, status ON slots
        FOR EACH ROW EXECUTE FUNCTION slots_enforce_testbed_capacity()
    `);
    await queryRunner.query(`
      CREATE FUNCTION testbeds_enforce_slot_capacity() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.capacity < OLD.capacity AND EXISTS (
          SELECT 1 FROM slots s
           WHERE s.testbed_id = NEW.id AND s.status = 'open' AND upper(s.period) > now()
             AND slots_peak_places(NEW.id, s.period) > NEW.capacity
        ) THEN
          RAISE EXCEPTION 'open slots of test bed % offer more than % places at once', NEW.id, NEW.capacity
            USING ERRCODE = 'check_violation', CONSTRAINT = 'testbeds_capacity_covers_slots';
        END IF;
        RETURN NULL;
      END
      $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER testbeds_capacity_covers_slots
        AFTER UPDATE OF capacity ON testbeds
        FOR EACH ROW EXECUTE FUNCTION testbeds_enforce_slot_capacity()
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER testbeds_capacity_covers_slots ON testbeds');
    await queryRunner.query('DROP FUNCTION testbeds_enforce_slot_capacity()');
    await queryRunner.query('DROP TRIGGER slots_within_testbed_capacity ON slots');
    await queryRunner.query('DROP FUNCTION slots_enforce_testbed_capacity()');
    await queryRunner.query('DROP FUNCTION slots_peak_places(uuid, tstzrange)');
  }
}
