import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, hashToken, NotFoundError, outbox, type Actor, type Role } from '@slussen/core';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from './audit.service.js';
import { IdentityConfig } from './identity.config.js';
import { LinkTokens } from './link-tokens.js';
import { OrganizationsService } from './organizations.service.js';
import {
  InvitationsRepository,
  type ReceivedInvitationRow,
  type SentInvitationRow,
} from './repositories/invitations.repository.js';
import { MembershipsRepository } from './repositories/memberships.repository.js';

export type ReceivedInvitationView = Omit<ReceivedInvitationRow, 'expiresAt'> & { expiresAt: string };
export type SentInvitationView = Omit<SentInvitationRow, 'createdAt' | 'expiresAt'> & {
  createdAt: string;
  expiresAt: string;
};

/** What the invitee gets on accepting: the membership that starts now. */
export interface JoinedView {
  organizationId: string;
  role: Role;
}

const received = (row: ReceivedInvitationRow): ReceivedInvitationView => ({
  ...row,
  expiresAt: new Date(row.expiresAt).toISOString(),
});
const sent = (row: SentInvitationRow): SentInvitationView => ({
  ...row,
  createdAt: new Date(row.createdAt).toISOString(),
  expiresAt: new Date(row.expiresAt).toISOString(),
});

/**
 * Invitations for people who already have an account: the organization learns
 * nothing of the account, and the membership starts only when they accept.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly invitations: InvitationsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly links: LinkTokens,
    private readonly audit: AuditService,
    private readonly config: IdentityConfig,
  ) {}

  /** Within the caller's transaction, once it has checked that the caller manages the organization's members. */
  async invite(
    actor: Actor,
    organizationId: string,
    invitee: { userId: string; email: string; role: Role },
    manager: EntityManager,
  ): Promise<{ invitationId: string }> {
    const id = randomUUID();
    await this.invitations.replacePending(
      {
        id,
        organizationId,
        userId: invitee.userId,
        email: invitee.email,
        role: invitee.role,
        invitedByUserId: actor.userId,
        tokenHash: hashToken(this.links.tokenOf('invitation', id)),
        expiresAt: new Date(Date.now() + this.config.links.invitationTtlDays * 86_400_000),
      },
      manager,
    );
    await outbox.add('identity.invitation', { invitationId: id }, manager);
    await this.audit.record(
      actor,
      {
        action: 'member.invite',
        organizationId,
        subjectType: 'invitation',
        subjectId: id,
        details: { email: invitee.email, role: invitee.role },
      },
      manager,
    );
    return { invitationId: id };
  }

  async mine(actor: Actor): Promise<{ items: ReceivedInvitationView[] }> {
    return { items: (await this.invitations.receivedBy(this.person(actor))).map(received) };
  }

  /** What the e-mailed link offers, shown to its invitee before they answer; 404 as accepting would be. */
  async preview(actor: Actor, token: string): Promise<ReceivedInvitationView> {
    const row = await this.invitations.receivedByToken(this.person(actor), hashToken(token));
    if (!row) throw new NotFoundError('Invitation');
    return received(row);
  }

  /** Accepts by id (from the signed-in person's list) or by the e-mailed link's token; only the invitee may. */
  async accept(actor: Actor, by: { id: string } | { token: string }): Promise<JoinedView> {
    const userId = this.person(actor);
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.invitations.decide(
        userId,
        'id' in by ? by : { tokenHash: hashToken(by.token) },
        'accepted',
        manager,
      );
      if (!invitation) throw new NotFoundError('Invitation');
      // Added meanwhile by another way: the role it has stays.
      if (!(await this.memberships.find(invitation.organizationId, userId, manager))) {
        await this.memberships.add(
          { organizationId: invitation.organizationId, userId, role: invitation.role },
          manager,
        );
      }
      await this.audit.record(
        actor,
        {
          action: 'member.join',
          organizationId: invitation.organizationId,
          subjectType: 'user',
          subjectId: userId,
          details: { invitationId: invitation.id, role: invitation.role },
        },
        manager,
      );
      return { organizationId: invitation.organizationId, role: invitation.role };
    });
  }

  async decline(actor: Actor, id: string): Promise<void> {
    const userId = this.person(actor);
    await this.dataSource.transaction(async (manager) => {
      const invitation = await this.invitations.decide(userId, { id }, 'declined', manager);
      if (!invitation) throw new NotFoundError('Invitation');
      await this.audit.record(
        actor,
        {
          action: 'member.decline',
          organizationId: invitation.organizationId,
          subjectType: 'invitation',
          subjectId: invitation.id,
        },
        manager,
      );
    });
  }

  async sentBy(actor: Actor, organizationId: string): Promise<{ items: SentInvitationView[] }> {
    await this.organizations.findAuthorized(actor, 'organization.manage-members', organizationId);
    return { items: (await this.invitations.sentBy(organizationId)).map(sent) };
  }

  async revoke(actor: Actor, organizationId: string, id: string): Promise<void> {
    await this.organizations.findAuthorized(actor, 'organization.manage-members', organizationId);
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.invitations.revoke(organizationId, id, manager))) throw new NotFoundError('Invitation');
      await this.audit.record(
        actor,
        { action: 'member.revoke-invitation', organizationId, subjectType: 'invitation', subjectId: id },
        manager,
      );
    });
  }

  private person(actor: Actor): string {
    if (actor.type !== 'user') throw new DomainError('forbidden', 'Invitations are for people, not API tokens');
    return actor.userId;
  }
}
