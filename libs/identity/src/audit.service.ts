import { Injectable } from '@nestjs/common';
import { currentRequestId, type Actor, type Page } from '@slussen/core';
import type { EntityManager } from 'typeorm';
import type { AuditEntry } from './entities/audit-entry.entity.js';
import { AuditRepository } from './repositories/audit.repository.js';

export interface AuditRecord {
  action: string;
  organizationId: string | null;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
}

export interface AuditEntryView {
  id: string;
  at: string;
  action: string;
  organizationId: string | null;
  subjectType: string;
  subjectId: string;
  actor: { userId: string | null; apiTokenId: string | null };
  details: Record<string, unknown>;
  requestId: string | null;
}

/** The audit log of every context: record a change in the transaction that makes it. */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  record(actor: Actor | null, record: AuditRecord, manager: EntityManager): Promise<void> {
    return this.audit.insert(
      {
        actorUserId: actor?.userId ?? null,
        actorApiTokenId: actor?.type === 'apiToken' ? actor.id : null,
        organizationId: record.organizationId,
        action: record.action,
        subjectType: record.subjectType,
        subjectId: record.subjectId,
        details: record.details ?? {},
        requestId: currentRequestId(),
      },
      manager,
    );
  }

  async list(organizationId: string, limit: number, cursor?: string): Promise<Page<AuditEntryView>> {
    const page = await this.audit.listFor(organizationId, limit, cursor);
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  }
}

function toView(entry: AuditEntry): AuditEntryView {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    action: entry.action,
    organizationId: entry.organizationId,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    actor: { userId: entry.actorUserId, apiTokenId: entry.actorApiTokenId },
    details: entry.details,
    requestId: entry.requestId,
  };
}
