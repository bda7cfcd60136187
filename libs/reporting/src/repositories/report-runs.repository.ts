import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { queryRow, queryRows } from '@slussen/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { RunStatus } from '../entities/report-run.entity.js';

export interface RunRow {
  id: string;
  kind: 'nightly' | 'on-demand';
  night: string | null;
  scope: 'platform' | 'organization' | 'testbed' | null;
  subjectId: string | null;
  periodStart: Date;
  periodEnd: Date;
  status: RunStatus;
  stepsDone: number;
  stepsTotal: number;
  snapshots: number | null;
  error: string | null;
  requestedByUserId: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const RUN_COLUMNS = `id, kind, to_char(night, 'YYYY-MM-DD') AS night, scope, subject_id AS "subjectId", period_start AS "periodStart", period_end AS "periodEnd",
  status, steps_done AS "stepsDone", steps_total AS "stepsTotal", snapshots, error, requested_by_user_id AS "requestedByUserId",
  created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt"`;

@Injectable()
export class ReportRunsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<RunRow | null> {
    return queryRow<RunRow>(this.dataSource, `SELECT ${RUN_COLUMNS} FROM report_runs WHERE id = $1`, [id]);
  }

  /** The one run of a night: a second request for the same night queues the same run again. */
  async nightly(night: string, periodStart: Date, periodEnd: Date): Promise<RunRow> {
    const [row] = await queryRows<RunRow>(
      this.dataSource,
      `INSERT INTO report_runs (kind, night, period_start, period_end) VALUES ('nightly', $1, $2, $3)
       ON CONFLICT (night) WHERE kind = 'nightly' DO UPDATE SET status = 'queued', error = NULL, steps_done = 0
       RETURNING ${RUN_COLUMNS}`,
      [night, periodStart, periodEnd],
    );
    return row!;
  }

  /**
   * The identical on-demand run already in progress, else a new one; or, when
   * the requester started `perHour` runs within the last hour, how long until it may again.
   * Requests of one requester are counted one at a time (an advisory lock), and
   * a unique index keeps one identical run in progress whoever asks.
   */
  async requestOnDemand(
    run: { scope: string; subjectId: string | null; periodStart: Date; periodEnd: Date },
    requester: { userId: string | null; apiTokenId: string | null },
    perHour: number,
  ): Promise<{ run: RunRow; reused: boolean } | { retryAfterSeconds: number }> {
    const identity = [run.scope, run.subjectId, run.periodStart, run.periodEnd];
    const inProgress = (manager: EntityManager) =>
      queryRow<RunRow>(
        manager,
        `SELECT ${RUN_COLUMNS} FROM report_runs
          WHERE kind = 'on-demand' AND status IN ('queued', 'running') AND scope = $1 AND subject_id IS NOT DISTINCT FROM $2 AND period_start = $3 AND period_end = $4`,
        identity,
      );
    return this.dataSource.transaction(async (manager) => {
      const existing = await inProgress(manager);
      if (existing) return { run: existing, reused: true };
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `report-runs:${requester.userId ?? requester.apiTokenId}`,
      ]);
      const recent = (await queryRow<{ runs: number; retryAfterSeconds: number }>(
        manager,
        `SELECT count(*)::int AS runs, ceil(extract(epoch FROM min(created_at) + interval '1 hour' - now()))::int AS "retryAfterSeconds"
           FROM report_runs
          WHERE kind = 'on-demand' AND created_at > now() - interval '1 hour' AND (requested_by_user_id = $1 OR requested_by_api_token_id = $2)`,
        [requester.userId, requester.apiTokenId],
      ))!;
      if (recent.runs >= perHour) return { retryAfterSeconds: Math.max(1, recent.retryAfterSeconds) };
      const created = await queryRow<RunRow>(
        manager,
        `INSERT INTO report_runs (kind, scope, subject_id, period_start, period_end, requested_by_user_id, requested_by_api_token_id)
         VALUES ('on-demand', $1, $2, $3, $4, $5, $6)
         ON CONFLICT (scope, subject_id, period_start, period_end) WHERE kind = 'on-demand' AND status IN ('queued', 'running') DO NOTHING
         RETURNING ${RUN_COLUMNS}`,
        [...identity, requester.userId, requester.apiTokenId],
      );
      if (created) return { run: created, reused: false };
      // Another request made the identical run a moment ago, and has committed it.
      const theirs = await inProgress(manager);
      if (!theirs) throw new Error('an identical report run appeared and finished while this one was requested');
      return { run: theirs, reused: true };
    });
  }

  /** Runs still queued after `seconds`: their job may never have reached the queue. */
  stale(seconds: number): Promise<Array<{ id: string }>> {
    return queryRows<{ id: string }>(
      this.dataSource,
      `SELECT id FROM report_runs WHERE status = 'queued' AND created_at < now() - make_interval(secs => $1) ORDER BY created_at LIMIT 100`,
      [seconds],
    );
  }

  /** Marks the run as being built, unless another worker is building it (a run stuck longer than `staleMs` is taken over). */
  async claim(id: string, stepsTotal: number, staleMs: number): Promise<boolean> {
    const claimed = await queryRows<{ id: string }>(
      this.dataSource,
      `UPDATE report_runs SET status = 'running', started_at = now(), finished_at = NULL, steps_done = 0, steps_total = $2, error = NULL
        WHERE id = $1 AND (status <> 'running' OR started_at < now() - make_interval(secs => $3::float8 / 1000))
        RETURNING id`,
      [id, stepsTotal, staleMs * stepsTotal],
    );
    return claimed.length === 1;
  }

  async clearValues(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM report_values WHERE run_id = $1', [id]);
  }

  /** Progress is written outside the run's transaction, so callers see it while the run builds. */
  async step(id: string): Promise<void> {
    await this.dataSource.query('UPDATE report_runs SET steps_done = steps_done + 1 WHERE id = $1', [id]);
  }

  async finish(id: string, snapshots: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE report_runs SET status = 'completed', finished_at = now(), snapshots = $2, steps_done = steps_total WHERE id = $1`,
      [id, snapshots],
    );
  }

  async fail(id: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE report_runs SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1`,
      [id, error.slice(0, 1000)],
    );
  }
}
