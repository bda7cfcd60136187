import { describe, expect, it } from '@jest/globals';
import { JobSchedulesKeeper } from '@slussen/core';
import { createTestApp } from '@slussen/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { bootstrap } from './bootstrap.js';
import { WorkerModule } from './worker.module.js';

describe('the worker bootstrap on the real PostgreSQL and Redis', () => {
  it('starts every processor and job scheduler, answers its health probes, and stops cleanly', async () => {
    const prefix = `${process.env.QUEUE_PREFIX}-boot-${randomUUID().slice(0, 8)}`;
    const worker = await createTestApp((config) => WorkerModule.forRoot(config), bootstrap, {
      env: { QUEUE_PREFIX: prefix },
    });
    let closed = false;
    try {
      await request(worker.getHttpServer()).get('/health/live').expect(200);
      await request(worker.getHttpServer()).get('/health/ready').expect(200);
      const keeper = worker.get(JobSchedulesKeeper);
      expect(keeper.declared.map((schedule) => schedule.job).sort()).toEqual([
        'ideas.remind-waiting',
        'notifications.sweep-deliveries',
        'pilots.scan',
        'reports.build-nightly',
        'reports.sweep-runs',
        'scheduling.expire-overdue-bookings',
        'scheduling.purge-idempotency-keys',
        'scheduling.queue-reminders',
      ]);
      expect(await keeper.missing()).toEqual([]);
      const started = Date.now();
      await worker.close();
      closed = true;
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      if (!closed) await worker.close();
    }
  });
});
