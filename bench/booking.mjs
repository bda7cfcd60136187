#!/usr/bin/env node
// Benchmark: the booking POST through the full HTTP path of the built API
// (bearer auth, validation, the booking statement) beside pgbench's
// TPC-B-like ceiling measured on the same server in the same run.
// (1) 50 connections: throughput and p50/p95/p99 latency.
// (2) 500 connections booking at once: the status of every answer (only 201,
//     409, 429 or 503 with Retry-After may come back), the p99 of the accepted
//     ones (201 and 409) and the API's resident memory.
// The API's event loop delay is measured inside it (bench/loop-lag.mjs).
// Results, with the load average of the machine, go to bench/RESULTS.md.
// BENCH_PG_STATEMENTS=1 prints the top statements of the 50-connection run when
// the server preloads pg_stat_statements; BENCH_CPU_PROF=1 writes a CPU profile
// of the API to /tmp/prof. Each run also says where the CPU went per request:
// the API process, its PostgreSQL backends, this process (the load generator)
// and the whole machine (the rest is other work on it), from /proc; pgbench's
// run says the machine's CPU per transaction. BENCH_RECORD=0 leaves
// bench/RESULTS.md alone (for paired runs).
import autocannon from 'autocannon';
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { benchServices, freePort, waitForReady, waitUntil } from './support.mjs';

const root = resolve(import.meta.dirname, '..');
const jwt = createRequire(import.meta.url)('jsonwebtoken');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const SURGE_CONNECTIONS = Number(process.env.BENCH_SURGE_CONNECTIONS ?? 500);
const SURGE_SECONDS = Number(process.env.BENCH_SURGE_SECONDS ?? 10);
const POOL_SIZE = process.env.DATABASE_POOL_SIZE ?? '20';
const COMPANIES = 1000;
const SLOTS = 2000;
const SECRET = 'bench-secret-bench-secret-bench-secret';
const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
const say = (line) => process.stderr.write(`bench: ${line}\n`);
const load = () =>
  loadavg()
    .map((figure) => figure.toFixed(2))
    .join(', ');

/** The same POST answered by a server that does nothing else, in plain Node and in Express (the HTTP layer the API runs on). */
const BARE_SERVERS = {
  node: `import { createServer } from 'node:http';
    const server = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const answer = JSON.stringify({ id: crypto.randomUUID(), title: JSON.parse(body).title, status: 'pending', createdAt: new Date() });
        response.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
        response.end(answer);
      });
    });
    server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));`,
  express: `import express from 'express';
    const app = express();
    app.use(express.json());
    app.post('/api/v1/slots/:slotId/bookings', (request, response) =>
      response.status(201).json({ id: crypto.randomUUID(), title: request.body.title, status: 'pending', createdAt: new Date() }));
    const server = app.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));`,
};

const database = `slussen_bench_booking_${process.pid}`;
const pgbenchDatabase = `slussen_pgbench_${process.pid}`;
const { services, admin, urlOf, close } = await benchServices(root, say, [database, pgbenchDatabase]);

