import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '@slussen/identity/entities';
import { Idea } from './idea.entity.js';

/** A person who follows an idea: told by e-mail when its status changes. */
@Entity('idea_followers')
@Index('idea_followers_user_id_index', ['userId'])
export class IdeaFollower {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'idea_followers_pkey' })
  ideaId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'idea_followers_pkey' })
  userId: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @ManyToOne(() => Idea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'idea_id', foreignKeyConstraintName: 'idea_followers_idea_id_fkey' })
  idea?: Relation<Idea>;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'idea_followers_user_id_fkey' })
  user?: Relation<User>;
}
