import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NOTIFICATIONS_QUEUE } from '@slussen/notifications';
import { IdentityFactory, isolatedDatabase } from '@slussen/testing';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { bookedSlot } from '../catalogue-fixtures.js';
import { startSmtpReceiver } from '../smtp-receiver.js';
import { createApiApp } from '../api-app.js';
import { createWorkerApp } from '../worker-app.js';

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

// A message's delivery job that fails before it could plan a delivery leaves nothing for the
// delivery sweep to find: only the job's own retries can still send it.
describe('an outbox message whose deliveries cannot be planned for a while', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  let api: NestExpressApplication;
  let worker: INestApplication;
  let queue: Queue;
  let db: DataSource;
  const env: Record<string, string> = {
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-outbox-retry-${randomUUID().slice(0, 8)}`,
    OUTBOX_POLL_MS: '200',
    // Other jobs would give up after two attempts; the message's job keeps going.
    QUEUE_JOB_ATTEMPTS: '2',
    OUTBOX_DELIVERY_ATTEMPTS: '12',
  };

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    database = await isolatedDatabase();
    Object.assign(env, { DATABASE_URL: database.url, SMTP_URL: smtp.url });
    api = await createApiApp({ env });
    db = api.get(DataSource);
    queue = new Queue(NOTIFICATIONS_QUEUE, { connection: { url: process.env.REDIS_URL! }, prefix: env.QUEUE_PREFIX });
  });
  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
    await worker?.close();
    await api.close();
    await smtp.close();
    await database.drop();
  });

  it('is sent once, by the job trying again past the queue’s usual attempts', async () => {
    // Booked while no worker runs (the relay is the worker's): its message waits in the outbox.
    const { member } = await bookedSlot(api, new IdentityFactory(api), 'Envis pilot');
    // Planning the member's delivery fails three times, as a database that went away would.
    await db.query(`CREATE SEQUENCE test_plan_failures`);
    await db.query(`
      CREATE FUNCTION test_fail_plan() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.recipient = '${member.email}' AND nextval('test_plan_failures') <= 3 THEN
          RAISE EXCEPTION 'Connection terminated unexpectedly (simulated)';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(
      `CREATE TRIGGER test_fail_plan BEFORE INSERT ON deliveries FOR EACH ROW EXECUTE FUNCTION test_fail_plan()`,
    );
    worker = await createWorkerApp({ env });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !smtp.received.some((mail) => mail.to === member.email)) await pause(100);
    await pause(1000);
    expect(smtp.received.filter((mail) => mail.to === member.email).map((mail) => mail.subject)).toEqual([
      'Bokningen är bekräftad: Envis pilot',
    ]);
    const [{ outbox_id: outboxId }] = await db.query(`SELECT outbox_id FROM deliveries WHERE recipient = $1`, [
      member.email,
    ]);
    const job = await queue.getJob(`outbox-${outboxId}`);
    // Three failed attempts (one more than QUEUE_JOB_ATTEMPTS), then the fourth sent it.
    expect(job?.attemptsMade).toBe(4);
    expect(await job?.isCompleted()).toBe(true);
  }, 60_000);
});
