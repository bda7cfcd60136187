import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Something that must happen after a commit (an e-mail, a webhook), written in
 * the same transaction as the change. The relay moves it into BullMQ.
 */
@Entity('outbox_messages')
@Index('outbox_messages_undispatched_index', ['createdAt'], { where: '"dispatched_at" IS NULL' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'outbox_messages_pkey' })
  id: string;

  /** e.g. `booking.confirmed` */
  @Column({ type: 'text' })
  topic: string;

  /** Ids only; consumers re-read current state. */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'clock_timestamp()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  dispatchedAt: Date | null;
}
