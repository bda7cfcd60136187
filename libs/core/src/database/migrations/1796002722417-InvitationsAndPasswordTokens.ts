import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Invitations to existing accounts, and single-use links to set a password (forgotten, or a first one). */

export class InvitationsAndPasswordTokens1796002722417 implements MigrationInterface {
  name = 'InvitationsAndPasswordTokens1796002722417';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "invitations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "email" citext NOT NULL,
                "role" text NOT NULL,
                "status" text NOT NULL DEFAULT 'pending',
                "invited_by_user_id" uuid,
                "token_hash" text NOT NULL,
                "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "decided_at" TIMESTAMP(3) WITH TIME ZONE,
                CONSTRAINT "invitations_status_check" CHECK (
                    "status" IN ('pending', 'accepted', 'declined', 'revoked')
                ),
                CONSTRAINT "invitations_role_check" CHECK ("role" IN ('admin', 'manager', 'member')),
                CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "invitations_user_id_index" ON "invitations" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "invitations_one_pending_unique" ON "invitations" ("organization_id", "user_id")
            WHERE "status" = 'pending'
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "invitations_token_hash_unique" ON "invitations" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "password_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "purpose" text NOT NULL,
                "token_hash" text NOT NULL,
                "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP(3) WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "password_tokens_purpose_check" CHECK ("purpose" IN ('reset', 'setup')),
                CONSTRAINT "password_tokens_pkey" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "password_tokens_user_id_index" ON "password_tokens" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "password_tokens_token_hash_unique" ON "password_tokens" ("token_hash")
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD CONSTRAINT "invitations_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD CONSTRAINT "invitations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD CONSTRAINT "invitations_invited_by_user_id_fkey" FOREIGN KEY ("invited_by_user_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "password_tokens"
            ADD CONSTRAINT "password_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "password_tokens"`);
    await queryRunner.query(`DROP TABLE "invitations"`);
  }
}
