import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The company-limit trigger of BookingCompanyLimit1795824196615, counting with `holding` (PL/pgSQL statements
 * that set `holding`); CompanyLimitBound1796900000000 defines it again with its own.
 */
export const enforceCompanyLimit = (holding: string) => `
  CREATE OR REPLACE FUNCTION bookings_enforce_company_limit() RETURNS trigger
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
    ${holding}
    IF holding > allowed THEN
      RAISE EXCEPTION 'company % would hold % places on test bed %, more than %', NEW.organization_id, holding, NEW.testbed_id, allowed
        USING ERRCODE = 'check_violation', CONSTRAINT = 'bookings_company_limit';
    END IF;
    RETURN NULL;
  END
  $$`;

const ACTIVE_PLACES = `
  SELECT count(*)::integer
    FROM bookings b JOIN slots s ON s.id = b.slot_id
   WHERE b.organization_id = company AND b.testbed_id = testbed
     AND b.status IN ('pending', 'confirmed') AND upper(s.period) > now()`;

/**
 * One definition of the places a company holds on a test bed (pending or
 * confirmed, in slots not yet ended): the company-limit trigger enforces it,
 * and the slot listing reads it to tell a company whether it may still book.
 */
export class CompanyActivePlaces1795998616647 implements MigrationInterface {
  name = 'CompanyActivePlaces1795998616647';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION company_active_places(company uuid, testbed uuid) RETURNS integer LANGUAGE sql STABLE AS $$${ACTIVE_PLACES}$$`,
    );
    await queryRunner.query(
      enforceCompanyLimit('holding := company_active_places(NEW.organization_id, NEW.testbed_id);'),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const inline = ACTIVE_PLACES.replace('SELECT count(*)::integer', 'SELECT count(*) INTO holding')
      .replace('= company', '= NEW.organization_id')
      .replace('= testbed', '= NEW.testbed_id');
    await queryRunner.query(enforceCompanyLimit(`${inline};`));
    await queryRunner.query('DROP FUNCTION company_active_places(uuid, uuid)');
  }
}
