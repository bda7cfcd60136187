import { Injectable, Logger } from '@nestjs/common';
import { ReportingConfig } from './reporting.config.js';
import { FAMILIES } from './figures.js';
import { endsMonth, nightlyPeriods, type ReportPeriod } from './report-periods.js';
import { ReportBuildRepository } from './repositories/report-build.repository.js';
import type { ScopeFilter } from './repositories/report-statements.js';
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
    private readonly statements: ReportBuildRepository,
    private readonly runs: ReportRunsRepository,
    private readonly config: ReportingConfig,
  ) {}

  /** Queues (or queues again) the run of a night; returns it. */
  nightlyRun(night: string): Promise<RunRow> {
    const periods = nightlyPeriods(night, this.config.timezone);
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
        ? nightlyPeriods(run.night!, this.config.timezone)
        : [{ kind: 'custom', start: new Date(run.periodStart), end: new Date(run.periodEnd) }];
    const filter: ScopeFilter =
      run.scope === null
        ? { scope: 'every' }
        : run.scope === 'platform'
          ? { scope: 'platform' }
          : { scope: run.scope, subjectId: run.subjectId! };
    if (!(await this.runs.claim(runId, FAMILIES.length + 1, this.config.statementTimeoutMs)))
      throw new Error(`report run ${runId} is already being built`);
    const started = Date.now();
    try {
      await this.runs.clearValues(runId);
      // Families are independent: several at once, each on a connection of its own.
      const queue = [...FAMILIES];
      const lane = async () => {
        for (let family = queue.shift(); family; family = queue.shift()) {
          await this.statements.stageFamily(runId, family, filter, periods);
          await this.runs.step(runId);
        }
      };
      await Promise.all(Array.from({ length: this.config.parallelism }, lane));
      const ids = await this.statements.assemble(
        runId,
        filter,
        periods,
        run.kind === 'nightly' && endsMonth(run.night!)
          ? (manager) => this.statements.noticeMonthReady(runId, manager)
          : undefined,
      );
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
