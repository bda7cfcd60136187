import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import {
  AppConfig,
  declareJobSchedules,
  JobName,
  JobProcessor,
  logQueueErrors,
  QueueName,
  type JobHandlers,
} from '@slussen/core';
import type { Queue } from 'bullmq';
import { BookingsService } from '../bookings.service.js';

@Processor(QueueName.Scheduling, { concurrency: 1 })
export class SchedulingProcessor extends JobProcessor {
  protected readonly handlers: JobHandlers;

  constructor(bookings: BookingsService, config: AppConfig, @InjectQueue(QueueName.Scheduling) queue: Queue) {
    super();
    logQueueErrors(queue, (line) => new Logger(SchedulingProcessor.name).warn(line));
    this.handlers = {
      [JobName.ExpireOverdueBookings]: () => bookings.expireOverdue(config.bookingExpiry.batchSize),
      [JobName.PurgeIdempotencyKeys]: () => bookings.purgeExpiredIdempotencyKeys(10_000),
      [JobName.QueueReminders]: () => bookings.queueReminders(config.reminders.windowMinutes),
    };
  }
}

/** The periodic jobs of scheduling; the worker's keeper registers them, and again whenever Redis lost them. */
export const schedulingSchedules = declareJobSchedules((config) => [
  { job: JobName.ExpireOverdueBookings, repeat: { every: config.bookingExpiry.everySeconds * 1000 } },
  { job: JobName.QueueReminders, repeat: { every: config.reminders.everySeconds * 1000 } },
  { job: JobName.PurgeIdempotencyKeys, repeat: { pattern: '17 * * * *', tz: 'Europe/Stockholm' } },
]);
