import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { AppConfig } from '../config/app-config.js';
import { OutboxConfig } from './outbox.config.js';
import { JobQueue } from '../queue/job-queue.js';
import { defaultJobOptions } from '../queue/queue.module.js';
import type { OutboxJobData, OutboxTarget } from './outbox.module.js';
import { listenForOutbox, OutboxRepository } from './outbox.repository.js';

/**
 * Moves committed outbox rows into BullMQ: claims a batch with FOR UPDATE SKIP
 * LOCKED (so several workers share the work), adds one job per row with the
 * row's id as job id (BullMQ ignores a second add), and marks the rows
 * dispatched in the same transaction. If Redis does not take the batch, the
 * transaction rolls back and the rows wait for the next round. Woken by
 * LISTEN/NOTIFY, with a short poll as fallback; a lost LISTEN connection is
 * opened again. Its Redis connection retries at a short fixed interval and
 * drains as soon as it is ready again. A Redis that came back without its data
 * (no `outbox:epoch` key) lost the jobs of recent messages: those are
 * dispatched again (consumers are idempotent per message).
 */
/** One job as the relay's queue takes it. */
type RelayedJob = Parameters<JobQueue['enqueueBulk']>[0][number];

/** The queue and job the relay hands messages to (`OutboxRelayModule.forTarget`). */
export const OUTBOX_TARGET = Symbol('OUTBOX_TARGET');

@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private lastError = '';
  private relistenTimer: NodeJS.Timeout | null = null;
  private readonly redis: Redis;
  private readonly queue: Queue;
  private readonly jobs: JobQueue;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly config: AppConfig,
    private readonly outboxConfig: OutboxConfig,
    @Inject(OUTBOX_TARGET) private readonly target: OutboxTarget,
  ) {
    // Its own connection that fails fast while Redis is away (no offline queue): the rows stay in
    // PostgreSQL until the next round instead of piling up commands that all replay on reconnect.
    // It tries again every REDIS_RECONNECT_MS (not BullMQ's backoff of up to 20 s) and drains once ready.
    this.redis = new Redis(config.redis.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: () => config.queue.reconnectMs,
    });
    this.redis.on('error', (error: Error) => this.pause(error.message));
    this.redis.on('ready', () => void this.onRedisReady());
    this.queue = new Queue(target.queue, {
      connection: this.redis,
      prefix: config.queue.prefix,
      defaultJobOptions: defaultJobOptions(config),
    });
    this.queue.on('error', (error: Error) => this.pause(error.message));
    this.jobs = new JobQueue(this.queue);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.timer = setInterval(() => this.wake(), this.outboxConfig.pollMs);
    await this.listen();
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.relistenTimer) clearTimeout(this.relistenTimer);
    await this.listener?.end().catch(() => undefined);
    await this.running;
    await this.queue.close();
    this.redis.disconnect();
  }

  /** True while the LISTEN connection is open (NOTIFY wakes the relay at once). */
  get listening(): boolean {
    return this.listener !== null;
  }

  private pause(message: string): void {
    if (message !== this.lastError) this.logger.warn(`outbox relay paused, rows stay in PostgreSQL: ${message}`);
    this.lastError = message;
  }

  /**
   * Redis is (back) up: when it lost its data, recent messages are dispatched again (their
   * jobs went with it; a message whose deliveries are done costs a job that sends nothing).
   * Then the backlog is drained at once.
   */
  private async onRedisReady(): Promise<void> {
    try {
      const epochKey = `${this.config.queue.prefix}:outbox:epoch`;
      const fresh = await this.redis.set(epochKey, new Date().toISOString(), 'NX');
      if (fresh === 'OK') {
        const again = await this.outbox.undispatchRecent(this.outboxConfig.redispatchHours);
        if (again)
          this.logger.warn(
            `Redis came back without its data: ${again} outbox message(s) of the last ${this.outboxConfig.redispatchHours} h dispatched again`,
          );
      }
    } catch (error) {
      this.logger.warn(`outbox relay could not check Redis's data: ${(error as Error).message}`);
    }
    this.wake();
  }

  /** Runs a drain now, or once more after the one in progress. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then(() => undefined)
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Dispatches batches until none is full; returns how many rows went out. */
  async drain(): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const sent = await this.dispatchBatch();
        total += sent;
        if (sent < this.outboxConfig.batchSize || this.stopped) break;
      }
      if (this.lastError) this.logger.log('the outbox relay reaches Redis again');
      this.lastError = '';
    } catch (error) {
      this.pause((error as Error).message);
    }
    return total;
  }

  private dispatchBatch(): Promise<number> {
    return this.outbox.transaction(async (manager) => {
      const rows = await this.outbox.claimUndispatched(this.outboxConfig.batchSize, manager);
      if (rows.length === 0) return 0;
      const jobs = rows.map((row) => {
        const payload: OutboxJobData = { outboxId: row.id, ...(row.requestId ? { requestId: row.requestId } : {}) };
        const opts = { jobId: `outbox-${row.id}`, attempts: this.outboxConfig.deliveryAttempts };
        // forTarget admits only a job whose payload is exactly OutboxJobData, so this job takes this payload.
        return { job: this.target.job, payload, opts } as RelayedJob;
      });
      await withTimeout(this.jobs.enqueueBulk(jobs), this.outboxConfig.enqueueTimeoutMs);
      await this.outbox.markDispatched(
        rows.map((row) => row.id),
        manager,
      );
      return rows.length;
    });
  }

  /** LISTENs on its own connection; when that connection is lost (or cannot be opened) it tries again shortly. */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.config.database.url,
      application_name: 'slussen-outbox-listener',
    });
    let lost = false;
    const onLost = (reason: string) => {
      if (lost) return;
      lost = true;
      if (this.listener === client) this.listener = null;
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn(
        `outbox listener lost (${reason}); listening again, polling every ${this.outboxConfig.pollMs} ms meanwhile`,
      );
      this.relistenLater();
    };
    client.on('notification', () => this.wake());
    client.on('error', (error) => onLost(error.message));
    client.on('end', () => onLost('connection closed'));
    try {
      await client.connect();
      await listenForOutbox(client);
      if (lost) return;
      this.listener = client;
      // Rows committed while nobody listened are found by this round.
      this.wake();
    } catch (error) {
      if (!lost) {
        lost = true;
        this.logger.warn(`outbox listener not started (${(error as Error).message}); polling and trying again`);
        await client.end().catch(() => undefined);
        this.relistenLater();
      }
    }
  }

  /** Tries to listen again within a second (or the poll interval, if shorter). */
  private relistenLater(): void {
    if (this.stopped || this.relistenTimer) return;
    this.relistenTimer = setTimeout(
      () => {
        this.relistenTimer = null;
        void this.listen();
      },
      Math.min(this.outboxConfig.pollMs, 1000),
    );
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    work,
    new Promise<never>((_, fail) => {
      timer = setTimeout(() => fail(new Error(`Redis did not take the batch within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
