import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { ClockModule } from './time/clock.js';
import { PolicyModule } from './auth/policy.module.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { LoggingModule } from './logging/logging.module.js';
import { QueueModule } from './queue/queue.module.js';

/** What both apps stand on: config, logs, PostgreSQL (migrated), BullMQ and health probes. */
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule,
        LoggingModule,
        DatabaseModule,
        QueueModule.forRoot(),
        HealthModule,
        PolicyModule,
      ],
    };
  }
}
