// Runs once per jest run, under Node's own type stripping (no decorators, no
// path aliases): find or start PostgreSQL and Redis, create this run's database,
// migrate it, and give this run its own Redis key prefix.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ensureLocalServices } from '../libs/core/src/runtime/local-services.ts';

export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const services = await ensureLocalServices({
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: process.env.REDIS_URL,
    dataDir: process.env.DATA_DIR ?? '.data',
    log: (line) => process.stderr.write(`test setup: ${line}\n`),
  });

  const databaseName = `slussen_test_${runId}`;
  const admin = new pg.Client({ connectionString: services.databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(databaseName)}`);
  await admin.end();

  const url = new URL(services.databaseUrl);
  url.pathname = `/${databaseName}`;
  const databaseUrl = url.toString();
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'node_modules/typeorm/cli.js', 'migration:run', '-d', 'libs/platform/src/data-source.ts'],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, TSX_TSCONFIG_PATH: 'tsconfig.json' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );

  // Read by the test workers, which start after this.
  process.env.NODE_ENV = 'test';
  process.env.DATABASE_URL = databaseUrl;
  process.env.REDIS_URL = services.redisUrl;
  process.env.QUEUE_PREFIX = `slussen-test-${runId}`;
  process.env.LOG_LEVEL ??= 'silent';
  // Tests fire bursts (200 bookings at once) on a shared machine: no wait bound unless a test sets one.
  process.env.REQUEST_QUEUE_TIMEOUT_MS ??= '0';
  // The run's own secrets, so tests never read or write the development ones under DATA_DIR.
  process.env.JWT_SECRET ??= randomBytes(32).toString('hex');
  process.env.SECRETS_KEY ??= randomBytes(32).toString('hex');
  (globalThis as Record<string, unknown>).__slussenRun = { services, adminUrl: services.databaseUrl, databaseName };
}
