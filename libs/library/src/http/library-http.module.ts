import { Module } from '@nestjs/common';
import { LibraryModule } from '../library.module.js';
import { ResultsController } from './results.controller.js';

@Module({ imports: [LibraryModule], controllers: [ResultsController] })
export class LibraryHttpModule {}
