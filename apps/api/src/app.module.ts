import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CoreModule } from '@slussen/core';
import { IdentityHttpModule } from '@slussen/identity';

/** Composition only: core plus each context's HTTP module. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: AppModule, imports: [CoreModule.forRoot(config), IdentityHttpModule] };
  }
}
