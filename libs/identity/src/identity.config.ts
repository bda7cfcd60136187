import { IsEmail, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { defineConfigSlice, IntSetting } from '@slussen/core';

/** Identity's environment variables: link lifetimes, password hashing, the first platform admin. */
export class IdentityVariables {
  /** How long a forgotten-password link works. */
  @IntSetting(5, 1440)
  PASSWORD_RESET_TTL_MINUTES = 30;

  /** How long an invitation, and the first-password link of a person added without one, stays open. */
  @IntSetting(1, 90)
  INVITATION_TTL_DAYS = 14;

  /** argon2id cost (OWASP: 19 MiB, 2 passes); lower only to speed up tests. */
  @IntSetting(1024, 1_048_576)
  ARGON2_MEMORY_KIB = 19_456;

  @IntSetting(1, 10)
  ARGON2_TIME_COST = 2;

  @IsOptional()
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an e-mail address' })
  ADMIN_EMAIL?: string;

  @ValidateIf((env: IdentityVariables) => env.ADMIN_EMAIL !== undefined || env.ADMIN_PASSWORD !== undefined)
  @IsString()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be 12 to 256 characters when ADMIN_EMAIL is set' })
  @MaxLength(256, { message: 'ADMIN_PASSWORD must be 12 to 256 characters when ADMIN_EMAIL is set' })
  ADMIN_PASSWORD?: string;
}

/** Identity's settings, injected where identity needs them. */
export class IdentityConfig {
  /** Lifetimes of a forgotten-password link and of an invitation (and a first-password link). */
  readonly links: { passwordResetTtlMinutes: number; invitationTtlDays: number };
  readonly argon2: { memoryKib: number; timeCost: number };
  /** The first platform admin, created at start if none exists. */
  readonly admin: { email: string; password: string } | null;

  constructor(env: IdentityVariables) {
    this.links = {
      passwordResetTtlMinutes: env.PASSWORD_RESET_TTL_MINUTES,
      invitationTtlDays: env.INVITATION_TTL_DAYS,
    };
    this.argon2 = { memoryKib: env.ARGON2_MEMORY_KIB, timeCost: env.ARGON2_TIME_COST };
    this.admin =
      env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : null;
  }
}

declare module '@slussen/core' {
  interface ConfigSlices {
    identity: IdentityConfig;
  }
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface EnvironmentVariables extends IdentityVariables {}
}

export const IDENTITY_CONFIG = defineConfigSlice('identity', IdentityVariables, IdentityConfig);
