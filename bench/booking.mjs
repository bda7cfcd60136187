#!/usr/bin/env node
// Benchmark: booking POST throughput and p50/p95/p99 latency at 50 connections
// through the full HTTP path of the built API (JWT auth, validation, the
// booking transaction), beside pgbench's TPC-B-like ceiling on the same server.
// Results are appended to bench/RESULTS.md.
import autocannon from 'autocannon';
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { benchServices, freePort, waitForReady } from './support.mjs';

const root = resolve(import.meta.dirname, '..');
const jwt = createRequire(import.meta.url)('jsonwebtoken');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const COMPANIES = 1000;
const SLOTS = 2000;
const SECRET = 'bench-secret-bench-secret-bench-secret';
const say = (line) => process.stderr.write(`bench: ${line}\n`);

const database = `slussen_bench_booking_${process.pid}`;
const pgbenchDatabase = `slussen_pgbench_${process.pid}`;
const { services, admin, urlOf, close } = await benchServices(root, say, [database, pgbenchDatabase]);

const port = await freePort();
const api = spawn(
  process.execPath,
  [
    ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []),
    join(root, 'dist/apps/api/apps/api/src/main.js'),
  ],
  {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATABASE_URL: urlOf(database),
      REDIS_URL: services.redisUrl,
      QUEUE_PREFIX: `slussen-bench-${process.pid}`,
      JWT_SECRET: SECRET,
      SECRETS_KEY: 'bench-secrets-key-bench-secrets-key-bench',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_POOL_SIZE: String(process.env.DATABASE_POOL_SIZE ?? 20),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);

try {
  await waitForReady(`http://127.0.0.1:${port}/health/ready`);
  const db = new pg.Client({ connectionString: urlOf(database) });
  await db.connect();
  const { slots, tokens } = await generate(db);
  say(`generated ${COMPANIES} companies and ${SLOTS} slots`);

  const pgbench = runPgbench();
  say(`pgbench TPC-B-like (-c 8 -j 2 -T ${SECONDS}, scale 10): ${pgbench.toFixed(0)} tps`);

  const booking = await runBookings(slots, tokens);
  const [{ bookings, held }] = (
    await db.query(`SELECT count(*)::int AS bookings, (SELECT sum(held)::int FROM slots) AS held FROM bookings`)
  ).rows;
  await db.end();
  const ratio = (booking.rps / pgbench) * 100;
  const summary =
    `booking POST at ${CONNECTIONS} connections for ${SECONDS} s: ${booking.rps.toFixed(0)} req/s, p50 ${booking.p50} ms, p95 ${booking.p95} ms, p99 ${booking.p99} ms; ` +
    `${booking.created} created (201), ${booking.refused} refused (409), ${booking.errors} other; ${bookings} bookings in the database, ${held} places held. ` +
    `pgbench ceiling ${pgbench.toFixed(0)} tps; bookings reach ${ratio.toFixed(0)} % of it`;
  say(summary);
  appendFileSync(
    join(root, 'bench/RESULTS.md'),
    `\n## Booking path, ${new Date().toISOString().slice(0, 10)}\n\n` +
      `Command: \`npm run bench\` (bench/booking.mjs): built API in production mode (DATABASE_POOL_SIZE ${process.env.DATABASE_POOL_SIZE ?? 20}), ` +
      `PostgreSQL ${(await admin.query('SHOW server_version')).rows[0].server_version}, ${COMPANIES} companies signed in with JWTs, ${SLOTS} slots of 50 places; ` +
      `each request books a random slot for a random company (a repeated pair is 409 already-booked, which runs the same path). ` +
      `Per booking: 1 query to authenticate, 1 read of the slot and its test bed's rules, and 1 atomic statement that locks the slot, takes a place or a waiting-list place, and records the event (its triggers keep held places and the company limit).\n\n` +
      `Result: ${summary}.\n`,
  );
} finally {
  api.kill('SIGTERM');
  await new Promise((done) => api.once('exit', done));
  await close();
}

function runPgbench() {
  const url = new URL(urlOf(pgbenchDatabase));
  const env = {
    ...process.env,
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username),
    PGPASSWORD: decodeURIComponent(url.password),
    PGDATABASE: pgbenchDatabase,
  };
  execFileSync('pgbench', ['-i', '-s', '10', '-q'], { env, stdio: ['ignore', 'ignore', 'ignore'] });
  const output = execFileSync('pgbench', ['-c', '8', '-j', '2', '-T', String(SECONDS)], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return Number(/tps = ([\d.]+)/.exec(output)[1]);
}

async function runBookings(slots, tokens) {
  const latencies = [];
  let created = 0;
  let refused = 0;
  let errors = 0;
  const instance = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({
          ...request,
          path: `/api/v1/slots/${slots[Math.floor(Math.random() * slots.length)]}/bookings`,
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${tokens[Math.floor(Math.random() * tokens.length)]}`,
          },
          body: JSON.stringify({ title: 'Benchpilot' }),
        }),
      },
    ],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    if (statusCode === 201) created++;
    else if (statusCode === 409) refused++;
    else errors++;
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
  return { rps: result.requests.total / SECONDS, p50: pct(50), p95: pct(95), p99: pct(99), created, refused, errors };
}

async function generate(db) {
  await db.query(`INSERT INTO organizations (name, kind) VALUES ('Benchregionen', 'region')`);
  await db.query(
    `INSERT INTO organizations (name, kind) SELECT 'Benchbolag ' || g, 'company' FROM generate_series(1, ${COMPANIES}) g`,
  );
  await db.query(
    `INSERT INTO users (email, name) SELECT 'bench' || g || '@example.se', 'Bench ' || g FROM generate_series(1, ${COMPANIES}) g`,
  );
  await db.query(
    `INSERT INTO memberships (organization_id, user_id, role)
     SELECT o.id, u.id, 'member' FROM organizations o JOIN users u ON u.name = 'Bench ' || substring(o.name from 'Benchbolag (\\d+)') WHERE o.kind = 'company'`,
  );
  await db.query(
    `INSERT INTO testbeds (organization_id, name, slug, summary, description, environment_type, domains, municipality, capacity, requires_approval, min_lead_days, max_advance_days, max_active_bookings_per_company, decision_days, contact_email, status, published_at)
     SELECT id, 'Benchbädden', 'benchbadden', 'Benchmark', 'Benchmark', 'lab', ARRAY['health'], 'Bench', 50, true, 0, 2000, 100000, 5, 'bench@example.se', 'published', now()
       FROM organizations WHERE kind = 'region'`,
  );
  await db.query(
    `INSERT INTO slots (testbed_id, period, capacity)
     SELECT t.id, tstzrange(date_trunc('hour', now()) + (g * interval '2 hours') + interval '1 day', date_trunc('hour', now()) + (g * interval '2 hours') + interval '1 day 1 hour', '[)'), 50
       FROM testbeds t, generate_series(1, ${SLOTS}) g`,
  );
  await db.query('ANALYZE');
  const slots = (await db.query('SELECT id FROM slots')).rows.map((row) => row.id);
  const users = (await db.query(`SELECT id FROM users WHERE email LIKE 'bench%'`)).rows.map((row) => row.id);
  const tokens = users.map((id) =>
    jwt.sign({ sub: id, typ: 'access' }, SECRET, { algorithm: 'HS256', expiresIn: 900 }),
  );
  return { slots, tokens };
}
