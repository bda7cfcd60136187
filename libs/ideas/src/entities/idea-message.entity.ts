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
import { Idea } from './idea.entity.js';

export const MESSAGE_SIDES = ['submitter', 'managers'] as const;
export type MessageSide = (typeof MESSAGE_SIDES)[number];

/** One message of the conversation between an idea's submitter and its sluice's managers. */
@Entity('idea_messages')
@Check('idea_messages_side_check', `"side" IN ('submitter', 'managers')`)
@Index('idea_messages_idea_id_index', ['ideaId', 'createdAt'])
export class IdeaMessage {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'idea_messages_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  ideaId: string;

  @Column({ type: 'uuid', nullable: true })
  authorUserId: string | null;

  /** Which side wrote it: the submitter's, or the sluice's managers'. */
  @Column({ type: 'text' })
  side: MessageSide;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @ManyToOne(() => Idea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'idea_id', foreignKeyConstraintName: 'idea_messages_idea_id_fkey' })
  idea?: Relation<Idea>;
}
