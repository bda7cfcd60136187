import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue.module.js';
import { TestbedsController } from './testbeds.controller.js';

@Module({ imports: [CatalogueModule], controllers: [TestbedsController] })
export class CatalogueHttpModule {}
