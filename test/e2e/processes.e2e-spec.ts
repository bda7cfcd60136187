import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { isolatedDatabase } from '@slussen/testing';
import {
  API_MAIN,
  freePort,
  runBuilt,
  waitForExit,
  waitForOk,
  WORKER_MAIN,
  type RunningProcess,
} from '../processes.js';

const services = () => ({
  DATABASE_URL: process.env.DATABASE_URL!,
  REDIS_URL: process.env.REDIS_URL!,
  QUEUE_PREFIX: process.env.QUEUE_PREFIX!,
  LOG_LEVEL: 'info',
  LOG_PRETTY: 'false',
});
const production = () => ({
  ...services(),
  NODE_ENV: 'production',
  JWT_SECRET: 'a-production-secret-of-at-least-32-chars',
  SECRETS_KEY: 'a-production-secrets-key-of-32-characters-or-more',
  PUBLIC_URL: 'https://slussen.example.se',
});

describe('the built apps as processes', () => {
  const running: RunningProcess[] = [];
  // Workers drain the outbox of their database: they get one of their own.
  let workerDatabase: Awaited<ReturnType<typeof isolatedDatabase>>;
  beforeAll(async () => {
    workerDatabase = await isolatedDatabase();
  });
  afterAll(() => workerDatabase.drop());
  const run = (main: string, env: Record<string, string>) => {
    const process = runBuilt(main, env);
    running.push(process);
    return process;
  };
  afterEach(() => {
    for (const process of running.splice(0)) if (process.child.exitCode === null) process.child.kill('SIGKILL');
  });

  it('stops a production API without JWT_SECRET with one clear line and a non-zero exit', async () => {
    const { JWT_SECRET: _omitted, ...env } = production();
    const api = run(API_MAIN, env);
    const { code } = await waitForExit(api, 15_000);
    expect(code).not.toBe(0);
    const lines = api.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('JWT_SECRET');
  });

  it('runs the API: ready on its port, and gone cleanly on SIGTERM', async () => {
    const port = await freePort();
    const api = run(API_MAIN, { ...production(), PORT: String(port), HOST: '127.0.0.1' });
    const ready = await waitForOk(`http://127.0.0.1:${port}/health/ready`, 30_000, api);
    expect(ready).toMatchObject({ status: 'ok' });
    api.child.kill('SIGTERM');
    expect((await waitForExit(api, 10_000)).code).toBe(0);
  });

  it('runs the worker: ready on WORKER_HEALTH_PORT, and exits cleanly within 10 s of SIGTERM', async () => {
    const port = await freePort();
    const worker = run(WORKER_MAIN, {
      ...production(),
      DATABASE_URL: workerDatabase.url,
      WORKER_HEALTH_PORT: String(port),
      HOST: '127.0.0.1',
    });
    const ready = await waitForOk(`http://127.0.0.1:${port}/health/ready`, 30_000, worker);
    expect(ready).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });

    const sentAt = Date.now();
    worker.child.kill('SIGTERM');
    const { code } = await waitForExit(worker, 10_000);
    expect(code).toBe(0);
    expect(Date.now() - sentAt).toBeLessThan(10_000);
  });

  // Two starts of the built API on a fresh database (each may take its 30 s on a busy machine) and two stops.
  it('migrates an empty database at start and creates the first platform admin from ADMIN_EMAIL', async () => {
    const name = `slussen_fresh_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${name}`;
      const port = await freePort();
      const credentials = { ADMIN_EMAIL: 'admin@region.example.se', ADMIN_PASSWORD: 'a first admin password' };
      const env = { ...production(), DATABASE_URL: url.toString(), PORT: String(port), HOST: '127.0.0.1' };
      const start = async (extra: Record<string, string>) => {
        const api = run(API_MAIN, { ...env, ...extra });
        await waitForOk(`http://127.0.0.1:${port}/health/ready`, 30_000, api);
        return api;
      };
      const login = (email: string, password: string) =>
        fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        });

      let api = await start(credentials);
      const signedIn = await login(credentials.ADMIN_EMAIL, credentials.ADMIN_PASSWORD);
      expect(signedIn.status).toBe(200);
      const { accessToken } = (await signedIn.json()) as { accessToken: string };
      const me = (await (
        await fetch(`http://127.0.0.1:${port}/api/v1/me`, { headers: { authorization: `Bearer ${accessToken}` } })
      ).json()) as { platformAdmin: boolean };
      expect(me.platformAdmin).toBe(true);
      api.child.kill('SIGTERM');
      await waitForExit(api, 10_000);

      // Once one exists, other ADMIN_* values create nobody.
      api = await start({ ADMIN_EMAIL: 'second@region.example.se', ADMIN_PASSWORD: 'another long password' });
      expect((await login('second@region.example.se', 'another long password')).status).toBe(401);
      api.child.kill('SIGTERM');
      await waitForExit(api, 10_000);
    } finally {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 90_000);

  describe('on a Redis that may evict keys', () => {
    let redis: ChildProcess | undefined;
    afterEach(() => {
      redis?.kill('SIGKILL');
    });

    const evictingRedis = async () => {
      const port = await freePort();
      redis = spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--save',
          '',
          '--appendonly',
          'no',
          '--maxmemory-policy',
          'allkeys-lru',
          '--dir',
          mkdtempSync(join(tmpdir(), 'slussen-redis-')),
        ],
        { stdio: 'ignore' },
      );
      await new Promise((done) => setTimeout(done, 300));
      return `redis://127.0.0.1:${port}`;
    };

    it('refuses to start the worker in production, naming the policy', async () => {
      const worker = run(WORKER_MAIN, {
        ...production(),
        DATABASE_URL: workerDatabase.url,
        REDIS_URL: await evictingRedis(),
        WORKER_HEALTH_PORT: String(await freePort()),
      });
      const { code } = await waitForExit(worker, 15_000);
      expect(code).toBe(1);
      expect(worker.stderr().trim().split('\n')).toEqual([
        expect.stringMatching(/maxmemory-policy is allkeys-lru.*noeviction/),
      ]);
    });

    it('only warns in development and starts', async () => {
      const port = await freePort();
      const worker = run(WORKER_MAIN, {
        ...services(),
        DATABASE_URL: workerDatabase.url,
        NODE_ENV: 'development',
        REDIS_URL: await evictingRedis(),
        WORKER_HEALTH_PORT: String(port),
        HOST: '127.0.0.1',
      });
      await waitForOk(`http://127.0.0.1:${port}/health/ready`, 30_000, worker);
      expect(worker.output()).toMatch(/allkeys-lru/);
      worker.child.kill('SIGTERM');
      expect((await waitForExit(worker, 10_000)).code).toBe(0);
    });
  });
});
