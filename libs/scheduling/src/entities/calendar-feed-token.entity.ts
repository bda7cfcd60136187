import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A revocable secret in a calendar subscription URL, so a calendar app can read
 * one feed without signing in. Only its SHA-256 is kept.
 */
@Entity('calendar_feed_tokens')
@Check('calendar_feed_tokens_scope_check', `"scope" IN ('testbed', 'organization')`)
@Index('calendar_feed_tokens_token_hash_unique', ['tokenHash'], { unique: true })
@Index('calendar_feed_tokens_subject_index', ['scope', 'subjectId'])
@Index('calendar_feed_tokens_created_by_index', ['createdByUserId'])
export class CalendarFeedToken {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'calendar_feed_tokens_pkey' })
  id: string;

  @Column({ type: 'text' })
  scope: 'testbed' | 'organization';

  /** The test bed or organization whose feed it opens. */
  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'text', select: false })
  tokenHash: string;

  /** The token's first characters, to tell subscription URLs apart in a list (null for tokens made before). */
  @Column({ type: 'text', nullable: true })
  tokenPrefix: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  /** After this the token opens nothing (CALENDAR_FEED_TOKEN_TTL_DAYS after creation). */
  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  revokedAt: Date | null;
}
