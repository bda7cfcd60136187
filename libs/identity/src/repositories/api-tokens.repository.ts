import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { queryRow, type OrganizationKind, type Role } from '@slussen/core';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { ApiToken } from '../entities/api-token.entity.js';

export interface ActiveApiToken {
  id: string;
  organizationId: string;
  organizationKind: OrganizationKind;
  role: Role;
}

@Injectable()
export class ApiTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(ApiToken);
  }

  async create(
    data: Pick<ApiToken, 'organizationId' | 'name' | 'role' | 'tokenHash' | 'tokenPrefix' | 'createdByUserId'>,
    manager?: EntityManager,
  ): Promise<ApiToken> {
    const saved = await this.repo(manager).save(this.repo(manager).create(data));
    return this.repo(manager).findOneByOrFail({ id: saved.id });
  }

  /** The token if it is not revoked, noting that it was used (for people tidying old tokens). */
  useActive(tokenHash: string): Promise<ActiveApiToken | null> {
    return queryRow<ActiveApiToken>(
      this.dataSource,
      `UPDATE api_tokens t SET last_used_at = now()
         FROM organizations o
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND o.id = t.organization_id
        RETURNING t.id, t.organization_id AS "organizationId", o.kind AS "organizationKind", t.role`,
      [tokenHash],
    );
  }

  listFor(organizationId: string): Promise<ApiToken[]> {
    return this.repo().find({ where: { organizationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findInOrganization(organizationId: string, id: string, manager?: EntityManager): Promise<ApiToken | null> {
    return this.repo(manager).findOneBy({ organizationId, id });
  }

  async revoke(id: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }
}
