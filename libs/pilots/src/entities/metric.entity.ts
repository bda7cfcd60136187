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
import { METRIC_CADENCES, METRIC_DIRECTIONS, type MetricCadence, type MetricDirection } from '../pilot-stage.js';
import { Pilot } from './pilot.entity.js';

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/** What a pilot measures, and what counts as success: part of the plan both sides approve. */
@Entity('pilot_metrics')
@Index('pilot_metrics_pilot_key', ['pilotId', 'key'], { unique: true })
@Check('pilot_metrics_direction_check', `"direction" IN (${list(METRIC_DIRECTIONS)})`)
@Check('pilot_metrics_cadence_check', `"cadence" IN (${list(METRIC_CADENCES)})`)
@Check('pilot_metrics_bounds_check', `"minimum" IS NULL OR "maximum" IS NULL OR "minimum" <= "maximum"`)
export class Metric {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pilot_metrics_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  pilotId: string;

  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  unit: string;

  @Column({ type: 'text' })
  direction: MetricDirection;

  @Column({ type: 'double precision', nullable: true })
  baseline: number | null;

  @Column({ type: 'double precision', nullable: true })
  target: number | null;

  /** The lowest and highest plausible values; a measurement outside them is refused. */
  @Column({ type: 'double precision', nullable: true })
  minimum: number | null;

  @Column({ type: 'double precision', nullable: true })
  maximum: number | null;

  @Column({ type: 'text' })
  cadence: MetricCadence;

  /** The value of the latest observation (ties: the last recorded), kept by a trigger on measurements. */
  @Column({ type: 'double precision', nullable: true })
  latestValue: number | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  latestObservedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @ManyToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'pilot_metrics_pilot_id_fkey' })
  pilot?: Relation<Pilot>;
}
