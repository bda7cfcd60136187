// Stops what global-setup started, drops its database and removes its Redis keys.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { Redis } from 'ioredis';
import pg from 'pg';
import { STATE_FILE } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  if (!existsSync(STATE_FILE)) return;
  const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as {
    databaseName: string;
    adminUrl: string;
    redisUrl: string;
    prefix: string;
    dataDir: string;
    pids: number[];
  };
  for (const pid of state.pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  await new Promise((done) => setTimeout(done, 1500));
  for (const pid of state.pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // stopped
    }
  }
  const admin = new pg.Client({ connectionString: state.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(state.databaseName)} WITH (FORCE)`);
  await admin.end();
  if (state.prefix.startsWith('slussen-web-')) {
    const redis = new Redis(state.redisUrl);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${state.prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
  }
  rmSync(state.dataDir, { recursive: true, force: true });
  rmSync(STATE_FILE, { force: true });
}
