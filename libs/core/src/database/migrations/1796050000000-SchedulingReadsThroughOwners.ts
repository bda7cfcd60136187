import type { MigrationInterface, QueryRunner } from 'typeorm';

const REASON_CODES = `'slot-cancelled', 'slot-closed', 'not-decided', 'place-free', 'moved'`;

/**
 * Scheduling and catalogue read each other (and identity) only through views
 * their owners publish, one per reader's need, so a booking statement stays a
 * single round trip (the planner inlines a view as if the table were named):
 *
 * - `catalogue_testbed_booking_rules`: a test bed's owner, state, name, zone
 *   and booking rules, as scheduling's booking path and reminders read them.
 * - `identity_organization_names`: an organization's name and number, as a
 *   booking shows its company.
 * - `scheduling_free_places`: open slots with a place free, as the catalogue's
 *   availability filter reads them.
 *
 * The trigger on `testbeds` that keeps a lowered capacity above its open slots
 * guards a scheduling invariant, so it is named for scheduling.
 *
 * `booking_events.reason_code`: why the system changed a booking, as a stable
 * code beside the English `reason`; existing rows get it from the texts and
 * event types the API wrote until now.
 */
export class SchedulingReadsThroughOwners1796050000000 implements MigrationInterface {
  name = 'SchedulingReadsThroughOwners1796050000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE VIEW catalogue_testbed_booking_rules AS
      SELECT t.id AS testbed_id, t.organization_id, t.status, t.name, t.timezone, t.requires_approval, t.decision_days,
             t.min_lead_days, t.max_advance_days, t.max_active_bookings_per_company, t.reminder_days
        FROM testbeds t
    `);
    await queryRunner.query(`
      CREATE VIEW identity_organization_names AS SELECT o.id AS organization_id, o.name, o.org_number FROM organizations o
    `);
    await queryRunner.query(`
      CREATE VIEW scheduling_free_places AS
      SELECT s.id AS slot_id, s.testbed_id, s.period FROM slots s WHERE s.status = 'open' AND s.held < s.capacity
    `);
    await queryRunner.query(
      `ALTER TRIGGER testbeds_capacity_covers_slots ON testbeds RENAME TO scheduling_slots_fit_testbed_capacity`,
    );
    await queryRunner.query(
      `ALTER FUNCTION testbeds_enforce_slot_capacity() RENAME TO scheduling_slots_fit_testbed_capacity`,
    );

    await queryRunner.query(`ALTER TABLE "booking_events" ADD "reason_code" text`);
    await queryRunner.query(
      `ALTER TABLE "booking_events" ADD CONSTRAINT "booking_events_reason_code_check" CHECK ("reason_code" IN (${REASON_CODES}))`,
    );
    // The texts and types the API wrote until now; a slot's cancellation is also known by a manager's own reason,
    // from the cancelled booking events at or after the (then final) change of the cancelled slot.
    await queryRunner.query(`
      UPDATE booking_events e SET reason_code = CASE
        WHEN e.type = 'expired' AND e.reason = 'not decided in time' THEN 'not-decided'
        WHEN e.type = 'promoted' AND e.reason = 'a place became free' THEN 'place-free'
        WHEN e.type = 'slot-closed' THEN 'slot-closed'
        WHEN e.type = 'rescheduled' AND e.reason LIKE 'moved from slot %' THEN 'moved'
        WHEN e.type = 'cancelled' AND (e.reason = 'the slot was cancelled' OR EXISTS (
          SELECT 1 FROM bookings b JOIN slots s ON s.id = b.slot_id
           WHERE b.id = e.booking_id AND s.status = 'cancelled' AND e.at >= s.updated_at)) THEN 'slot-cancelled'
      END
      WHERE e.type IN ('expired', 'promoted', 'slot-closed', 'rescheduled', 'cancelled')
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "booking_events" DROP CONSTRAINT "booking_events_reason_code_check"`);
    await queryRunner.query(`ALTER TABLE "booking_events" DROP COLUMN "reason_code"`);
    await queryRunner.query(
      `ALTER FUNCTION scheduling_slots_fit_testbed_capacity() RENAME TO testbeds_enforce_slot_capacity`,
    );
    await queryRunner.query(
      `ALTER TRIGGER scheduling_slots_fit_testbed_capacity ON testbeds RENAME TO testbeds_capacity_covers_slots`,
    );
    await queryRunner.query(`DROP VIEW scheduling_free_places`);
    await queryRunner.query(`DROP VIEW identity_organization_names`);
    await queryRunner.query(`DROP VIEW catalogue_testbed_booking_rules`);
  }
}
