import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@slussen/identity';
import { CATALOGUE_ENTITIES } from './catalogue.entities.js';
import { CataloguePolicy } from './catalogue.policy.js';
import { TestbedsRepository } from './repositories/testbeds.repository.js';
import { TestbedsService } from './testbeds.service.js';

/** Test beds: profiles, lifecycle and search; used by both apps. */
@Module({
  imports: [TypeOrmModule.forFeature(CATALOGUE_ENTITIES), IdentityModule],
  providers: [TestbedsRepository, TestbedsService, CataloguePolicy],
  exports: [TestbedsService],
})
export class CatalogueModule {}
