import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Extensions the schema relies on: exclusion constraints over ranges, case-insensitive text, UUIDs. */
export class Extensions1795819638944 implements MigrationInterface {
  name = 'Extensions1795819638944';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS "pgcrypto"');
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS "btree_gist"');
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS "citext"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP EXTENSION IF EXISTS "citext"');
    await queryRunner.query('DROP EXTENSION IF EXISTS "btree_gist"');
    await queryRunner.query('DROP EXTENSION IF EXISTS "pgcrypto"');
  }
}
