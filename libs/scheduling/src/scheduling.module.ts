import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@slussen/catalogue';
import { IdeasModule } from '@slussen/ideas';
import { IdentityModule } from '@slussen/identity';
import { BookingRules } from './booking-rules.js';
import { BookingsService } from './bookings.service.js';
import { CalendarService } from './calendar.service.js';
import { CalendarRepository } from './repositories/calendar.repository.js';
import { PlacesService } from './places.service.js';
import { BookingsRepository } from './repositories/bookings.repository.js';
import { IdempotencyRepository } from './repositories/idempotency.repository.js';
import { PlacesRepository } from './repositories/places.repository.js';
import { SlotsRepository } from './repositories/slots.repository.js';
import { SchedulingPolicy } from './scheduling.policy.js';
import { SCHEDULING_ENTITIES } from './scheduling.entities.js';
import { SlotsService } from './slots.service.js';
import { SchedulingMessages } from './messages/scheduling.messages.js';

/** Slots (and, to come, bookings and waiting lists); used by both apps. */
@Module({
  imports: [TypeOrmModule.forFeature(SCHEDULING_ENTITIES), CatalogueModule, IdentityModule, IdeasModule],
  providers: [
    SlotsRepository,
    BookingsRepository,
    IdempotencyRepository,
    CalendarRepository,
    PlacesRepository,
    BookingRules,
    CalendarService,
    PlacesService,
    BookingsService,
    SlotsService,
    SchedulingPolicy,
    SchedulingMessages,
  ],
  exports: [SlotsService, BookingsService, CalendarService],
})
export class SchedulingModule {}
