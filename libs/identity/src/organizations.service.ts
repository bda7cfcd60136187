import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  NotFoundError,
  PolicyService,
  ValidationError,
  type Actor,
  type OrganizationKind,
  type Page,
} from '@slussen/core';
import { DataSource } from 'typeorm';
import { AuditService } from './audit.service.js';
import type { Organization } from './entities/organization.entity.js';
import { OrganizationsRepository } from './repositories/organizations.repository.js';
import { normalizeOrgNumber, toOrganizationView, type OrganizationView } from './views.js';

export interface CreateOrganizationCommand {
  name: string;
  kind: OrganizationKind;
  orgNumber?: string;
  parentId?: string;
}

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsRepository,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, command: CreateOrganizationCommand): Promise<OrganizationView> {
    this.policy.authorize(actor, 'organization.create', null, 'Organization');
    return this.dataSource.transaction(async (manager) => {
      if (command.parentId !== undefined) {
        const parent = await this.organizations.findById(command.parentId, manager);
        // Municipalities sit inside a region; nothing else has a parent.
        if (!parent || parent.kind !== 'region' || command.kind !== 'municipality') {
          throw new ValidationError('Only a municipality may have a parent, and it must be a region', [
            { field: 'parentId', message: 'must be the id of a region, for a municipality' },
          ]);
        }
      }
      const organization = await this.organizations.create(
        {
          name: command.name.trim(),
          kind: command.kind,
          orgNumber: normalizeOrgNumber(command.orgNumber),
          parentId: command.parentId ?? null,
        },
        manager,
      );
      await this.audit.record(
        actor,
        {
          action: 'organization.create',
          organizationId: organization.id,
          subjectType: 'organization',
          subjectId: organization.id,
          details: { name: organization.name, kind: organization.kind },
        },
        manager,
      );
      return toOrganizationView(organization);
    });
  }

  async list(
    actor: Actor,
    filter: { kind?: OrganizationKind },
    limit: number,
    cursor?: string,
  ): Promise<Page<OrganizationView>> {
    const visibility = actor.platformAdmin
      ? { all: true as const }
      : { all: false as const, memberOf: actor.memberships.map((membership) => membership.organizationId) };
    const page = await this.organizations.findVisible(visibility, filter, limit, cursor);
    return { items: page.items.map(toOrganizationView), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<OrganizationView> {
    return toOrganizationView(await this.findAuthorized(actor, 'organization.read', id));
  }

  /** Names by id, for other contexts' documents (calendar feeds, reports). */
  async namesOf(ids: string[]): Promise<Map<string, string>> {
    const organizations = await this.organizations.findByIds([...new Set(ids)]);
    return new Map(organizations.map((organization) => [organization.id, organization.name]));
  }

  /** The organization if the actor may do `action` on it: otherwise 404 (cannot see it) or 403. */
  async findAuthorized(
    actor: Actor,
    action:
      | 'organization.read'
      | 'organization.manage-members'
      | 'organization.manage-api-tokens'
      | 'organization.read-audit',
    id: string,
  ): Promise<Organization> {
    const organization = await this.organizations.findById(id);
    if (!organization) throw new NotFoundError('Organization');
    this.policy.authorize(actor, action, organization, 'Organization');
    return organization;
  }
}
