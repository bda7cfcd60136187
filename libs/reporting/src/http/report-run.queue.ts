import { Injectable, Logger } from '@nestjs/common';
import { InjectJobQueue, JobQueue, logQueueErrors, withTimeout } from '@slussen/core';
import { REPORTS_QUEUE, ReportingJob } from '../reporting.jobs.js';

/**
 * Hands a recorded run to the worker. The run row is the source of truth: if
 * Redis does not take the job now, the worker's sweep queues the run later.
 */
@Injectable()
export class ReportRunQueue {
  private readonly logger = new Logger(ReportRunQueue.name);

  constructor(@InjectJobQueue(REPORTS_QUEUE) private readonly queue: JobQueue<typeof REPORTS_QUEUE>) {
    logQueueErrors(queue.queue, (line) => this.logger.warn(line));
  }

  async enqueue(runId: string): Promise<void> {
    try {
      await withTimeout(
        this.queue.enqueue(ReportingJob.BuildReportRun, { runId }, { jobId: `report-run-${runId}`, attempts: 1 }),
        2000,
        'queue did not answer within 2 s',
      );
    } catch (error) {
      this.logger.warn(`run ${runId} stays queued for the sweep: ${(error as Error).message}`);
    }
  }
}
