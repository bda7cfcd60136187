import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IdentityFactory, isolatedDatabase } from '@slussen/testing';
import { randomUUID } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { createApiApp } from '../api-app.js';
import { bookedSlot } from '../catalogue-fixtures.js';
import { freePort, runBuilt, waitForOk, WORKER_MAIN, type RunningProcess } from '../processes.js';

describe('a worker killed in the middle of sending', () => {
  let api: NestExpressApplication;
  let smtp: SMTPServer;
  let smtpPort: number;
  const received: string[] = [];
  let recipientsSeen = 0;
  const workers: RunningProcess[] = [];
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  const env = () => ({
    DATABASE_URL: database.url,
    REDIS_URL: process.env.REDIS_URL!,
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-crash-${randomUUID().slice(0, 8)}`,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    DELIVERY_LEASE_SECONDS: '5',
    OUTBOX_POLL_MS: '200',
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
  });

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // The first recipient is held for a long while: the worker is killed before the message is sent.
      onRcptTo(_address, _session, done) {
        recipientsSeen++;
        if (recipientsSeen === 1) setTimeout(() => done(), 60_000).unref();
        else done();
      },
      // Accepted as soon as the message is in, as a real server spools it before reading it: a parse slowed by a
      // busy test process must not outlast the sender's socket timeout and turn a delivered message into a retry.
      onData(stream, _session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          done();
          void simpleParser(Buffer.concat(chunks)).then((mail) => received.push(mail.subject ?? ''));
        });
      },
    });
    await new Promise<void>((ready) => smtp.listen(0, '127.0.0.1', ready));
    smtpPort = (smtp.server.address() as { port: number }).port;
    database = await isolatedDatabase();
    api = await createApiApp({ env: { DATABASE_URL: database.url } });
  });
  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await api.close();
    await new Promise<void>((closed) => smtp.close(() => closed()));
    await database.drop();
  });

  it('is replaced, and the message still arrives exactly once', async () => {
    const settings = env();
    const start = async () => {
      const port = await freePort();
      const worker = runBuilt(WORKER_MAIN, { ...settings, WORKER_HEALTH_PORT: String(port), HOST: '127.0.0.1' });
      workers.push(worker);
      await waitForOk(`http://127.0.0.1:${port}/health/ready`, 30_000, worker);
      return worker;
    };
    const first = await start();

    // The booking goes out to the worker through a separate API; the worker sends with the run's settings.
    await bookedSlot(api, new IdentityFactory(api), 'Kraschpilot', { days: 44 });

    const waitFor = async (condition: () => boolean, ms: number) => {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline && !condition()) await new Promise((done) => setTimeout(done, 100));
    };
    await waitFor(() => recipientsSeen >= 1, 20_000);
    expect(recipientsSeen).toBeGreaterThanOrEqual(1);
    first.child.kill('SIGKILL');
    await first.exited;

    await start();
    // BullMQ notices the stalled job (within about 25 s), the lease has run out, and the e-mail goes again.
    await waitFor(() => received.some((subject) => subject.endsWith('Kraschpilot')), 90_000);
    await new Promise((done) => setTimeout(done, 1500));
    expect(received.filter((subject) => subject.endsWith('Kraschpilot'))).toEqual([
      'Bokningen är bekräftad: Kraschpilot',
    ]);
  }, 150_000);
});
