// Starts the platform as `npm start` does, from the build: the API (which serves
// apps/web/dist) and the worker, on free ports, with a database of this run's own
// (created here, migrated by the API at start, seeded with the demo data) and its
// own Redis key prefix, against the machine's PostgreSQL and Redis.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

const root = resolve(import.meta.dirname, '../../..');
export const STATE_FILE = join(root, 'apps/web/test-results/run.json');
const API_MAIN = join(root, 'dist/apps/api/apps/api/src/main.js');
const WORKER_MAIN = join(root, 'dist/apps/worker/apps/worker/src/main.js');
const SEED_MAIN = join(root, 'dist/apps/api/apps/api/src/demo/main.js');

// SLUSSEN_E2E_PORT=3360 puts the API, the worker's health check and a preview server on 3360, 3361
// and 3362 (a range of one's own on a shared machine); without it each takes a free port.
const PORT_BASE = Number(process.env.SLUSSEN_E2E_PORT) || 0;
let portsTaken = 0;

async function freePort(): Promise<number> {
  const server = createServer();
  const wanted = PORT_BASE ? PORT_BASE + portsTaken++ : 0;
  await new Promise<void>((done, fail) => {
    server.once('error', (error) => fail(new Error(`port ${wanted}: ${error.message}`)));
    server.listen(wanted, '127.0.0.1', done);
  });
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

async function waitFor(url: string, child: ChildProcess, output: () => string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited early:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${output()}`);
}

function start(main: string, env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [main], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  return { child, output: () => output };
}

export default async function globalSetup(): Promise<void> {
  for (const main of [API_MAIN, WORKER_MAIN, SEED_MAIN]) {
    if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
  }
  if (!existsSync(join(root, 'apps/web/dist/index.html')))
    throw new Error('apps/web/dist is missing: run npm run build:web first');

  // The ports first: a taken one ends the run before it has made a database to leave behind.
  const [port, workerPort] = [await freePort(), await freePort()];
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const databaseName = `slussen_web_${runId}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(databaseName)}`);
  await admin.end();
  const databaseUrl = new URL(baseUrl);
  databaseUrl.pathname = `/${databaseName}`;

  const dataDir = join(tmpdir(), `slussen-web-${runId}`);
  mkdirSync(dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://localhost:${port}`,
    WORKER_HEALTH_PORT: String(workerPort),
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `slussen-web-${runId}`,
    DATA_DIR: dataDir,
    ADMIN_EMAIL: 'admin@slussen.local',
    ADMIN_PASSWORD: 'slussen-admin-2026',
    LOG_LEVEL: 'warn',
    LOG_PRETTY: 'false',
    // The journeys sign the same demo people in many times a minute.
    THROTTLE_AUTH_ACCOUNT_LIMIT: '1000',
    THROTTLE_AUTH_LIMIT: '1000',
    // The pilot journeys wait for a slot that starts a minute or two ahead; the worker looks every few seconds.
    PILOT_SCAN_EVERY_SECONDS: '5',
  };

  const api = start(API_MAIN, env);
  const state = {
    databaseName,
    adminUrl: baseUrl,
    redisUrl: env.REDIS_URL,
    prefix: env.QUEUE_PREFIX,
    dataDir,
    pids: [api.child.pid] as number[],
    url: `http://localhost:${port}`,
  };
  mkdirSync(join(root, 'apps/web/test-results'), { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify(state));
  await waitFor(`http://127.0.0.1:${port}/health/ready`, api.child, api.output);

  const seed = spawnSync(process.execPath, [SEED_MAIN], { cwd: root, env, encoding: 'utf8' });
  if (seed.status !== 0) throw new Error(`the demo seed failed:\n${seed.stderr}`);

  const worker = start(WORKER_MAIN, env);
  state.pids.push(worker.child.pid!);
  writeFileSync(STATE_FILE, JSON.stringify(state));
  await waitFor(`http://127.0.0.1:${workerPort}/health/ready`, worker.child, worker.output);

  // The API serves the built app, as in production (its CSP and caching included); Vite's preview server stands in
  // only when it does not (no web build beside it).
  const home = await fetch(`http://127.0.0.1:${port}/search`, { headers: { Accept: 'text/html' } })
    .then((response) => response.text())
    .catch(() => '');
  if (!home.includes('id="root"')) {
    const previewPort = await freePort();
    const server = spawn(
      process.execPath,
      [
        join(root, 'node_modules/vite/bin/vite.js'),
        'preview',
        '--config',
        'apps/web/vite.config.ts',
        '--port',
        String(previewPort),
        '--strictPort',
        '--host',
        '127.0.0.1',
      ],
      {
        cwd: root,
        env: { ...env, SLUSSEN_API_URL: `http://127.0.0.1:${port}` },
        stdio: 'ignore',
      },
    );
    state.pids.push(server.pid!);
    state.url = `http://localhost:${previewPort}`;
    writeFileSync(STATE_FILE, JSON.stringify(state));
    await waitFor(`http://127.0.0.1:${previewPort}/`, server, () => 'vite preview');
  }
  process.env.SLUSSEN_WEB_URL = state.url;
  process.env.SLUSSEN_API_PORT = String(port);
}
