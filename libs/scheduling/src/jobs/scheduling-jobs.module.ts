import { Module } from '@nestjs/common';
import { workerQueue } from '@slussen/core';
import { SchedulingConfig } from '../scheduling.config.js';
import { SchedulingModule } from '../scheduling.module.js';
import { SCHEDULING_QUEUE, SchedulingJob } from '../scheduling.jobs.js';
import { SchedulingProcessor } from './scheduling.processor.js';

/** The worker's part of scheduling: expiring undecided booking requests, reminders, purging idempotency keys. */
@Module({
  imports: [
    SchedulingModule,
    workerQueue(SCHEDULING_QUEUE, (config) => [
      {
        job: SchedulingJob.ExpireOverdueBookings,
        repeat: { every: config.slice(SchedulingConfig).bookingExpiry.everySeconds * 1000 },
      },
      {
        job: SchedulingJob.QueueReminders,
        repeat: { every: config.slice(SchedulingConfig).reminders.everySeconds * 1000 },
      },
      { job: SchedulingJob.PurgeIdempotencyKeys, repeat: { pattern: '17 * * * *', tz: 'Europe/Stockholm' } },
    ]),
  ],
  providers: [SchedulingProcessor],
})
export class SchedulingJobsModule {}
