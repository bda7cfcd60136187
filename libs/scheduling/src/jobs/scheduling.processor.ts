import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, JobName, JobProcessor, logQueueErrors, QueueName, type JobHandlers } from '@slussen/core';
import type { Queue } from 'bullmq';
import { BookingsService } from '../bookings.service.js';

@Processor(QueueName.Scheduling, { concurrency: 1 })
export class SchedulingProcessor extends JobProcessor {
  protected readonly handlers: JobHandlers;

  constructor(bookings: BookingsService, config: AppConfig) {
    super();
    this.handlers = {
      [JobName.ExpireOverdueBookings]: () => bookings.expireOverdue(config.bookingExpiry.batchSize),
      [JobName.PurgeIdempotencyKeys]: () => bookings.purgeExpiredIdempotencyKeys(10_000),
      [JobName.QueueReminders]: () => bookings.queueReminders(config.reminders.windowMinutes),
    };
  }
}

/** The periodic jobs of scheduling, registered idempotently: a restart replaces, never duplicates. */
@Injectable()
export class SchedulingSchedules implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.Scheduling) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {
    logQueueErrors(queue, (line) => new Logger(SchedulingSchedules.name).warn(line));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      JobName.ExpireOverdueBookings,
      { every: this.config.bookingExpiry.everySeconds * 1000 },
      { name: JobName.ExpireOverdueBookings, data: {}, opts: { attempts: 1 } },
    );
    await this.queue.upsertJobScheduler(
      JobName.QueueReminders,
      { every: this.config.reminders.everySeconds * 1000 },
      { name: JobName.QueueReminders, data: {}, opts: { attempts: 1 } },
    );
    await this.queue.upsertJobScheduler(
      JobName.PurgeIdempotencyKeys,
      { pattern: '17 * * * *', tz: 'Europe/Stockholm' },
      { name: JobName.PurgeIdempotencyKeys, data: {}, opts: { attempts: 1 } },
    );
  }
}
