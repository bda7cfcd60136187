import { Processor } from '@nestjs/bullmq';
import { JobProcessor, type JobHandlers } from '@slussen/core';
import { BookingsService } from '../bookings.service.js';
import { SchedulingConfig } from '../scheduling.config.js';
import { SCHEDULING_QUEUE, SchedulingJob } from '../scheduling.jobs.js';

@Processor(SCHEDULING_QUEUE, { concurrency: 1 })
export class SchedulingProcessor extends JobProcessor {
  protected readonly handlers: JobHandlers;

  constructor(bookings: BookingsService, config: SchedulingConfig) {
    super();
    this.handlers = {
      [SchedulingJob.ExpireOverdueBookings]: () => bookings.expireOverdue(config.bookingExpiry.batchSize),
      [SchedulingJob.PurgeIdempotencyKeys]: () => bookings.purgeExpiredIdempotencyKeys(10_000),
      [SchedulingJob.QueueReminders]: () => bookings.queueReminders(config.reminders.windowMinutes),
    };
  }
}
