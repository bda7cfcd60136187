import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Testbed } from '@slussen/catalogue/entities';

/** `closed` takes no new bookings or waiting-list entries but keeps those it has; a manager may reopen it. */
export const SLOT_STATUSES = ['open', 'closed', 'cancelled'] as const;
export type SlotStatus = (typeof SLOT_STATUSES)[number];

/**
 * A period `[startsAt, endsAt)` in one test bed with a number of places.
 * `held` counts the places held by pending and confirmed bookings; the CHECK
 * keeps it within capacity, so no code path can give a place twice.
 */
@Entity('slots')
@Check('slots_status_check', `"status" IN ('open', 'closed', 'cancelled')`)
@Check('slots_capacity_check', '"capacity" >= 1')
@Check('slots_held_within_capacity', '"held" >= 0 AND "held" <= "capacity"')
@Check(
  'slots_period_check',
  `NOT isempty("period") AND lower_inc("period") AND NOT upper_inc("period") AND NOT lower_inf("period") AND NOT upper_inf("period") AND upper("period") - lower("period") <= interval '366 days'`,
)
@Index('slots_testbed_period_index', { synchronize: false })
@Index('slots_open_free_period_index', { synchronize: false })
export class Slot {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'slots_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  testbedId: string;

  /** Half-open `[startsAt, endsAt)`. */
  @Column({ type: 'tstzrange' })
  period: string;

  @Column({ type: 'integer' })
  capacity: number;

  @Column({ type: 'integer', default: 0 })
  held: number;

  @Column({ type: 'text', default: 'open' })
  status: SlotStatus;

  /** Why its managers closed it (shown beside the slot and recorded in its bookings' events); null unless closed. */
  @Column({ type: 'text', nullable: true })
  closedReason: string | null;

  /** Slots created from one recurrence share it. */
  @Column({ type: 'uuid', nullable: true })
  recurrenceId: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @ManyToOne(() => Testbed, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'testbed_id', foreignKeyConstraintName: 'slots_testbed_id_fkey' })
  testbed?: Relation<Testbed>;
}
