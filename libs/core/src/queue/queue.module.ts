import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import type { QueueName } from './jobs.js';
import { queueConnectionOptions } from './redis-connection.js';

/** Retries with exponential backoff, and how many finished jobs Redis keeps. */
export function defaultJobOptions(config: AppConfig) {
  return {
    attempts: config.queue.attempts,
    backoff: { type: 'exponential' as const, delay: 1000 },
    removeOnComplete: { count: config.queue.keepCompleted },
    removeOnFail: { count: config.queue.keepFailed },
  };
}

/**
 * The one BullMQ configuration of both apps: the connection and the key prefix
 * (QUEUE_PREFIX), so tests and several deployments can share one Redis.
 * Contexts register their queues with `QueueModule.registerQueues(...)`.
 */
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            connection: queueConnectionOptions(config.redis.url, config.queue.reconnectMs),
            prefix: config.queue.prefix,
            defaultJobOptions: defaultJobOptions(config),
          }),
        }),
      ],
    };
  }

  static registerQueues(...names: QueueName[]): DynamicModule {
    return BullModule.registerQueue(...names.map((name) => ({ name })));
  }
}
