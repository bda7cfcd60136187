import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import {
  AppConfig,
  Clock,
  declareJobSchedules,
  JobName,
  JobProcessor,
  logQueueErrors,
  QueueName,
  type JobHandlers,
} from '@slussen/core';
import type { Queue } from 'bullmq';
import { ReportBuilderService } from '../report-builder.service.js';
import { reportedDay } from '../report-periods.js';

// One run at a time: a run is a handful of heavy statements, better in line than side by side.
@Processor(QueueName.Reports, { concurrency: 1, lockDuration: 60_000 })
export class ReportingProcessor extends JobProcessor {
  protected readonly handlers: JobHandlers;

  constructor(
    builder: ReportBuilderService,
    clock: Clock,
    config: AppConfig,
    @InjectQueue(QueueName.Reports) queue: Queue,
  ) {
    super();
    logQueueErrors(queue, (line) => new Logger(ReportingProcessor.name).warn(line));
    this.handlers = {
      [JobName.BuildNightlyReports]: async (data) => {
        const run = await builder.nightlyRun(data.night ?? reportedDay(clock.now(), config.reports.timezone));
        return { runId: run.id, ...(await builder.build(run.id)) };
      },
      [JobName.BuildReportRun]: (data) => builder.build(data.runId),
      [JobName.SweepReportRuns]: async () => {
        const stale = await builder.staleRuns(config.reports.sweepEverySeconds);
        if (stale.length)
          await queue.addBulk(
            stale.map(({ id }) => ({
              name: JobName.BuildReportRun,
              data: { runId: id },
              opts: { jobId: `report-run-${id}`, attempts: 1 },
            })),
          );
        return { queued: stale.length };
      },
    };
  }
}

/** The nightly run (cron in the report time zone) and the sweep; the worker's keeper registers them, and again whenever Redis lost them. */
export const reportingSchedules = declareJobSchedules((config) => [
  {
    job: JobName.BuildNightlyReports,
    repeat: { pattern: config.reports.nightlyCron, tz: config.reports.timezone },
    opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } },
  },
  { job: JobName.SweepReportRuns, repeat: { every: config.reports.sweepEverySeconds * 1000 } },
]);
