import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError, NotFoundError, type Actor, type Page, type Role } from '@slussen/core';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from './audit.service.js';
import { LastAdminError } from './identity.errors.js';
import { InvitationsService } from './invitations.service.js';
import { OrganizationsService } from './organizations.service.js';
import { PasswordChangesService } from './password-changes.service.js';
import { PasswordService } from './password.service.js';
import { MembershipsRepository, type MemberRow } from './repositories/memberships.repository.js';
import { UsersRepository } from './repositories/users.repository.js';
import type { MemberView } from './views.js';

export interface AddMemberCommand {
  email: string;
  name: string;
  role: Role;
  /** Sets the password of a new user only; an existing account keeps its own. */
  password?: string;
  language?: 'sv' | 'en';
}

const toMemberView = (row: MemberRow): MemberView => ({
  organizationId: row.organizationId,
  userId: row.userId,
  email: row.email,
  name: row.name,
  role: row.role,
});

@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersRepository,
    private readonly memberships: MembershipsRepository,
    private readonly passwords: PasswordService,
    private readonly passwordChanges: PasswordChangesService,
    private readonly invitations: InvitationsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Adds a new person to the organization, with the password given or an
   * e-mailed link to set one. An address that already has an account gets an
   * invitation instead: nothing of the account is shown or granted until its
   * owner accepts.
   */
  async add(
    actor: Actor,
    organizationId: string,
    command: AddMemberCommand,
  ): Promise<MemberView | { invitationId: string }> {
    await this.organizations.findAuthorized(actor, 'organization.manage-members', organizationId);
    const passwordHash = command.password ? await this.passwords.hash(command.password) : null;
    return this.dataSource.transaction(async (manager) => {
      const email = command.email.trim();
      const existing = await this.users.findByEmail(email, manager);
      if (existing && (await this.memberships.find(organizationId, existing.id, manager))) {
        throw new ConflictError('This user is already a member of the organization');
      }
      if (existing)
        return this.invitations.invite(
          actor,
          organizationId,
          { userId: existing.id, email, role: command.role },
          manager,
        );
      const user = await this.users.create(
        { email, name: command.name.trim(), language: command.language, passwordHash },
        manager,
      );
      await this.memberships.add({ organizationId, userId: user.id, role: command.role }, manager);
      await this.audit.record(
        actor,
        {
          action: 'member.add',
          organizationId,
          subjectType: 'user',
          subjectId: user.id,
          details: { email: user.email, role: command.role, newUser: true },
        },
        manager,
      );
      if (passwordHash === null) await this.passwordChanges.sendFirstPasswordLink(user.id, organizationId, manager);
      return { organizationId, userId: user.id, email: user.email, name: user.name, role: command.role };
    });
  }

  async list(actor: Actor, organizationId: string, limit: number, cursor?: string): Promise<Page<MemberView>> {
    await this.organizations.findAuthorized(actor, 'organization.manage-members', organizationId);
    const page = await this.memberships.listMembers(organizationId, limit, cursor);
    return { items: page.items.map(toMemberView), nextCursor: page.nextCursor };
  }

  async changeRole(actor: Actor, organizationId: string, userId: string, role: Role): Promise<MemberView> {
    await this.organizations.findAuthorized(actor, 'organization.manage-members', organizationId);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.requireMember(organizationId, userId, manager);
      if (current.role === 'admin' && role !== 'admin') await this.keepAnAdmin(organizationId, userId, manager);
      await this.memberships.setRole(organizationId, userId, role, manager);
      await this.audit.record(
        actor,
        {
          action: 'member.change-role',
          organizationId,
          subjectType: 'user',
          subjectId: userId,
          details: { from: current.role, to: role },
        },
        manager,
      );
      return { ...toMemberView(current), role };
    });
  }

  async remove(actor: Actor, organizationId: string, userId: string): Promise<void> {
    await this.organizations.findAuthorized(actor, 'organization.manage-members', organizationId);
    await this.dataSource.transaction(async (manager) => {
      const current = await this.requireMember(organizationId, userId, manager);
      if (current.role === 'admin') await this.keepAnAdmin(organizationId, userId, manager);
      await this.memberships.remove(organizationId, userId, manager);
      await this.audit.record(
        actor,
        {
          action: 'member.remove',
          organizationId,
          subjectType: 'user',
          subjectId: userId,
          details: { email: current.email, role: current.role },
        },
        manager,
      );
    });
  }

  /** Who to tell about something that concerns an organization (no access check: for the worker). */
  contactsOf(organizationId: string, roles?: Role[]) {
    return this.memberships.contacts(organizationId, roles);
  }

  /** The contacts and roles of several organizations' members, by organization (no access check: for the worker). */
  contactsByOrganization(organizationIds: readonly string[]) {
    return this.memberships.contactsByOrganization(organizationIds);
  }

  contactsOfUsers(userIds: readonly string[]) {
    return this.memberships.contactsOfUsers(userIds);
  }

  contactOfUser(userId: string) {
    return this.memberships.contactOfUser(userId);
  }

  private async requireMember(organizationId: string, userId: string, manager: EntityManager): Promise<MemberRow> {
    const row = await this.memberships.memberRow(organizationId, userId, manager);
    if (!row) throw new NotFoundError('Member');
    return row;
  }

  private async keepAnAdmin(organizationId: string, leavingUserId: string, manager: EntityManager): Promise<void> {
    const admins = await this.memberships.lockAdmins(organizationId, manager);
    if (admins.filter((id) => id !== leavingUserId).length === 0) throw new LastAdminError();
  }
}
