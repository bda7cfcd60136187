import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, hashToken, outbox, ValidationError, type Actor } from '@slussen/core';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from './audit.service.js';
import { IdentityConfig } from './identity.config.js';
import { LinkTokens } from './link-tokens.js';
import { PasswordService } from './password.service.js';
import { PasswordTokensRepository } from './repositories/password-tokens.repository.js';
import { RefreshTokensRepository } from './repositories/refresh-tokens.repository.js';
import { UsersRepository } from './repositories/users.repository.js';

/**
 * Changing a password: by the signed-in person, through a forgotten-password
 * link, or through the first-password link of a person added without one.
 * Links are single use, stored as hashes; setting a password ends sessions.
 */
@Injectable()
export class PasswordChangesService implements OnModuleDestroy {
  private readonly logger = new Logger(PasswordChangesService.name);
  /** Reset links being issued after their request was answered. */
  private readonly issuing = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly tokens: PasswordTokensRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly links: LinkTokens,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    private readonly config: IdentityConfig,
  ) {}

  /** The signed-in person's new password; every other session of theirs ends. */
  async change(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    if (actor.type !== 'user') throw new DomainError('forbidden', 'Only a signed-in person has a password');
    if (!(await this.passwords.verify(await this.users.passwordHashOf(actor.userId), currentPassword))) {
      throw new ValidationError('The current password is wrong', [{ field: 'currentPassword', message: 'is wrong' }]);
    }
    const passwordHash = await this.passwords.hash(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await this.setPassword(actor.userId, passwordHash, actor.sessionId, manager);
      await this.audit.record(
        actor,
        { action: 'user.change-password', organizationId: null, subjectType: 'user', subjectId: actor.userId },
        manager,
      );
    });
  }

  /**
   * E-mails a reset link when the address has an account; says nothing either
   * way. The link is issued after the answer, so the answer takes as long for
   * an address with an account as without (it would otherwise tell which
   * addresses have one). A request lost to a crash is simply asked again.
   */
  async forgot(email: string): Promise<void> {
    const user = await this.users.findByEmail(email.trim());
    if (!user) return;
    const issuing = this.issueReset(user.id).catch((error: unknown) =>
      this.logger.error(`a password reset link was not issued: ${(error as Error).message}`),
    );
    this.issuing.add(issuing);
    void issuing.finally(() => this.issuing.delete(issuing));
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.issuing);
  }

  private async issueReset(userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.tokens.closeOpen(userId, manager);
      const id = await this.issue(userId, 'reset', this.config.links.passwordResetTtlMinutes * 60_000, manager);
      await outbox.add('identity.password-reset', { passwordTokenId: id }, manager);
    });
  }

  /** Sets the password through a link; every session of the user ends. A used or expired link is 400. */
  async reset(token: string, password: string): Promise<void> {
    const passwordHash = await this.passwords.hash(password);
    await this.dataSource.transaction(async (manager) => {
      const used = await this.tokens.consume(hashToken(token), manager);
      if (!used)
        throw new ValidationError('This link is not valid: it has been used or has expired. Ask for a new one.', [
          { field: 'token', message: 'is used, expired or unknown' },
        ]);
      await this.setPassword(used.userId, passwordHash, null, manager);
      const action = used.purpose === 'setup' ? 'user.set-first-password' : 'user.reset-password';
      await this.audit.record(
        null,
        { action, organizationId: null, subjectType: 'user', subjectId: used.userId },
        manager,
      );
    });
  }

  /** The first-password link of a person just added without a password, e-mailed after the commit. */
  async sendFirstPasswordLink(userId: string, organizationId: string, manager: EntityManager): Promise<void> {
    const id = await this.issue(userId, 'setup', this.config.links.invitationTtlDays * 86_400_000, manager);
    await outbox.add('identity.password-setup', { passwordTokenId: id, organizationId }, manager);
  }

  private async issue(
    userId: string,
    purpose: 'reset' | 'setup',
    lifetimeMs: number,
    manager: EntityManager,
  ): Promise<string> {
    const id = randomUUID();
    await this.tokens.create(
      {
        id,
        userId,
        purpose,
        tokenHash: hashToken(this.links.tokenOf('password', id)),
        expiresAt: new Date(Date.now() + lifetimeMs),
      },
      manager,
    );
    return id;
  }

  private async setPassword(
    userId: string,
    passwordHash: string,
    keepSessionId: string | null,
    manager: EntityManager,
  ): Promise<void> {
    await this.users.setPassword(userId, passwordHash, manager);
    await this.refreshTokens.revokeAllOf(userId, manager, keepSessionId);
    await this.tokens.closeOpen(userId, manager);
  }
}
