import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, JobProcessor, logQueueErrors, QueueName, type JobHandlers } from '@slussen/core';
import { NotificationsService } from '../notifications.service.js';

@Processor(QueueName.Notifications, { concurrency: 5 })
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
