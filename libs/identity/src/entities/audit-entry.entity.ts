import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who changed what, and when. No foreign keys: the record outlives the user,
 * token or organization it names.
 */
@Entity('audit_entries')
@Index('audit_entries_organization_id_at_index', ['organizationId', 'at'])
@Index('audit_entries_at_index', ['at'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'audit_entries_pkey' })
  id: string;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorApiTokenId: string | null;

  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  /** `<subject>.<verb>`, e.g. `member.add`, `organization.create`. */
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  subjectType: string;

  @Column({ type: 'text' })
  subjectId: string;

  @Column({ type: 'jsonb' })
  details: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;
}
