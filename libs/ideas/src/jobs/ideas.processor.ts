import { Processor } from '@nestjs/bullmq';
import { AppConfig, JobProcessor, type JobHandlers } from '@slussen/core';
import { IdeasService } from '../ideas.service.js';
import { IDEAS_QUEUE, IdeasJob } from '../ideas.jobs.js';

@Processor(IDEAS_QUEUE, { concurrency: 1 })
export class IdeasProcessor extends JobProcessor {
  protected readonly handlers: JobHandlers;

  constructor(ideas: IdeasService, config: AppConfig) {
    super();
    this.handlers = {
      [IdeasJob.RemindWaiting]: () => ideas.remindWaiting(config.ideas.reminderBatchSize),
    };
  }
}
