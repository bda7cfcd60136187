import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@slussen/catalogue';
import { IdentityModule } from '@slussen/identity';
import { SlotsRepository } from './repositories/slots.repository.js';
import { SCHEDULING_ENTITIES } from './scheduling.entities.js';
import { SlotsService } from './slots.service.js';

/** Slots (and, to come, bookings and waiting lists); used by both apps. */
@Module({
  imports: [TypeOrmModule.forFeature(SCHEDULING_ENTITIES), CatalogueModule, IdentityModule],
  providers: [SlotsRepository, SlotsService],
  exports: [SlotsService],
})
export class SchedulingModule {}
