import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Metric } from './metric.entity.js';
import { Pilot } from './pilot.entity.js';

export const MEASUREMENT_ORIGINS = ['submitted', 'pulled'] as const;
export type MeasurementOrigin = (typeof MEASUREMENT_ORIGINS)[number];

/** A value of a metric at a time: submitted by a person or token, or pulled from the pilot's source. */
@Entity('measurements')
@Check('measurements_origin_check', `"origin" IN ('submitted', 'pulled')`)
@Index('measurements_metric_observed_index', ['metricId', 'observedAt'])
@Index('measurements_pulled_once', ['metricId', 'observedAt'], { unique: true, where: `"origin" = 'pulled'` })
@Index('measurements_pilot_id_index', ['pilotId', 'observedAt'])
export class Measurement {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'measurements_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  pilotId: string;

  @Column({ type: 'uuid' })
  metricId: string;

  @Column({ type: 'double precision' })
  value: number;

  @Column({ type: 'timestamptz', precision: 3 })
  observedAt: Date;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'text' })
  origin: MeasurementOrigin;

  @Column({ type: 'uuid', nullable: true })
  recordedByUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  recordedByApiTokenId: string | null;

  /** The fetch that brought a pulled value. */
  @Column({ type: 'uuid', nullable: true })
  sourceFetchId: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @ManyToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'measurements_pilot_id_fkey' })
  pilot?: Relation<Pilot>;

  @ManyToOne(() => Metric, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'metric_id', foreignKeyConstraintName: 'measurements_metric_id_fkey' })
  metric?: Relation<Metric>;
}
