import { afterAll, describe, expect, it } from '@jest/globals';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { queueConnectionOptions } from './redis-connection.js';
import { readMaxmemoryPolicy } from './eviction-policy.js';

const redisUrl = process.env.REDIS_URL!;
const prefix = process.env.QUEUE_PREFIX!;

describe('BullMQ on the real Redis with the run’s prefix', () => {
  const redis = new Redis(redisUrl);
  afterAll(() => redis.quit());

  it('processes a job and keeps every key under QUEUE_PREFIX', async () => {
    const name = `probe-${randomUUID()}`;
    const connection = queueConnectionOptions(redisUrl);
    const queue = new Queue(name, { connection, prefix });
    const events = new QueueEvents(name, { connection, prefix });
    const worker = new Worker(name, async (job) => ({ doubled: (job.data as { n: number }).n * 2 }), {
      connection,
      prefix,
    });
    try {
      await events.waitUntilReady();
      const job = await queue.add('double', { n: 21 }, { jobId: 'outbox-1' });
      // Same jobId again: BullMQ keeps the first (the outbox relay relies on it).
      await queue.add('double', { n: 99 }, { jobId: 'outbox-1' });
      expect(await job.waitUntilFinished(events, 10_000)).toEqual({ doubled: 42 });
      expect(await queue.getJobCounts('completed')).toEqual({ completed: 1 });

      const keys = await redis.keys(`*${name}*`);
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.every((key) => key.startsWith(`${prefix}:${name}:`))).toBe(true);
    } finally {
      await worker.close();
      await events.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  it('reads the eviction policy of the server', async () => {
    const policy = await readMaxmemoryPolicy(redis);
    expect(typeof policy).toBe('string');
    expect(policy!.length).toBeGreaterThan(0);
  });
});
