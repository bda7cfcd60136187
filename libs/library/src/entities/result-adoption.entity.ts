import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Result } from './result.entity.js';

/** "We adopted this too": a region or municipality that took a published result into its own work. */
@Entity('result_adoptions')
@Index('result_adoptions_result_organization_unique', ['resultId', 'organizationId'], { unique: true })
@Index('result_adoptions_organization_index', ['organizationId'])
export class ResultAdoption {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'result_adoptions_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  resultId: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'date' })
  adoptedAt: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  recordedByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @ManyToOne(() => Result, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'result_id', foreignKeyConstraintName: 'result_adoptions_result_id_fkey' })
  result?: Relation<Result>;
}
