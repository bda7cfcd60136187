import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['booking_events', 'pilot_events', 'idea_events'];

/**
 * Timelines read events by time, and two events written in one millisecond
 * (a plan's second approval and its agreement) fell back on their random ids:
 * the agreement could read before the approval that made it. A sequence
 * keeps the order in which they were written.
 */
export class EventOrder1796800000000 implements MigrationInterface {
  name = 'EventOrder1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES)
      await queryRunner.query(`ALTER TABLE ${table} ADD seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN seq`);
  }
}
