import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organizations, users, memberships, refresh and API tokens, and the audit log. */

export class Identity1795820590440 implements MigrationInterface {
  name = 'Identity1795820590440';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "organizations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "kind" text NOT NULL,
                "org_number" text,
                "parent_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "organizations_parent_not_self" CHECK (
                    "parent_id" IS NULL
                    OR "parent_id" <> "id"
                ),
                CONSTRAINT "organizations_kind_check" CHECK (
                    "kind" IN ('region', 'municipality', 'company', 'agency')
                ),
                CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "organizations_parent_id_index" ON "organizations" ("parent_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "organizations_org_number_unique" ON "organizations" ("org_number")
            WHERE "org_number" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" citext NOT NULL,
                "name" text NOT NULL,
                "language" text NOT NULL DEFAULT 'sv',
                "password_hash" text,
                "platform_admin" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "users_language_check" CHECK ("language" IN ('sv', 'en')),
                CONSTRAINT "users_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "users_email_unique" ON "users" ("email")
        `);
    await queryRunner.query(`
            CREATE TABLE "api_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "name" text NOT NULL,
                "role" text NOT NULL,
                "token_hash" text NOT NULL,
                "token_prefix" text NOT NULL,
                "created_by_user_id" uuid,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_used_at" TIMESTAMP(3) WITH TIME ZONE,
                "revoked_at" TIMESTAMP(3) WITH TIME ZONE,
                CONSTRAINT "api_tokens_role_check" CHECK ("role" IN ('admin', 'manager', 'member')),
                CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "api_tokens_organization_id_index" ON "api_tokens" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "api_tokens_token_hash_unique" ON "api_tokens" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_entries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_user_id" uuid,
                "actor_api_token_id" uuid,
                "organization_id" uuid,
                "action" text NOT NULL,
                "subject_type" text NOT NULL,
                "subject_id" text NOT NULL,
                "details" jsonb NOT NULL,
                "request_id" text,
                CONSTRAINT "audit_entries_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_entries_at_index" ON "audit_entries" ("at")
        `);
    await queryRunner.query(`
            CREATE INDEX "audit_entries_organization_id_at_index" ON "audit_entries" ("organization_id", "at")
        `);
    await queryRunner.query(`
            CREATE TABLE "memberships" (
                "organization_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "role" text NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "memberships_role_check" CHECK ("role" IN ('admin', 'manager', 'member')),
                CONSTRAINT "memberships_pkey" PRIMARY KEY ("organization_id", "user_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "memberships_user_id_index" ON "memberships" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "refresh_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "family_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "token_hash" text NOT NULL,
                "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP(3) WITH TIME ZONE,
                "revoked_at" TIMESTAMP(3) WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "refresh_tokens_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "refresh_tokens_user_id_index" ON "refresh_tokens" ("user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "refresh_tokens_family_id_index" ON "refresh_tokens" ("family_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "refresh_tokens_token_hash_unique" ON "refresh_tokens" ("token_hash")
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD CONSTRAINT "organizations_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "api_tokens"
            ADD CONSTRAINT "api_tokens_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "api_tokens"
            ADD CONSTRAINT "api_tokens_created_by_user_id_fkey" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "memberships"
            ADD CONSTRAINT "memberships_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "memberships"
            ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens"
            ADD CONSTRAINT "refresh_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Dropping a table drops its indexes and constraints; children first.
    for (const table of ['refresh_tokens', 'memberships', 'audit_entries', 'api_tokens', 'users', 'organizations']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
