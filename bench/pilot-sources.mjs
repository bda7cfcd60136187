#!/usr/bin/env node
// Benchmark: the worker gathering measurements from pulled sources. 1,000
// running pilots, each with a weekly metric whose request has come due and a
// source on a loopback HTTP server (the operator allowance on). One scan is
// queued; the clock stops when every source's fetch is recorded. Run at the
// default fetch concurrency and a higher one. Baseline: the same 1,000 GETs
// made directly from Node with the same concurrency, parsing the JSON.
import { Queue } from 'bullmq';
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import http from 'node:http';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { benchServices, freePort, waitForReady } from './support.mjs';

const root = resolve(import.meta.dirname, '..');
const PILOTS = Number(process.env.BENCH_PILOTS ?? 1000);
const VALUES = 7; // a week of daily values per answer
const DELAY_MS = Number(process.env.BENCH_SOURCE_DELAY_MS ?? 20); // a source's answer time
const say = (line) => process.stderr.write(`bench: ${line}\n`);

// The sources: each path answers a week of values for its pilot, after DELAY_MS.
const week = (dueAt) =>
  Array.from({ length: VALUES }, (_, day) => ({
    metricKey: 'falls',
    value: 3 + (day % 4),
    observedAt: new Date(dueAt.getTime() - (VALUES - day) * 86_400_000 + 3_600_000).toISOString(),
  }));
let dueAt;
let served = 0;
const sourceServer = http.createServer((_request, response) => {
  served++;
  setTimeout(
    () =>
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ measurements: week(dueAt) })),
    DELAY_MS,
  );
});
const sourcePort = await freePort();
await new Promise((ready) => sourceServer.listen(sourcePort, '127.0.0.1', 1024, ready));

const runs = [];
for (const concurrency of [20, 100]) runs.push(await gather(concurrency));
const baseline = await direct(20);
say(baseline.line);

const lines = runs.map(
  (run) =>
    `- ${run.line}; ${((run.perSecond / baseline.perSecond) * 100).toFixed(0)} % of the direct baseline at concurrency 20.`,
);
appendFileSync(
  join(root, 'bench/RESULTS.md'),
  `\n## Measurement sources, ${new Date().toISOString().slice(0, 10)}\n\nCommand: \`npm run bench\` (bench/pilot-sources.mjs): ${PILOTS} running pilots, each with one weekly metric whose request is due and a source on a loopback HTTP server that answers ${VALUES} values after ${DELAY_MS} ms; one built worker process in production mode (SOURCE_ALLOW_PRIVATE_ADDRESSES and SOURCE_ALLOW_HTTP on). One scan is queued; timed until every fetch is recorded.\n\n` +
    `${lines.join('\n')}\n- Baseline: ${baseline.line}.\n`,
);
sourceServer.close();

