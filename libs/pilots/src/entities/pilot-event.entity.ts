import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Pilot } from './pilot.entity.js';

/** Every change of a pilot: created, plan changes and approvals, stages, outcome. */
@Entity('pilot_events')
@Index('pilot_events_pilot_id_at_index', ['pilotId', 'at'])
export class PilotEvent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pilot_events_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  pilotId: string;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'clock_timestamp()' })
  at: Date;

  /** The order of writing, for events of the same millisecond. */
  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS', insert: false, update: false })
  seq: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text', nullable: true })
  fromStage: string | null;

  @Column({ type: 'text', nullable: true })
  toStage: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorApiTokenId: string | null;

  @Column({ type: 'text', nullable: true })
  detail: string | null;

  /** Why it happened, as codes (see pilot-event-facts.ts), written with the event. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  facts: Record<string, unknown>;

  @ManyToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'pilot_events_pilot_id_fkey' })
  pilot?: Relation<Pilot>;
}
