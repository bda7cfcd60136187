import { Module } from '@nestjs/common';
import { QueueModule, QueueName } from '@slussen/core';
import { SchedulingModule } from '../scheduling.module.js';
import { SchedulingProcessor, SchedulingSchedules } from './scheduling.processor.js';

/** The worker's part of scheduling: expiring undecided booking requests. */
@Module({
  imports: [SchedulingModule, QueueModule.registerQueues(QueueName.Scheduling)],
  providers: [SchedulingProcessor, SchedulingSchedules],
})
export class SchedulingJobsModule {}
