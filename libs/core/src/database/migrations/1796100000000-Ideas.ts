import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Innovation sluices and the ideas and needs submitted to them (libs/ideas),
 * a booking's link to the accepted idea it pilots (scheduling's
 * `bookings.idea_id`), and where the contexts meet:
 *
 * - `ideas_bookings_link_permitted` (ideas', on bookings): a booking links only
 *   an accepted (or piloting) idea, on one of its matched test beds, for the
 *   company whose answer was accepted or whose idea it is;
 * - `ideas_follow_bookings` (ideas', on bookings): a linked booking confirmed
 *   moves its idea from `accepted` to `piloting`, with its event and outbox
 *   message, in the confirming transaction;
 * - views: `ideas_booking_origins` (ideas publish the idea a booking came from,
 *   for the results library), `scheduling_booking_ideas` (scheduling publishes
 *   its bookings' links) and `catalogue_testbed_search` (the catalogue
 *   publishes its test beds' Swedish search document, for matching).
 */

export class Ideas1796100000000 implements MigrationInterface {
  name = 'Ideas1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "sluices" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "name" text NOT NULL,
                "description" text NOT NULL,
                "domains" text array NOT NULL DEFAULT '{}',
                "submitters" text array NOT NULL,
                "answer_within_days" integer NOT NULL DEFAULT '14',
                "created_by_user_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "sluices_answer_within_days_check" CHECK (
                    "answer_within_days" BETWEEN 1 AND 365
                ),
                CONSTRAINT "sluices_submitters_check" CHECK (
                    "submitters" <@ ARRAY ['staff', 'companies', 'anyone']::text []
                    AND cardinality("submitters") > 0
                ),
                CONSTRAINT "sluices_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "sluices_organization_id_index" ON "sluices" ("organization_id", "name")
        `);
    await queryRunner.query(`
            CREATE TABLE "ideas" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "sluice_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "title" text NOT NULL,
                "description" text NOT NULL,
                "domains" text array NOT NULL DEFAULT '{}',
                "affects" text,
                "public" boolean NOT NULL DEFAULT false,
                "status" text NOT NULL DEFAULT 'submitted',
                "submitted_by_user_id" uuid,
                "submitter_organization_id" uuid,
                "decline_reason" text,
                "result" text,
                "screened_at" TIMESTAMP(3) WITH TIME ZONE,
                "decided_at" TIMESTAMP(3) WITH TIME ZONE,
                "piloting_at" TIMESTAMP(3) WITH TIME ZONE,
                "closed_at" TIMESTAMP(3) WITH TIME ZONE,
                "reminded_at" TIMESTAMP(3) WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ideas_closed_has_result" CHECK (
                    "status" <> 'closed'
                    OR "result" IS NOT NULL
                ),
                CONSTRAINT "ideas_declined_has_reason" CHECK (
                    "status" <> 'declined'
                    OR "decline_reason" IS NOT NULL
                ),
                CONSTRAINT "ideas_public_needs_only" CHECK (
                    NOT "public"
                    OR "kind" = 'need'
                ),
                CONSTRAINT "ideas_kind_check" CHECK ("kind" IN ('need', 'idea')),
                CONSTRAINT "ideas_status_check" CHECK (
                    "status" IN (
                        'submitted',
                        'screening',
                        'accepted',
                        'piloting',
                        'closed',
                        'declined'
                    )
                ),
                CONSTRAINT "ideas_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ideas_waiting_index" ON "ideas" ("created_at")
            WHERE "status" = 'submitted'
                AND "reminded_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ideas_submitter_organization_index" ON "ideas" ("submitter_organization_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ideas_submitted_by_index" ON "ideas" ("submitted_by_user_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ideas_sluice_id_index" ON "ideas" ("sluice_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "idea_answers" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "idea_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                "author_user_id" uuid,
                "description" text NOT NULL,
                "status" text NOT NULL DEFAULT 'submitted',
                "accepted_at" TIMESTAMP(3) WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "idea_answers_status_check" CHECK ("status" IN ('submitted', 'accepted')),
                CONSTRAINT "idea_answers_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idea_answers_organization_id_index" ON "idea_answers" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "idea_answers_one_accepted" ON "idea_answers" ("idea_id")
            WHERE "status" = 'accepted'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "idea_answers_one_per_company" ON "idea_answers" ("idea_id", "organization_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "idea_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "idea_id" uuid NOT NULL,
                "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
                "type" text NOT NULL,
                "from_status" text,
                "to_status" text NOT NULL,
                "actor_user_id" uuid,
                "actor_api_token_id" uuid,
                "detail" text,
                "booking_id" uuid,
                CONSTRAINT "idea_events_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idea_events_idea_id_at_index" ON "idea_events" ("idea_id", "at")
        `);
    await queryRunner.query(`
            CREATE TABLE "idea_followers" (
                "idea_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "idea_followers_pkey" PRIMARY KEY ("idea_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idea_followers_user_id_index" ON "idea_followers" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "idea_messages" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "idea_id" uuid NOT NULL,
                "author_user_id" uuid,
                "side" text NOT NULL,
                "body" text NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "idea_messages_side_check" CHECK ("side" IN ('submitter', 'managers')),
                CONSTRAINT "idea_messages_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idea_messages_idea_id_index" ON "idea_messages" ("idea_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "idea_testbeds" (
                "idea_id" uuid NOT NULL,
                "testbed_id" uuid NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "idea_testbeds_pkey" PRIMARY KEY ("idea_id", "testbed_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idea_testbeds_testbed_id_index" ON "idea_testbeds" ("testbed_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "bookings"
            ADD "idea_id" uuid
        `);
    await queryRunner.query(`
            CREATE INDEX "bookings_idea_id_index" ON "bookings" ("idea_id")
            WHERE "idea_id" IS NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "sluices"
            ADD CONSTRAINT "sluices_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "ideas"
            ADD CONSTRAINT "ideas_sluice_id_fkey" FOREIGN KEY ("sluice_id") REFERENCES "sluices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "ideas"
            ADD CONSTRAINT "ideas_submitted_by_user_id_fkey" FOREIGN KEY ("submitted_by_user_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "ideas"
            ADD CONSTRAINT "ideas_submitter_organization_id_fkey" FOREIGN KEY ("submitter_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "idea_answers"
            ADD CONSTRAINT "idea_answers_idea_id_fkey" FOREIGN KEY ("idea_id") REFERENCES "ideas"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "idea_answers"
            ADD CONSTRAINT "idea_answers_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "idea_events"
            ADD CONSTRAINT "idea_events_idea_id_fkey" FOREIGN KEY ("idea_id") REFERENCES "ideas"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "idea_followers"
            ADD CONSTRAINT "idea_followers_idea_id_fkey" FOREIGN KEY ("idea_id") REFERENCES "ideas"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "idea_followers"
            ADD CONSTRAINT "idea_followers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "idea_messages"
            ADD CONSTRAINT "idea_messages_idea_id_fkey" FOREIGN KEY ("idea_id") REFERENCES "ideas"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "idea_testbeds"
            ADD CONSTRAINT "idea_testbeds_idea_id_fkey" FOREIGN KEY ("idea_id") REFERENCES "ideas"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "idea_testbeds"
            ADD CONSTRAINT "idea_testbeds_testbed_id_fkey" FOREIGN KEY ("testbed_id") REFERENCES "testbeds"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "bookings"
            ADD CONSTRAINT "bookings_idea_id_fkey" FOREIGN KEY ("idea_id") REFERENCES "ideas"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);

    // Hand-written: what the schema builder does not describe.
    await queryRunner.query(`
            CREATE INDEX "ideas_search_index" ON "ideas" USING gin ((
                setweight(to_tsvector('swedish'::regconfig, "title"), 'A')
                || setweight(to_tsvector('swedish'::regconfig, "description"), 'B')
                || setweight(to_tsvector('swedish'::regconfig, coalesce("affects", '')), 'C')
            ))
        `);
    await queryRunner.query(`
            CREATE VIEW scheduling_booking_ideas AS
            SELECT b.id AS booking_id, b.idea_id, b.testbed_id, b.organization_id, b.status
              FROM bookings b WHERE b.idea_id IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE VIEW ideas_booking_origins AS
            SELECT l.booking_id, i.id AS idea_id, i.kind, i.title, i.description, i.affects, i.sluice_id, s.organization_id
              FROM scheduling_booking_ideas l
              JOIN ideas i ON i.id = l.idea_id
              JOIN sluices s ON s.id = i.sluice_id
        `);
    await queryRunner.query(`
            CREATE VIEW catalogue_testbed_search AS
            SELECT t.id AS testbed_id, t.organization_id, t.name, t.summary, t.status, t.environment_type, t.domains, t.municipality,
                   (setweight(to_tsvector('swedish'::regconfig, t.name), 'A')
                    || setweight(to_tsvector('swedish'::regconfig, t.summary), 'B')
                    || setweight(to_tsvector('swedish'::regconfig, coalesce(t.description, '')), 'C')) AS document
              FROM testbeds t
        `);
    await queryRunner.query(`
            CREATE FUNCTION ideas_bookings_link_permitted() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
              linked record;
            BEGIN
              SELECT i.status, i.kind, i.submitter_organization_id INTO linked FROM ideas i WHERE i.id = NEW.idea_id;
              IF NOT FOUND
                 OR linked.status NOT IN ('accepted', 'piloting')
                 OR NOT EXISTS (SELECT 1 FROM idea_testbeds m WHERE m.idea_id = NEW.idea_id AND m.testbed_id = NEW.testbed_id)
                 OR NOT ((linked.kind = 'idea' AND linked.submitter_organization_id = NEW.organization_id)
                         OR EXISTS (SELECT 1 FROM idea_answers a
                                     WHERE a.idea_id = NEW.idea_id AND a.status = 'accepted' AND a.organization_id = NEW.organization_id))
              THEN
                RAISE EXCEPTION 'a booking of company % on test bed % cannot pilot idea %', NEW.organization_id, NEW.testbed_id, NEW.idea_id
                  USING ERRCODE = 'check_violation', CONSTRAINT = 'bookings_idea_link_permitted';
              END IF;
              RETURN NEW;
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER ideas_bookings_link_permitted BEFORE INSERT OR UPDATE OF idea_id ON bookings
            FOR EACH ROW WHEN (NEW.idea_id IS NOT NULL)
            EXECUTE FUNCTION ideas_bookings_link_permitted()
        `);
    await queryRunner.query(`
            CREATE FUNCTION ideas_follow_bookings() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              WITH moved AS (
                UPDATE ideas SET status = 'piloting', piloting_at = now(), updated_at = now()
                 WHERE id = NEW.idea_id AND status = 'accepted'
                RETURNING id
              ), event AS (
                INSERT INTO idea_events (idea_id, type, from_status, to_status, detail, booking_id)
                SELECT id, 'piloting', 'accepted', 'piloting', 'a linked booking was confirmed', NEW.id FROM moved
              )
              INSERT INTO outbox_messages (topic, payload)
              SELECT 'idea.piloting', json_build_object('ideaId', id, 'bookingId', NEW.id) FROM moved;
              RETURN NULL;
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER ideas_follow_bookings AFTER INSERT OR UPDATE OF status ON bookings
            FOR EACH ROW WHEN (NEW.idea_id IS NOT NULL AND NEW.status = 'confirmed')
            EXECUTE FUNCTION ideas_follow_bookings()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER ideas_follow_bookings ON bookings`);
    await queryRunner.query(`DROP FUNCTION ideas_follow_bookings()`);
    await queryRunner.query(`DROP TRIGGER ideas_bookings_link_permitted ON bookings`);
    await queryRunner.query(`DROP FUNCTION ideas_bookings_link_permitted()`);
    await queryRunner.query(`DROP VIEW catalogue_testbed_search`);
    await queryRunner.query(`DROP VIEW ideas_booking_origins`);
    await queryRunner.query(`DROP VIEW scheduling_booking_ideas`);
    await queryRunner.query(`DROP INDEX "ideas_search_index"`);
    await queryRunner.query(`
            ALTER TABLE "bookings" DROP CONSTRAINT "bookings_idea_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "idea_testbeds" DROP CONSTRAINT "idea_testbeds_testbed_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "idea_testbeds" DROP CONSTRAINT "idea_testbeds_idea_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "idea_messages" DROP CONSTRAINT "idea_messages_idea_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "idea_followers" DROP CONSTRAINT "idea_followers_user_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "idea_followers" DROP CONSTRAINT "idea_followers_idea_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "idea_events" DROP CONSTRAINT "idea_events_idea_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "idea_answers" DROP CONSTRAINT "idea_answers_organization_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "idea_answers" DROP CONSTRAINT "idea_answers_idea_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "ideas" DROP CONSTRAINT "ideas_submitter_organization_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "ideas" DROP CONSTRAINT "ideas_submitted_by_user_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "ideas" DROP CONSTRAINT "ideas_sluice_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "sluices" DROP CONSTRAINT "sluices_organization_id_fkey"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."bookings_idea_id_index"
        `);
    await queryRunner.query(`
            ALTER TABLE "bookings" DROP COLUMN "idea_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idea_testbeds_testbed_id_index"
        `);
    await queryRunner.query(`
            DROP TABLE "idea_testbeds"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idea_messages_idea_id_index"
        `);
    await queryRunner.query(`
            DROP TABLE "idea_messages"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idea_followers_user_id_index"
        `);
    await queryRunner.query(`
            DROP TABLE "idea_followers"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idea_events_idea_id_at_index"
        `);
    await queryRunner.query(`
            DROP TABLE "idea_events"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idea_answers_one_per_company"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idea_answers_one_accepted"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idea_answers_organization_id_index"
        `);
    await queryRunner.query(`
            DROP TABLE "idea_answers"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ideas_sluice_id_index"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ideas_submitted_by_index"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ideas_submitter_organization_index"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ideas_waiting_index"
        `);
    await queryRunner.query(`
            DROP TABLE "ideas"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."sluices_organization_id_index"
        `);
    await queryRunner.query(`
            DROP TABLE "sluices"
        `);
  }
}
