import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeCursor, queryRow, queryRows, toPage, type Page } from '@slussen/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { Submitter } from '../idea-status.js';

export interface SluiceRow {
  id: string;
  organizationId: string;
  organizationName: string;
  organizationKind: string;
  name: string;
  description: string;
  domains: string[];
  submitters: Submitter[];
  answerWithinDays: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewSluice {
  organizationId: string;
  name: string;
  description: string;
  domains: string[];
  submitters: Submitter[];
  answerWithinDays: number;
  createdByUserId: string | null;
}

const SLUICE_ROWS = `SELECT s.id, s.organization_id AS "organizationId", o.name AS "organizationName", o.kind AS "organizationKind",
       s.name, s.description, s.domains, s.submitters, s.answer_within_days AS "answerWithinDays",
       s.created_at AS "createdAt", s.updated_at AS "updatedAt"
  FROM sluices s JOIN identity_organization_facts o ON o.organization_id = s.organization_id`;

@Injectable()
export class SluicesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(sluice: NewSluice, manager: EntityManager): Promise<string> {
    const row = await queryRow<{ id: string }>(
      manager,
      `INSERT INTO sluices (organization_id, name, description, domains, submitters, answer_within_days, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        sluice.organizationId,
        sluice.name,
        sluice.description,
        sluice.domains,
        sluice.submitters,
        sluice.answerWithinDays,
        sluice.createdByUserId,
      ],
    );
    return row!.id;
  }

  findById(id: string, manager?: EntityManager): Promise<SluiceRow | null> {
    return queryRow<SluiceRow>(manager ?? this.dataSource, `${SLUICE_ROWS} WHERE s.id = $1`, [id]);
  }

  /** Every sluice (they are public), by name; `organizationId` narrows to one organization's. */
  async list(filter: { organizationId?: string }, limit: number, cursor?: string): Promise<Page<SluiceRow>> {
    const after = decodeCursor(cursor, 2);
    const rows = await queryRows<SluiceRow>(
      this.dataSource,
      `${SLUICE_ROWS}
        WHERE ($1::uuid IS NULL OR s.organization_id = $1::uuid)
          AND ($2::text IS NULL OR (s.name, s.id) > ($2::text, $3::uuid))
        ORDER BY s.name, s.id LIMIT $4`,
      [filter.organizationId ?? null, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    return toPage(rows, limit, (last) => [last.name, last.id]);
  }
}
