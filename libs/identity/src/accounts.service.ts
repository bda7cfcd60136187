import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, DomainError, type Actor } from '@slussen/core';
import { DataSource } from 'typeorm';
import { AuditService } from './audit.service.js';
import { IdentityConfig } from './identity.config.js';
import { userActor } from './identity-actor.resolver.js';
import { InvalidCredentialsError } from './identity.errors.js';
import { PasswordService } from './password.service.js';
import { MembershipsRepository } from './repositories/memberships.repository.js';
import { OrganizationsRepository } from './repositories/organizations.repository.js';
import { UsersRepository } from './repositories/users.repository.js';
import { SessionService } from './session.service.js';
import {
  normalizeOrgNumber,
  toOrganizationView,
  toUserView,
  type OrganizationView,
  type TokenPair,
  type UserView,
} from './views.js';

export interface SignupCommand {
  email: string;
  password: string;
  name: string;
  language?: 'sv' | 'en';
  company: { name: string; orgNumber?: string };
}

export interface MeView extends UserView {
  memberships: Array<{ organizationId: string; organizationName: string; kind: string; role: string }>;
}

/** Sign-up, sign-in and the signed-in user's own profile. */
@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  /** A company and its first admin, signed in. */
  async signup(command: SignupCommand): Promise<{ user: UserView; organization: OrganizationView } & TokenPair> {
    const passwordHash = await this.passwords.hash(command.password);
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.create(
        { email: command.email.trim(), name: command.name.trim(), language: command.language, passwordHash },
        manager,
      );
      const organization = await this.organizations.create(
        {
          name: command.company.name.trim(),
          kind: 'company',
          orgNumber: normalizeOrgNumber(command.company.orgNumber),
          parentId: null,
        },
        manager,
      );
      await this.memberships.add({ organizationId: organization.id, userId: user.id, role: 'admin' }, manager);
      const actor: Actor = {
        type: 'user',
        id: user.id,
        userId: user.id,
        sessionId: null,
        platformAdmin: false,
        memberships: [{ organizationId: organization.id, organizationKind: 'company', role: 'admin' }],
      };
      await this.audit.record(
        actor,
        {
          action: 'organization.signup',
          organizationId: organization.id,
          subjectType: 'organization',
          subjectId: organization.id,
          details: { name: organization.name, email: user.email },
        },
        manager,
      );
      const tokens = await this.sessions.start(user.id, manager);
      return { user: toUserView(user), organization: toOrganizationView(organization), ...tokens };
    });
  }

  async login(email: string, password: string): Promise<TokenPair> {
    const userId = await this.verifiedUserId(email, password);
    if (!userId) throw new InvalidCredentialsError();
    return this.sessions.start(userId);
  }

  /** The user behind an e-mail and password, as an actor; null when they do not match. */
  async authenticate(email: string, password: string): Promise<Actor | null> {
    const userId = await this.verifiedUserId(email, password);
    return userId ? this.actorOfUser(userId) : null;
  }

  /** A user's actor with the memberships they hold now (for a credential made by them, such as a feed token); null when the account is gone. */
  async actorOfUser(userId: string): Promise<Actor | null> {
    const user = await this.users.actorOf(userId, null);
    return user ? userActor(user, null) : null;
  }

  /** Takes as long whether or not the e-mail is known (PasswordService verifies a decoy). */
  private async verifiedUserId(email: string, password: string): Promise<string | null> {
    const credentials = await this.users.findCredentials(email.trim());
    return (await this.passwords.verify(credentials?.passwordHash, password)) && credentials ? credentials.id : null;
  }

  async me(actor: Actor): Promise<MeView> {
    if (actor.type !== 'user') throw new DomainError('forbidden', 'An API token has no user profile');
    const user = await this.users.findById(actor.userId);
    if (!user) throw new DomainError('unauthenticated', 'This account no longer exists');
    const memberships = await this.users.membershipsOf(user.id);
    return {
      ...toUserView(user),
      memberships: memberships.map((row) => ({
        organizationId: row.organizationId,
        organizationName: row.organizationName,
        kind: row.organizationKind,
        role: row.role,
      })),
    };
  }

  /** The signed-in person's own name and language (e-mails and the web app follow the language); audited. */
  async updateProfile(actor: Actor, changes: { name?: string; language?: 'sv' | 'en' }): Promise<MeView> {
    if (actor.type !== 'user') throw new DomainError('forbidden', 'An API token has no user profile');
    const fields = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as {
      name?: string;
      language?: 'sv' | 'en';
    };
    if (Object.keys(fields).length) {
      await this.dataSource.transaction(async (manager) => {
        await this.users.updateProfile(actor.userId, fields, manager);
        await this.audit.record(
          actor,
          {
            action: 'user.update-profile',
            organizationId: null,
            subjectType: 'user',
            subjectId: actor.userId,
            details: { fields: Object.keys(fields), ...(fields.language ? { language: fields.language } : {}) },
          },
          manager,
        );
      });
    }
    return this.me(actor);
  }

  /** Ends every session of the signed-in person, this one too (sign out everywhere); audited. */
  async endAllSessions(actor: Actor): Promise<void> {
    if (actor.type !== 'user') throw new DomainError('forbidden', 'Only a signed-in person has sessions');
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.endAllOf(actor.userId, manager);
      await this.audit.record(
        actor,
        { action: 'user.sign-out-everywhere', organizationId: null, subjectType: 'user', subjectId: actor.userId },
        manager,
      );
    });
  }

  /** A platform admin to act as in system tasks such as seeding demo data; null when there is none. */
  async platformAdminActor(): Promise<Actor | null> {
    const admin = await this.users.firstPlatformAdmin();
    return admin
      ? { type: 'user', id: admin.id, userId: admin.id, sessionId: null, platformAdmin: true, memberships: [] }
      : null;
  }

  /**
   * The first platform admin, from ADMIN_EMAIL and ADMIN_PASSWORD, when there is
   * none yet. An existing account with that e-mail is promoted, its password kept.
   */
  async bootstrapPlatformAdmin(config: AppConfig): Promise<void> {
    const admin = config.slice(IdentityConfig).admin;
    if (!admin) return;
    const passwordHash = await this.passwords.hash(admin.password);
    await this.dataSource.transaction(async (manager) => {
      await this.users.lockPlatformAdminBootstrap(manager);
      if (await this.users.hasPlatformAdmin(manager)) return;
      const existing = await this.users.findByEmail(admin.email, manager);
      const user =
        existing ??
        (await this.users.create(
          { email: admin.email, name: 'Platform admin', passwordHash, platformAdmin: true },
          manager,
        ));
      if (existing) await this.users.makePlatformAdmin(existing.id, manager);
      await this.audit.record(
        null,
        {
          action: 'user.bootstrap-platform-admin',
          organizationId: null,
          subjectType: 'user',
          subjectId: user.id,
          details: { email: admin.email },
        },
        manager,
      );
      this.logger.log(`platform admin ${admin.email} ${existing ? 'promoted' : 'created'} from ADMIN_EMAIL`);
    });
  }
}
