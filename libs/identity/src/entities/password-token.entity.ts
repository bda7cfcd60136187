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
import { User } from './user.entity.js';

export const PASSWORD_TOKEN_PURPOSES = ['reset', 'setup'] as const;
/** `reset`: a forgotten password; `setup`: the first password of a person added without one. */
export type PasswordTokenPurpose = (typeof PASSWORD_TOKEN_PURPOSES)[number];

/**
 * A single-use link to set a user's password. Only the token's SHA-256 is kept;
 * the token itself is derived from the row's id under the server's key when the
 * e-mail is written, so neither the database nor the outbox holds it.
 */
@Entity('password_tokens')
@Check('password_tokens_purpose_check', `"purpose" IN ('reset', 'setup')`)
@Index('password_tokens_token_hash_unique', ['tokenHash'], { unique: true })
@Index('password_tokens_user_id_index', ['userId'])
export class PasswordToken {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'password_tokens_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  purpose: PasswordTokenPurpose;

  @Column({ type: 'text', select: false })
  tokenHash: string;

  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'password_tokens_user_id_fkey' })
  user?: Relation<User>;
}
