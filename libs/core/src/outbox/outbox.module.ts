import { Module, type DynamicModule } from '@nestjs/common';
import type { JobsOf, QueueName } from '../queue/jobs.js';
import { OUTBOX_TARGET, OutboxRelay } from './outbox-relay.service.js';
import { OutboxRepository } from './outbox.repository.js';

/** Where the relay hands each committed message: one job of one queue, named by the context that delivers them. */
export interface OutboxTarget<Q extends QueueName = QueueName> {
  queue: Q;
  job: JobsOf<Q>;
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
