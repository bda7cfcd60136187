import { Module } from '@nestjs/common';
import { workerQueue } from '@slussen/core';
import { ReportingConfig } from '../reporting.config.js';
import { ReportingModule } from '../reporting.module.js';
import { REPORTS_QUEUE, ReportingJob } from '../reporting.jobs.js';
import { ReportingProcessor } from './reporting.processor.js';

/** The worker's part of reporting: the nightly run (cron in the report time zone), on-demand runs and the sweep that re-queues lost ones. */
@Module({
  imports: [
    ReportingModule,
    workerQueue(REPORTS_QUEUE, (config) => [
      {
        job: ReportingJob.BuildNightlyReports,
        repeat: { pattern: config.slice(ReportingConfig).nightlyCron, tz: config.slice(ReportingConfig).timezone },
        opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } },
      },
      { job: ReportingJob.SweepReportRuns, repeat: { every: config.slice(ReportingConfig).sweepEverySeconds * 1000 } },
    ]),
  ],
  providers: [ReportingProcessor],
})
export class ReportingJobsModule {}
