import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Test beds (with Swedish full-text search) and their slots. */

export class CatalogueAndSlots1795821667565 implements MigrationInterface {
  name = 'CatalogueAndSlots1795821667565';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "testbeds" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "name" text NOT NULL,
                "slug" text NOT NULL,
                "summary" text NOT NULL,
                "description" text,
                "environment_type" text NOT NULL,
                "trl_min" smallint NOT NULL DEFAULT '1',
                "trl_max" smallint NOT NULL DEFAULT '9',
                "domains" text array NOT NULL DEFAULT '{}',
                "municipality" text NOT NULL,
                "address" text,
                "lat" double precision,
                "lon" double precision,
                "timezone" text NOT NULL DEFAULT 'Europe/Stockholm',
                "capacity" integer NOT NULL DEFAULT '1',
                "requires_approval" boolean NOT NULL DEFAULT true,
                "min_lead_days" integer NOT NULL DEFAULT '14',
                "max_advance_days" integer NOT NULL DEFAULT '365',
                "max_active_bookings_per_company" integer NOT NULL DEFAULT '2',
                "decision_days" integer NOT NULL DEFAULT '10',
                "contact_email" text,
                "status" text NOT NULL DEFAULT 'draft',
                "published_at" TIMESTAMP(3) WITH TIME ZONE,
                "retired_at" TIMESTAMP(3) WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "testbeds_coordinates_check" CHECK (
                    (
                        "lat" IS NULL
                        OR "lat" BETWEEN -90 AND 90
                    )
                    AND (
                        "lon" IS NULL
                        OR "lon" BETWEEN -180 AND 180
                    )
                ),
                CONSTRAINT "testbeds_rules_check" CHECK (
                    "min_lead_days" >= 0
                    AND "max_advance_days" >= 1
                    AND "max_active_bookings_per_company" >= 1
                    AND "decision_days" >= 1
                ),
                CONSTRAINT "testbeds_capacity_check" CHECK ("capacity" >= 1),
                CONSTRAINT "testbeds_trl_check" CHECK (
                    "trl_min" BETWEEN 1 AND 9
                    AND "trl_max" BETWEEN 1 AND 9
                    AND "trl_min" <= "trl_max"
                ),
                CONSTRAINT "testbeds_domains_check" CHECK (
                    "domains" <@ ARRAY ['elderly-care', 'welfare-technology', 'health', 'mental-health', 'mobility', 'energy', 'environment', 'education', 'smart-city', 'public-safety', 'food-and-agriculture', 'digital-services']::text []
                ),
                CONSTRAINT "testbeds_environment_type_check" CHECK (
                    "environment_type" IN ('lab', 'simulated', 'real')
                ),
                CONSTRAINT "testbeds_status_check" CHECK ("status" IN ('draft', 'published', 'retired')),
                CONSTRAINT "testbeds_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "testbeds_status_name_index" ON "testbeds" ("status", "name", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "testbeds_organization_id_index" ON "testbeds" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "testbeds_slug_unique" ON "testbeds" ("slug")
        `);
    await queryRunner.query(`
            CREATE TABLE "slots" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "testbed_id" uuid NOT NULL,
                "period" tstzrange NOT NULL,
                "capacity" integer NOT NULL,
                "held" integer NOT NULL DEFAULT '0',
                "status" text NOT NULL DEFAULT 'open',
                "recurrence_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "slots_period_check" CHECK (
                    NOT isempty("period")
                    AND lower_inc("period")
                    AND NOT upper_inc("period")
                    AND NOT lower_inf("period")
                    AND NOT upper_inf("period")
                    AND upper("period") - lower("period") <= interval '366 days'
                ),
                CONSTRAINT "slots_held_within_capacity" CHECK (
                    "held" >= 0
                    AND "held" <= "capacity"
                ),
                CONSTRAINT "slots_capacity_check" CHECK ("capacity" >= 1),
                CONSTRAINT "slots_status_check" CHECK ("status" IN ('open', 'cancelled')),
                CONSTRAINT "slots_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "testbeds"
            ADD CONSTRAINT "testbeds_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "slots"
            ADD CONSTRAINT "slots_testbed_id_fkey" FOREIGN KEY ("testbed_id") REFERENCES "testbeds"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // Hand-written: TypeORM cannot express these indexes (entities mark them synchronize: false).
    // The search expression must stay identical to TESTBED_SEARCH_DOCUMENT in the catalogue.
    await queryRunner.query(`
            CREATE INDEX "testbeds_search_index" ON "testbeds" USING gin ((
                setweight(to_tsvector('swedish'::regconfig, "name"), 'A')
                || setweight(to_tsvector('swedish'::regconfig, "summary"), 'B')
                || setweight(to_tsvector('swedish'::regconfig, coalesce("description", '')), 'C')
            ))
        `);
    await queryRunner.query(`
            CREATE INDEX "testbeds_domains_index" ON "testbeds" USING gin ("domains")
        `);
    await queryRunner.query(`
            CREATE INDEX "slots_testbed_period_index" ON "slots" USING gist ("testbed_id", "period")
        `);
    await queryRunner.query(`
            CREATE INDEX "slots_open_free_period_index" ON "slots" USING gist ("testbed_id", "period")
            WHERE "status" = 'open' AND "held" < "capacity"
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "slots"`);
    await queryRunner.query(`DROP TABLE "testbeds"`);
  }
}
