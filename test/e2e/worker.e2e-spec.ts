import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SCHEDULING_QUEUE } from '@slussen/scheduling';
import { IdentityFactory, isolatedDatabase } from '@slussen/testing';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createWorkerApp } from '../worker-app.js';
import { createApiApp } from '../api-app.js';
import { createTestbed, daysFromNow } from '../catalogue-fixtures.js';

describe('worker: scheduled booking expiry', () => {
  const env: Record<string, string> = {
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-worker-${randomUUID().slice(0, 8)}`,
    BOOKING_EXPIRY_EVERY_SECONDS: '1',
  };
  let api: NestExpressApplication;
  let queue: Queue;
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;

  const startWorker = async (): Promise<INestApplication> => {
    const worker = await createWorkerApp({ env });
    return worker;
  };

  beforeAll(async () => {
    database = await isolatedDatabase();
    env.DATABASE_URL = database.url;
    api = await createApiApp({ env });
    queue = new Queue(SCHEDULING_QUEUE, { connection: { url: process.env.REDIS_URL! }, prefix: env.QUEUE_PREFIX });
  });
  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
    await api.close();
    await database.drop();
  });

  it('registers its job scheduler once, however often it restarts', async () => {
    for (let restart = 0; restart < 3; restart++) await (await startWorker()).close();
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((scheduler) => scheduler.key).sort()).toEqual([
      'scheduling.expire-overdue-bookings',
      'scheduling.purge-idempotency-keys',
      'scheduling.queue-reminders',
    ]);
    expect(schedulers.find((scheduler) => scheduler.key === 'scheduling.expire-overdue-bookings')!.every).toBe(1000);
  });

  it('expires an undecided request within seconds and gives its place to the waiting list', async () => {
    const factory = new IdentityFactory(api);
    const region = await factory.organization('region');
    const manager = await factory.member(region.id, 'manager');
    const testbed = await createTestbed(api, manager.token, region.id, {
      capacity: 1,
      rules: {
        requiresApproval: true,
        minLeadDays: 1,
        maxAdvanceDays: 365,
        maxActiveBookingsPerCompany: 5,
        decisionDays: 5,
      },
    });
    const slot = await request(api.getHttpServer())
      .post(`/api/v1/testbeds/${testbed.id}/slots`)
      .set('Authorization', `Bearer ${manager.token}`)
      .send({ startsAt: daysFromNow(50, 8), endsAt: daysFromNow(50, 16), capacity: 1 });
    const slotId = slot.body.items[0].id;
    const [first, second] = await Promise.all([factory.organization('company'), factory.organization('company')]).then(
      (companies) => Promise.all(companies.map((company) => factory.member(company.id, 'member'))),
    );
    const pending = await request(api.getHttpServer())
      .post(`/api/v1/slots/${slotId}/bookings`)
      .set('Authorization', `Bearer ${first!.token}`)
      .send({ title: 'Pilot A' });
    const waiting = await request(api.getHttpServer())
      .post(`/api/v1/slots/${slotId}/bookings`)
      .set('Authorization', `Bearer ${second!.token}`)
      .send({ title: 'Pilot B', waitlist: true });
    await api
      .get(DataSource)
      .query(`UPDATE bookings SET decision_due_at = now() - interval '1 second' WHERE id = $1`, [pending.body.id]);

    const worker = await startWorker();
    try {
      const status = async (id: string) =>
        (
          await request(api.getHttpServer())
            .get(`/api/v1/bookings/${id}`)
            .set('Authorization', `Bearer ${manager.token}`)
        ).body.status;
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline && (await status(pending.body.id)) !== 'expired')
        await new Promise((done) => setTimeout(done, 200));
      expect(await status(pending.body.id)).toBe('expired');
      expect(await status(waiting.body.id)).toBe('pending');
      const events = await request(api.getHttpServer())
        .get(`/api/v1/bookings/${pending.body.id}/events`)
        .set('Authorization', `Bearer ${manager.token}`);
      expect(events.body.items.at(-1)).toMatchObject({ type: 'expired', actor: null, reason: 'not decided in time' });
    } finally {
      await worker.close();
    }
  });
});
