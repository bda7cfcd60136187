import { Processor } from '@nestjs/bullmq';
import { JobName, JobProcessor, QueueName, type JobHandlers } from '@slussen/core';
import { NotificationsService } from '../notifications.service.js';

@Processor(QueueName.Notifications, { concurrency: 5 })
export class NotificationsProcessor extends JobProcessor {
  protected readonly handlers: JobHandlers;

  constructor(notifications: NotificationsService) {
    super();
    this.handlers = {
      [JobName.DeliverOutboxMessage]: (data, job) => notifications.deliver(data.outboxId, job.attemptsMade + 1),
    };
  }
}
