import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read models the outcome reports take from the two newest contexts, each
 * named for its owner:
 *
 * - `ideas_idea_facts`: every need and idea with its sluice's organization,
 *   its domains (the sluice's when it named none), when it was submitted, when
 *   it was first answered (screened, or declined at once) and the sluice's promise;
 * - `library_result_facts`: every result of the library, when it was published
 *   (both sides consented) and which organizations recorded adopting it.
 */
export class SluiceAndLibraryFacts1796300000000 implements MigrationInterface {
  name = 'SluiceAndLibraryFacts1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE VIEW ideas_idea_facts AS
      SELECT i.id AS idea_id, s.organization_id, i.kind,
             CASE WHEN cardinality(i.domains) > 0 THEN i.domains ELSE s.domains END AS domains,
             i.created_at AS submitted_at, least(i.screened_at, i.decided_at) AS answered_at,
             s.answer_within_days, i.status
        FROM ideas i JOIN sluices s ON s.id = i.sluice_id
    `);
    await queryRunner.query(`
      CREATE VIEW library_result_facts AS
      SELECT r.id AS result_id, r.pilot_id, r.published_at,
             ARRAY(SELECT a.organization_id FROM result_adoptions a WHERE a.result_id = r.id) AS adopter_ids
        FROM results r
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW library_result_facts`);
    await queryRunner.query(`DROP VIEW ideas_idea_facts`);
  }
}
