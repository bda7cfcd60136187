import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeCursor, queryRows, toPage, type Page } from '@slussen/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AuditEntry } from '../entities/audit-entry.entity.js';

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>;

/** Narrows an organization's audit log: who (a user), what (an action or its subject, `member` for `member.*`), when (`[from, to)`). */
export interface AuditFilter {
  actorUserId?: string;
  action?: string;
  from?: Date;
  to?: Date;
}

export interface AuditActorRow {
  userId: string;
  name: string;
  email: string;
  member: boolean;
}

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(entry: NewAuditEntry, manager?: EntityManager): Promise<void> {
    // details is JSON, which TypeORM's deep-partial type cannot express.
    await (manager ?? this.dataSource.manager)
      .getRepository(AuditEntry)
      .insert(entry as QueryDeepPartialEntity<AuditEntry>);
  }

  /** Newest first, keyset-paginated on (at, id). */
  async listFor(
    organizationId: string,
    filter: AuditFilter,
    limit: number,
    cursor?: string,
  ): Promise<Page<AuditEntry>> {
    const before = decodeCursor(cursor, 2);
    const query = this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('entry')
      .where('entry.organizationId = :organizationId', { organizationId })
      .orderBy('entry.at', 'DESC')
      .addOrderBy('entry.id', 'DESC')
      .limit(limit + 1);
    if (filter.actorUserId) query.andWhere('entry.actorUserId = :actorUserId', { actorUserId: filter.actorUserId });
    if (filter.action)
      query.andWhere('(entry.action = :action OR starts_with(entry.action, :prefix))', {
        action: filter.action,
        prefix: `${filter.action}.`,
      });
    if (filter.from) query.andWhere('entry.at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('entry.at < :to', { to: filter.to });
    if (before) query.andWhere('(entry.at, entry.id) < (:at, :id)', { at: before[0], id: before[1] });
    return toPage(await query.getMany(), limit, (last) => [last.at.toISOString(), last.id]);
  }

  /**
   * Everyone who can be chosen as "who" in the organization's audit log: its
   * members, and every person who appears as an actor in its entries (former
   * members among them), by name; `member` says whether they belong to it now.
   */
  actorsOf(organizationId: string): Promise<AuditActorRow[]> {
    return queryRows<AuditActorRow>(
      this.dataSource,
      `SELECT u.id AS "userId", u.name, u.email,
              EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = $1 AND m.user_id = u.id) AS member
         FROM users u
        WHERE u.id IN (SELECT e.actor_user_id FROM audit_entries e WHERE e.organization_id = $1 AND e.actor_user_id IS NOT NULL)
           OR u.id IN (SELECT m.user_id FROM memberships m WHERE m.organization_id = $1)
        ORDER BY u.name, u.email`,
      [organizationId],
    );
  }

  /** Names of the people and API tokens that acted, for showing who did what (they may have left since). */
  async actorNames(
    userIds: string[],
    apiTokenIds: string[],
  ): Promise<{ users: Map<string, { name: string; email: string }>; apiTokens: Map<string, string> }> {
    const [users, tokens] = await Promise.all([
      userIds.length
        ? queryRows<{ id: string; name: string; email: string }>(
            this.dataSource,
            `SELECT id, name, email FROM users WHERE id = ANY($1::uuid[])`,
            [userIds],
          )
        : [],
      apiTokenIds.length
        ? queryRows<{ id: string; name: string }>(
            this.dataSource,
            `SELECT id, name FROM api_tokens WHERE id = ANY($1::uuid[])`,
            [apiTokenIds],
          )
        : [],
    ]);
    return {
      users: new Map(users.map((row) => [row.id, { name: row.name, email: row.email }])),
      apiTokens: new Map(tokens.map((row) => [row.id, row.name])),
    };
  }
}