const port = await freePort();
const lagFile = join(tmpdir(), `slussen-bench-loop-lag-${process.pid}.json`);
const api = spawn(
  process.execPath,
  [
    '--import',
    join(root, 'bench/loop-lag.mjs'),
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
      DATABASE_POOL_SIZE: POOL_SIZE,
      LOOP_LAG_FILE: lagFile,
      ...(process.env.REQUEST_QUEUE_LIMIT ? { REQUEST_QUEUE_LIMIT: process.env.REQUEST_QUEUE_LIMIT } : {}),
      ...(process.env.REQUEST_QUEUE_TIMEOUT_MS
        ? { REQUEST_QUEUE_TIMEOUT_MS: process.env.REQUEST_QUEUE_TIMEOUT_MS }
        : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);

try {
  await waitForReady(`http://127.0.0.1:${port}/health/ready`);
  const db = new pg.Client({ connectionString: urlOf(database) });
  await db.connect();
  db.on('error', () => undefined); // the server stops at the end; an exception before that is what to report
  const { slots, tokens } = await generate(db);
  say(`generated ${COMPANIES} companies and ${SLOTS} slots`);
  const statements = await statementStatistics(db);
  if (process.env.BENCH_TRIGGER_SHARES === '1') {
    await triggerShares(db);
    await db.end();
  } else await measure(db, slots, tokens, statements);
} finally {
  api.kill('SIGTERM');
  await new Promise((done) => api.once('exit', done));
  rmSync(lagFile, { force: true });
  await close();
}

/** Every phase of the bench, printed and (unless BENCH_RECORD=0) appended to RESULTS.md. */
async function measure(db, slots, tokens, statements) {
  const loadBefore = load();
  const { tps: pgbench, cpu: pgbenchCpu } = await runPgbench();
  const pgbenchCpuLine =
    `pgbench ${pgbenchCpu.client.toFixed(2)} ms, its PostgreSQL backends ${pgbenchCpu.postgres.toFixed(2)} ms, ` +
    `whole machine ${pgbenchCpu.machine.toFixed(2)} ms`;
  say(
    `pgbench TPC-B-like (-c 8 -j 2 -T ${SECONDS}, scale 10): ${pgbench.toFixed(0)} tps; CPU per transaction: ${pgbenchCpuLine}`,
  );

  await statements.reset();
  const booking = await runBookings(slots, tokens, CONNECTIONS, SECONDS, () => backendPids(db));
  await statements.print();
  const surge = await runBookings(slots, tokens, SURGE_CONNECTIONS, SURGE_SECONDS);
  const { tps: ownSql, cpu: ownSqlCpu } = await runBookingSql(db);
  const bare = await runBareHttp('node');
  const bareExpress = await runBareHttp('express');
  const loadAfter = load();
  const [{ bookings, held }] = (
    await db.query(`SELECT count(*)::int AS bookings, (SELECT sum(held)::int FROM slots) AS held FROM bookings`)
  ).rows;
  await db.end();

  const ratio = (booking.rps / pgbench) * 100;
  const summary =
    `booking POST at ${CONNECTIONS} connections for ${SECONDS} s: ${booking.rps.toFixed(0)} req/s, p50 ${booking.p50} ms, p95 ${booking.p95} ms, p99 ${booking.p99} ms; ` +
    `answers ${statuses(booking)}; API event loop delay p99 ${booking.lag.p99} ms (max ${booking.lag.max}); ` +
    `database transactions per request ${booking.cpu.transactions}; CPU per request: API ${booking.cpu.api} ms, PostgreSQL backends ${booking.cpu.postgres} ms, load generator ${booking.cpu.generator} ms, whole machine ${booking.cpu.machine} ms (per TPC-B-like transaction: ${pgbenchCpuLine}); ` +
    `pgbench ceiling ${pgbench.toFixed(0)} tps; bookings reach ${ratio.toFixed(0)} % of it (goal 40 %, p99 ≤ 150 ms)`;
  const surgeSummary =
    `${SURGE_CONNECTIONS} connections at once for ${SURGE_SECONDS} s: ${surge.rps.toFixed(0)} answers/s; answers ${statuses(surge)}` +
    `${surge.unanswered503 ? `, ${surge.unanswered503} 503 without Retry-After` : ''}; ` +
    `accepted (201 or 409) ${surge.accepted} at ${(surge.accepted / SURGE_SECONDS).toFixed(0)} req/s = ${((surge.accepted / SURGE_SECONDS / pgbench) * 100).toFixed(0)} % of pgbench, p50 ${surge.p50} ms, p99 ${surge.p99} ms (goal ≤ 1000 ms); ` +
    `API resident memory ${surge.rssBefore} MiB before, peak ${surge.rssPeak} MiB`;
  const ownSqlSummary =
    `the booking's own SQL without the API (the slot read and the booking statement as the API sends them, prepared, plus two lookups of a fresh company and slot, under pgbench -c 8 -j 2 -T ${SECONDS}): ` +
    `${ownSql.toFixed(0)} bookings/s = ${((ownSql / pgbench) * 100).toFixed(0)} % of the TPC-B-like ceiling; CPU per booking: PostgreSQL backends ${ownSqlCpu.postgres.toFixed(2)} ms, pgbench ${ownSqlCpu.client.toFixed(2)} ms, whole machine ${ownSqlCpu.machine.toFixed(2)} ms`;
  // What a booking costs at the least on this machine: its SQL, a Node HTTP server that does nothing else, and the load generator.
  const floorMs = ownSqlCpu.postgres + bare.server + bare.generator;
  const floorSummary =
    `a bare Node HTTP server (the same POST, its JSON body read and a 201 JSON answer, nothing else) at ${CONNECTIONS} connections: ${bare.rps.toFixed(0)} req/s; CPU per request: server ${bare.server.toFixed(2)} ms, load generator ${bare.generator.toFixed(2)} ms; ` +
    `the same in bare Express: ${bareExpress.rps.toFixed(0)} req/s, server ${bareExpress.server.toFixed(2)} ms per request, so another HTTP adapter could save at most ${(bareExpress.server - bare.server).toFixed(2)} of the API's ${booking.cpu.api} ms; ` +
    `so a booking costs at least ${floorMs.toFixed(2)} ms of CPU (its SQL's PostgreSQL backends, the bare server, the generator), at most ${((2000 / floorMs / pgbench) * 100).toFixed(0)} % of the TPC-B-like ceiling on ${availableParallelism()} cores with no API code at all`;
  const stored = `${bookings} bookings in the database, ${held} places held`;
  say(summary);
  say(surgeSummary);
  say(ownSqlSummary);
  say(floorSummary);
  say(stored);
  if (process.env.BENCH_RECORD !== '0')
    appendFileSync(
      join(root, 'bench/RESULTS.md'),
      `\n## Booking path, ${new Date().toISOString().slice(0, 10)}\n\n` +
        `Command: \`npm run bench\` (bench/booking.mjs): built API in production mode (DATABASE_POOL_SIZE ${POOL_SIZE}), ` +
        `PostgreSQL ${(await admin.query('SHOW server_version')).rows[0].server_version}, ${COMPANIES} companies signed in (a session each), ${SLOTS} slots of 50 places; ` +
        `each request books a random slot for a random company (a repeated pair is 409 already-booked, which runs the same path). ` +
        `Load average ${loadBefore} before, ${loadAfter} after.\n\n` +
        `- ${summary}.\n- ${surgeSummary}.\n- ${ownSqlSummary}.\n- ${floorSummary}.\n- ${stored}.\n`,
    );
}

function statuses(run) {
  return Object.entries(run.statuses)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${count} × ${status}`)
    .join(', ');
}

/** CPU time (user + system) of a process in ms, from /proc; 0 when it is gone. */
function processCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** Busy CPU time of the whole machine in ms (every core, everything but idle and I/O wait). */
function machineCpuMs() {
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .trim()
    .split(/\s+/)
    .map(Number);
  return (user + nice + system + irq + softirq + steal) * TICK_MS;
}

/** Transactions the booking database committed or rolled back (each statement outside a transaction is one). */
async function transactionCount() {
  const { rows } = await admin.query(
    'SELECT (xact_commit + xact_rollback)::float8 AS n FROM pg_stat_database WHERE datname = $1',
    [database],
  );
  return rows[0].n;
}

/** The PostgreSQL backends serving the booking database (the API's pool). */
async function backendPids(db) {
  const { rows } = await db.query(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
  );
  return rows.map((row) => row.pid);
}

/**
 * pgbench's TPC-B-like run on its own database: its rate, and the CPU per
 * transaction of pgbench itself, of its PostgreSQL backends and of the whole
 * machine (read from /proc between the first and the last second of the run).
 */
async function runPgbench() {
  const env = pgbenchEnv(pgbenchDatabase);
  execFileSync('pgbench', ['-i', '-s', '10', '-q'], { env, stdio: ['ignore', 'ignore', 'ignore'] });
  return pgbenchRun(pgbenchDatabase, [], 1);
}

/**
 * The database's own part of a booking, without the API: pgbench runs the
 * slot read and the booking statement exactly as the API prepares them, for a
 * company and slot not yet booked together (a sequence walks a shuffled table
 * of free pairs, so no statement fails on the one-booking-per-company rule).
 */
async function runBookingSql(db) {
  const script = await bookingSqlScript(db);
  try {
    return await pgbenchRun(database, ['-n', '-M', 'prepared', '-f', script], 4);
  } finally {
    rmSync(script, { force: true });
  }
}

/** The pgbench script of the booking's own SQL, over a table of free (slot, company) pairs it makes. */
async function bookingSqlScript(db) {
  const dist = (file) => import(join(root, 'dist/apps/api/libs/scheduling/src/repositories', file));
  const { READ_SLOT } = await dist('places.repository.js');
  const { BOOK_ATOMICALLY } = await dist('bookings.repository.js');
  await db.query(`CREATE SEQUENCE bench_pair_seq`);
  await db.query(
    `CREATE TABLE bench_pairs AS
     SELECT row_number() OVER () AS k, pair.* FROM (
       SELECT s.id AS slot_id, m.organization_id, m.user_id
         FROM slots s CROSS JOIN memberships m
        WHERE NOT EXISTS (SELECT 1 FROM bookings b WHERE b.slot_id = s.id AND b.organization_id = m.organization_id)
        ORDER BY random() LIMIT 400000) pair`,
  );
  await db.query(`CREATE UNIQUE INDEX ON bench_pairs (k)`);
  await db.query('ANALYZE bench_pairs');
  // The API's parameters, in order ($1 to $12), as pgbench variables; the nulls as literals (pgbench has no null variable).
  const parameters = [
    ':slot_id',
    ':organization_id',
    ':user_id',
    ':title',
    'NULL',
    ':place_status',
    ':decision_due_at',
    ':waitlist',
    ':user_id',
    'NULL',
    ':request_id',
    'NULL',
  ];
  const bind = (text) => text.replace(/\$(\d+)/g, (_, n) => parameters[Number(n) - 1]);
  const script = join(tmpdir(), `slussen-bench-booking-${process.pid}.sql`);
  writeFileSync(
    script,
    [
      `SELECT nextval('bench_pair_seq') AS k \\gset`,
      `SELECT slot_id, organization_id, user_id, 'Benchpilot' AS title, 'pending' AS place_status, (now() + interval '5 days')::text AS decision_due_at, 'false' AS waitlist, gen_random_uuid()::text AS request_id FROM bench_pairs WHERE k = :k \\gset`,
      `${bind(READ_SLOT.text).replace(/\s+/g, ' ')};`,
      `${bind(BOOK_ATOMICALLY.text).replace(/\s+/g, ' ')};`,
      '',
    ].join('\n'),
  );
  return script;
}

/**
 * BENCH_TRIGGER_SHARES=1: what each trigger the booking statement fires costs
 * the database. The booking's own SQL under pgbench with every trigger on, and
 * with each one off in turn, over BENCH_ROUNDS rounds whose order rotates (the
 * bookings made meanwhile change each run's data a little); PostgreSQL's CPU per
 * booking, the median of the rounds per variant.
 */
async function triggerShares(db) {
  const { rows } = await db.query(
    `SELECT t.tgrelid::regclass::text AS "table", t.tgname AS name
       FROM pg_trigger t
      WHERE NOT t.tgisinternal AND t.tgrelid::regclass::text IN ('bookings', 'booking_events', 'outbox_messages', 'slots')
      ORDER BY 1, 2`,
  );
  // BENCH_ALTERNATIVE_SQL=file: the functions as migrated against the file's CREATE OR REPLACE FUNCTION definitions instead.
  const alternative = process.env.BENCH_ALTERNATIVE_SQL
    ? readFileSync(process.env.BENCH_ALTERNATIVE_SQL, 'utf8')
    : null;
  const variants = alternative ? [null, { alternative }] : [null, ...rows];
  const label = (variant) =>
    !variant ? 'as migrated' : variant.alternative ? 'alternative' : `without ${variant.table}.${variant.name}`;
  const migrated = new Map();
  for (const [, name] of (alternative ?? '').matchAll(/CREATE OR REPLACE FUNCTION (\w+)\(/g)) {
    const {
      rows: [definition],
    } = await db.query(`SELECT pg_get_functiondef(p.oid) AS sql FROM pg_proc p WHERE p.proname = $1`, [name]);
    migrated.set(name, definition.sql);
  }
  const script = await bookingSqlScript(db);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const results = new Map(variants.map((variant) => [label(variant), []]));
  try {
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < variants.length; i++) {
        const variant = variants[(i + round) % variants.length];
        if (variant?.alternative) await db.query(variant.alternative);
        else if (variant) await db.query(`ALTER TABLE ${variant.table} DISABLE TRIGGER ${variant.name}`);
        try {
          const { tps, cpu } = await pgbenchRun(database, ['-n', '-M', 'prepared', '-f', script], 4);
          results.get(label(variant)).push({ tps, postgres: cpu.postgres });
          say(
            `round ${round + 1}, ${label(variant)}: ${tps.toFixed(0)} bookings/s, PostgreSQL ${cpu.postgres.toFixed(3)} ms per booking`,
          );
        } finally {
          if (variant?.alternative) for (const sql of migrated.values()) await db.query(sql);
          else if (variant) await db.query(`ALTER TABLE ${variant.table} ENABLE TRIGGER ${variant.name}`);
        }
      }
    }
  } finally {
    rmSync(script, { force: true });
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const base = median(results.get(label(null)).map((run) => run.postgres));
  for (const [name, runs] of results) {
    const cpu = median(runs.map((run) => run.postgres));
    say(
      `${name}: median ${median(runs.map((run) => run.tps)).toFixed(0)} bookings/s, PostgreSQL ${cpu.toFixed(3)} ms per booking (${(cpu - base).toFixed(3)} ms against ${label(null)})`,
    );
  }
}

/**
 * The floor of any Node API on this machine: a server in its own process that
 * reads the same POST's JSON body and answers 201 with a small JSON, under the
 * same load generator; the CPU per request of the server and of the generator.
 */
async function runBareHttp(kind) {
  const server = spawn(process.execPath, ['--input-type=module', '-e', BARE_SERVERS[kind]], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const barePort = await new Promise((done) =>
    server.stdout.once('data', (chunk) => done(Number(String(chunk).trim()))),
  );
  try {
    const serverBefore = processCpuMs(server.pid);
    const generatorBefore = process.cpuUsage();
    const result = await autocannon({
      url: `http://127.0.0.1:${barePort}`,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          path: `/api/v1/slots/${randomUUID()}/bookings`,
          headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
          body: JSON.stringify({ title: 'Benchpilot' }),
        },
      ],
    });
    const generator = process.cpuUsage(generatorBefore);
    const requests = Math.max(1, result.requests.total);
    return {
      rps: result.requests.total / SECONDS,
      server: (processCpuMs(server.pid) - serverBefore) / requests,
      generator: (generator.user + generator.system) / 1000 / requests,
    };
  } finally {
    server.kill('SIGTERM');
  }
}

