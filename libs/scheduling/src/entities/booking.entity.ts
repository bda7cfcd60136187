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
import { Idea } from '@slussen/ideas/entities';
import { Organization } from '@slussen/identity/entities';
import { BOOKING_STATUSES, type BookingStatus } from '../booking-state.js';
import { Slot } from './slot.entity.js';

/** A company's claim on a place in a slot. */
@Entity('bookings')
@Check('bookings_status_check', `"status" IN (${BOOKING_STATUSES.map((status) => `'${status}'`).join(', ')})`)
@Index('bookings_one_per_company_slot', ['slotId', 'organizationId'], {
  unique: true,
  where: `"status" IN ('pending', 'confirmed', 'waitlisted')`,
})
@Index('bookings_waitlist_index', ['slotId', 'createdAt'], { where: `"status" = 'waitlisted'` })
@Index('bookings_decision_due_index', ['decisionDueAt'], { where: `"status" = 'pending'` })
@Index('bookings_organization_id_index', ['organizationId', 'createdAt'])
@Index('bookings_testbed_id_index', ['testbedId', 'createdAt'])
@Index('bookings_idea_id_index', ['ideaId'], { where: `"idea_id" IS NOT NULL` })
// The company-limit trigger's bound (migration CompanyLimitBound): INCLUDE (slot_id), which TypeORM cannot declare.
@Index('bookings_holding_index', { synchronize: false })
export class Booking {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'bookings_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  slotId: string;

  /** The slot's test bed, kept here so managers' lists need no join. */
  @Column({ type: 'uuid' })
  testbedId: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text' })
  status: BookingStatus;

  /** The accepted idea or need this booking pilots (ideas' trigger `ideas_bookings_link_permitted` checks the link). */
  @Column({ type: 'uuid', nullable: true })
  ideaId: string | null;

  /** When a pending request expires if nobody decides. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decisionDueAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @ManyToOne(() => Slot, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'slot_id', foreignKeyConstraintName: 'bookings_slot_id_fkey' })
  slot?: Relation<Slot>;

  @ManyToOne(() => Idea, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'idea_id', foreignKeyConstraintName: 'bookings_idea_id_fkey' })
  idea?: Relation<Idea>;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'bookings_organization_id_fkey' })
  organization?: Relation<Organization>;
}
