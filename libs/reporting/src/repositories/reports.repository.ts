import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeCursor, queryRow, queryRows, toPage, ValidationError, type Page } from '@slussen/core';
import { DataSource } from 'typeorm';
import type { PeriodKind, ReportScope } from '../entities/report-snapshot.entity.js';

export interface SnapshotRow {
  id: string;
  scope: ReportScope;
  subjectId: string | null;
  subjectOrganizationId: string | null;
  periodKind: PeriodKind;
  periodStart: Date;
  periodEnd: Date;
  runId: string;
  figures: Record<string, unknown>;
  breakdowns: Record<string, Record<string, Record<string, unknown>>>;
  builtAt: Date;
}

export interface SnapshotFilter {
  scope?: ReportScope;
  subjectId?: string;
  periodKind?: PeriodKind;
  from?: Date;
  to?: Date;
  /** `newest` (the default): newest period first. `scope`: the platform's, then organizations', then test beds'; in each, months and years before on-demand periods before days; then newest first. */
  order?: ReportOrder;
}

export const REPORT_ORDERS = ['newest', 'scope'] as const;
export type ReportOrder = (typeof REPORT_ORDERS)[number];

const SCOPE_RANK = `CASE r.scope WHEN 'platform' THEN 0 WHEN 'organization' THEN 1 ELSE 2 END`;
const KIND_RANK = `CASE r.period_kind WHEN 'month-to-date' THEN 0 WHEN 'year-to-date' THEN 0 WHEN 'custom' THEN 1 ELSE 2 END`;

/** All reports, or those of the platform and of the given organizations and their test beds. */
export type ReportVisibility = { all: true } | { organizations: string[] };

// The organization that owns a snapshot's subject, through the catalogue's read model.
const snapshotRows = (extra = '') => `SELECT r.id, r.scope, r.subject_id AS "subjectId",
       CASE r.scope WHEN 'organization' THEN r.subject_id WHEN 'testbed' THEN t.organization_id END AS "subjectOrganizationId",
       r.period_kind AS "periodKind", r.period_start AS "periodStart", r.period_end AS "periodEnd", r.run_id AS "runId",
       r.figures, r.breakdowns, r.built_at AS "builtAt"${extra}
  FROM report_snapshots r LEFT JOIN catalogue_testbed_facts t ON r.scope = 'testbed' AND t.testbed_id = r.subject_id`;

/** The snapshots of the platform (for a reader of some organization's reports) and of these organizations and their test beds. */
const visibleCondition = (organizations: string) =>
  `(r.scope = 'platform' AND cardinality(${organizations}::uuid[]) > 0 OR r.scope = 'organization' AND r.subject_id = ANY(${organizations}::uuid[]) OR r.scope = 'testbed' AND t.organization_id = ANY(${organizations}::uuid[]))`;

export interface SubscriptionRow {
  id: string;
  userId: string;
  scope: ReportScope;
  subjectId: string | null;
  createdAt: Date;
}

