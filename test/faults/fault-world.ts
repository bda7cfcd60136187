import { isolatedDatabase, IdentityFactory } from '@slussen/testing';
import type { JobName, QueueName } from '@slussen/core';
import { NOTIFICATIONS_QUEUE, NotificationsJob } from '@slussen/notifications';
import { PILOTS_QUEUE, PilotsJob } from '@slussen/pilots';
import { REPORTS_QUEUE, ReportingJob } from '@slussen/reporting';
import { SCHEDULING_QUEUE, SchedulingJob } from '@slussen/scheduling';
import { Queue } from 'bullmq';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { createApiApp } from '../api-app.js';
import { createTestbed, daysFromNow } from '../catalogue-fixtures.js';
import {
  API_MAIN,
  freePort,
  runBuilt,
  waitForExit,
  waitForOk,
  WORKER_MAIN,
  type RunningProcess,
} from '../processes.js';
import { startSmtpReceiver, type ReceivedMail } from '../smtp-receiver.js';

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Waits until `condition` holds; returns the milliseconds it took, or null after `timeoutMs`. */
export async function within(
  timeoutMs: number,
  condition: () => boolean | Promise<boolean>,
  everyMs = 100,
): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await condition()) return Date.now() - started;
    await sleep(everyMs);
  }
  return null;
}

/** Every job scheduler the worker declares (its keys are the job names). */
export const SCHEDULED_JOBS: Array<[QueueName, JobName]> = [
  [SCHEDULING_QUEUE, SchedulingJob.ExpireOverdueBookings],
  [SCHEDULING_QUEUE, SchedulingJob.QueueReminders],
  [SCHEDULING_QUEUE, SchedulingJob.PurgeIdempotencyKeys],
  [PILOTS_QUEUE, PilotsJob.ScanPilots],
  [REPORTS_QUEUE, ReportingJob.BuildNightlyReports],
  [REPORTS_QUEUE, ReportingJob.SweepReportRuns],
  [NOTIFICATIONS_QUEUE, NotificationsJob.SweepDeliveries],
];

export interface Company {
  token: string;
  email: string;
}

/** One booking as a client with an Idempotency-Key does it: retried on 503 or a dropped socket until it has an answer. */
export interface BookingOutcome {
  title: string;
  statuses: number[];
  final: number;
  /** 503 answers that did not say when to retry. */
  withoutRetryAfter: number;
}

/**
 * A whole installation of its own for fault tests: a `redis-server` on a free
 * port, a database, an SMTP receiver, and the BUILT API and worker as child
 * processes (`node dist/...`), which the tests kill, cut off and restart.
 */
export class FaultWorld {
  readonly prefix = `slussen-faults-${randomUUID().slice(0, 8)}`;
  /** The fixtures (in this process) and the built apps must sign and read the same tokens. */
  private readonly secrets = {
    JWT_SECRET: randomBytes(32).toString('hex'),
    SECRETS_KEY: randomBytes(32).toString('hex'),
  };
  redisPort = 0;
  private redis: ChildProcess | null = null;
  private redisDir = '';
  database!: { url: string; drop: () => Promise<void> };
  smtp!: Awaited<ReturnType<typeof startSmtpReceiver>>;
  api: RunningProcess | null = null;
  apiPort = 0;
  worker: RunningProcess | null = null;
  workerPort = 0;
  private readonly exited: RunningProcess[] = [];
  monitor!: pg.Client;
  companies: Company[] = [];
  slotIds: string[] = [];
  private nextSlot = 0;
  private started = 0;

  constructor(private readonly settings: Record<string, string> = {}) {}

  env(): Record<string, string> {
    return {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.FAULT_LOG_LEVEL ?? 'warn',
      LOG_PRETTY: 'false',
      HOST: '127.0.0.1',
      DATABASE_URL: this.database.url,
      REDIS_URL: `redis://127.0.0.1:${this.redisPort}`,
      QUEUE_PREFIX: this.prefix,
      SMTP_URL: this.smtp.url,
      DATABASE_POOL_SIZE: '5',
      HEALTH_CHECK_TIMEOUT_MS: '1000',
      ...this.secrets,
      ...this.settings,
    };
  }

