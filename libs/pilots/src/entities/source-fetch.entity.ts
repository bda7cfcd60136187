import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { MeasurementSource } from './measurement-source.entity.js';

/** One attempt to fetch a source, and what came of it. */
@Entity('source_fetches')
@Check('source_fetches_outcome_check', `"outcome" IN ('ok', 'failed')`)
@Index('source_fetches_source_id_index', ['sourceId', 'startedAt'])
export class SourceFetch {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'source_fetches_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  sourceId: string;

  @Column({ type: 'timestamptz', precision: 3 })
  startedAt: Date;

  @Column({ type: 'integer' })
  durationMs: number;

  @Column({ type: 'integer' })
  attempt: number;

  @Column({ type: 'text' })
  outcome: 'ok' | 'failed';

  @Column({ type: 'integer', nullable: true })
  httpStatus: number | null;

  /** New measurements recorded, and values the source gave that were refused. */
  @Column({ type: 'integer', default: 0 })
  recorded: number;

  @Column({ type: 'integer', default: 0 })
  refused: number;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @ManyToOne(() => MeasurementSource, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id', foreignKeyConstraintName: 'source_fetches_source_id_fkey' })
  source?: Relation<MeasurementSource>;
}