/** One worker at the given fetch concurrency, on a fresh database of its own. */
async function gather(concurrency) {
  const database = `slussen_bench_sources_${process.pid}_${concurrency}`;
  const { services, urlOf, close } = await benchServices(root, say, [database]);
  const url = urlOf(database);
  const workerPort = await freePort();
  const prefix = `slussen-bench-sources-${process.pid}-${concurrency}`;
  const worker = spawn(process.execPath, [join(root, 'dist/apps/worker/apps/worker/src/main.js')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATABASE_URL: url,
      REDIS_URL: services.redisUrl,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
      SECRETS_KEY: 'bench-secrets-key-bench-secrets-key-bench',
      PUBLIC_URL: 'http://127.0.0.1:3000',
      WORKER_HEALTH_PORT: String(workerPort),
      PILOT_SCAN_EVERY_SECONDS: '3600',
      SOURCE_ALLOW_PRIVATE_ADDRESSES: 'true',
      SOURCE_ALLOW_HTTP: 'true',
      SOURCE_FETCH_CONCURRENCY: String(concurrency),
      PILOT_BATCH_SIZE: '1000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const queue = new Queue('pilots', { connection: { url: services.redisUrl }, prefix });
  try {
    await waitForReady(`http://127.0.0.1:${workerPort}/health/ready`);
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    say('worker ready; generating');
    dueAt = await generate(db);
    say('generated; scanning');
    const before = served;
    const started = performance.now();
    await queue.add('pilots.scan', {});
    for (;;) {
      const {
        rows: [{ done }],
      } = await db.query(`SELECT count(*)::int AS done FROM source_fetches`);
      if (done >= PILOTS) break;
      if (performance.now() - started > 300_000) throw new Error(`only ${done} of ${PILOTS} fetches after 300 s`);
      await new Promise((wait) => setTimeout(wait, 25));
    }
    const seconds = (performance.now() - started) / 1000;
    const {
      rows: [counts],
    } = await db.query(
      `SELECT count(*) FILTER (WHERE outcome = 'ok')::int AS ok, sum(recorded)::int AS recorded FROM source_fetches`,
    );
    await db.end();
    const perSecond = PILOTS / seconds;
    const line = `SOURCE_FETCH_CONCURRENCY=${concurrency}: ${PILOTS} sources fetched (${counts.ok} ok, ${served - before} requests served) and ${counts.recorded} measurements recorded in ${seconds.toFixed(2)} s: ${perSecond.toFixed(0)} pilots/s, ${(counts.recorded / seconds).toFixed(0)} measurements/s`;
    say(line);
    return { line, perSecond };
  } finally {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    worker.kill('SIGTERM');
    await new Promise((done) => worker.once('exit', done));
    await close();
  }
}

/** The same GETs straight from Node: the ceiling of the source and the HTTP path. */
async function direct(concurrency) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < PILOTS) {
        next++;
        const response = await fetch(`http://127.0.0.1:${sourcePort}/p/${next}.json`);
        await response.json();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    perSecond: PILOTS / seconds,
    line: `${PILOTS} GETs made directly with fetch at concurrency 20, JSON parsed: ${seconds.toFixed(2)} s, ${(PILOTS / seconds).toFixed(0)} per second`,
  };
}

/** PILOTS running pilots of one company on one test bed, each with a due weekly request and a source. */
async function generate(db) {
  await db.query(
    `INSERT INTO organizations (name, kind) VALUES ('Källregionen', 'region'), ('Källbolaget', 'company')`,
  );
  await db.query(
    `INSERT INTO testbeds (organization_id, name, slug, summary, description, environment_type, domains, municipality, capacity, requires_approval, min_lead_days, max_advance_days, max_active_bookings_per_company, decision_days, contact_email, status, published_at)
     SELECT id, 'Källlabbet ' || n, 'kalllabbet-' || n, 'Benchmark', 'Benchmark', 'lab', ARRAY['health'], 'Bench', 1, false, 0, 2000, 1000000, 5, 'bench@example.se', 'published', now() FROM organizations, generate_series(1, ${PILOTS}) n WHERE kind = 'region'`,
  );
  // One test bed per pilot: the slots' capacity trigger sums a test bed's overlapping slots, so a thousand
  // overlapping slots in one test bed took minutes to insert.
  await db.query(
    `INSERT INTO slots (testbed_id, period, capacity) SELECT t.id, tstzrange(now() - interval '8 days', now() + interval '30 days', '[)'), 1 FROM testbeds t`,
  );
  // Confirmed bookings: the pilots trigger makes each a planned pilot.
  await db.query(
    `INSERT INTO bookings (slot_id, testbed_id, organization_id, title, status) SELECT s.id, s.testbed_id, o.id, 'Källpilot', 'confirmed' FROM slots s, organizations o WHERE o.kind = 'company'`,
  );
  await db.query(`UPDATE pilots SET stage = 'running', started_at = now() - interval '8 days', goals = '{Färre fall}'`);
  await db.query(
    `INSERT INTO pilot_metrics (pilot_id, key, name, unit, direction, baseline, target, cadence) SELECT id, 'falls', 'Fall per vecka', 'fall', 'decrease', 10, 5, 'weekly' FROM pilots`,
  );
  const {
    rows: [{ due }],
  } = await db.query(`SELECT date_trunc('second', now() - interval '1 day') AS due`);
  await db.query(
    `INSERT INTO measurement_requests (pilot_id, metric_id, window_start, due_at, window_end) SELECT pilot_id, id, $1::timestamptz - interval '7 days', $1, $1 FROM pilot_metrics`,
    [due],
  );
  await db.query(
    `INSERT INTO measurement_sources (pilot_id, url) SELECT id, 'http://127.0.0.1:${sourcePort}/p/' || row_number() OVER () || '.json' FROM pilots`,
  );
  return due;
}
