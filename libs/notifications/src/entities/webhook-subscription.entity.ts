import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An organization's subscription to event types, delivered as signed HTTP POSTs. */
@Entity('webhook_subscriptions')
@Check('webhook_subscriptions_status_check', `"status" IN ('active', 'disabled')`)
@Index('webhook_subscriptions_organization_id_index', ['organizationId'])
export class WebhookSubscription {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'webhook_subscriptions_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  url: string;

  /** Topics such as `booking.confirmed`, or `*` for all. */
  @Column({ type: 'text', array: true })
  events: string[];

  /** Signs each delivery (HMAC-SHA256); shown once when the subscription is made, kept sealed by SecretBox and bound to this row. */
  @Column({ type: 'text', select: false })
  secret: string;

  @Column({ type: 'text', default: 'active' })
  status: 'active' | 'disabled';

  @Column({ type: 'integer', default: 0 })
  consecutiveFailures: number;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  disabledAt: Date | null;

  /** Why the last delivery failed, as a short code (`timeout`, `http-status`, ...), never the target's own answer. */
  @Column({ type: 'text', nullable: true })
  lastFailure: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  lastFailureAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
