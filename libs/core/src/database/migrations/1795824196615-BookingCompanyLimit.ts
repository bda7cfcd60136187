import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A company holds at most the test bed's max_active_bookings_per_company places
 * in slots that have not ended. Checked by a trigger on new bookings under a
 * lock per company and test bed, so concurrent requests cannot both slip past.
 */
export class BookingCompanyLimit1795824196615 implements MigrationInterface {
  name = 'BookingCompanyLimit1795824196615';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION bookings_enforce_company_limit() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        allowed integer;
        holding integer;
      BEGIN
        IF NEW.status NOT IN ('pending', 'confirmed') THEN
          RETURN NULL;
        END IF;
        PERFORM pg_advisory_xact_lock(hashtextextended('booking:' || NEW.organization_id || ':' || NEW.testbed_id, 0));
        SELECT max_active_bookings_per_company INTO allowed FROM testbeds WHERE id = NEW.testbed_id;
        SELECT count(*) INTO holding
          FROM bookings b JOIN slots s ON s.id = b.slot_id
         WHERE b.organization_id = NEW.organization_id AND b.testbed_id = NEW.testbed_id
           AND b.status IN ('pending', 'confirmed') AND upper(s.period) > now();
        IF holding > allowed THEN
          RAISE EXCEPTION 'company % would hold % places on test bed %, more than %', NEW.organization_id, holding, NEW.testbed_id, allowed
            USING ERRCODE = 'check_violation', CONSTRAINT = 'bookings_company_limit';
        END IF;
        RETURN NULL;
      END
      $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER bookings_company_limit
        AFTER INSERT ON bookings
        FOR EACH ROW EXECUTE FUNCTION bookings_enforce_company_limit()
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER bookings_company_limit ON bookings');
    await queryRunner.query('DROP FUNCTION bookings_enforce_company_limit()');
  }
}
