import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { declareJobSchedules, JobName, JobProcessor, logQueueErrors, QueueName, type JobHandlers } from '@slussen/core';
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
      [JobName.DeliverOutboxMessage]: (data) => notifications.deliver(data.outboxId),
      [JobName.SweepDeliveries]: () => notifications.sweep(),
    };
  }
}

/** The delivery sweep; the worker's keeper registers it, and again whenever Redis lost it. */
export const notificationsSchedules = declareJobSchedules((config) => [
  { job: JobName.SweepDeliveries, repeat: { every: config.mail.sweepEverySeconds * 1000 } },
]);

/**
 * One sweep as the worker starts, without waiting for Redis or the schedule:
 * what a killed worker left claimed goes out as soon as its lease allows.
 */
@Injectable()
export class SweepAtStart implements OnApplicationBootstrap {
  private readonly logger = new Logger(SweepAtStart.name);

  constructor(private readonly notifications: NotificationsService) {}

  onApplicationBootstrap(): void {
    this.notifications
      .sweep()
      .catch((error: unknown) => this.logger.warn(`the sweep at start failed: ${(error as Error).message}`));
  }
}
