import { ORGANIZATION_KINDS, type OrganizationKind } from '@slussen/core';
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

const kinds = ORGANIZATION_KINDS.map((kind) => `'${kind}'`).join(', ');

@Entity('organizations')
@Check('organizations_kind_check', `"kind" IN (${kinds})`)
@Check('organizations_parent_not_self', '"parent_id" IS NULL OR "parent_id" <> "id"')
@Index('organizations_org_number_unique', ['orgNumber'], { unique: true, where: '"org_number" IS NOT NULL' })
@Index('organizations_parent_id_index', ['parentId'])
export class Organization {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'organizations_pkey' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: OrganizationKind;

  /** Swedish organisationsnummer, stored as NNNNNN-NNNN. */
  @Column({ type: 'text', nullable: true })
  orgNumber: string | null;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'organizations_parent_id_fkey' })
  parent?: Relation<Organization>;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
