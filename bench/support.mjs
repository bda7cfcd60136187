// Small helpers the benchmarks share.
import { createServer } from 'node:net';

export function freePort() {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** Polls a health URL until it answers 200. */
export async function waitForReady(readyUrl, attempts = 160) {
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      if ((await fetch(readyUrl)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`${readyUrl} did not become ready`);
}

export async function waitUntil(condition, ms) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((done) => setTimeout(done, 50));
  }
}

/**
 * PostgreSQL and Redis as the apps find them (DATABASE_URL/REDIS_URL, else the
 * embedded default), and fresh databases on that server for one benchmark run.
 */
export async function benchServices(root, say, names) {
  const pg = (await import('pg')).default;
  const { join } = await import('node:path');
  const { ensureLocalServices } = await import(join(root, 'dist/apps/api/libs/core/src/runtime/local-services.js'));
  const services = await ensureLocalServices({
    databaseUrl: process.env.DATABASE_URL || undefined,
    redisUrl: process.env.REDIS_URL || undefined,
    dataDir: process.env.DATA_DIR || '.data',
    log: say,
  });
  const admin = new pg.Client({ connectionString: services.databaseUrl });
  await admin.connect();
  for (const name of names) await admin.query(`CREATE DATABASE ${name}`);
  const urlOf = (name) => Object.assign(new URL(services.databaseUrl), { pathname: `/${name}` }).toString();
  const close = async () => {
    for (const name of names) await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
    await dropBenchKeys(services.redisUrl);
    await services.stop();
  };
  return { services, admin, urlOf, close };
}

/**
 * Deletes this run's Redis keys: every bench names its queue prefix
 * `slussen-bench-[<step>-]<pid>`, and the queues keep finished jobs (a
 * notifications run left about a thousand keys behind).
 */
async function dropBenchKeys(redisUrl) {
  const { Redis } = await import('ioredis');
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const ours = new RegExp(`^slussen-bench-(?:[a-z]+-)?${process.pid}[-:]`);
  try {
    for await (const keys of redis.scanStream({ match: 'slussen-bench-*', count: 1000 })) {
      const mine = keys.filter((key) => ours.test(key));
      if (mine.length) await redis.del(...mine);
    }
  } finally {
    redis.disconnect();
  }
}
