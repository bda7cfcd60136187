// Drops this run's database and Redis keys, and stops what setup started.
import { Redis } from 'ioredis';
import pg from 'pg';
import type { LocalServices } from '../libs/core/src/runtime/local-services.ts';

interface Run {
  services: LocalServices;
  adminUrl: string;
  databaseName: string;
}

export default async function globalTeardown(): Promise<void> {
  const run = (globalThis as Record<string, unknown>).__slussenRun as Run | undefined;
  if (!run) return;

  const admin = new pg.Client({ connectionString: run.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(run.databaseName)} WITH (FORCE)`);
  await admin.end();

  const prefix = process.env.QUEUE_PREFIX;
  if (prefix?.startsWith('slussen-test-')) {
    const redis = new Redis(run.services.redisUrl);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
  }
  await run.services.stop();
}
