import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enforceCompanyLimit } from './1795998616647-CompanyActivePlaces.js';

const EXACT = 'holding := company_active_places(NEW.organization_id, NEW.testbed_id);';

/**
 * The company-limit trigger counted, on every booking, each booking the company
 * ever made (every test bed, every status) and read each one's slot to see
 * whether it had ended: about 0.05 ms a booking, under the company's lock, so
 * a company's history made its every new booking dearer (1.1 to 2.8 ms of
 * PostgreSQL per booking as the benchmark's companies went from 10 to 60
 * bookings). Its pending and confirmed bookings on the test bed, ended or not,
 * bound the places it holds from above; an index holds just those, and only
 * when even that bound is over the limit are the slots read for the exact count.
 */
export class CompanyLimitBound1796900000000 implements MigrationInterface {
  name = 'CompanyLimitBound1796900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX bookings_holding_index ON bookings (organization_id, testbed_id) INCLUDE (slot_id)
       WHERE status IN ('pending', 'confirmed')
    `);
    await queryRunner.query(
      enforceCompanyLimit(`
    SELECT count(*) INTO holding FROM (
      SELECT 1 FROM bookings b
       WHERE b.organization_id = NEW.organization_id AND b.testbed_id = NEW.testbed_id
         AND b.status IN ('pending', 'confirmed')
       LIMIT allowed + 1) bound;
    IF holding > allowed THEN
      ${EXACT}
    END IF;`),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(enforceCompanyLimit(EXACT));
    await queryRunner.query('DROP INDEX bookings_holding_index');
  }
}
