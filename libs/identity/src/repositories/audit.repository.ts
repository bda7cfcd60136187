import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeCursor, toPage, type Page } from '@slussen/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AuditEntry } from '../entities/audit-entry.entity.js';

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>;

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(entry: NewAuditEntry, manager?: EntityManager): Promise<void> {
    // details is JSON, which TypeORM's deep-partial type cannot express.
    await (manager ?? this.dataSource.manager).getRepository(AuditEntry).insert(entry as QueryDeepPartialEntity<AuditEntry>);
  }

  /** Newest first, keyset-paginated on (at, id). */
  async listFor(organizationId: string, limit: number, cursor?: string): Promise<Page<AuditEntry>> {
    const before = decodeCursor(cursor, 2);
    const query = this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('entry')
      .where('entry.organizationId = :organizationId', { organizationId })
      .orderBy('entry.at', 'DESC')
      .addOrderBy('entry.id', 'DESC')
      .limit(limit + 1);
    if (before) query.andWhere('(entry.at, entry.id) < (:at, :id)', { at: before[0], id: before[1] });
    return toPage(await query.getMany(), limit, (last) => [last.at.toISOString(), last.id]);
  }
}
