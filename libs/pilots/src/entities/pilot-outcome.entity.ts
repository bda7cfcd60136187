import { Check, Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { OUTCOME_RESULTS, type OutcomeResult } from '../pilot-stage.js';
import { Pilot } from './pilot.entity.js';

/** How a pilot ended, recorded once by a manager of its test bed. */
@Entity('pilot_outcomes')
@Index('pilot_outcomes_recorded_at_index', ['recordedAt'])
@Check('pilot_outcomes_result_check', `"result" IN (${OUTCOME_RESULTS.map((result) => `'${result}'`).join(', ')})`)
@Check(
  'pilot_outcomes_procurement_check',
  `"result" <> 'procured' OR ("procurement_reference" IS NOT NULL AND "procurement_date" IS NOT NULL)`,
)
export class PilotOutcome {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pilot_outcomes_pkey' })
  pilotId: string;

  @Column({ type: 'text' })
  result: OutcomeResult;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'text', nullable: true })
  lessons: string | null;

  @Column({ type: 'text', nullable: true })
  procurementReference: string | null;

  @Column({ type: 'date', nullable: true })
  procurementDate: string | null;

  @Column({ type: 'uuid', nullable: true })
  recordedByUserId: string | null;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  recordedAt: Date;

  @OneToOne(() => Pilot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pilot_id', foreignKeyConstraintName: 'pilot_outcomes_pilot_id_fkey' })
  pilot?: Relation<Pilot>;
}
