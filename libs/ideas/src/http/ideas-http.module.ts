import { Module } from '@nestjs/common';
import { IdeasModule } from '../ideas.module.js';
import { IdeasController } from './ideas.controller.js';
import { SluicesController } from './sluices.controller.js';

@Module({ imports: [IdeasModule], controllers: [SluicesController, IdeasController] })
export class IdeasHttpModule {}
