import { Module } from '@nestjs/common';
import { QueueModule, QueueName } from '@slussen/core';
import { PilotsModule } from '../pilots.module.js';
import { PilotsProcessor, pilotsSchedules, PullQueuer } from './pilots.processor.js';

/** The worker's part of pilots: the scan that moves pilots along, and source fetches. */
@Module({
  imports: [PilotsModule, QueueModule.registerQueues(QueueName.Pilots)],
  providers: [PilotsProcessor, pilotsSchedules, PullQueuer],
})
export class PilotsJobsModule {}
