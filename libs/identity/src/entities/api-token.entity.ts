import { ROLES, type Role } from '@slussen/core';
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
import { Organization } from './organization.entity.js';
import { User } from './user.entity.js';

/** An organization's credential for integrations; only its SHA-256 is kept. */
@Entity('api_tokens')
@Check('api_tokens_role_check', `"role" IN (${ROLES.map((role) => `'${role}'`).join(', ')})`)
@Index('api_tokens_token_hash_unique', ['tokenHash'], { unique: true })
@Index('api_tokens_organization_id_index', ['organizationId'])
export class ApiToken {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'api_tokens_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'text', select: false })
  tokenHash: string;

  /** The first characters, so people can tell their tokens apart. */
  @Column({ type: 'text' })
  tokenPrefix: string;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  revokedAt: Date | null;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'api_tokens_organization_id_fkey' })
  organization?: Relation<Organization>;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_user_id', foreignKeyConstraintName: 'api_tokens_created_by_user_id_fkey' })
  createdBy?: Relation<User>;
}
