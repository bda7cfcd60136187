import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Pilot } from './pilot.entity.js';

/** Where the worker pulls a pilot's measurements from: an HTTPS URL answering JSON, with an optional bearer token sealed at rest. */
@Entity('measurement_sources')
@Index('measurement_sources_pilot_id_key', ['pilotId'], { unique: true })
export class MeasurementSource {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'measurement_sources_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  pilotId: string;

  @Column({ type: 'text' })
  url: string;

  /** The bearer token, sealed by SecretBox; never stored or returned in clear. */
  @Column({ type: 'text', nullable: true })
  sealedToken: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @ManyToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'measurement_sources_pilot_id_fkey' })
  pilot?: Relation<Pilot>;
}