  async start(fixtures: { companies: number; slots: number }): Promise<void> {
    this.redisPort = await freePort();
    this.redisDir = mkdtempSync(join(tmpdir(), 'slussen-fault-redis-'));
    await this.startRedis();
    this.database = await isolatedDatabase();
    this.smtp = await startSmtpReceiver();
    this.monitor = new pg.Client({ connectionString: this.database.url, application_name: 'fault-monitor' });
    this.monitor.on('error', () => undefined);
    await this.monitor.connect();
    await this.fixtures(fixtures.companies, fixtures.slots);
    await Promise.all([this.startApi(), this.startWorker()]);
  }

  async stop(): Promise<void> {
    for (const running of [this.api, this.worker]) running?.child.kill('SIGKILL');
    this.stopRedis();
    await this.monitor?.end().catch(() => undefined);
    await this.smtp?.close();
    await this.database?.drop();
    if (this.redisDir) rmSync(this.redisDir, { recursive: true, force: true });
  }

  /** Fails, with the apps' logs, when the API or the worker died without being killed by the test. */
  assertAlive(): void {
    for (const running of [this.api, this.worker]) {
      if (running && running.child.exitCode !== null)
        throw new Error(`an app exited by itself (code ${running.child.exitCode}):\n${running.output().slice(-6000)}`);
      if (running && running.child.signalCode !== null)
        throw new Error(`an app died of ${running.child.signalCode}:\n${running.output().slice(-6000)}`);
    }
  }

  /** The apps' logs, for a failing assertion's message. */
  logs(): string {
    return [...this.exited, this.api, this.worker]
      .filter((running): running is RunningProcess => running !== null)
      .map((running) => running.output().slice(-4000))
      .join('\n---\n');
  }

  // ---- Redis ----

