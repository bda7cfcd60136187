import { Module } from '@nestjs/common';
import { workerQueue } from '@slussen/core';
import { PilotsConfig } from '../pilots.config.js';
import { PilotsModule } from '../pilots.module.js';
import { PILOTS_QUEUE, PilotsJob } from '../pilots.jobs.js';
import { PilotsProcessor, PullQueuer } from './pilots.processor.js';

/** The worker's part of pilots: the scan that moves pilots along, and source fetches. */
@Module({
  imports: [
    PilotsModule,
    workerQueue(PILOTS_QUEUE, (config) => [
      { job: PilotsJob.ScanPilots, repeat: { every: config.slice(PilotsConfig).scanEverySeconds * 1000 } },
    ]),
  ],
  providers: [PilotsProcessor, PullQueuer],
})
export class PilotsJobsModule {}
