import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig, CoreModule, JobSchedulesModule, ProblemsModule } from '@slussen/core';
import { LibraryModule } from '@slussen/library';
import { IdeasJobsModule } from '@slussen/ideas';
import { NotificationsJobsModule } from '@slussen/notifications';
import { PilotsJobsModule } from '@slussen/pilots';
import { CONTEXT_PROBLEMS } from '@slussen/platform';
import { ReportingJobsModule } from '@slussen/reporting';
import { SchedulingJobsModule } from '@slussen/scheduling';
import { JobCoverageCheck } from './job-coverage.check.js';

/** Composition only: core, the keeper of every context's job schedulers, and each context's jobs module. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(config),
        ProblemsModule.forRoot(CONTEXT_PROBLEMS),
        DiscoveryModule,
        JobSchedulesModule,
        SchedulingJobsModule,
        PilotsJobsModule,
        ReportingJobsModule,
        LibraryModule,
        NotificationsJobsModule,
        IdeasJobsModule,
      ],
      providers: [JobCoverageCheck],
    };
  }
}
