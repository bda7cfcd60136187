import { Processor } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JobProcessor, type JobHandlers } from '@slussen/core';
import { NotificationsConfig } from '../notifications.config.js';
import { NOTIFICATIONS_QUEUE, NotificationsJob } from '../notifications.jobs.js';
import { NotificationsService } from '../notifications.service.js';

// A job of a worker that died is picked up again within about 25 s (its lock is renewed
// every 7.5 s while it runs, so long sends are not mistaken for stalled ones).
@Processor(NOTIFICATIONS_QUEUE, { concurrency: 5, lockDuration: 15_000, stalledInterval: 10_000 })
export class NotificationsProcessor extends JobProcessor implements OnApplicationBootstrap {
  protected readonly handlers: JobHandlers;

  constructor(
    notifications: NotificationsService,
    private readonly config: NotificationsConfig,
  ) {
    super();
    this.handlers = {
      [NotificationsJob.DeliverOutboxMessage]: (data) => notifications.deliver(data.outboxId),
      [NotificationsJob.SweepDeliveries]: () => notifications.sweep(),
    };
  }

  /**
   * The messages a worker takes at once (DELIVERY_BATCH_SIZE), planned together; the e-mails it
   * sends at once are WORKER_CONCURRENCY, whichever messages they belong to.
   */
  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.mail.batchSize;
  }
}

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
