import { expect } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ManualClock } from '@slussen/core';
import { PILOTS_QUEUE, PilotsJob } from '@slussen/pilots';
import { IdentityFactory, isolatedDatabase, type TestUser } from '@slussen/testing';
import { Queue, QueueEvents } from 'bullmq';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createWorkerApp } from './worker-app.js';
import { createApiApp } from './api-app.js';
import { createTestbed, daysFromNow } from './catalogue-fixtures.js';

/**
 * The API and a worker on a database of their own, sharing a clock the test
 * moves. `scan()` runs the pilot scan now and waits for it, instead of waiting
 * for its schedule.
 */
export async function startPilotWorld(extraEnv: Record<string, string> = {}) {
  const database = await isolatedDatabase();
  const clock = new ManualClock();
  const env: Record<string, string> = {
    DATABASE_URL: database.url,
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-pilots-${randomUUID().slice(0, 8)}`,
    OUTBOX_POLL_MS: '200',
    PILOT_SCAN_EVERY_SECONDS: '3600',
    BOOKING_EXPIRY_EVERY_SECONDS: '3600',
    SOURCE_ALLOW_PRIVATE_ADDRESSES: 'true',
    SOURCE_ALLOW_HTTP: 'true',
    WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
    WEBHOOK_ALLOW_HTTP: 'true',
    SOURCE_RETRY_DELAY_MS: '50',
    ...extraEnv,
  };
  const api: NestExpressApplication = await createApiApp({ env, clock });
  const worker: INestApplication = await createWorkerApp({ env, clock });
  const connection = { url: process.env.REDIS_URL! };
  const queue = new Queue(PILOTS_QUEUE, { connection, prefix: env.QUEUE_PREFIX });
  const events = new QueueEvents(PILOTS_QUEUE, { connection, prefix: env.QUEUE_PREFIX });
  await events.waitUntilReady();
  const http = () => request(api.getHttpServer());

  return {
    api,
    worker,
    clock,
    http,
    factory: new IdentityFactory(api),
    async scan(): Promise<Record<string, number>> {
      const job = await queue.add(PilotsJob.ScanPilots, {});
      return job.waitUntilFinished(events, 20_000);
    },
    async waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      let value = await probe();
      while (!done(value) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        value = await probe();
      }
      return value;
    },
    async close(): Promise<void> {
      await events.close();
      await queue.obliterate({ force: true });
      await queue.close();
      await worker.close();
      await api.close();
      await database.drop();
    },
  };
}

export type PilotWorld = Awaited<ReturnType<typeof startPilotWorld>>;

/** What the pilot fixtures need of a world: the API, and people made through it. */
export type ApiWorld = Pick<PilotWorld, 'api' | 'http' | 'factory'>;

/** The fixtures' view of an API app without a worker or a controlled clock. */
export function apiWorld(api: NestExpressApplication): ApiWorld {
  return { api, http: () => request(api.getHttpServer()), factory: new IdentityFactory(api) };
}

/**
 * A confirmed booking's pilot, with the people on both sides: a region's
 * manager and a company's member. The slot runs `weeks` weeks from 10 days ahead.
 */
export async function confirmedPilot(world: ApiWorld, options: { weeks?: number; title?: string } = {}) {
  const { factory, http } = world;
  const region = await factory.organization('region');
  const manager: TestUser = await factory.member(region.id, 'manager');
  const company = await factory.organization('company');
  const member: TestUser = await factory.member(company.id, 'member');
  const testbed = await createTestbed(world.api, manager.token, region.id, {
    capacity: 1,
    timezone: 'Europe/Stockholm',
    rules: {
      requiresApproval: true,
      minLeadDays: 1,
      maxAdvanceDays: 365,
      maxActiveBookingsPerCompany: 5,
      decisionDays: 5,
    },
  });
  const startsAt = daysFromNow(10, 8);
  const endsAt = new Date(
    new Date(startsAt).getTime() + (options.weeks ?? 3) * 7 * 86_400_000 + 8 * 3_600_000,
  ).toISOString();
  const slot = await http()
    .post(`/api/v1/testbeds/${testbed.id}/slots`)
    .set('Authorization', `Bearer ${manager.token}`)
    .send({ startsAt, endsAt, capacity: 1 });
  expect(slot.status).toBe(201);
  const booking = await http()
    .post(`/api/v1/slots/${slot.body.items[0].id}/bookings`)
    .set('Authorization', `Bearer ${member.token}`)
    .send({ title: options.title ?? 'Fallsensorer i hemtjänsten' });
  expect(booking.status).toBe(201);
  await http()
    .post(`/api/v1/bookings/${booking.body.id}/approve`)
    .set('Authorization', `Bearer ${manager.token}`)
    .expect(200);
  const pilots = await http()
    .get(`/api/v1/pilots?organizationId=${company.id}`)
    .set('Authorization', `Bearer ${member.token}`)
    .expect(200);
  expect(pilots.body.items).toHaveLength(1);
  return {
    pilot: pilots.body.items[0] as { id: string; startsAt: string; endsAt: string; [key: string]: unknown },
    manager,
    member,
    region,
    company,
    testbed,
    booking: booking.body as { id: string },
    startsAt,
    endsAt,
  };
}

/** A confirmed pilot with an agreed plan of one weekly metric, `falls`. */
export async function agreedPilot(world: ApiWorld, options: { weeks?: number; title?: string } = {}) {
  const made = await confirmedPilot(world, options);
  const { http } = world;
  const as = (user: TestUser) => ({ Authorization: `Bearer ${user.token}` });
  await http()
    .patch(`/api/v1/pilots/${made.pilot.id}`)
    .set(as(made.member))
    .send({ goals: ['Färre fall nattetid'] })
    .expect(200);
  await http()
    .post(`/api/v1/pilots/${made.pilot.id}/metrics`)
    .set(as(made.member))
    .send({
      key: 'falls',
      name: 'Fall per vecka',
      unit: 'fall',
      direction: 'decrease',
      baseline: 10,
      target: 5,
      minimum: 0,
      cadence: 'weekly',
    })
    .expect(201);
  await http().post(`/api/v1/pilots/${made.pilot.id}/plan/approve`).set(as(made.member)).expect(200);
  await http().post(`/api/v1/pilots/${made.pilot.id}/plan/approve`).set(as(made.manager)).expect(200);
  return made;
}