function pgbenchEnv(name) {
  const url = new URL(urlOf(name));
  return {
    ...process.env,
    // A Unix socket's directory comes as ?host= (as node-postgres reads it).
    PGHOST: url.searchParams.get('host') ?? url.hostname,
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username),
    PGPASSWORD: decodeURIComponent(url.password),
    PGDATABASE: name,
  };
}

/** A pgbench run of -c 8 -j 2 on a database; each of its transactions commits `statements` times (autocommit). */
async function pgbenchRun(name, args, statements) {
  const run = spawn('pgbench', [...args, '-c', '8', '-j', '2', '-T', String(SECONDS)], {
    env: pgbenchEnv(name),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  run.stdout.on('data', (chunk) => (output += chunk));
  run.stderr.on('data', (chunk) => (errors += chunk));
  const exited = new Promise((done) => run.once('exit', done));
  const pause = (ms) => new Promise((done) => setTimeout(done, ms));
  const sample = async () => {
    const { rows } = await admin.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'pgbench'`,
      [name],
    );
    return {
      at: performance.now(),
      client: processCpuMs(run.pid),
      backends: new Map(rows.map((row) => [row.pid, processCpuMs(row.pid)])),
      machine: machineCpuMs(),
      transactions: await admin
        .query('SELECT xact_commit::float8 / $2 AS n FROM pg_stat_database WHERE datname = $1', [name, statements])
        .then((result) => result.rows[0].n),
    };
  };
  await pause(1000);
  const first = await sample();
  await pause(Math.max(1000, (SECONDS - 2) * 1000));
  const last = await sample();
  await exited;
  if (!/tps = /.test(output) || /aborted/.test(errors)) throw new Error(`pgbench failed: ${errors}`);
  const transactions = Math.max(1, last.transactions - first.transactions);
  const per = (ms) => ms / transactions;
  let backends = 0;
  for (const [pid, cpu] of last.backends) backends += cpu - (first.backends.get(pid) ?? cpu);
  return {
    tps: Number(/tps = ([\d.]+)/.exec(output)[1]),
    cpu: {
      client: per(last.client - first.client),
      postgres: per(backends),
      machine: per(last.machine - first.machine),
    },
  };
}

/** The API's resident memory in MiB, from /proc. */
function residentMiB() {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${api.pid}/status`, 'utf8'))[1]);
    return Math.round(kb / 1024);
  } catch {
    return NaN;
  }
}

