import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config.js';

/**
 * Provides the one `AppConfig` built in `main.ts` (or a test) before Nest starts, and each
 * context's slice under its own class (a pilots service injects `PilotsConfig`),
 * so a bad setting stops the process with one line instead of a stack trace.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    const providers = [{ provide: AppConfig, useValue: config }, ...config.sliceProviders()];
    return { module: ConfigModule, providers, exports: providers.map((provider) => provider.provide) };
  }
}
