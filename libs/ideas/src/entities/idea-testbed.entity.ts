import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Testbed } from '@slussen/catalogue/entities';
import { Idea } from './idea.entity.js';

/** A test bed an accepted idea is matched to; a booking linked to the idea must be on one of them. */
@Entity('idea_testbeds')
@Index('idea_testbeds_testbed_id_index', ['testbedId'])
export class IdeaTestbed {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'idea_testbeds_pkey' })
  ideaId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'idea_testbeds_pkey' })
  testbedId: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @ManyToOne(() => Idea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'idea_id', foreignKeyConstraintName: 'idea_testbeds_idea_id_fkey' })
  idea?: Relation<Idea>;

  @ManyToOne(() => Testbed, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'testbed_id', foreignKeyConstraintName: 'idea_testbeds_testbed_id_fkey' })
  testbed?: Relation<Testbed>;
}
