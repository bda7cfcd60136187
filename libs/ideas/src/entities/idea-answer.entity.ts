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
import { Organization } from '@slussen/identity/entities';
import { Idea } from './idea.entity.js';

export const ANSWER_STATUSES = ['submitted', 'accepted'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

/** A company's answer to a public need; the sluice's managers accept at most one. */
@Entity('idea_answers')
@Check('idea_answers_status_check', `"status" IN ('submitted', 'accepted')`)
@Index('idea_answers_one_per_company', ['ideaId', 'organizationId'], { unique: true })
@Index('idea_answers_one_accepted', ['ideaId'], { unique: true, where: `"status" = 'accepted'` })
@Index('idea_answers_organization_id_index', ['organizationId'])
export class IdeaAnswer {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'idea_answers_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  ideaId: string;

  /** The answering company. */
  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid', nullable: true })
  authorUserId: string | null;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text', default: 'submitted' })
  status: AnswerStatus;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  acceptedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @ManyToOne(() => Idea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'idea_id', foreignKeyConstraintName: 'idea_answers_idea_id_fkey' })
  idea?: Relation<Idea>;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'idea_answers_organization_id_fkey' })
  organization?: Relation<Organization>;
}