@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<SnapshotRow | null> {
    return queryRow<SnapshotRow>(this.dataSource, `${snapshotRows()} WHERE r.id = $1`, [id]);
  }

  /** Snapshots by id, in one read. */
  async findByIds(ids: readonly string[]): Promise<SnapshotRow[]> {
    return queryRows<SnapshotRow>(this.dataSource, `${snapshotRows()} WHERE r.id = ANY($1::uuid[])`, [ids]);
  }

  /** Newest period first, or by scope and kind of period first (`order: 'scope'`); snapshots overlapping [from, to). */
  async list(
    visible: ReportVisibility,
    filter: SnapshotFilter,
    limit: number,
    cursor?: string,
  ): Promise<Page<SnapshotRow>> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (!('all' in visible)) where.push(visibleCondition(param(visible.organizations)));
    if (filter.scope) where.push(`r.scope = ${param(filter.scope)}`);
    if (filter.subjectId) where.push(`r.subject_id = ${param(filter.subjectId)}::uuid`);
    if (filter.periodKind) where.push(`r.period_kind = ${param(filter.periodKind)}`);
    if (filter.from) where.push(`r.period_end > ${param(filter.from)}`);
    if (filter.to) where.push(`r.period_start < ${param(filter.to)}`);
    const byScope = filter.order === 'scope';
    const before = decodeCursor(cursor, byScope ? 5 : 3);
    if (before) {
      const newer = `(r.period_end, r.period_start, r.id) < (${param(before.at(-3))}::timestamptz, ${param(before.at(-2))}::timestamptz, ${param(before.at(-1))}::uuid)`;
      if (!byScope) where.push(newer);
      else {
        if (!Number.isInteger(before[0]) || !Number.isInteger(before[1]))
          throw new ValidationError('cursor is not one this API gave out', [
            { field: 'cursor', message: 'is not valid' },
          ]);
        const rank = `(${param(before[0])}::int, ${param(before[1])}::int)`;
        where.push(`((${SCOPE_RANK}, ${KIND_RANK}) > ${rank} OR (${SCOPE_RANK}, ${KIND_RANK}) = ${rank} AND ${newer})`);
      }
    }
    const ranks = byScope ? `, ${SCOPE_RANK} AS "scopeRank", ${KIND_RANK} AS "kindRank"` : '';
    const rows = await queryRows<SnapshotRow & { scopeRank?: number; kindRank?: number }>(
      this.dataSource,
      `${snapshotRows(ranks)} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${byScope ? `${SCOPE_RANK}, ${KIND_RANK}, ` : ''}r.period_end DESC, r.period_start DESC, r.id DESC LIMIT ${param(limit + 1)}`,
      params,
    );
    const page = toPage(rows, limit, (last) => [
      ...(byScope ? [last.scopeRank!, last.kindRank!] : []),
      new Date(last.periodEnd).toISOString(),
      new Date(last.periodStart).toISOString(),
      last.id,
    ]);
    return { ...page, items: page.items.map(({ scopeRank: _scope, kindRank: _kind, ...row }) => row) };
  }

  /** Every organization and test bed with at least one snapshot the caller may read. */
  subjects(visible: ReportVisibility): Promise<Array<{ scope: 'organization' | 'testbed'; subjectId: string }>> {
    return queryRows<{ scope: 'organization' | 'testbed'; subjectId: string }>(
      this.dataSource,
      `SELECT DISTINCT r.scope, r.subject_id AS "subjectId"
         FROM report_snapshots r LEFT JOIN catalogue_testbed_facts t ON r.scope = 'testbed' AND t.testbed_id = r.subject_id
        WHERE r.scope <> 'platform'${'all' in visible ? '' : ` AND ${visibleCondition('$1')}`}`,
      'all' in visible ? [] : [visible.organizations],
    );
  }

  /** Utilization of each given month (its first instant): that month's fullest month-to-date snapshot of the scope, where one was built. */
  monthlyUtilization(
    scope: ReportScope,
    subjectId: string | null,
    months: Date[],
  ): Promise<Array<{ month: Date; offered: number; held: number; utilization: number | null }>> {
    return queryRows<{ month: Date; offered: number; held: number; utilization: number | null }>(
      this.dataSource,
      `SELECT DISTINCT ON (r.period_start) r.period_start AS month, (r.figures->>'placesOffered')::float8 AS offered,
              (r.figures->>'placesHeld')::float8 AS held, (r.figures->>'utilization')::float8 AS utilization
         FROM report_snapshots r
        WHERE r.scope = $1 AND r.subject_id IS NOT DISTINCT FROM $2::uuid AND r.period_kind = 'month-to-date' AND r.period_start = ANY($3::timestamptz[])
        ORDER BY r.period_start, r.period_end DESC, r.built_at DESC`,
      [scope, subjectId, months],
    );
  }

  /** The organization that owns a subject, and whether the subject exists. */
  async subjectOwner(
    scope: ReportScope,
    subjectId: string | null,
  ): Promise<{ exists: boolean; organizationId: string | null }> {
    if (scope === 'platform') return { exists: true, organizationId: null };
    const row = await queryRow<{ organization_id: string }>(
      this.dataSource,
      scope === 'organization'
        ? `SELECT organization_id FROM identity_organization_facts WHERE organization_id = $1`
        : `SELECT organization_id FROM catalogue_testbed_facts WHERE testbed_id = $1`,
      [subjectId],
    );
    return {
      exists: row !== null,
      organizationId: row?.organization_id ?? null,
    };
  }

  async subscribe(userId: string, scope: ReportScope, subjectId: string | null): Promise<SubscriptionRow> {
    const [row] = await queryRows<SubscriptionRow>(
      this.dataSource,
      `WITH existing AS (SELECT * FROM report_subscriptions WHERE user_id = $1 AND scope = $2 AND subject_id IS NOT DISTINCT FROM $3::uuid),
            created AS (INSERT INTO report_subscriptions (user_id, scope, subject_id) SELECT $1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM existing) RETURNING *)
       SELECT id, user_id AS "userId", scope, subject_id AS "subjectId", created_at AS "createdAt" FROM created
       UNION ALL SELECT id, user_id, scope, subject_id, created_at FROM existing`,
      [userId, scope, subjectId],
    );
    return row!;
  }

  subscriptionsOf(userId: string): Promise<SubscriptionRow[]> {
    return queryRows<SubscriptionRow>(
      this.dataSource,
      `SELECT id, user_id AS "userId", scope, subject_id AS "subjectId", created_at AS "createdAt" FROM report_subscriptions WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
  }

  async unsubscribe(userId: string, id: string): Promise<boolean> {
    const removed = await queryRows<{ id: string }>(
      this.dataSource,
      'DELETE FROM report_subscriptions WHERE id = $1 AND user_id = $2 RETURNING id',
      [id, userId],
    );
    return removed.length > 0;
  }
}
