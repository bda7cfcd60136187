import { Processor } from '@nestjs/bullmq';
import { Clock, InjectJobQueue, JobProcessor, JobQueue, type JobHandlers } from '@slussen/core';
import { ReportBuilderService } from '../report-builder.service.js';
import { reportedDay } from '../report-periods.js';
import { ReportingConfig } from '../reporting.config.js';
import { REPORTS_QUEUE, ReportingJob } from '../reporting.jobs.js';

// One run at a time: a run is a handful of heavy statements, better in line than side by side.
@Processor(REPORTS_QUEUE, { concurrency: 1, lockDuration: 60_000 })
export class ReportingProcessor extends JobProcessor {
  protected readonly handlers: JobHandlers;

  constructor(
    builder: ReportBuilderService,
    clock: Clock,
    config: ReportingConfig,
    @InjectJobQueue(REPORTS_QUEUE) queue: JobQueue<typeof REPORTS_QUEUE>,
  ) {
    super();
    this.handlers = {
      [ReportingJob.BuildNightlyReports]: async (data) => {
        const run = await builder.nightlyRun(data.night ?? reportedDay(clock.now(), config.timezone));
        return { runId: run.id, ...(await builder.build(run.id)) };
      },
      [ReportingJob.BuildReportRun]: (data) => builder.build(data.runId),
      [ReportingJob.SweepReportRuns]: async () => {
        const stale = await builder.staleRuns(config.sweepEverySeconds);
        if (stale.length)
          await queue.enqueueBulk(
            stale.map(({ id }) => ({
              job: ReportingJob.BuildReportRun,
              payload: { runId: id },
              opts: { jobId: `report-run-${id}`, attempts: 1 },
            })),
          );
        return { queued: stale.length };
      },
    };
  }
}
