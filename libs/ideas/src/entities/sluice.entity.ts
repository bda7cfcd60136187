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
import { Organization } from '@slussen/identity/entities';
import { SUBMITTERS, type Submitter } from '../idea-status.js';

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/** A region's or municipality's intake of ideas and needs (innovationssluss). */
@Entity('sluices')
@Check(
  'sluices_submitters_check',
  `"submitters" <@ ARRAY[${list(SUBMITTERS)}]::text[] AND cardinality("submitters") > 0`,
)
@Check('sluices_answer_within_days_check', '"answer_within_days" BETWEEN 1 AND 365')
@Index('sluices_organization_id_index', ['organizationId', 'name'])
export class Sluice {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'sluices_pkey' })
  id: string;

  /** The region or municipality that runs it; its admins and managers screen what comes in. */
  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  domains: string[];

  /** Who may submit: its own staff, companies, anyone signed in. */
  @Column({ type: 'text', array: true })
  submitters: Submitter[];

  /** The days within which the sluice promises a first answer (screening). */
  @Column({ type: 'integer', default: 14 })
  answerWithinDays: number;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'sluices_organization_id_fkey' })
  organization?: Relation<Organization>;
}
