import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The delivery sweeper's search: deliveries not yet settled, a small part of the table. */
export class DeliverySweep1796000814706 implements MigrationInterface {
  name = 'DeliverySweep1796000814706';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "deliveries_unsettled_index" ON "deliveries" ("claimed_at")
            WHERE "status" IN ('pending', 'sending')
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."deliveries_unsettled_index"
        `);
  }
}
