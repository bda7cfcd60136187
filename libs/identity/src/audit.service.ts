import { Injectable } from '@nestjs/common';
import { currentRequestId, type Actor, type Page } from '@slussen/core';
import type { EntityManager } from 'typeorm';
import type { AuditEntry } from './entities/audit-entry.entity.js';
import { AuditRepository, type AuditActorRow, type AuditFilter } from './repositories/audit.repository.js';

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
  /** Who acted, in words: the API token's name, or the person's name; null when they no longer exist. */
  actorName: string | null;
  /** The person's e-mail address (null for an API token). */
  actorEmail: string | null;
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

  /** Everyone the audit log can be narrowed to: members and former actors alike. */
  async actors(organizationId: string): Promise<{ items: AuditActorView[] }> {
    return { items: await this.audit.actorsOf(organizationId) };
  }

  async list(
    organizationId: string,
    filter: AuditFilter,
    limit: number,
    cursor?: string,
  ): Promise<Page<AuditEntryView>> {
    const page = await this.audit.listFor(organizationId, filter, limit, cursor);
    const names = await this.audit.actorNames(
      [...new Set(page.items.flatMap((entry) => (entry.actorUserId ? [entry.actorUserId] : [])))],
      [...new Set(page.items.flatMap((entry) => (entry.actorApiTokenId ? [entry.actorApiTokenId] : [])))],
    );
    return {
      items: page.items.map((entry) => {
        const view = toView(entry);
        const token = entry.actorApiTokenId ? names.apiTokens.get(entry.actorApiTokenId) : undefined;
        const user = entry.actorUserId ? names.users.get(entry.actorUserId) : undefined;
        return {
          ...view,
          actorName: token ?? user?.name ?? null,
          actorEmail: token === undefined ? (user?.email ?? null) : null,
        };
      }),
      nextCursor: page.nextCursor,
    };
  }
}

export type AuditActorView = AuditActorRow;

function toView(entry: AuditEntry): Omit<AuditEntryView, 'actorName' | 'actorEmail'> {
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
