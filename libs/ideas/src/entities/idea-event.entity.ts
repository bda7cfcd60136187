import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Idea } from './idea.entity.js';

/** Every change of an idea's status: who, from what to what, why (a reason, a result, the booking that piloted it). */
@Entity('idea_events')
@Index('idea_events_idea_id_at_index', ['ideaId', 'at'])
export class IdeaEvent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'idea_events_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  ideaId: string;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'clock_timestamp()' })
  at: Date;

  /** The order of writing, for events of the same millisecond. */
  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS', insert: false, update: false })
  seq: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text', nullable: true })
  fromStatus: string | null;

  @Column({ type: 'text' })
  toStatus: string;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorApiTokenId: string | null;

  /** The decline reason, the close result, or the booking that moved it to piloting. */
  @Column({ type: 'text', nullable: true })
  detail: string | null;

  @Column({ type: 'uuid', nullable: true })
  bookingId: string | null;

  @ManyToOne(() => Idea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'idea_id', foreignKeyConstraintName: 'idea_events_idea_id_fkey' })
  idea?: Relation<Idea>;
}
