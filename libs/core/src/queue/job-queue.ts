import { Inject } from '@nestjs/common';
import type { Job, JobsOptions, Queue } from 'bullmq';
import type { EnqueuedJob, JobData, JobsOf, QueueName } from './jobs.js';

/**
 * A queue that takes only its own jobs, each with the payload the jobs map
 * gives it: `enqueue(ReportingJob.BuildReportRun, { runId })` is checked by
 * the compiler. Inject it with `@InjectJobQueue('reports')`; a module gets it by
 * importing `QueueModule.registerQueues('reports')`.
 */
export class JobQueue<Q extends QueueName = QueueName> {
  constructor(readonly queue: Queue) {}

  get name(): Q {
    return this.queue.name as Q;
  }

  enqueue<N extends JobsOf<Q>>(job: N, payload: JobData<N>, opts?: JobsOptions): Promise<Job> {
    return this.queue.add(job, payload, opts);
  }

  /** Several jobs in one round trip. */
  enqueueBulk(jobs: readonly EnqueuedJob<JobsOf<Q>>[]): Promise<Job[]> {
    return this.queue.addBulk(jobs.map(({ job, payload, opts }) => ({ name: job, data: payload, opts })));
  }
}

export function jobQueueToken(queue: QueueName): string {
  return `JobQueue:${queue}`;
}

export const InjectJobQueue = (queue: QueueName): ParameterDecorator => Inject(jobQueueToken(queue));
