import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@slussen/catalogue';
import { IdentityModule } from '@slussen/identity';
import { ReportBuilderService } from './report-builder.service.js';
import { REPORTING_ENTITIES } from './reporting.entities.js';
import { ReportingPolicy } from './reporting.policy.js';
import { ReportsService } from './reports.service.js';
import { ReportingMessages } from './messages/reporting.messages.js';
import { ReportBuildRepository } from './repositories/report-build.repository.js';
import { ReportRunsRepository } from './repositories/report-runs.repository.js';
import { ReportsRepository } from './repositories/reports.repository.js';

/** Outcome reports: runs, snapshots, renderings and subscriptions; used by both apps. */
@Module({
  imports: [TypeOrmModule.forFeature(REPORTING_ENTITIES), IdentityModule, CatalogueModule],
  providers: [
    ReportBuildRepository,
    ReportRunsRepository,
    ReportsRepository,
    ReportBuilderService,
    ReportsService,
    ReportingPolicy,
    ReportingMessages,
  ],
  exports: [ReportBuilderService, ReportsService],
})
export class ReportingModule {}
