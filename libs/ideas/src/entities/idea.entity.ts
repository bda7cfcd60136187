import {
  Check,
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
import { Organization, User } from '@slussen/identity/entities';
import { IDEA_KINDS, IDEA_STATUSES, type IdeaKind, type IdeaStatus } from '../idea-status.js';
import { Sluice } from './sluice.entity.js';

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/**
 * A need (staff: a problem in their work) or an idea (a company's solution)
 * submitted to a sluice. The Swedish full-text index (`ideas_search_index`)
 * is written by hand in the migration.
 */
@Entity('ideas')
@Check('ideas_status_check', `"status" IN (${list(IDEA_STATUSES)})`)
@Check('ideas_kind_check', `"kind" IN (${list(IDEA_KINDS)})`)
@Check('ideas_public_needs_only', `NOT "public" OR "kind" = 'need'`)
@Check('ideas_declined_has_reason', `"status" <> 'declined' OR "decline_reason" IS NOT NULL`)
@Check('ideas_closed_has_result', `"status" <> 'closed' OR "result" IS NOT NULL`)
@Index('ideas_sluice_id_index', ['sluiceId', 'createdAt'])
@Index('ideas_submitted_by_index', ['submittedByUserId', 'createdAt'])
@Index('ideas_submitter_organization_index', ['submitterOrganizationId', 'createdAt'])
@Index('ideas_waiting_index', ['createdAt'], { where: `"status" = 'submitted' AND "reminded_at" IS NULL` })
@Index('ideas_search_index', { synchronize: false })
export class Idea {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'ideas_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  sluiceId: string;

  @Column({ type: 'text' })
  kind: IdeaKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  domains: string[];

  /** Who the need affects, and how often (free text). */
  @Column({ type: 'text', nullable: true })
  affects: string | null;

  /** A public need is shown to every signed-in person, and companies may answer it. */
  @Column({ type: 'boolean', default: false })
  public: boolean;

  @Column({ type: 'text', default: 'submitted' })
  status: IdeaStatus;

  @Column({ type: 'uuid', nullable: true })
  submittedByUserId: string | null;

  /** The organization the submitter acted for: the sluice's own (staff) or a company; null for a person alone. */
  @Column({ type: 'uuid', nullable: true })
  submitterOrganizationId: string | null;

  /** Why the sluice declined it; the submitter sees it. */
  @Column({ type: 'text', nullable: true })
  declineReason: string | null;

  /** What came of it, when closed. */
  @Column({ type: 'text', nullable: true })
  result: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  screenedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  pilotingAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;

  /** When the sluice's managers were reminded that it waits longer than promised (once per idea). */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  remindedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @ManyToOne(() => Sluice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sluice_id', foreignKeyConstraintName: 'ideas_sluice_id_fkey' })
  sluice?: Relation<Sluice>;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'submitted_by_user_id', foreignKeyConstraintName: 'ideas_submitted_by_user_id_fkey' })
  submittedBy?: Relation<User>;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitter_organization_id', foreignKeyConstraintName: 'ideas_submitter_organization_id_fkey' })
  submitterOrganization?: Relation<Organization>;
}
