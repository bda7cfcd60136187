import { Module } from '@nestjs/common';
import { workerQueue } from '@slussen/core';
import { IdeasConfig } from '../ideas.config.js';
import { IdeasModule } from '../ideas.module.js';
import { IDEAS_QUEUE, IdeasJob } from '../ideas.jobs.js';
import { IdeasProcessor } from './ideas.processor.js';

/** The worker's part of ideas: reminding sluices of ideas that wait longer than promised. */
@Module({
  imports: [
    IdeasModule,
    workerQueue(IDEAS_QUEUE, (config) => [
      { job: IdeasJob.RemindWaiting, repeat: { every: config.slice(IdeasConfig).reminderScanEverySeconds * 1000 } },
    ]),
  ],
  providers: [IdeasProcessor],
})
export class IdeasJobsModule {}