/** The API's event loop delay since the last call. */
async function loopLag() {
  rmSync(lagFile, { force: true });
  api.kill('SIGUSR2');
  let lag = null;
  await waitUntil(() => {
    try {
      lag = JSON.parse(readFileSync(lagFile, 'utf8'));
      return true;
    } catch {
      return false;
    }
  }, 5000);
  return lag;
}

async function runBookings(slots, tokens, connections, seconds, backends = async () => []) {
  const accepted = [];
  const counts = {};
  let unanswered503 = 0;
  const rssBefore = residentMiB();
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, residentMiB())), 100);
  await loopLag();
  const pidsBefore = await backends();
  const transactionsBefore = await transactionCount();
  const cpuBefore = {
    api: processCpuMs(api.pid),
    postgres: new Map(pidsBefore.map((pid) => [pid, processCpuMs(pid)])),
    generator: process.cpuUsage(),
    machine: machineCpuMs(),
  };
  const instance = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    timeout: 30,
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
        onResponse: (status, _body, _context, headers) => {
          if (status === 503 && !headers['retry-after'] && !headers['Retry-After']) unanswered503++;
        },
      },
    ],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    counts[statusCode] = (counts[statusCode] ?? 0) + 1;
    if (statusCode === 201 || statusCode === 409) accepted.push(responseTime);
  });
  instance.on('reqError', () => (counts.error = (counts.error ?? 0) + 1));
  const result = await instance;
  const pidsAfter = await backends();
  const transactions = (await transactionCount()) - transactionsBefore;
  const perRequest = (ms) => (ms / Math.max(1, result.requests.total)).toFixed(2);
  const generator = process.cpuUsage(cpuBefore.generator);
  const cpu = {
    api: perRequest(processCpuMs(api.pid) - cpuBefore.api),
    postgres: perRequest(
      pidsAfter.reduce((sum, pid) => sum + processCpuMs(pid) - (cpuBefore.postgres.get(pid) ?? 0), 0),
    ),
    generator: perRequest((generator.user + generator.system) / 1000),
    machine: perRequest(machineCpuMs() - cpuBefore.machine),
    transactions: (transactions / Math.max(1, result.requests.total)).toFixed(2),
  };
  clearInterval(sampler);
  const lag = await loopLag();
  accepted.sort((a, b) => a - b);
  const pct = (p) =>
    accepted.length ? accepted[Math.min(accepted.length - 1, Math.floor((p / 100) * accepted.length))].toFixed(1) : '–';
  return {
    rps: result.requests.total / seconds,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    accepted: accepted.length,
    statuses: counts,
    unanswered503,
    rssBefore,
    rssPeak,
    lag,
    cpu,
  };
}

