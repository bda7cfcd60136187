#!/usr/bin/env node
// Benchmark: one nightly report run over a large platform. Generates 1,000
// test beds (50 owners), 250,000 slots, 1,000,000 bookings with their
// decisions and promotions, pilots with outcomes, metrics, measurement
// requests and 5,000,000 measurements, straight into a fresh database (set
// based, triggers off). Then queues the nightly job for 2026-11-27 on a built
// worker and times it, with the worker's peak memory (VmHWM). Baseline: one
// hand-written SQL aggregate over the same bookings (year to date, by status,
// for every test bed, owner and the platform).
import { Queue, QueueEvents } from 'bullmq';
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { benchServices, freePort, waitForReady } from './support.mjs';

const root = resolve(import.meta.dirname, '..');
const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 1_000_000);
const MEASUREMENTS = Number(process.env.BENCH_MEASUREMENTS ?? 5_000_000);
const NIGHT = '2026-11-27';
const say = (line) => process.stderr.write(`bench: ${line}\n`);

const database = `slussen_bench_reports_${process.pid}`;
const { services, urlOf, close } = await benchServices(root, say, [database]);
const url = urlOf(database);
const workerPort = await freePort();
const prefix = `slussen-bench-reports-${process.pid}`;
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
    REPORT_NIGHTLY_CRON: '0 2 1 1 *',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const connection = { url: services.redisUrl };
const queue = new Queue('reports', { connection, prefix });
const events = new QueueEvents('reports', { connection, prefix });

