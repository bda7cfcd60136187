import { ROLES, type Role } from '@slussen/core';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { Organization } from './organization.entity.js';
import { User } from './user.entity.js';

@Entity('memberships')
@Check('memberships_role_check', `"role" IN (${ROLES.map((role) => `'${role}'`).join(', ')})`)
@Index('memberships_user_id_index', ['userId'])
export class Membership {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'memberships_pkey' })
  organizationId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'memberships_pkey' })
  userId: string;

  @Column({ type: 'text' })
  role: Role;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'memberships_organization_id_fkey' })
  organization?: Relation<Organization>;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'memberships_user_id_fkey' })
  user?: Relation<User>;
}
