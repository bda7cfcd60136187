import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CoreModule, ProblemsModule } from '@slussen/core';
import { CatalogueHttpModule } from '@slussen/catalogue';
import { IdeasHttpModule } from '@slussen/ideas';
import { IdentityHttpModule } from '@slussen/identity';
import { LibraryHttpModule } from '@slussen/library';
import { NotificationsHttpModule } from '@slussen/notifications';
import { PilotsHttpModule } from '@slussen/pilots';
import { CONTEXT_PROBLEMS, WEBHOOK_EVENTS } from '@slussen/platform';
import { ReportingHttpModule } from '@slussen/reporting';
import { SchedulingHttpModule } from '@slussen/scheduling';
import { QueueDashboardModule } from './queue-dashboard.module.js';

/** Composition only: core plus each context's HTTP module. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        ProblemsModule.forRoot(CONTEXT_PROBLEMS),
        IdentityHttpModule,
        CatalogueHttpModule,
        SchedulingHttpModule,
        PilotsHttpModule,
        ReportingHttpModule,
        LibraryHttpModule,
        NotificationsHttpModule.forEvents(WEBHOOK_EVENTS),
        IdeasHttpModule,
        QueueDashboardModule,
      ],
    };
  }
}
