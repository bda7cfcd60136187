import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@slussen/core';
import { DataSource, type EntityManager } from 'typeorm';
import { FAMILIES } from './figures.js';
import { endsMonth, nightlyPeriods, type ReportPeriod } from './report-periods.js';
import { assembleStatement, EMPTY_FIGURES, familyStatement, type ScopeFilter } from './report-sql.js';
import { ReportRunsRepository, type RunRow } from './repositories/report-runs.repository.js';

/**
 * Builds a run's snapshots: every family's aggregates into the staging table
 * (families side by side, REPORT_PARALLELISM at a time), then one statement
 * that folds them into snapshots and upserts them, so the snapshots change at
 * once. The figures never pass through this process: it sends SQL and
 * reads back ids, so its memory does not grow with the data.
 */
@Injectable()
export class ReportBuilderService {
  private readonly logger = new Logger(ReportBuilderService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runs: ReportRunsRepository,
    private readonly config: AppConfig,
  ) {}

  /** Queues (or queues again) the run of a night; returns it. */
  nightlyRun(night: string): Promise<RunRow> {
    const periods = nightlyPeriods(night, this.config.reports.timezone);
    return this.runs.nightly(night, periods[2]!.start, periods[0]!.end);
  }

  /** Runs still queued after `seconds`, whose job may never have reached the queue. */
  staleRuns(seconds: number): Promise<Array<{ id: string }>> {
    return this.runs.stale(seconds);
  }

  async build(runId: string): Promise<{ snapshots: number }> {
    const run = await this.runs.findById(runId);
    if (!run) return { snapshots: 0 };
    const periods: ReportPeriod[] =
      run.kind === 'nightly'
        ? nightlyPeriods(run.night!, this.config.reports.timezone)
        : [{ kind: 'custom', start: new Date(run.periodStart), end: new Date(run.periodEnd) }];
    const filter: ScopeFilter =
      run.scope === null
        ? { scope: 'every' }
        : run.scope === 'platform'
          ? { scope: 'platform' }
          : { scope: run.scope, subjectId: run.subjectId! };
    const params = [
      periods.map((period) => period.kind),
      periods.map((period) => period.start),
      periods.map((period) => period.end),
      'subjectId' in filter ? filter.subjectId : null,
    ];
    if (!(await this.runs.claim(runId, FAMILIES.length + 1, this.config.reports.statementTimeoutMs)))
      throw new Error(`report run ${runId} is already being built`);
    const started = Date.now();
    const settings = async (manager: EntityManager) => {
      await manager.query(`SET LOCAL statement_timeout = ${this.config.reports.statementTimeoutMs}`);
      await manager.query(`SET LOCAL work_mem = '${this.config.reports.workMemMb}MB'`);
      // Compiling these one-off plans costs more than it saves.
      await manager.query('SET LOCAL jit = off');
    };
    try {
      await this.runs.clearValues(runId);
      // Families are independent: several at once, each on a connection of its own.
      const queue = [...FAMILIES];
      const lane = async () => {
        for (let family = queue.shift(); family; family = queue.shift()) {
          await this.dataSource.transaction(async (manager) => {
            await settings(manager);
            await manager.query(familyStatement(family, filter), [...params, runId]);
          });
          await this.runs.step(runId);
        }
      };
      await Promise.all(Array.from({ length: this.config.reports.parallelism }, lane));
      const ids = await this.dataSource.transaction(async (manager) => {
        await settings(manager);
        const rows: Array<{ id: string }> = await manager.query(assembleStatement(filter), [
          ...params,
          runId,
          EMPTY_FIGURES,
        ]);
        if (run.kind === 'nightly' && endsMonth(run.night!)) await this.noticeMonthReady(runId, manager);
        return rows.map((row) => row.id);
      });
      await this.runs.clearValues(runId);
      await this.runs.finish(runId, ids.length);
      this.logger.log(
        { runId, kind: run.kind, night: run.night, snapshots: ids.length, durationMs: Date.now() - started },
        'report run completed',
      );
      return { snapshots: ids.length };
    } catch (error) {
      await this.runs.clearValues(runId).catch(() => undefined);
      // The caller reads the run: it hears what happened, never the database's own words; the log keeps the cause.
      this.logger.error({ err: error, runId }, 'report run failed');
      await this.runs.fail(runId, publicRunError(error));
      throw error;
    }
  }

  /** The month just ended: one message per subscription whose scope has a month report in this run, once per run. */
  private async noticeMonthReady(runId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `WITH first_time AS (UPDATE report_runs SET month_notified_at = now() WHERE id = $1 AND month_notified_at IS NULL RETURNING id)
       INSERT INTO outbox_messages (topic, payload)
       SELECT 'report.month-ready', json_build_object('subscriptionId', s.id, 'userId', s.user_id, 'snapshotId', r.id)
         FROM first_time, report_subscriptions s
         JOIN report_snapshots r ON r.run_id = $1 AND r.period_kind = 'month-to-date' AND r.scope = s.scope AND r.subject_id IS NOT DISTINCT FROM s.subject_id`,
      [runId],
    );
  }
}

/** What a failed run tells whoever follows it: what to do about it, nothing of the internals. */
export function publicRunError(error: unknown): string {
  const code =
    (error as { code?: unknown; driverError?: { code?: unknown } } | null)?.driverError?.code ??
    (error as { code?: unknown } | null)?.code;
  if (code === '57014')
    return 'A step of the run took longer than the database allows (REPORT_STATEMENT_TIMEOUT_MS); try a shorter period';
  if (code === '40001' || code === '40P01' || code === '55P03') return 'The run met concurrent changes; start it again';
  if (
    typeof code === 'string' &&
    (code.startsWith('08') || code === '57P01' || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT'].includes(code))
  ) {
    return 'The database could not be reached during the run; start it again';
  }
  return 'The run failed on our side; start it again, and tell the operators if it keeps failing';
}
