import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SecretBox } from '@slussen/core';
import { ResealSourceTokens } from './reseal-tokens.js';
import { IdentityModule } from '@slussen/identity';
import { SchedulingModule } from '@slussen/scheduling';
import { MeasurementSourcesService } from './measurement-sources.service.js';
import { MeasurementsService } from './measurements.service.js';
import { PilotProgressService } from './pilot-progress.service.js';
import { PILOTS_ENTITIES } from './pilots.entities.js';
import { PilotsPolicy } from './pilots.policy.js';
import { PilotsService } from './pilots.service.js';
import { PilotsMessages } from './messages/pilots.messages.js';
import { MeasurementsRepository } from './repositories/measurements.repository.js';
import { PilotsRepository } from './repositories/pilots.repository.js';
import { ProgressRepository } from './repositories/progress.repository.js';
import { SourcesRepository } from './repositories/sources.repository.js';

/**
 * Pilots, their plans, measurements and outcomes; used by both apps. It
 * imports scheduling because a pilot is what a confirmed booking becomes
 * (its period is the booking's slot).
 */
@Module({
  imports: [TypeOrmModule.forFeature(PILOTS_ENTITIES), IdentityModule, SchedulingModule],
  providers: [
    PilotsRepository,
    MeasurementsRepository,
    SourcesRepository,
    ProgressRepository,
    PilotsService,
    MeasurementsService,
    MeasurementSourcesService,
    PilotProgressService,
    PilotsPolicy,
    SecretBox,
    ResealSourceTokens,
    PilotsMessages,
  ],
  exports: [PilotsService, MeasurementsService, MeasurementSourcesService, PilotProgressService],
})
export class PilotsModule {}
