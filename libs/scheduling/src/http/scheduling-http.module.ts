import { Module } from '@nestjs/common';
import { SchedulingModule } from '../scheduling.module.js';
import { SlotsController } from './slots.controller.js';

@Module({ imports: [SchedulingModule], controllers: [SlotsController] })
export class SchedulingHttpModule {}
