import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity published its organizations twice: `identity_organization_facts`
 * (id, kind, name, number) for reports, pilots and the library, and
 * `identity_organization_names` (id, name, number) for scheduling. One view now.
 */
export class OneOrganizationView1796300000001 implements MigrationInterface {
  name = 'OneOrganizationView1796300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW identity_organization_names`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE VIEW identity_organization_names AS SELECT o.id AS organization_id, o.name, o.org_number FROM organizations o
    `);
  }
}
