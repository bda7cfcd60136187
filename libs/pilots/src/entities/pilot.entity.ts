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
import { Organization } from '@slussen/identity/entities';
import { Booking } from '@slussen/scheduling/entities';
import { PILOT_STAGES, type PilotStage } from '../pilot-stage.js';

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/**
 * What a confirmed booking becomes (created by a trigger on `bookings`, in the
 * confirming transaction). Its period is its booking's slot, read through the
 * booking, so a reschedule moves it too. The plan (goals and metrics) carries a
 * version; each side's approval names the version it approved.
 */
@Entity('pilots')
@Check('pilots_stage_check', `"stage" IN (${list(PILOT_STAGES)})`)
@Check('pilots_aborted_has_reason', `"stage" <> 'aborted' OR "abort_reason" IS NOT NULL`)
@Index('pilots_booking_id_key', ['bookingId'], { unique: true })
@Index('pilots_stage_index', ['stage'])
@Index('pilots_testbed_id_index', ['testbedId', 'createdAt'])
@Index('pilots_organization_id_index', ['organizationId', 'createdAt'])
export class Pilot {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pilots_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  bookingId: string;

  @Column({ type: 'uuid' })
  testbedId: string;

  /** The company that runs the pilot. */
  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: 'planned' })
  stage: PilotStage;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  goals: string[];

  @Column({ type: 'integer', default: 1 })
  planVersion: number;

  @Column({ type: 'integer', nullable: true })
  companyApprovedVersion: number | null;

  @Column({ type: 'integer', nullable: true })
  testbedApprovedVersion: number | null;

  /** When both sides had approved the current plan version; cleared when the plan changes. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  planAgreedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  planRemindedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  abortReason: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  evaluatingAt: Date | null;

  /** When it was completed or aborted. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  endedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @ManyToOne(() => Booking, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'booking_id', foreignKeyConstraintName: 'pilots_booking_id_fkey' })
  booking?: Relation<Booking>;

  @ManyToOne(() => Testbed, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'testbed_id', foreignKeyConstraintName: 'pilots_testbed_id_fkey' })
  testbed?: Relation<Testbed>;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'pilots_organization_id_fkey' })
  organization?: Relation<Organization>;
}
