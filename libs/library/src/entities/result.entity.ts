import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CONSENT_PARTS } from '../consent-parts.js';

const PARTS = `ARRAY[${CONSENT_PARTS.map((part) => `'${part}'`).join(', ')}]::text[]`;

/**
 * A completed pilot's entry in the results library: each side's consent (when,
 * by whom, to which parts) and when it was published. The database holds that
 * a result is published exactly while both sides consent.
 */
@Entity('results')
@Index('results_pilot_unique', ['pilotId'], { unique: true })
@Index('results_published_at_index', ['publishedAt'])
@Check(
  'results_published_check',
  `("published_at" IS NOT NULL) = ("company_consented_at" IS NOT NULL AND "testbed_consented_at" IS NOT NULL)`,
)
@Check('results_parts_check', `"company_parts" <@ ${PARTS} AND "testbed_parts" <@ ${PARTS}`)
export class Result {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'results_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  pilotId: string;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  companyConsentedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  companyConsentedBy: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  companyParts: string[];

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  testbedConsentedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  testbedConsentedBy: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  testbedParts: string[];

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