try {
  await waitForReady(`http://127.0.0.1:${workerPort}/health/ready`);
  await events.waitUntilReady();
  const db = new pg.Client({ connectionString: url });
  db.on('error', () => undefined);
  await db.connect();
  let started = performance.now();
  await generate(db);
  const counts = (
    await db.query(`SELECT (SELECT count(*) FROM testbeds) AS testbeds, (SELECT count(*) FROM slots) AS slots, (SELECT count(*) FROM bookings) AS bookings,
    (SELECT count(*) FROM pilots) AS pilots, (SELECT count(*) FROM measurement_requests) AS requests, (SELECT count(*) FROM measurements) AS measurements`)
  ).rows[0];
  say(`generated in ${((performance.now() - started) / 1000).toFixed(0)} s: ${JSON.stringify(counts)}`);

  const before = peakMemory(worker.pid);
  started = performance.now();
  const job = await queue.add('reports.build-nightly', { night: NIGHT });
  const result = await job.waitUntilFinished(events, 600_000);
  const runSeconds = (performance.now() - started) / 1000;
  const peak = peakMemory(worker.pid);
  const run = `nightly run for ${NIGHT}: ${result.snapshots} snapshots (platform, 50 owners, 1,000 test beds × day, month and year to date) in ${runSeconds.toFixed(2)} s; worker peak RSS (VmHWM) ${peak} MiB (${before} MiB before the run)`;
  say(run);

  // Baseline: one aggregate over the same bookings, the kind of statement a run is made of.
  started = performance.now();
  await db.query(`SELECT t.organization_id, b.testbed_id, b.status, count(*) FROM bookings b JOIN testbeds t ON t.id = b.testbed_id
                   WHERE b.created_at >= '2025-12-31T23:00:00Z' AND b.created_at < '2026-11-27T23:00:00Z'
                   GROUP BY GROUPING SETS ((b.status), (t.organization_id, b.status), (b.testbed_id, b.status))`);
  const baselineSeconds = (performance.now() - started) / 1000;
  const baseline = `one hand-written aggregate (year-to-date bookings by status for every test bed, owner and the platform): ${baselineSeconds.toFixed(2)} s`;
  say(baseline);
  const ratio = `the run takes ${(runSeconds / baselineSeconds).toFixed(1)} times the single aggregate; it runs 9 statements (one per family of figures, each over 3 periods, every scope, overall and by domain), 2 at a time, plus the assembly`;
  say(ratio);
  await db.end();
  appendFileSync(
    join(root, 'bench/RESULTS.md'),
    `\n## Nightly reports, ${new Date().toISOString().slice(0, 10)}\n\nCommand: \`npm run bench\` (bench/reports.mjs): generated ${Object.entries(
      counts,
    )
      .map(([key, value]) => `${Number(value).toLocaleString('en')} ${key}`)
      .join(
        ', ',
      )}; one built worker in production mode; the nightly job queued for ${NIGHT} and timed to completion. Goal: within 10 s and 256 MiB.\n\n` +
      `- ${run}.\n- Baseline: ${baseline}.\n- Ratio: ${ratio}.\n`,
  );
} catch (error) {
  say(`failed: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await events.close();
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  worker.kill('SIGTERM');
  await new Promise((done) => worker.once('exit', done));
  if (process.env.BENCH_KEEP_DATABASE) say(`kept ${url} (BENCH_KEEP_DATABASE)`);
  else await close();
}

function peakMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024);
}

/** The platform, set based and with triggers off (the counts they keep are computed after). */
async function generate(db) {
  const domains = `ARRAY['health', 'elderly-care', 'mobility', 'energy', 'education', 'smart-city']`;
  const steps = [
    `SET session_replication_role = replica`,
    `INSERT INTO organizations (name, kind) SELECT 'Ägare ' || g, CASE WHEN g <= 30 THEN 'region' ELSE 'municipality' END FROM generate_series(1, 50) g`,
    `INSERT INTO organizations (name, kind) SELECT 'Bolag ' || g, 'company' FROM generate_series(1, 200) g`,
    `INSERT INTO testbeds (organization_id, name, slug, summary, environment_type, domains, municipality, capacity, status, published_at, created_at)
     SELECT o.id, 'Testbädd ' || g, 'tb-' || g, 'Bench', (ARRAY['lab', 'simulated', 'real'])[1 + g % 3],
            CASE WHEN g % 2 = 0 THEN ARRAY[(${domains})[1 + g % 6]] ELSE ARRAY[(${domains})[1 + g % 6], (${domains})[1 + (g + 1) % 6]] END,
            'Bench', 10, 'published', '2025-01-01', '2025-01-01'
       FROM generate_series(1, 1000) g JOIN (SELECT id, row_number() OVER (ORDER BY name) AS n FROM organizations WHERE kind <> 'company') o ON o.n = 1 + g % 50`,
    `INSERT INTO slots (testbed_id, period, capacity, held, status)
     SELECT t.id, tstzrange(timestamptz '2025-09-01 08:00+00' + g * interval '3 days', timestamptz '2025-09-01 16:00+00' + g * interval '3 days', '[)'), 4, 0,
            CASE WHEN g % 50 = 0 THEN 'cancelled' ELSE 'open' END
       FROM testbeds t, generate_series(0, ${Math.ceil(BOOKINGS / 4 / 1000) - 1}) g`,
    `INSERT INTO bookings (slot_id, testbed_id, organization_id, title, status, created_at, updated_at)
     SELECT s.id, s.testbed_id, c.ids[1 + (abs(hashtext(s.id::text)) + k * 37) % 200], 'Pilot',
            (ARRAY['confirmed', 'confirmed', 'pending', 'rejected', 'waitlisted', 'cancelled', 'expired', 'confirmed'])[1 + (abs(hashtext(s.id::text)) + k) % 8],
            lower(s.period) - ((abs(hashtext(s.id::text)) + k * 11) % 60 + 1) * interval '1 day', now()
       FROM slots s, generate_series(1, 4) k, (SELECT array_agg(id ORDER BY name) AS ids FROM organizations WHERE kind = 'company') c`,
    `UPDATE slots s SET held = c.n FROM (SELECT slot_id, count(*) AS n FROM bookings WHERE status IN ('pending', 'confirmed') GROUP BY slot_id) c WHERE c.slot_id = s.id`,
    `INSERT INTO booking_events (booking_id, type, from_status, to_status, at)
     SELECT id, status, 'pending', status, created_at + (1 + abs(hashtext(id::text)) % 240) * interval '1 hour' FROM bookings WHERE status IN ('confirmed', 'rejected')`,
    `INSERT INTO booking_events (booking_id, type, from_status, to_status, at)
     SELECT id, 'promoted', 'waitlisted', 'pending', created_at + interval '2 days' FROM bookings WHERE status = 'confirmed' AND abs(hashtext(id::text)) % 20 = 0`,
    `INSERT INTO pilots (booking_id, testbed_id, organization_id, title, stage, abort_reason, goals, created_at)
     SELECT id, testbed_id, organization_id, title, stage, CASE WHEN stage = 'aborted' THEN 'bench' END, '{Bättre vård}', created_at
       FROM (SELECT b.id, b.testbed_id, b.organization_id, b.title, b.created_at,
                    CASE WHEN upper(s.period) < '2026-11-20' THEN (ARRAY['completed', 'completed', 'completed', 'evaluating', 'aborted'])[1 + abs(hashtext(b.id::text)) % 5]
                         WHEN lower(s.period) < '2026-11-27' THEN 'running' ELSE 'planned' END AS stage
               FROM bookings b JOIN slots s ON s.id = b.slot_id WHERE b.status = 'confirmed') confirmed`,
    `INSERT INTO pilot_outcomes (pilot_id, result, summary, procurement_reference, procurement_date, recorded_at)
     SELECT p.id, r.result, 'Bench', CASE WHEN r.result = 'procured' THEN 'RS-1' END, CASE WHEN r.result = 'procured' THEN date '2026-01-01' END, upper(s.period) + interval '5 days'
       FROM pilots p JOIN bookings b ON b.id = p.booking_id JOIN slots s ON s.id = b.slot_id,
            LATERAL (SELECT (ARRAY['adopted', 'procured', 'extended', 'discontinued'])[1 + abs(hashtext(p.id::text)) % 4] AS result) r
      WHERE p.stage = 'completed'`,
    `INSERT INTO pilot_metrics (pilot_id, key, name, unit, direction, baseline, target, cadence)
     SELECT p.id, k.key, k.key, 'st', k.direction, 10, k.target, 'weekly'
       FROM pilots p, (VALUES ('falls', 'decrease', 6::float8), ('visits', 'increase', 14::float8)) k(key, direction, target)
      WHERE p.stage IN ('running', 'evaluating', 'completed')`,
    `INSERT INTO measurement_requests (pilot_id, metric_id, window_start, due_at, window_end, opened_at)
     SELECT m.pilot_id, m.id, lower(s.period) + (w - 1) * interval '2 hours', lower(s.period) + w * interval '2 hours', lower(s.period) + w * interval '2 hours', lower(s.period) + w * interval '2 hours'
       FROM pilot_metrics m JOIN pilots p ON p.id = m.pilot_id JOIN bookings b ON b.id = p.booking_id JOIN slots s ON s.id = b.slot_id, generate_series(1, 4) w`,
    `INSERT INTO measurements (pilot_id, metric_id, value, observed_at, origin)
     SELECT m.pilot_id, m.id, 5 + (abs(hashtext(m.id::text)) + g) % 12, lower(s.period) + g * interval '17 minutes', 'submitted'
       FROM pilot_metrics m JOIN pilots p ON p.id = m.pilot_id JOIN bookings b ON b.id = p.booking_id JOIN slots s ON s.id = b.slot_id,
            generate_series(1, (SELECT ceil(${MEASUREMENTS}::float8 / count(*))::int FROM pilot_metrics)) g
      LIMIT ${MEASUREMENTS}`,
    // What the pilots triggers keep, computed once for the generated rows.
    `UPDATE pilot_metrics m SET latest_value = l.value, latest_observed_at = l.observed_at
       FROM (SELECT DISTINCT ON (metric_id) metric_id, value, observed_at FROM measurements ORDER BY metric_id, observed_at DESC, created_at DESC) l
      WHERE l.metric_id = m.id`,
    `UPDATE measurement_requests r SET answered_at = now()
      WHERE EXISTS (SELECT 1 FROM measurements x WHERE x.metric_id = r.metric_id AND x.observed_at >= r.window_start AND x.observed_at < r.window_end)`,
    `SET session_replication_role = origin`,
    // A settled database, as autovacuum leaves it: statistics and visibility maps.
    `VACUUM ANALYZE`,
  ];
  for (const sql of steps) {
    const started = performance.now();
    await db.query(sql);
    say(`${sql.replace(/\s+/g, ' ').slice(0, 60)}… ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
