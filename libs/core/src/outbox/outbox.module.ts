import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module.js';
import { QueueName } from '../queue/jobs.js';
import { OutboxRelay } from './outbox-relay.service.js';

/** The worker's outbox relay. */
@Module({
  imports: [QueueModule.registerQueues(QueueName.Notifications)],
  providers: [OutboxRelay],
  exports: [OutboxRelay],
})
export class OutboxRelayModule {}
