import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { JobName, logQueueErrors, QueueName } from '@slussen/core';
import type { Queue } from 'bullmq';

/**
 * Hands a recorded run to the worker. The run row is the source of truth: if
 * Redis does not take the job now, the worker's sweep queues the run later.
 */
@Injectable()
export class ReportRunQueue {
  private readonly logger = new Logger(ReportRunQueue.name);

  constructor(@InjectQueue(QueueName.Reports) private readonly queue: Queue) {
    logQueueErrors(queue, (line) => this.logger.warn(line));
  }

  async enqueue(runId: string): Promise<void> {
    try {
      await Promise.race([
        this.queue.add(JobName.BuildReportRun, { runId }, { jobId: `report-run-${runId}`, attempts: 1 }),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('queue did not answer within 2 s')), 2000).unref(),
        ),
      ]);
    } catch (error) {
      this.logger.warn(`run ${runId} stays queued for the sweep: ${(error as Error).message}`);
    }
  }
}
