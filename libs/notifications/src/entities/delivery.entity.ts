import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One side effect of one outbox message: one e-mail to one person. Its unique
 * key makes a retried job find the delivery instead of making another.
 */
@Entity('deliveries')
@Check('deliveries_status_check', `"status" IN ('pending', 'sending', 'sent', 'failed')`)
@Check('deliveries_channel_check', `"channel" IN ('email', 'webhook')`)
@Index('deliveries_dedupe_key_unique', ['dedupeKey'], { unique: true })
@Index('deliveries_outbox_id_index', ['outboxId'])
// The sweeper's search: only deliveries not yet settled, a small part of the table.
@Index('deliveries_unsettled_index', ['claimedAt'], { where: `"status" IN ('pending', 'sending')` })
// A webhook subscription's recent deliveries, newest first, for its organization's admins.
@Index('deliveries_subscription_id_created_at_index', ['subscriptionId', 'createdAt'], {
  where: '"subscription_id" IS NOT NULL',
})
export class Delivery {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'deliveries_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  outboxId: string;

  @Column({ type: 'text' })
  channel: 'email' | 'webhook';

  @Column({ type: 'uuid', nullable: true })
  subscriptionId: string | null;

  @Column({ type: 'text' })
  dedupeKey: string;

  @Column({ type: 'uuid', nullable: true })
  recipientUserId: string | null;

  @Column({ type: 'text' })
  recipient: string;

  @Column({ type: 'text', default: 'pending' })
  status: 'pending' | 'sending' | 'sent' | 'failed';

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** When a worker took it; a claim older than the lease belongs to a dead worker. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  claimedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
