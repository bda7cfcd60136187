import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ResultsLibrary1796200000000 } from './1796200000000-ResultsLibrary.js';

/**
 * A published result shows the problem its pilot came from: the need or idea
 * ideas publishes for the pilot's booking (`ideas_booking_origins`), masked
 * like every other part unless both sides consented to `problem`, and in the
 * Swedish search document on the same terms.
 */
export class ResultOrigins1796200000001 implements MigrationInterface {
  name = 'ResultOrigins1796200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await new ResultsLibrary1796200000000().publishedResults(queryRunner, {
      kind: 'origin.kind',
      title: 'origin.title',
      description: 'origin.description',
      affects: 'origin.affects',
      join: 'LEFT JOIN ideas_booking_origins origin ON origin.booking_id = c.booking_id',
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await new ResultsLibrary1796200000000().publishedResults(queryRunner, {
      kind: 'NULL::text',
      title: 'NULL::text',
      description: 'NULL::text',
      affects: 'NULL::text',
      join: '',
    });
  }
}
