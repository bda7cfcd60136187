import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import {
  AppConfig,
  declareJobSchedules,
  JobName,
  JobProcessor,
  logQueueErrors,
  OutboundRefusedError,
  QueueName,
  type JobHandlers,
} from '@slussen/core';
import { UnrecoverableError, type Queue } from 'bullmq';
import { MeasurementSourcesService } from '../measurement-sources.service.js';
import { PilotProgressService } from '../pilot-progress.service.js';

/** Queues the source fetches that came due; a fetch is one job per source and due time, so queueing twice is harmless. */
@Injectable()
export class PullQueuer {
  constructor(
    private readonly progress: PilotProgressService,
    @InjectQueue(QueueName.Pilots) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  async queueDuePulls(): Promise<number> {
    const pulls = await this.progress.pullsToQueue();
    if (pulls.length === 0) return 0;
    await this.queue.addBulk(
      pulls.map((pull) => ({
        name: JobName.PullMeasurements,
        data: { sourceId: pull.sourceId, dueAt: new Date(pull.dueAt).toISOString() },
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

@Processor(QueueName.Pilots, { concurrency: 1 })
export class PilotsProcessor extends JobProcessor implements OnApplicationBootstrap {
  protected readonly handlers: JobHandlers;

  constructor(
    progress: PilotProgressService,
    sources: MeasurementSourcesService,
    queuer: PullQueuer,
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Pilots) queue: Queue,
  ) {
    super();
    logQueueErrors(queue, (line) => new Logger(PilotsProcessor.name).warn(line));
    this.handlers = {
      [JobName.ScanPilots]: async () => ({ ...(await progress.scan()), pullsQueued: await queuer.queueDuePulls() }),
      [JobName.PullMeasurements]: (data, job) =>
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

/** The pilot scan; the worker's keeper registers it, and again whenever Redis lost it. */
export const pilotsSchedules = declareJobSchedules((config) => [
  { job: JobName.ScanPilots, repeat: { every: config.pilots.scanEverySeconds * 1000 } },
]);
