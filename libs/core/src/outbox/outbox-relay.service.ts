import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { JobName, QueueName } from '../queue/jobs.js';
import { defaultJobOptions } from '../queue/queue.module.js';
import { logQueueErrors } from '../queue/redis-connection.js';

/**
 * Moves committed outbox rows into BullMQ: claims a batch with FOR UPDATE SKIP
 * LOCKED (so several workers share the work), adds one job per row with the
 * row's id as job id (BullMQ ignores a second add), and marks the rows
 * dispatched in the same transaction. If Redis does not take the batch, the
 * transaction rolls back and the rows wait for the next round. Woken by
 * LISTEN/NOTIFY, with a short poll as fallback.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private lastError = '';
  private readonly queue: Queue;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    // Its own handle that fails fast while Redis is away (no offline queue): the rows stay in
    // PostgreSQL until the next round instead of piling up commands that all replay on reconnect.
    this.queue = new Queue(QueueName.Notifications, {
      connection: { url: config.redis.url, enableOfflineQueue: false, maxRetriesPerRequest: 1 },
      prefix: config.queue.prefix,
      defaultJobOptions: defaultJobOptions(config),
    });
    logQueueErrors(this.queue, (line) => this.logger.warn(line));
  }

  async onApplicationBootstrap(): Promise<void> {
    this.timer = setInterval(() => this.wake(), this.config.outbox.pollMs);
    await this.listen();
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.listener?.end().catch(() => undefined);
    await this.running;
    await this.queue.close();
  }

  /** Runs a drain now, or once more after the one in progress. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().then(() => undefined).finally(() => {
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
        if (sent < this.config.outbox.batchSize || this.stopped) break;
      }
      if (this.lastError) this.logger.log('the outbox relay reaches Redis again');
      this.lastError = '';
    } catch (error) {
      const message = (error as Error).message;
      if (message !== this.lastError) this.logger.warn(`outbox relay paused, rows stay in PostgreSQL: ${message}`);
      this.lastError = message;
    }
    return total;
  }

  private dispatchBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: Array<{ id: string; requestId: string | null }> = await manager.query(
        `SELECT id, request_id AS "requestId" FROM outbox_messages WHERE dispatched_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.config.outbox.batchSize],
      );
      if (rows.length === 0) return 0;
      const jobs = rows.map((row) => ({
        name: JobName.DeliverOutboxMessage,
        data: { outboxId: row.id, ...(row.requestId ? { requestId: row.requestId } : {}) },
        opts: { jobId: `outbox-${row.id}` },
      }));
      await withTimeout(this.queue.addBulk(jobs), this.config.outbox.enqueueTimeoutMs);
      await manager.query('UPDATE outbox_messages SET dispatched_at = now() WHERE id = ANY($1::uuid[])', [rows.map((row) => row.id)]);
      return rows.length;
    });
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.config.database.url });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.logger.warn(`outbox listener lost (${error.message}); polling every ${this.config.outbox.pollMs} ms`);
      this.listener = null;
    });
    try {
      await client.connect();
      await client.query('LISTEN outbox_messages');
      this.listener = client;
    } catch (error) {
      this.logger.warn(`outbox listener not started (${(error as Error).message}); polling instead`);
      await client.end().catch(() => undefined);
    }
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
