import { getQueueToken } from '@nestjs/bullmq';
import {
  DynamicModule,
  Global,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { Queue, type JobSchedulerTemplateOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import type { JobName, JobsOf, QueueName } from './jobs.js';
import { QueueModule } from './queue.module.js';
import { logQueueErrors } from './redis-connection.js';

/** A periodic job: every so many milliseconds, or a cron pattern in a time zone. Its scheduler's key is the job's name. */
export interface JobSchedule<N extends JobName = JobName> {
  job: N;
  repeat: { every: number } | { pattern: string; tz?: string };
  opts?: JobSchedulerTemplateOptions;
}

/** The schedules one context declares on its queue; the keeper finds every instance. */
export class DeclaredJobSchedules {
  constructor(
    readonly queue: QueueName,
    readonly schedules: JobSchedule[],
  ) {}
}

/** Logs a queue's connection errors once per cause; one per queue a worker runs. */
class QueueErrorLog {}

@Module({})
class WorkerQueueModule {}

/**
 * A context's queue in its jobs module, in one line: registers the queue (BullMQ's
 * and the typed `JobQueue`), logs its connection errors once per cause, and
 * declares its periodic jobs, which the worker's keeper registers at start, again
 * whenever its Redis connection returns, and whenever a check finds one missing:
 *
 *     imports: [PilotsModule, workerQueue(PILOTS_QUEUE, (config) => [{ job: PilotsJob.ScanPilots, repeat: { every: 60_000 } }])]
 */
export function workerQueue<Q extends QueueName>(
  queue: Q,
  schedules: (config: AppConfig) => JobSchedule<JobsOf<Q>>[] = () => [],
): DynamicModule {
  const registered = QueueModule.registerQueues(queue);
  const providers: Provider[] = [
    {
      provide: `job-schedules:${queue}`,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new DeclaredJobSchedules(queue, schedules(config)),
    },
    {
      provide: `queue-errors:${queue}`,
      inject: [getQueueToken(queue)],
      useFactory: (handle: Queue) => {
        const logger = new Logger(`Queue ${queue}`);
        logQueueErrors(handle, (line) => logger.warn(line));
        return new QueueErrorLog();
      },
    },
  ];
  return { module: WorkerQueueModule, imports: [registered], providers, exports: [registered] };
}

/**
 * Keeps every declared job scheduler in Redis. A Redis that restarted empty (a
 * failover, no persistence) has lost them all, and nothing would run again:
 * the keeper registers them whenever its connection becomes ready, and checks
 * every JOB_SCHEDULE_CHECK_SECONDS. Registration is an upsert, so a restart or
 * a second worker replaces, never duplicates.
 */
@Injectable()
export class JobSchedulesKeeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobSchedulesKeeper.name);
  private readonly connection: Redis;
  private readonly queues = new Map<QueueName, Queue>();
  private schedules: Array<JobSchedule & { queue: QueueName }> = [];
  private timer: NodeJS.Timeout | null = null;
  private registering: Promise<void> | null = null;
  private registerAgain: string | null = null;
  private stopped = false;
  private lastError = '';

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly config: AppConfig,
  ) {
    this.connection = new Redis(config.redis.url, {
      maxRetriesPerRequest: null,
      retryStrategy: () => config.queue.reconnectMs,
    });
    this.connection.on('error', (error: Error) => {
      if (error.message !== this.lastError) this.logger.warn(`job schedulers' Redis connection: ${error.message}`);
      this.lastError = error.message;
    });
  }

  /** Every declared schedule, in declaration order. */
  get declared(): JobSchedule[] {
    return this.schedules;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.schedules = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is DeclaredJobSchedules => instance instanceof DeclaredJobSchedules)
      .flatMap((declared) => declared.schedules.map((schedule) => ({ ...schedule, queue: declared.queue })));
    const keys = this.schedules.map((schedule) => schedule.job);
    const twice = keys.filter((key, index) => keys.indexOf(key) !== index);
    if (twice.length) throw new Error(`job schedules declared twice: ${twice.join(', ')}`);
    for (const queue of new Set(this.schedules.map((schedule) => schedule.queue))) {
      const handle = new Queue(queue, { connection: this.connection, prefix: this.config.queue.prefix });
      handle.on('error', () => undefined); // the shared connection logs it once
      this.queues.set(queue, handle);
    }
    await this.registerAll('start');
    // Every later 'ready' is a reconnection: Redis may have come back empty.
    this.connection.on('ready', () => {
      if (this.lastError) this.logger.log('job schedulers reach Redis again');
      this.lastError = '';
      void this.registerAll('Redis connection returned').catch(() => undefined);
    });
    this.timer = setInterval(
      () => void this.check().catch(() => undefined),
      this.config.queue.scheduleCheckSeconds * 1000,
    );
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.registering?.catch(() => undefined);
    for (const queue of this.queues.values()) await queue.close().catch(() => undefined);
    this.connection.disconnect();
  }

  /** The keys of declared schedulers that Redis does not hold now; rejects when Redis does not answer. */
  async missing(): Promise<JobName[]> {
    if (this.connection.status !== 'ready') throw new Error(`Redis connection ${this.connection.status}`);
    const found = await Promise.all(
      this.schedules.map(async (schedule) =>
        (await this.queueOf(schedule).getJobScheduler(schedule.job)) ? null : schedule.job,
      ),
    );
    return found.filter((key): key is JobName => key !== null);
  }

  /** Registers again whatever is missing; returns what was. */
  async check(): Promise<JobName[]> {
    if (this.stopped || this.connection.status !== 'ready') return [];
    const missing = await this.missing();
    if (missing.length) await this.registerAll(`missing ${missing.join(', ')}`);
    return missing;
  }

  /** Upserts every declared scheduler; asked again while a round runs, it runs one more round after it. */
  registerAll(reason: string): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.registering) {
      this.registerAgain = reason;
      return this.registering;
    }
    this.registering = (async () => {
      try {
        for (const schedule of this.schedules) {
          await this.queueOf(schedule).upsertJobScheduler(schedule.job, schedule.repeat, {
            name: schedule.job,
            data: {},
            opts: schedule.opts ?? { attempts: 1 },
          });
        }
        if (reason !== 'start')
          this.logger.warn(`job schedulers registered again (${reason}): ${this.schedules.length}`);
      } finally {
        this.registering = null;
        const again = this.registerAgain;
        this.registerAgain = null;
        if (again) void this.registerAll(again).catch(() => undefined);
      }
    })();
    return this.registering;
  }

  private queueOf(schedule: { queue: QueueName }): Queue {
    return this.queues.get(schedule.queue)!;
  }
}

/** The worker's keeper of job schedulers; global, so the health check can ask it. */
@Global()
@Module({ imports: [DiscoveryModule], providers: [JobSchedulesKeeper], exports: [JobSchedulesKeeper] })
export class JobSchedulesModule {}
