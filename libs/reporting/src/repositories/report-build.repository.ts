import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { outboxInsert, queryRows } from '@slussen/core';
import { DataSource, type EntityManager } from 'typeorm';
import { ReportingConfig } from '../reporting.config.js';
import type { Family } from '../figures.js';
import type { ReportPeriod } from '../report-periods.js';
import { assembleStatement, EMPTY_FIGURES, familyStatement, type ScopeFilter } from './report-statements.js';

/**
 * The statements of a report run (report-statements.ts), each in a
 * transaction with the run's settings: a family's aggregates into the staging
 * table, then the fold of the staged values into snapshots.
 */
@Injectable()
export class ReportBuildRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ReportingConfig,
  ) {}

  /** One family's aggregates for every scope, period and breakdown, into the run's staging rows. */
  async stageFamily(runId: string, family: Family, filter: ScopeFilter, periods: ReportPeriod[]): Promise<void> {
    await this.inRunTransaction(async (manager) => {
      await manager.query(familyStatement(family, filter), [...parameters(periods, filter), runId]);
    });
  }

  /**
   * Folds the run's staged values into snapshots and upserts them; then, when
   * `afterwards` is given, runs it in the same transaction. Returns the snapshots' ids.
   */
  assemble(
    runId: string,
    filter: ScopeFilter,
    periods: ReportPeriod[],
    afterwards?: (manager: EntityManager) => Promise<void>,
  ): Promise<string[]> {
    return this.inRunTransaction(async (manager) => {
      const rows = await queryRows<{ id: string }>(manager, assembleStatement(filter), [
        ...parameters(periods, filter),
        runId,
        EMPTY_FIGURES,
      ]);
      await afterwards?.(manager);
      return rows.map((row) => row.id);
    });
  }

  /** The month just ended: one message per subscription whose scope has a month report in this run, once per run. */
  async noticeMonthReady(runId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `WITH first_time AS (UPDATE report_runs SET month_notified_at = now() WHERE id = $1 AND month_notified_at IS NULL RETURNING id)
       ${outboxInsert({
         topic: 'report.month-ready',
         payload: { subscriptionId: 's.id', userId: 's.user_id', snapshotId: 'r.id' },
         from: `first_time, report_subscriptions s
         JOIN report_snapshots r ON r.run_id = $1 AND r.period_kind = 'month-to-date' AND r.scope = s.scope AND r.subject_id IS NOT DISTINCT FROM s.subject_id`,
       })}`,
      [runId],
    );
  }

  /** A run's statements are big one-off reads: their own timeout and memory, and no JIT (compiling costs more than it saves). */
  private inRunTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const { statementTimeoutMs, workMemMb } = this.config;
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL statement_timeout = ${Number(statementTimeoutMs)}`);
      await manager.query(`SET LOCAL work_mem = '${Number(workMemMb)}MB'`);
      await manager.query('SET LOCAL jit = off');
      return work(manager);
    });
  }
}

/** $1 period kinds, $2 starts, $3 ends, $4 the scope's subject (or null). */
function parameters(periods: ReportPeriod[], filter: ScopeFilter): unknown[] {
  return [
    periods.map((period) => period.kind),
    periods.map((period) => period.start),
    periods.map((period) => period.end),
    'subjectId' in filter ? filter.subjectId : null,
  ];
}
