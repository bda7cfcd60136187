import { Module } from '@nestjs/common';
import { QueueModule, QueueName } from '@slussen/core';
import { ReportingModule } from '../reporting.module.js';
import { ReportingProcessor, reportingSchedules } from './reporting.processor.js';

/** The worker's part of reporting: the nightly run, on-demand runs and the sweep that re-queues lost ones. */
@Module({
  imports: [ReportingModule, QueueModule.registerQueues(QueueName.Reports)],
  providers: [ReportingProcessor, reportingSchedules],
})
export class ReportingJobsModule {}
