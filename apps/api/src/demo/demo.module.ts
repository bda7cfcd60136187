import { DynamicModule, Module } from '@nestjs/common';
import { CatalogueModule } from '@slussen/catalogue';
import { AppConfig, CoreModule } from '@slussen/core';
import { IdeasModule } from '@slussen/ideas';
import { IdentityModule } from '@slussen/identity';
import { LibraryModule } from '@slussen/library';
import { PilotsModule } from '@slussen/pilots';
import { ReportingModule } from '@slussen/reporting';
import { SchedulingModule } from '@slussen/scheduling';

/** What the demo seed needs: the contexts' services, no HTTP. */
@Module({})
export class DemoModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DemoModule,
      imports: [
        CoreModule.forRoot(config),
        IdentityModule,
        CatalogueModule,
        SchedulingModule,
        PilotsModule,
        ReportingModule,
        LibraryModule,
        IdeasModule,
      ],
    };
  }
}
