import { Module } from '@nestjs/common';
import { SchedulingModule } from '../scheduling.module.js';
import { BookingsController } from './bookings.controller.js';
import { CalendarController } from './calendar.controller.js';
import { SlotsController } from './slots.controller.js';

@Module({ imports: [SchedulingModule], controllers: [SlotsController, BookingsController, CalendarController] })
export class SchedulingHttpModule {}