/** pg_stat_statements for the booking database when the server preloads it (BENCH_PG_STATEMENTS=1). */
async function statementStatistics(db) {
  const off = { reset: async () => undefined, print: async () => undefined };
  if (!process.env.BENCH_PG_STATEMENTS) return off;
  try {
    await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await db.query('SELECT pg_stat_statements_reset()');
  } catch (error) {
    say(`pg_stat_statements not available (${error.message}): set shared_preload_libraries`);
    return off;
  }
  return {
    reset: () => db.query('SELECT pg_stat_statements_reset()'),
    print: async () => {
      const { rows } = await db.query(
        `SELECT calls, round(total_exec_time::numeric, 0) AS total_ms, round(mean_exec_time::numeric, 3) AS mean_ms,
                round((100 * total_exec_time / sum(total_exec_time) OVER ())::numeric, 1) AS pct, left(regexp_replace(query, '\\s+', ' ', 'g'), 140) AS query
           FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
          ORDER BY total_exec_time DESC LIMIT 10`,
      );
      for (const row of rows)
        say(`  ${row.pct}% ${row.total_ms} ms, ${row.calls} calls, ${row.mean_ms} ms each: ${row.query}`);
    },
  };
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
  // A signed-in session per user: access tokens name their session (sid), which must be live.
  await db.query(
    `INSERT INTO refresh_tokens (family_id, user_id, token_hash, expires_at)
     SELECT gen_random_uuid(), id, 'bench-' || id, now() + interval '1 day' FROM users WHERE email LIKE 'bench%'`,
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
  const sessions = (await db.query(`SELECT user_id, family_id FROM refresh_tokens WHERE token_hash LIKE 'bench-%'`))
    .rows;
  const tokens = sessions.map((row) =>
    jwt.sign({ sub: row.user_id, typ: 'access', sid: row.family_id }, SECRET, { algorithm: 'HS256', expiresIn: 900 }),
  );
  return { slots, tokens };
}
