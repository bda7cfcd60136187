import { Module, type DynamicModule } from '@nestjs/common';
import type { JobData, JobsOf, QueueName } from '../queue/jobs.js';
import { OUTBOX_TARGET, OutboxRelay } from './outbox-relay.service.js';
import { OutboxRepository } from './outbox.repository.js';

/** What the relay's job carries: the committed message, and the request that wrote it (for the logs). */
export interface OutboxJobData {
  outboxId: string;
  requestId?: string;
}

/** The jobs of a queue that take exactly an outbox message: only those may be the relay's target. */
export type OutboxJobsOf<Q extends QueueName> = {
  [N in JobsOf<Q>]: [JobData<N>] extends [OutboxJobData] ? ([OutboxJobData] extends [JobData<N>] ? N : never) : never;
}[JobsOf<Q>];

/** Where the relay hands each committed message: one job of one queue, named by the context that delivers them. */
export interface OutboxTarget<Q extends QueueName = QueueName> {
  queue: Q;
  job: OutboxJobsOf<Q>;
}

/** The worker's outbox relay, and the outbox's readers. */
@Module({})
export class OutboxRelayModule {
  static forTarget<Q extends QueueName>(target: OutboxTarget<Q>): DynamicModule {
    return {
      module: OutboxRelayModule,
      providers: [OutboxRepository, OutboxRelay, { provide: OUTBOX_TARGET, useValue: target }],
      exports: [OutboxRelay, OutboxRepository],
    };
  }
}
