import type { MigrationInterface, QueryRunner } from 'typeorm';

/** `'part' = ANY(both sides' parts)`: the SQL of "both sides consented to this part" (libs/library consent-parts). */
const both = (part: string) => `('${part}' = ANY(r.company_parts) AND '${part}' = ANY(r.testbed_parts))`;

/**
 * The results library (libs/library): each completed pilot's consents and its
 * adoptions, and what the public may read of them.
 *
 * - `results`: one row per pilot with a consent; published exactly while both
 *   sides consent (`results_published_check`), with the parts each side
 *   consented to (`results_parts_check`).
 * - `result_adoptions`: "we adopted this too", once per organization and result.
 * - Views the owners publish for it: `pilots_completed_pilots` (a completed
 *   pilot with its period and outcome), `pilots_plan_metrics` (the plan's
 *   metrics with baseline, target and the measured result) and
 *   `catalogue_testbed_summaries` (name, environment type, domains, municipality).
 * - `library_published_results` and `library_published_metrics`: the only
 *   public reads. They hold published results only, and every part either
 *   side did not consent to is NULL there (or, for metrics, absent); the
 *   Swedish search document is built from those masked values, so a search
 *   never finds a result by a word the public may not read.
 */
export class ResultsLibrary1796200000000 implements MigrationInterface {
  name = 'ResultsLibrary1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "results" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "pilot_id" uuid NOT NULL,
        "company_consented_at" TIMESTAMP(3) WITH TIME ZONE,
        "company_consented_by" uuid,
        "company_parts" text array NOT NULL DEFAULT '{}',
        "testbed_consented_at" TIMESTAMP(3) WITH TIME ZONE,
        "testbed_consented_by" uuid,
        "testbed_parts" text array NOT NULL DEFAULT '{}',
        "published_at" TIMESTAMP(3) WITH TIME ZONE,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "results_published_check" CHECK (("published_at" IS NOT NULL) = ("company_consented_at" IS NOT NULL AND "testbed_consented_at" IS NOT NULL)),
        CONSTRAINT "results_parts_check" CHECK ("company_parts" <@ ARRAY['summary', 'lessons', 'metrics', 'measurements', 'company', 'problem']::text[] AND "testbed_parts" <@ ARRAY['summary', 'lessons', 'metrics', 'measurements', 'company', 'problem']::text[]),
        CONSTRAINT "results_pkey" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE UNIQUE INDEX "results_pilot_unique" ON "results" ("pilot_id")`);
    await queryRunner.query(`CREATE INDEX "results_published_at_index" ON "results" ("published_at")`);
    await queryRunner.query(`
      CREATE TABLE "result_adoptions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "result_id" uuid NOT NULL,
        "organization_id" uuid NOT NULL,
        "adopted_at" date NOT NULL,
        "note" text,
        "recorded_by_user_id" uuid,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "result_adoptions_pkey" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "result_adoptions_result_organization_unique" ON "result_adoptions" ("result_id", "organization_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "result_adoptions_organization_index" ON "result_adoptions" ("organization_id")`,
    );
    await queryRunner.query(`
      ALTER TABLE "result_adoptions" ADD CONSTRAINT "result_adoptions_result_id_fkey"
        FOREIGN KEY ("result_id") REFERENCES "results"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);

    // The owners' views.
    await queryRunner.query(`
      CREATE VIEW pilots_completed_pilots AS
      SELECT p.id AS pilot_id, p.booking_id, p.testbed_id, p.organization_id, p.title, b.starts_at, b.ends_at, p.ended_at,
             o.result AS outcome, o.summary, o.lessons, o.recorded_at AS outcome_recorded_at
        FROM pilots p JOIN scheduling_booking_periods b ON b.booking_id = p.booking_id
        JOIN pilot_outcomes o ON o.pilot_id = p.id
       WHERE p.stage = 'completed'
    `);
    await queryRunner.query(`
      CREATE VIEW pilots_plan_metrics AS
      SELECT m.pilot_id, m.key, m.name, m.unit, m.direction, m.baseline, m.target,
             m.latest_value AS result, m.latest_observed_at AS result_observed_at, m.created_at
        FROM pilot_metrics m
    `);
    await queryRunner.query(`
      CREATE VIEW catalogue_testbed_summaries AS
      SELECT t.id AS testbed_id, t.organization_id, t.name, t.environment_type, t.domains, t.municipality, t.timezone
        FROM testbeds t
    `);
    await this.publishedResults(queryRunner, {
      kind: 'NULL::text',
      title: 'NULL::text',
      description: 'NULL::text',
      affects: 'NULL::text',
      join: '',
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const view of [
      'library_published_metrics',
      'library_published_results',
      'catalogue_testbed_summaries',
      'pilots_plan_metrics',
      'pilots_completed_pilots',
    ])
      await queryRunner.query(`DROP VIEW ${view}`);
    await queryRunner.query(`DROP TABLE "result_adoptions"`);
    await queryRunner.query(`DROP TABLE "results"`);
  }

  /** The public views, with the problem a pilot came from as these expressions (NULL until ideas publishes its view). */
  async publishedResults(
    queryRunner: QueryRunner,
    problem: { kind: string; title: string; description: string; affects: string; join: string },
  ): Promise<void> {
    const masked = (part: string, value: string) => `CASE WHEN ${both(part)} THEN ${value} END`;
    await queryRunner.query(`
      CREATE OR REPLACE VIEW library_published_results AS
      SELECT r.id AS result_id, r.pilot_id, r.published_at, c.title, c.starts_at, c.ends_at, c.outcome,
             ${masked('summary', 'c.summary')} AS summary,
             ${masked('lessons', 'c.lessons')} AS lessons,
             ${masked('company', 'co.name')} AS company_name,
             ${masked('problem', problem.kind)} AS problem_kind,
             ${masked('problem', problem.title)} AS problem_title,
             ${masked('problem', problem.description)} AS problem_description,
             ${masked('problem', problem.affects)} AS problem_affects,
             t.testbed_id, t.name AS testbed_name, t.environment_type, t.domains, t.municipality, t.timezone,
             t.organization_id AS testbed_organization_id, owner.name AS testbed_organization_name,
             ARRAY(SELECT unnest(r.company_parts) INTERSECT SELECT unnest(r.testbed_parts) ORDER BY 1) AS parts,
             setweight(to_tsvector('swedish'::regconfig, c.title), 'A')
               || setweight(to_tsvector('swedish'::regconfig, coalesce(${masked('problem', problem.title)}, '')), 'A')
               || setweight(to_tsvector('swedish'::regconfig, coalesce(${masked('summary', 'c.summary')}, '')), 'B')
               || setweight(to_tsvector('swedish'::regconfig, coalesce(${masked('problem', problem.description)}, '')), 'B')
               || setweight(to_tsvector('swedish'::regconfig, t.name || ' ' || t.municipality), 'C')
               || setweight(to_tsvector('swedish'::regconfig, coalesce(${masked('lessons', 'c.lessons')}, '')), 'C') AS document
        FROM results r
        JOIN pilots_completed_pilots c ON c.pilot_id = r.pilot_id
        JOIN catalogue_testbed_summaries t ON t.testbed_id = c.testbed_id
        JOIN identity_organization_facts owner ON owner.organization_id = t.organization_id
        JOIN identity_organization_facts co ON co.organization_id = c.organization_id
        ${problem.join}
       WHERE r.published_at IS NOT NULL
    `);
    await queryRunner.query(`
      CREATE OR REPLACE VIEW library_published_metrics AS
      SELECT r.result_id, m.key, m.name, m.unit, m.direction, m.baseline, m.target,
             CASE WHEN 'measurements' = ANY(r.parts) THEN m.result END AS result, m.created_at
        FROM library_published_results r JOIN pilots_plan_metrics m ON m.pilot_id = r.pilot_id
       WHERE 'metrics' = ANY(r.parts)
    `);
  }
}
