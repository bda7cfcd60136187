import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { BOOKING_REASON_CODES, type BookingReasonCode } from '../booking-reasons.js';
import { Booking } from './booking.entity.js';

/** Every change of a booking: who, what, why, when. Readable by both sides. */
@Entity('booking_events')
@Check(
  'booking_events_reason_code_check',
  `"reason_code" IN (${BOOKING_REASON_CODES.map((code) => `'${code}'`).join(', ')})`,
)
@Index('booking_events_booking_id_at_index', ['bookingId', 'at'])
@Index('booking_events_at_index', ['at'])
export class BookingEvent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'booking_events_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  bookingId: string;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'clock_timestamp()' })
  at: Date;

  /** The order of writing, for events of the same millisecond. */
  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS', insert: false, update: false })
  seq: string;

  /** requested, confirmed, rejected, waitlisted, promoted, cancelled, expired, rescheduled */
  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text', nullable: true })
  fromStatus: string | null;

  @Column({ type: 'text' })
  toStatus: string;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorApiTokenId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** Why the system made the change (booking-reasons.ts); null for a person's own decision. */
  @Column({ type: 'text', nullable: true })
  reasonCode: BookingReasonCode | null;

  @ManyToOne(() => Booking, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'booking_id', foreignKeyConstraintName: 'booking_events_booking_id_fkey' })
  booking?: Relation<Booking>;
}
