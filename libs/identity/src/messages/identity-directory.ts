import { Injectable } from '@nestjs/common';
import type { Actor } from '@slussen/core';
import {
  NotificationsDirectory,
  type Contact,
  type OrganizationContact,
  type WebhookAuditEntry,
} from '@slussen/notifications';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit.service.js';
import { MembersService } from '../members.service.js';
import { OrganizationsService } from '../organizations.service.js';

/** What the delivery engine asks of identity: the people of a batch's organizations and users, who manages webhooks, the audit log. */
@Injectable()
export class IdentityNotificationsDirectory extends NotificationsDirectory {
  constructor(
    private readonly members: MembersService,
    private readonly organizations: OrganizationsService,
    private readonly auditLog: AuditService,
  ) {
    super();
  }

  contactsOfOrganizations(organizationIds: readonly string[]): Promise<Map<string, OrganizationContact[]>> {
    return this.members.contactsByOrganization(organizationIds);
  }

  contactsOfUsers(userIds: readonly string[]): Promise<Map<string, Contact>> {
    return this.members.contactsOfUsers(userIds);
  }

  async authorizeWebhooks(actor: Actor, organizationId: string): Promise<void> {
    await this.organizations.findAuthorized(actor, 'organization.manage-members', organizationId);
  }

  audit(actor: Actor, entry: WebhookAuditEntry, manager: EntityManager): Promise<void> {
    return this.auditLog.record(actor, entry, manager);
  }
}
