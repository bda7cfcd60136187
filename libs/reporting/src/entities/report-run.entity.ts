import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/**
 * One build of report snapshots: a nightly run (one per night, for every
 * scope) or an on-demand run for one scope and period. Progress is counted in
 * steps, so a caller can follow a run.
 */
@Entity('report_runs')
@Check('report_runs_status_check', `"status" IN ('queued', 'running', 'completed', 'failed')`)
@Check('report_runs_kind_check', `"kind" IN ('nightly', 'on-demand')`)
@Check('report_runs_period_check', `"period_start" < "period_end"`)
@Index('report_runs_night_key', ['night'], { unique: true, where: `"kind" = 'nightly'` })
@Index('report_runs_queued_index', ['createdAt'], { where: `"status" = 'queued'` })
// One identical on-demand run in progress at a time (a null subject counts as equal):
// created by hand in the migration with NULLS NOT DISTINCT, which TypeORM cannot express.
@Index('report_runs_in_progress_key', { synchronize: false })
@Index('report_runs_requested_by_index', ['requestedByUserId', 'createdAt'])
@Index('report_runs_requested_by_api_token_index', ['requestedByApiTokenId', 'createdAt'])
export class ReportRun {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'report_runs_pkey' })
  id: string;

  @Column({ type: 'text' })
  kind: 'nightly' | 'on-demand';

  /** The day a nightly run reports on (the day before the night it ran), in the report time zone. */
  @Column({ type: 'date', nullable: true })
  night: string | null;

  /** platform, organization or testbed; null for a nightly run, which builds them all. */
  @Column({ type: 'text', nullable: true })
  scope: string | null;

  @Column({ type: 'uuid', nullable: true })
  subjectId: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  periodStart: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  periodEnd: Date;

  @Column({ type: 'text', default: 'queued' })
  status: RunStatus;

  @Column({ type: 'integer', default: 0 })
  stepsDone: number;

  @Column({ type: 'integer', default: 0 })
  stepsTotal: number;

  @Column({ type: 'integer', nullable: true })
  snapshots: number | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'uuid', nullable: true })
  requestedByUserId: string | null;

  /** The API token that asked for an on-demand run, when no person did. */
  @Column({ type: 'uuid', nullable: true })
  requestedByApiTokenId: string | null;

  /** When subscribers were told the month's report is ready, so a re-run does not tell them twice. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  monthNotifiedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  finishedAt: Date | null;
}
