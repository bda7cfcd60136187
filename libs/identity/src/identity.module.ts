import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@slussen/core';
import { NotificationsDirectory } from '@slussen/notifications';
import { AccountsService } from './accounts.service.js';
import { ApiTokensService } from './api-tokens.service.js';
import { AuditService } from './audit.service.js';
import { IdentityActorResolver } from './identity-actor.resolver.js';
import { IdentityMailService } from './identity-mail.service.js';
import { IdentityNotificationsDirectory } from './messages/identity-directory.js';
import { IdentityMessages } from './messages/identity.messages.js';
import { InvitationsService } from './invitations.service.js';
import { LinkTokens } from './link-tokens.js';
import { PasswordChangesService } from './password-changes.service.js';
import { IDENTITY_ENTITIES } from './identity.entities.js';
import { IdentityPolicy } from './identity.policy.js';
import { MembersService } from './members.service.js';
import { OrganizationsService } from './organizations.service.js';
import { PasswordService } from './password.service.js';
import { ApiTokensRepository } from './repositories/api-tokens.repository.js';
import { AuditRepository } from './repositories/audit.repository.js';
import { InvitationsRepository } from './repositories/invitations.repository.js';
import { MembershipsRepository } from './repositories/memberships.repository.js';
import { OrganizationsRepository } from './repositories/organizations.repository.js';
import { PasswordTokensRepository } from './repositories/password-tokens.repository.js';
import { RefreshTokensRepository } from './repositories/refresh-tokens.repository.js';
import { UsersRepository } from './repositories/users.repository.js';
import { SessionService } from './session.service.js';
import { UserDirectoryService } from './user-directory.service.js';
import { createSecretKey } from 'node:crypto';

/** Organizations, users, memberships, tokens and the audit log; used by both apps. */
@Module({
  imports: [
    TypeOrmModule.forFeature(IDENTITY_ENTITIES),
    JwtModule.registerAsync({
      inject: [AppConfig],
      // A key made once: given the secret as a string, jsonwebtoken tries it as a public key first on every
      // verify (createPublicKey, which throws), about 2 % of the API's time per request under load.
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.jwt.secret)) as unknown as string,
      }),
    }),
  ],
  providers: [
    OrganizationsRepository,
    UsersRepository,
    MembershipsRepository,
    RefreshTokensRepository,
    ApiTokensRepository,
    AuditRepository,
    PasswordTokensRepository,
    InvitationsRepository,
    LinkTokens,
    PasswordService,
    SessionService,
    AuditService,
    IdentityPolicy,
    AccountsService,
    OrganizationsService,
    MembersService,
    ApiTokensService,
    PasswordChangesService,
    InvitationsService,
    IdentityMailService,
    IdentityActorResolver,
    UserDirectoryService,
    IdentityMessages,
    { provide: NotificationsDirectory, useClass: IdentityNotificationsDirectory },
  ],
  exports: [
    AuditService,
    OrganizationsService,
    AccountsService,
    SessionService,
    MembersService,
    ApiTokensService,
    PasswordChangesService,
    InvitationsService,
    IdentityMailService,
    IdentityActorResolver,
    UserDirectoryService,
  ],
})
export class IdentityModule {}
