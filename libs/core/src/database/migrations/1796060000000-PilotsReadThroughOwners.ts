import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pilots reads other contexts only through the views their owners publish,
 * and keeps each event's facts as it writes them.
 *
 * - `scheduling_booking_periods` (a booking's status and its slot's period),
 *   `catalogue_testbed_profiles` (a test bed's owner, name and time zone) and
 *   `identity_organization_facts` with the organization number: what pilots
 *   shows of a pilot's booking, test bed and company. `pilots_pilot_facts`
 *   reads the booking's period through the scheduling view too.
 * - The trigger on `bookings` that makes a confirmed booking a pilot (and
 *   aborts the pilot of a withdrawn one) belongs to pilots: it is renamed
 *   `pilots_follow_bookings` and writes its events' facts.
 * - `pilot_events.facts`: why the event happened, as codes a reader renders
 *   in its own language. Existing rows get them once from their English
 *   `detail`, read with the patterns the API wrote them with until now.
 */
export class PilotsReadThroughOwners1796060000000 implements MigrationInterface {
  name = 'PilotsReadThroughOwners1796060000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE VIEW scheduling_booking_periods AS
      SELECT b.id AS booking_id, b.status, b.slot_id, lower(s.period) AS starts_at, upper(s.period) AS ends_at
        FROM bookings b JOIN slots s ON s.id = b.slot_id
    `);
    await queryRunner.query(`
      CREATE VIEW catalogue_testbed_profiles AS
      SELECT t.id AS testbed_id, t.organization_id, t.name, t.timezone FROM testbeds t
    `);
    await queryRunner.query(`
      CREATE OR REPLACE VIEW identity_organization_facts AS
      SELECT o.id AS organization_id, o.kind, o.name, o.org_number FROM organizations o
    `);
    await this.pilotFacts(queryRunner, 'JOIN scheduling_booking_periods b ON b.booking_id = p.booking_id', 'b');

    await queryRunner.query(`ALTER TABLE "pilot_events" ADD "facts" jsonb NOT NULL DEFAULT '{}'`);
    // The patterns of the API's English details until now (libs/pilots pilot-event-facts before this change).
    await queryRunner.query(`
      UPDATE pilot_events SET facts = CASE
        WHEN detail = 'the booking was confirmed' THEN '{"cause": "booking-confirmed"}'::jsonb
        WHEN detail ~ '^the booking was [A-Za-z0-9_]+$'
          THEN jsonb_build_object('cause', 'booking-withdrawn', 'bookingStatus', substring(detail FROM '^the booking was ([A-Za-z0-9_]+)$'))
        WHEN detail ~ '^plan replaced; plan version [0-9]+$'
          THEN jsonb_build_object('cause', 'plan-replaced', 'planVersion', substring(detail FROM '([0-9]+)$')::int)
        WHEN detail ~ '^goals changed; plan version [0-9]+$'
          THEN jsonb_build_object('cause', 'goals-changed', 'planVersion', substring(detail FROM '([0-9]+)$')::int)
        WHEN detail ~ '^metric .+ added; plan version [0-9]+$'
          THEN jsonb_build_object('cause', 'metric-added', 'metricKey', substring(detail FROM '^metric (.+) added; plan version [0-9]+$'),
                                  'planVersion', substring(detail FROM '([0-9]+)$')::int)
        WHEN detail ~ '^(company|testbed) approved plan version [0-9]+$'
          THEN jsonb_build_object('cause', 'plan-approved', 'side', substring(detail FROM '^(company|testbed) '),
                                  'planVersion', substring(detail FROM '([0-9]+)$')::int)
        WHEN detail ~ '^plan version [0-9]+ agreed by both sides$'
          THEN jsonb_build_object('cause', 'plan-agreed', 'planVersion', substring(detail FROM '^plan version ([0-9]+) ')::int)
        WHEN detail = 'the slot started' THEN '{"cause": "slot-started"}'::jsonb
        WHEN detail = 'the slot ended' THEN '{"cause": "slot-ended"}'::jsonb
        WHEN detail ~ '^outcome: (adopted|procured|extended|discontinued)$'
          THEN jsonb_build_object('cause', 'outcome-recorded', 'result', substring(detail FROM '^outcome: ([a-z]+)$'))
        WHEN detail <> '' AND type IN ('running', 'evaluating', 'completed', 'aborted') THEN jsonb_build_object('reason', detail)
        ELSE '{}'::jsonb
      END
    `);

    await queryRunner.query(`DROP TRIGGER bookings_make_pilots ON bookings`);
    await this.followBookings(queryRunner, true);
    await this.bookingsTrigger(queryRunner, 'pilots_follow_bookings');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER pilots_follow_bookings ON bookings`);
    await this.followBookings(queryRunner, false);
    await this.bookingsTrigger(queryRunner, 'bookings_make_pilots');
    await queryRunner.query(`ALTER TABLE "pilot_events" DROP COLUMN "facts"`);
    await this.pilotFacts(queryRunner, 'JOIN bookings b ON b.id = p.booking_id JOIN slots s ON s.id = b.slot_id', 's');
    await queryRunner.query(`DROP VIEW identity_organization_facts`);
    await queryRunner.query(`
      CREATE VIEW identity_organization_facts AS SELECT o.id AS organization_id, o.kind, o.name FROM organizations o
    `);
    await queryRunner.query(`DROP VIEW catalogue_testbed_profiles`);
    await queryRunner.query(`DROP VIEW scheduling_booking_periods`);
  }

  /**
   * The Reporting migration's pilots_pilot_facts, reading the booking's period through `booking`
   * (alias `period`); the new one also names each pilot's booking.
   */
  private async pilotFacts(queryRunner: QueryRunner, booking: string, period: string): Promise<void> {
    const now = period === 'b';
    const [starts, ends] = now ? ['b.starts_at', 'b.ends_at'] : ['lower(s.period)', 'upper(s.period)'];
    await queryRunner.query(`DROP VIEW pilots_pilot_facts`);
    await queryRunner.query(`
      CREATE VIEW pilots_pilot_facts AS
      SELECT p.id AS pilot_id, p.testbed_id, p.organization_id, p.stage, ${starts} AS starts_at, ${ends} AS ends_at,
             o.result AS outcome, o.recorded_at AS outcome_recorded_at${now ? ', p.booking_id' : ''}
        FROM pilots p ${booking}
        LEFT JOIN pilot_outcomes o ON o.pilot_id = p.id
    `);
  }

  /** The trigger on bookings, under its name (`pilots_follow_bookings` from now on). */
  private async bookingsTrigger(queryRunner: QueryRunner, name: string): Promise<void> {
    await queryRunner.query(`
      CREATE TRIGGER ${name} AFTER INSERT OR UPDATE OF status ON bookings
      FOR EACH ROW WHEN (NEW.status IN ('confirmed', 'cancelled', 'rejected', 'expired'))
      EXECUTE FUNCTION pilots_follow_bookings()
    `);
  }

  /** The trigger's function, writing its events' facts (`withFacts`) or, as before, only their English detail. */
  private async followBookings(queryRunner: QueryRunner, withFacts: boolean): Promise<void> {
    const created = withFacts ? `, '{"cause": "booking-confirmed"}'::jsonb` : '';
    const aborted = withFacts ? `, jsonb_build_object('cause', 'booking-withdrawn', 'bookingStatus', NEW.status)` : '';
    const factsColumn = withFacts ? ', facts' : '';
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION pilots_follow_bookings() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'confirmed' THEN
          WITH created AS (
            INSERT INTO pilots (booking_id, testbed_id, organization_id, title)
            VALUES (NEW.id, NEW.testbed_id, NEW.organization_id, NEW.title)
            ON CONFLICT (booking_id) DO NOTHING
            RETURNING id
          )
          INSERT INTO pilot_events (pilot_id, type, to_stage, detail${factsColumn})
          SELECT id, 'created', 'planned', 'the booking was confirmed'${created} FROM created;
        ELSE
          WITH withdrawn AS (
            SELECT id, stage FROM pilots WHERE booking_id = NEW.id AND stage IN ('planned', 'running') FOR UPDATE
          ), aborted AS (
            UPDATE pilots p SET stage = 'aborted', abort_reason = 'the booking was ' || NEW.status, ended_at = now(), updated_at = now()
              FROM withdrawn WHERE p.id = withdrawn.id
            RETURNING p.id, withdrawn.stage AS from_stage
          )
          INSERT INTO pilot_events (pilot_id, type, from_stage, to_stage, detail${factsColumn})
          SELECT id, 'aborted', from_stage, 'aborted', 'the booking was ' || NEW.status${aborted} FROM aborted;
        END IF;
        RETURN NULL;
      END $$
    `);
  }
}
