import { Processor } from '@nestjs/bullmq';
import { JobProcessor, type JobHandlers } from '@slussen/core';
import { IdeasConfig } from '../ideas.config.js';
import { IdeasService } from '../ideas.service.js';
import { IDEAS_QUEUE, IdeasJob } from '../ideas.jobs.js';

@Processor(IDEAS_QUEUE, { concurrency: 1 })
export class IdeasProcessor extends JobProcessor {
  protected readonly handlers: JobHandlers;

  constructor(ideas: IdeasService, config: IdeasConfig) {
    super();
    this.handlers = {
      [IdeasJob.RemindWaiting]: () => ideas.remindWaiting(config.reminderBatchSize),
    };
  }
}
