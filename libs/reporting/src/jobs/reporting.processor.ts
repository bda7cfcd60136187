import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, Clock, JobName, JobProcessor, logQueueErrors, QueueName, type JobHandlers } from '@slussen/core';
import type { Queue } from 'bullmq';
import { ReportBuilderService } from '../report-builder.service.js';
import { reportedDay } from '../report-periods.js';

// One run at a time: a run is a handful of heavy statements, better in line than side by side.
@Processor(QueueName.Reports, { concurrency: 1, lockDuration: 60_000 })
export class ReportingProcessor extends JobProcessor {
  protected readonly handlers: JobHandlers;

  constructor(builder: ReportBuilderService, clock: Clock, config: AppConfig, @InjectQueue(QueueName.Reports) queue: Queue) {
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
        if (stale.length) await queue.addBulk(stale.map(({ id }) => ({ name: JobName.BuildReportRun, data: { runId: id }, opts: { jobId: `report-run-${id}`, attempts: 1 } })));
        return { queued: stale.length };
      },
    };
  }
}

/** The nightly run (cron in the report time zone) and the sweep, registered idempotently: restarts never add a second scheduler. */
@Injectable()
export class ReportingSchedules implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.Reports) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      JobName.BuildNightlyReports,
      { pattern: this.config.reports.nightlyCron, tz: this.config.reports.timezone },
      { name: JobName.BuildNightlyReports, data: {}, opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } } },
    );
    await this.queue.upsertJobScheduler(JobName.SweepReportRuns, { every: this.config.reports.sweepEverySeconds * 1000 }, { name: JobName.SweepReportRuns, data: {}, opts: { attempts: 1 } });
  }
}