  /** Starts an empty Redis (no persistence) on the world's port. */
  async startRedis(): Promise<void> {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.redisPort),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        this.redisDir,
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: 'ignore' },
    );
    this.redis = child;
    const ok = await within(10_000, () => this.redisAnswers());
    if (ok === null) throw new Error('redis-server did not start');
  }

  /** Starts Redis again if a scenario left it down. */
  async ensureRedis(): Promise<void> {
    if (!this.redis) await this.startRedis();
  }

  /** kill -9: Redis is gone, with everything it held. */
  stopRedis(): void {
    this.redis?.kill('SIGKILL');
    this.redis = null;
  }

  private async redisAnswers(): Promise<boolean> {
    const { Socket } = await import('node:net');
    return new Promise((answer) => {
      const socket = new Socket();
      socket.setTimeout(500);
      socket.once('error', () => answer(false));
      socket.once('timeout', () => (socket.destroy(), answer(false)));
      socket.connect(this.redisPort, '127.0.0.1', () => socket.write('PING\r\n'));
      socket.once('data', (data) => {
        socket.destroy();
        answer(data.toString().startsWith('+PONG'));
      });
    });
  }

  /** The keys of the job schedulers Redis holds now. */
  async schedulersPresent(): Promise<string[]> {
    const keys: string[] = [];
    for (const name of new Set(SCHEDULED_JOBS.map(([queue]) => queue))) {
      const queue = new Queue(name, {
        connection: {
          url: `redis://127.0.0.1:${this.redisPort}`,
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          retryStrategy: () => null,
        },
        prefix: this.prefix,
      });
      queue.on('error', () => undefined);
      try {
        keys.push(...(await queue.getJobSchedulers()).map((scheduler) => scheduler.key));
      } catch {
        // Redis away: none present
      } finally {
        await queue.close().catch(() => undefined);
      }
    }
    return keys.sort();
  }

  async removeScheduler(queueName: QueueName, key: string): Promise<void> {
    const queue = new Queue(queueName, {
      connection: { url: `redis://127.0.0.1:${this.redisPort}` },
      prefix: this.prefix,
    });
    try {
      await queue.removeJobScheduler(key);
    } finally {
      await queue.close();
    }
  }

  // ---- the apps ----

  async startApi(): Promise<void> {
    this.apiPort = await freePort();
    this.api = this.keepLog('api', runBuilt(API_MAIN, { ...this.env(), PORT: String(this.apiPort) }));
    await waitForOk(`${this.apiUrl}/health/ready`, 90_000, this.api);
  }

  async startWorker(): Promise<void> {
    this.workerPort = await freePort();
    this.worker = this.keepLog(
      'worker',
      runBuilt(WORKER_MAIN, { ...this.env(), WORKER_HEALTH_PORT: String(this.workerPort) }),
    );
    await waitForOk(`http://127.0.0.1:${this.workerPort}/health/ready`, 90_000, this.worker);
  }

  /** With FAULT_LOG_DIR set, each app's output also goes to a file there (api-1.log, worker-3.log, ...). */
  private keepLog(name: string, running: RunningProcess): RunningProcess {
    const dir = process.env.FAULT_LOG_DIR;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      const file = createWriteStream(join(dir, `${name}-${++this.started}.log`));
      running.child.stdout!.pipe(file);
      running.child.stderr!.pipe(file);
    }
    return running;
  }

  /** kill -9 the worker, and start another at once. */
  async killWorker(): Promise<void> {
    const worker = this.worker!;
    worker.child.kill('SIGKILL');
    await waitForExit(worker, 10_000);
    this.exited.push(worker);
    await this.startWorker();
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.apiPort}`;
  }

  async ready(which: 'api' | 'worker'): Promise<{ status: number; body: Record<string, unknown> }> {
    const url = which === 'api' ? `${this.apiUrl}/health/ready` : `http://127.0.0.1:${this.workerPort}/health/ready`;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    } catch {
      return { status: 0, body: {} };
    }
  }

  // ---- bookings and e-mail ----

  /**
   * Books `count` places with `concurrency` requests in flight, each as a careful
   * client does: an Idempotency-Key, retried after a 503 (Retry-After) or a dropped
   * socket until it has another answer. `onProgress` sees how many are done.
   */
  async book(
    label: string,
    count: number,
    concurrency: number,
    onProgress?: (done: number) => Promise<void> | void,
  ): Promise<BookingOutcome[]> {
    const outcomes: BookingOutcome[] = [];
    let next = 0;
    const one = async (index: number): Promise<BookingOutcome> => {
      const title = `${label} ${index}`;
      const company = this.companies[index % this.companies.length]!;
      const slotId = this.slotIds[(this.nextSlot + Math.floor(index / this.companies.length)) % this.slotIds.length]!;
      const key = randomUUID();
      const statuses: number[] = [];
      let withoutRetryAfter = 0;
      for (let attempt = 0; attempt < 30; attempt++) {
        let status: number;
        let retryAfter = 1;
        try {
          const response = await fetch(`${this.apiUrl}/api/v1/slots/${slotId}/bookings`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${company.token}`,
              'idempotency-key': key,
            },
            body: JSON.stringify({ title }),
            signal: AbortSignal.timeout(30_000),
          });
          status = response.status;
          if (status === 503 && !response.headers.get('retry-after')) withoutRetryAfter++;
          retryAfter = Number(response.headers.get('retry-after') ?? '1') || 1;
          await response.arrayBuffer();
        } catch {
          status = 0; // the socket dropped: retry
        }
        statuses.push(status);
        // 409 idempotency-in-progress: the first try is still running (or died); try again.
        if (status !== 0 && status !== 503 && !(status === 409 && attempt < 29 && statuses.length > 1))
          return { title, statuses, final: status, withoutRetryAfter };
        await sleep(Math.min(retryAfter, 2) * 1000);
      }
      return { title, statuses, final: statuses.at(-1)!, withoutRetryAfter };
    };
    const lanes = Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        outcomes.push(await one(index));
        await onProgress?.(outcomes.length);
      }
    });
    await Promise.all(lanes);
    // Each label books into slots of its own, so one company never meets its own earlier booking.
    this.nextSlot += Math.ceil(count / this.companies.length);
    return outcomes;
  }

  /** Confirmation e-mails received for the titles of one label. */
  confirmationsFor(label: string): ReceivedMail[] {
    return this.smtp.received.filter((mail) => mail.subject.includes(`: ${label} `));
  }

  /** Counts e-mail against the expected titles: lost, duplicated (and whether every duplicate kept its Message-ID). */
  tally(label: string, titles: string[]) {
    const mails = this.confirmationsFor(label);
    const byTitle = new Map<string, ReceivedMail[]>();
    for (const mail of mails) {
      const title = mail.subject.replace(/^[^:]+: /, '');
      byTitle.set(title, [...(byTitle.get(title) ?? []), mail]);
    }
    const lost = titles.filter((title) => !byTitle.has(title));
    const duplicated = [...byTitle.entries()].filter(([, got]) => got.length > 1);
    const duplicatesWithOtherMessageId = duplicated.filter(
      ([, got]) => new Set(got.map((mail) => mail.messageId)).size > 1,
    );
    return {
      expected: titles.length,
      received: mails.length,
      lost: lost.length,
      duplicated: duplicated.reduce((sum, [, got]) => sum + got.length - 1, 0),
      duplicatesWithOtherMessageId: duplicatesWithOtherMessageId.length,
      lostTitles: lost.slice(0, 10),
    };
  }

  async query<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return (await this.monitor.query(sql, parameters)).rows as T[];
  }

  /** Ends every backend of this database but the monitor's: what an operator's pg_terminate_backend does. */
  async terminateBackends(applicationName?: string): Promise<number> {
    const rows = await this.query<{ ended: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND ($1::text IS NULL OR application_name = $1)`,
      [applicationName ?? null],
    );
    return rows.filter((row) => row.ended).length;
  }

  // ---- fixtures ----

  /** A region's test bed without approval, weekly slots, and companies with one member each (built in-process, then closed). */
  private async fixtures(companies: number, slots: number): Promise<void> {
    const app = await createApiApp({ env: { DATABASE_URL: this.database.url, ...this.secrets } });
    try {
      const factory = new IdentityFactory(app);
      const region = await factory.organization('region');
      const manager = await factory.member(region.id, 'manager');
      const testbed = await createTestbed(app, manager.token, region.id, {
        capacity: companies,
        rules: {
          requiresApproval: false,
          minLeadDays: 1,
          maxAdvanceDays: 1095,
          maxActiveBookingsPerCompany: 100,
          decisionDays: 5,
        },
      });
      for (let made = 0; made < slots; made += 200) {
        const count = Math.min(200, slots - made);
        const created = await request(app.getHttpServer())
          .post(`/api/v1/testbeds/${testbed.id}/slots`)
          .set('Authorization', `Bearer ${manager.token}`)
          .send({
            startsAt: daysFromNow(10 + made * 7, 8),
            endsAt: daysFromNow(10 + made * 7, 16),
            capacity: companies,
            recurrence: { frequency: 'weekly', interval: 1, count },
          });
        if (created.status !== 201) throw new Error(`slots: ${created.status} ${JSON.stringify(created.body)}`);
        this.slotIds.push(...(created.body.items as Array<{ id: string }>).map((slot) => slot.id));
      }
      for (let made = 0; made < companies; made++) {
        const company = await factory.organization('company');
        const member = await factory.member(company.id, 'member');
        this.companies.push({ token: member.token, email: member.email });
      }
    } finally {
      await app.close();
    }
  }
}
