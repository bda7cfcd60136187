import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An Idempotency-Key of a booking request, scoped to the booking company. The
 * first request claims it; its transaction stores the answer, which later
 * requests with the same key and body get again.
 */
@Entity('idempotency_keys')
@Check('idempotency_keys_status_check', `"status" IN ('in-progress', 'completed')`)
@Index('idempotency_keys_expires_at_index', ['expiresAt'])
export class IdempotencyKey {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'idempotency_keys_pkey' })
  organizationId: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'idempotency_keys_pkey' })
  key: string;

  /** SHA-256 of the route and body, to tell a replay from another request. */
  @Column({ type: 'text' })
  requestHash: string;

  @Column({ type: 'text' })
  status: 'in-progress' | 'completed';

  @Column({ type: 'integer', nullable: true })
  responseStatus: number | null;

  /** The answer's JSON exactly as it was sent, so a replay is byte-identical. */
  @Column({ type: 'text', nullable: true })
  responseBody: string | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt: Date;
}
