import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A reminder already queued, so it goes out once. Keyed by what it refers to
 * (the slot's start, the decision deadline): a rescheduled booking gets new ones.
 */
@Entity('booking_reminders')
export class BookingReminder {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'booking_reminders_pkey' })
  bookingId: string;

  /** `starts-in-7-days`, `starts-in-1-days`, `decision-due` */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'booking_reminders_pkey' })
  kind: string;

  @PrimaryColumn({ type: 'timestamptz', precision: 3, primaryKeyConstraintName: 'booking_reminders_pkey' })
  dueFor: Date;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
