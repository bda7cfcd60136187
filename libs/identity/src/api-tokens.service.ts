import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundError, type Actor, type Role } from '@slussen/core';
import { DataSource } from 'typeorm';
import { AuditService } from './audit.service.js';
import type { ApiToken } from './entities/api-token.entity.js';
import { OrganizationsService } from './organizations.service.js';
import { ApiTokensRepository } from './repositories/api-tokens.repository.js';
import { API_TOKEN_PREFIX, hashToken, newOpaqueToken } from './tokens.js';

export interface ApiTokenView {
  id: string;
  organizationId: string;
  name: string;
  role: Role;
  tokenPrefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const toView = (token: ApiToken): ApiTokenView => ({
  id: token.id,
  organizationId: token.organizationId,
  name: token.name,
  role: token.role,
  tokenPrefix: token.tokenPrefix,
  createdAt: token.createdAt.toISOString(),
  lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  revokedAt: token.revokedAt?.toISOString() ?? null,
});

@Injectable()
export class ApiTokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly tokens: ApiTokensRepository,
    private readonly audit: AuditService,
  ) {}

  /** The secret is in this answer only; Slussen keeps its hash. */
  async create(
    actor: Actor,
    organizationId: string,
    command: { name: string; role: Role },
  ): Promise<ApiTokenView & { token: string }> {
    await this.organizations.findAuthorized(actor, 'organization.manage-api-tokens', organizationId);
    const token = newOpaqueToken(API_TOKEN_PREFIX);
    return this.dataSource.transaction(async (manager) => {
      const saved = await this.tokens.create(
        {
          organizationId,
          name: command.name.trim(),
          role: command.role,
          tokenHash: hashToken(token),
          tokenPrefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
          createdByUserId: actor.userId,
        },
        manager,
      );
      await this.audit.record(
        actor,
        {
          action: 'api-token.create',
          organizationId,
          subjectType: 'api-token',
          subjectId: saved.id,
          details: { name: saved.name, role: saved.role },
        },
        manager,
      );
      return { ...toView(saved), token };
    });
  }

  async list(actor: Actor, organizationId: string): Promise<{ items: ApiTokenView[] }> {
    await this.organizations.findAuthorized(actor, 'organization.manage-api-tokens', organizationId);
    return { items: (await this.tokens.listFor(organizationId)).map(toView) };
  }

  async revoke(actor: Actor, organizationId: string, tokenId: string): Promise<void> {
    await this.organizations.findAuthorized(actor, 'organization.manage-api-tokens', organizationId);
    await this.dataSource.transaction(async (manager) => {
      const token = await this.tokens.findInOrganization(organizationId, tokenId, manager);
      if (!token) throw new NotFoundError('API token');
      if (token.revokedAt) return;
      await this.tokens.revoke(tokenId, manager);
      await this.audit.record(
        actor,
        {
          action: 'api-token.revoke',
          organizationId,
          subjectType: 'api-token',
          subjectId: tokenId,
          details: { name: token.name },
        },
        manager,
      );
    });
  }
}
