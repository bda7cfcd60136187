import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const REPORT_SCOPES = ['platform', 'organization', 'testbed'] as const;
export type ReportScope = (typeof REPORT_SCOPES)[number];
export const PERIOD_KINDS = ['day', 'month-to-date', 'year-to-date', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/**
 * The figures of one scope (the platform, an organization, a test bed) over
 * one period, as built by a run. Building the same scope and period again
 * replaces it (the unique key below treats a null subject as equal).
 */
@Entity('report_snapshots')
@Check('report_snapshots_scope_check', `"scope" IN ('platform', 'organization', 'testbed')`)
@Check('report_snapshots_period_kind_check', `"period_kind" IN ('day', 'month-to-date', 'year-to-date', 'custom')`)
@Check('report_snapshots_subject_check', `("scope" = 'platform') = ("subject_id" IS NULL)`)
// Created by hand in the migration with NULLS NOT DISTINCT, which TypeORM cannot express.
@Index('report_snapshots_identity_key', { synchronize: false })
@Index('report_snapshots_subject_index', ['subjectId', 'periodStart'])
export class ReportSnapshot {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'report_snapshots_pkey' })
  id: string;

  @Column({ type: 'text' })
  scope: ReportScope;

  @Column({ type: 'uuid', nullable: true })
  subjectId: string | null;

  @Column({ type: 'text' })
  periodKind: PeriodKind;

  @Column({ type: 'timestamptz', precision: 3 })
  periodStart: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  periodEnd: Date;

  @Column({ type: 'uuid' })
  runId: string;

  /** Figure key → a number, null (nothing to measure) or an object of parts (e.g. bookings by status). */
  @Column({ type: 'jsonb' })
  figures: Record<string, unknown>;

  /** The same figures by domain and by environment type: { domain: { health: {...} }, environmentType: {...} }. */
  @Column({ type: 'jsonb' })
  breakdowns: Record<string, Record<string, Record<string, unknown>>>;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  builtAt: Date;
}
