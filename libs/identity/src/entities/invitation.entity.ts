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

export const INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/**
 * An offer of a role in an organization to someone who already has an
 * account. Nothing is granted, and nothing of the account shown to the
 * organization, until that person accepts. The token is kept as its SHA-256
 * and derived from the row's id when the e-mail is written.
 */
@Entity('invitations')
@Check('invitations_role_check', `"role" IN (${ROLES.map((role) => `'${role}'`).join(', ')})`)
@Check('invitations_status_check', `"status" IN (${INVITATION_STATUSES.map((status) => `'${status}'`).join(', ')})`)
@Index('invitations_token_hash_unique', ['tokenHash'], { unique: true })
@Index('invitations_one_pending_unique', ['organizationId', 'userId'], { unique: true, where: `"status" = 'pending'` })
@Index('invitations_user_id_index', ['userId'])
export class Invitation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'invitations_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  /** The invitee; never shown to the organization. */
  @Column({ type: 'uuid' })
  userId: string;

  /** The address as the inviting admin typed it. */
  @Column({ type: 'citext' })
  email: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'text', default: 'pending' })
  status: InvitationStatus;

  @Column({ type: 'uuid', nullable: true })
  invitedByUserId: string | null;

  @Column({ type: 'text', select: false })
  tokenHash: string;

  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'invitations_organization_id_fkey' })
  organization?: Relation<Organization>;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'invitations_user_id_fkey' })
  user?: Relation<User>;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by_user_id', foreignKeyConstraintName: 'invitations_invited_by_user_id_fkey' })
  invitedBy?: Relation<User>;
}
