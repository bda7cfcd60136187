import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobData, JobName } from './jobs.js';

export type JobHandlers = { [N in JobName]?: (data: JobData<N>, job: Job<JobData<N>>) => Promise<unknown> };

/**
 * A thin BullMQ processor: it names the jobs it handles (the worker checks at
 * start that every job has exactly one), calls one service method per job, logs
 * the job's id, name and duration, and lets errors throw so BullMQ retries.
 */
export abstract class JobProcessor extends WorkerHost {
  protected abstract readonly handlers: JobHandlers;
  private readonly jobLogger = new Logger(this.constructor.name);

  private lastConnectionError = '';

  /** Redis going away is logged once per cause, not once per reconnect attempt; BullMQ reconnects by itself. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    if (error.message === this.lastConnectionError) return;
    this.lastConnectionError = error.message;
    this.jobLogger.warn(`queue connection: ${error.message}`);
  }

  get jobs(): JobName[] {
    return Object.keys(this.handlers) as JobName[];
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as JobName] as ((data: unknown, job: Job) => Promise<unknown>) | undefined;
    if (!handler) throw new Error(`${this.constructor.name} has no handler for job ${job.name}`);
    const started = Date.now();
    try {
      const result = await handler(job.data, job);
      this.jobLogger.log(
        {
          jobId: job.id,
          job: job.name,
          attempt: job.attemptsMade + 1,
          durationMs: Date.now() - started,
          requestId: (job.data as { requestId?: string }).requestId,
        },
        'job done',
      );
      return result;
    } catch (error) {
      this.jobLogger.warn(
        { jobId: job.id, job: job.name, attempt: job.attemptsMade + 1, durationMs: Date.now() - started, err: error },
        'job failed',
      );
      throw error;
    }
  }
}
