import { Module } from '@nestjs/common';
import { QueueModule, QueueName } from '@slussen/core';
import { SchedulingModule } from '../scheduling.module.js';
import { SchedulingProcessor, schedulingSchedules } from './scheduling.processor.js';

/** The worker's part of scheduling: expiring undecided booking requests. */
@Module({
  imports: [SchedulingModule, QueueModule.registerQueues(QueueName.Scheduling)],
  providers: [SchedulingProcessor, schedulingSchedules],
})
export class SchedulingJobsModule {}
