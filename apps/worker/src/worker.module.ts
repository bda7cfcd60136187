import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CoreModule } from '@slussen/core';
import { IdentityModule } from '@slussen/identity';

/** Composition only: core plus each context's jobs module. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [CoreModule.forRoot(config), IdentityModule] };
  }
}
