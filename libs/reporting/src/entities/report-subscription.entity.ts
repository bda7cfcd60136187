import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A user who wants an e-mail when a month's report of a scope is ready. */
@Entity('report_subscriptions')
@Check('report_subscriptions_scope_check', `"scope" IN ('platform', 'organization', 'testbed')`)
@Index('report_subscriptions_user_index', ['userId'])
export class ReportSubscription {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'report_subscriptions_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  scope: 'platform' | 'organization' | 'testbed';

  @Column({ type: 'uuid', nullable: true })
  subjectId: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
