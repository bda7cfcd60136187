import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Metric } from './metric.entity.js';
import { Pilot } from './pilot.entity.js';

/**
 * A measurement the pilot owes at a cadence point, planned when the pilot
 * starts. It is opened (and the company asked) at `dueAt`, and answered by
 * any measurement of its metric observed in `[windowStart, windowEnd)`.
 */
@Entity('measurement_requests')
@Index('measurement_requests_metric_due_key', ['metricId', 'dueAt'], { unique: true })
@Index('measurement_requests_unopened_index', ['dueAt'], { where: '"opened_at" IS NULL' })
@Index('measurement_requests_pilot_id_index', ['pilotId'])
@Index('measurement_requests_due_at_index', ['dueAt'])
export class MeasurementRequest {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'measurement_requests_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  pilotId: string;

  @Column({ type: 'uuid' })
  metricId: string;

  @Column({ type: 'timestamptz', precision: 3 })
  windowStart: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  dueAt: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  windowEnd: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  openedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  remindedAt: Date | null;

  /** When a measurement first answered it; kept by triggers on both tables, so reports need no search. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  answeredAt: Date | null;

  /** When a fetch of the pilot's source was queued for this point. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  pullQueuedAt: Date | null;

  @ManyToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'measurement_requests_pilot_id_fkey' })
  pilot?: Relation<Pilot>;

  @ManyToOne(() => Metric, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'metric_id', foreignKeyConstraintName: 'measurement_requests_metric_id_fkey' })
  metric?: Relation<Metric>;
}
