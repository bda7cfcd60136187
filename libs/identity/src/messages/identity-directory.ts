import { Injectable } from '@nestjs/common';
import type { Actor } from '@slussen/core';
import { NotificationsDirectory, type Contact, type WebhookAuditEntry } from '@slussen/notifications';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit.service.js';
import { MembersService } from '../members.service.js';
import { OrganizationsService } from '../organizations.service.js';

/** What the delivery engine asks of identity: an organization's admins, who manages its webhooks, the audit log. */
@Injectable()
export class IdentityNotificationsDirectory extends NotificationsDirectory {
  constructor(
    private readonly members: MembersService,
    private readonly organizations: OrganizationsService,
    private readonly auditLog: AuditService,
  ) {
    super();
  }

  adminsOf(organizationId: string): Promise<Contact[]> {
    return this.members.contactsOf(organizationId, ['admin']);
  }

  async authorizeWebhooks(actor: Actor, organizationId: string): Promise<void> {
    await this.organizations.findAuthorized(actor, 'organization.manage-members', organizationId);
  }

  audit(actor: Actor, entry: WebhookAuditEntry, manager: EntityManager): Promise<void> {
    return this.auditLog.record(actor, entry, manager);
  }
}
