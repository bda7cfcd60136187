import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config.js';
import { JobQueue, jobQueueToken } from './job-queue.js';
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

/** The queues one module uses: BullMQ's (for processors) and a typed `JobQueue` for each. */
@Module({})
class RegisteredQueuesModule {}

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
    const queues = BullModule.registerQueue(...names.map((name) => ({ name })));
    const typed = names.map((name) => ({
      provide: jobQueueToken(name),
      inject: [getQueueToken(name)],
      useFactory: (queue: Queue) => new JobQueue(queue),
    }));
    return {
      module: RegisteredQueuesModule,
      imports: [queues],
      providers: typed,
      exports: [queues, ...typed.map((provider) => provider.provide)],
    };
  }
}
