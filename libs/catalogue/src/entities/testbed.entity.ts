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
import { Organization } from '@slussen/identity/entities';
import {
  DOMAIN_KEYS,
  ENVIRONMENT_TYPES,
  TESTBED_STATUSES,
  type Domain,
  type EnvironmentType,
  type TestbedStatus,
} from '../domains.js';

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/**
 * A test and demonstration environment owned by a region or municipality.
 * The search index (`testbeds_search_index`, Swedish full-text over name,
 * summary and description) is written by hand in the migration.
 */
@Entity('testbeds')
@Check('testbeds_status_check', `"status" IN (${list(TESTBED_STATUSES)})`)
@Check('testbeds_environment_type_check', `"environment_type" IN (${list(ENVIRONMENT_TYPES)})`)
@Check('testbeds_domains_check', `"domains" <@ ARRAY[${list(DOMAIN_KEYS)}]::text[]`)
@Check('testbeds_trl_check', '"trl_min" BETWEEN 1 AND 9 AND "trl_max" BETWEEN 1 AND 9 AND "trl_min" <= "trl_max"')
@Check('testbeds_capacity_check', '"capacity" >= 1')
@Check(
  'testbeds_rules_check',
  '"min_lead_days" >= 0 AND "max_advance_days" >= 1 AND "max_active_bookings_per_company" >= 1 AND "decision_days" >= 1',
)
@Check(
  'testbeds_reminder_days_check',
  '"reminder_days" <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30]::integer[]',
)
@Check(
  'testbeds_coordinates_check',
  '("lat" IS NULL OR "lat" BETWEEN -90 AND 90) AND ("lon" IS NULL OR "lon" BETWEEN -180 AND 180)',
)
@Index('testbeds_slug_unique', ['slug'], { unique: true })
@Index('testbeds_organization_id_index', ['organizationId'])
@Index('testbeds_status_name_index', ['status', 'name', 'id'])
@Index('testbeds_domains_index', { synchronize: false })
@Index('testbeds_search_index', { synchronize: false })
export class Testbed {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'testbeds_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text' })
  environmentType: EnvironmentType;

  @Column({ type: 'smallint', default: 1 })
  trlMin: number;

  @Column({ type: 'smallint', default: 9 })
  trlMax: number;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  domains: Domain[];

  @Column({ type: 'text' })
  municipality: string;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lon: number | null;

  /** IANA zone; slots recur in it. */
  @Column({ type: 'text', default: 'Europe/Stockholm' })
  timezone: string;

  /** Pilots it can host at once: overlapping slots never offer more places. */
  @Column({ type: 'integer', default: 1 })
  capacity: number;

  @Column({ type: 'boolean', default: true })
  requiresApproval: boolean;

  @Column({ type: 'integer', default: 14 })
  minLeadDays: number;

  @Column({ type: 'integer', default: 365 })
  maxAdvanceDays: number;

  @Column({ type: 'integer', default: 2 })
  maxActiveBookingsPerCompany: number;

  @Column({ type: 'integer', default: 10 })
  decisionDays: number;

  @Column({ type: 'text', nullable: true })
  contactEmail: string | null;

  /** Days before a slot starts when both sides are reminded of a booking. */
  @Column({ type: 'integer', array: true, default: () => "'{7,1}'" })
  reminderDays: number[];

  @Column({ type: 'text', default: 'draft' })
  status: TestbedStatus;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  retiredAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'testbeds_organization_id_fkey' })
  organization?: Relation<Organization>;
}
