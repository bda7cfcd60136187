import { Module } from '@nestjs/common';
import { PilotsModule } from '../pilots.module.js';
import { PilotsController } from './pilots.controller.js';

@Module({ imports: [PilotsModule], controllers: [PilotsController] })
export class PilotsHttpModule {}
