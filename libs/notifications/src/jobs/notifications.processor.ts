import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, JobProcessor, logQueueErrors, QueueName, type JobHandlers } from '@slussen/core';
import { NotificationsService } from '../notifications.service.js';

// A job of a worker that died is picked up again within about 25 s (its lock is renewed
// every 7.5 s while it runs, so long sends are not mistaken for stalled ones).
@Processor(QueueName.Notifications, { concurrency: 5, lockDuration: 15_000, stalledInterval: 10_000 })
export class NotificationsProcessor extends JobProcessor {
  protected readonly handlers: JobHandlers;

  constructor(notifications: NotificationsService, @InjectQueue(QueueName.Notifications) queue: Queue) {
    super();
    logQueueErrors(queue, (line) => new Logger(NotificationsProcessor.name).warn(line));
    this.handlers = {
      [JobName.DeliverOutboxMessage]: (data, job) => notifications.deliver(data.outboxId, job.attemptsMade + 1),
    };
  }
}
