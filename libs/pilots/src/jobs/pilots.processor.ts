import { Processor } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectJobQueue, JobProcessor, JobQueue, OutboundRefusedError, type JobHandlers } from '@slussen/core';
import { UnrecoverableError } from 'bullmq';
import { PilotsConfig } from '../pilots.config.js';
import { MeasurementSourcesService } from '../measurement-sources.service.js';
import { PilotProgressService } from '../pilot-progress.service.js';
import { PILOTS_QUEUE, PilotsJob } from '../pilots.jobs.js';

/** Queues the source fetches that came due; a fetch is one job per source and due time, so queueing twice is harmless. */
@Injectable()
export class PullQueuer {
  constructor(
    private readonly progress: PilotProgressService,
    @InjectJobQueue(PILOTS_QUEUE) private readonly queue: JobQueue<typeof PILOTS_QUEUE>,
    private readonly config: PilotsConfig,
  ) {}

  async queueDuePulls(): Promise<number> {
    const pulls = await this.progress.pullsToQueue();
    if (pulls.length === 0) return 0;
    await this.queue.enqueueBulk(
      pulls.map((pull) => ({
        job: PilotsJob.PullMeasurements,
        payload: { sourceId: pull.sourceId, dueAt: new Date(pull.dueAt).toISOString() },
        opts: {
          jobId: `pull-${pull.sourceId}-${new Date(pull.dueAt).getTime()}`,
          attempts: this.config.sources.attempts,
          backoff: { type: 'exponential', delay: this.config.sources.retryDelayMs },
        },
      })),
    );
    await this.progress.markPullsQueued(pulls);
    return pulls.length;
  }
}

@Processor(PILOTS_QUEUE, { concurrency: 1 })
export class PilotsProcessor extends JobProcessor implements OnApplicationBootstrap {
  protected readonly handlers: JobHandlers;

  constructor(
    progress: PilotProgressService,
    sources: MeasurementSourcesService,
    queuer: PullQueuer,
    private readonly config: PilotsConfig,
  ) {
    super();
    this.handlers = {
      [PilotsJob.ScanPilots]: async () => ({ ...(await progress.scan()), pullsQueued: await queuer.queueDuePulls() }),
      [PilotsJob.PullMeasurements]: (data, job) =>
        sources.pull(data.sourceId, job.attemptsMade + 1).catch((error: unknown) => {
          // A refused address stays refused: retrying would only knock again.
          throw error instanceof OutboundRefusedError ? new UnrecoverableError(error.message) : error;
        }),
    };
  }

  /** Fetches wait on the network, not the CPU: run many at once (the worker exists only once Nest has started it). */
  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.sources.concurrency;
  }
}
