#!/usr/bin/env node
// Benchmark: p50/p95/p99 of GET /api/v1/testbeds?q=...&availableFrom=...&availableTo=...
// over 1,000 test beds and 50,000 slots, against the built API, plus the query
// plan of the same SQL (BENCH_CPU_PROF=1 writes a CPU profile of the API to /tmp/prof).
// Run with `npm run bench` (uses DATABASE_URL/REDIS_URL,
// else the embedded default); results are appended to bench/RESULTS.md.
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { benchServices, freePort, waitForReady } from './support.mjs';

const root = resolve(import.meta.dirname, '..');
const TESTBEDS = Number(process.env.BENCH_TESTBEDS ?? 1000);
const SLOTS_PER_TESTBED = Number(process.env.BENCH_SLOTS_PER_TESTBED ?? 50);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const say = (line) => process.stderr.write(`bench: ${line}\n`);

const { buildTestbedSearch } = await import(
  join(root, 'dist/apps/api/libs/catalogue/src/repositories/testbeds.repository.js')
);
const database = `slussen_bench_${process.pid}`;
const { services, admin: adminClient, urlOf, close } = await benchServices(root, say, [database]);
const url = new URL(urlOf(database));

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
      DATABASE_URL: url.toString(),
      REDIS_URL: services.redisUrl,
      QUEUE_PREFIX: `slussen-bench-${process.pid}`,
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
      SECRETS_KEY: 'bench-secrets-key-bench-secrets-key-bench',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_POOL_SIZE: '10',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);

try {
  await waitForReady(`http://127.0.0.1:${port}/health/ready`);
  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  const loadStarted = Date.now();
  await generate(db);
  say(
    `generated ${TESTBEDS} test beds and ${TESTBEDS * SLOTS_PER_TESTBED} slots in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s`,
  );

  const terms = [
    'äldreboende',
    'sjukhus',
    'energi',
    'skola',
    'simulering',
    'trygghet',
    'gata',
    'hemtjänst',
    'välfärdsteknik',
    'sensorer',
  ];
  const requests = Array.from({ length: REQUESTS }, (_, index) => {
    const from = new Date(Date.now() + ((index * 7) % 150) * 86_400_000);
    const to = new Date(from.getTime() + 30 * 86_400_000);
    return { q: terms[index % terms.length], availableFrom: from.toISOString(), availableTo: to.toISOString() };
  });
  // Warm up connections and caches, as a running service would be.
  await runRequests(requests.slice(0, 100));
  const started = Date.now();
  const { latencies, failures, hits } = await runRequests(requests);
  const seconds = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
  const summary = `${REQUESTS} requests, concurrency ${CONCURRENCY}: p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms, max ${latencies.at(-1).toFixed(1)} ms, ${(REQUESTS / seconds).toFixed(0)} req/s, ${failures} failed, ${(hits / REQUESTS).toFixed(1)} results per page on average`;
  say(summary);

  const { sql, params } = buildTestbedSearch({
    ...requests[0],
    availableFrom: new Date(requests[0].availableFrom),
    availableTo: new Date(requests[0].availableTo),
    ownOrganizations: [],
    limit: 50,
  });
  const plan = (await db.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params)).rows
    .map((row) => row['QUERY PLAN'])
    .join('\n');
  say(`plan:\n${plan}`);
  await db.end();

  appendFileSync(
    join(root, 'bench/RESULTS.md'),
    `\n## Catalogue search, ${new Date().toISOString().slice(0, 10)}\n\n` +
      `Command: \`npm run bench\` (bench/catalogue-search.mjs), ${TESTBEDS} test beds, ${TESTBEDS * SLOTS_PER_TESTBED} slots, built API in production mode, PostgreSQL ${(await adminClient.query('SHOW server_version')).rows[0].server_version}.\n\n` +
      `Request: \`GET /api/v1/testbeds?q=<term>&availableFrom=<t>&availableTo=<t+30d>\`, 10 Swedish terms, windows over the next 5 months.\n\n` +
      `Result: ${summary}.\n\nPlan of the same SQL (q=${requests[0].q}):\n\n\`\`\`\n${plan}\n\`\`\`\n`,
  );
} finally {
  api.kill('SIGTERM');
  await new Promise((done) => api.once('exit', done));
  await close();
}

async function runRequests(list) {
  const latencies = [];
  let failures = 0;
  let hits = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < list.length) {
        const query = new URLSearchParams(list[next++]);
        const started = performance.now();
        const response = await fetch(`http://127.0.0.1:${port}/api/v1/testbeds?${query}`);
        const body = await response.json();
        latencies.push(performance.now() - started);
        if (!response.ok) failures++;
        else hits += body.items.length;
      }
    }),
  );
  return { latencies, failures, hits };
}

/** Set-based generation: Swedish names and texts, domains, and weekly slots (30 % of them full). */
async function generate(db) {
  await db.query(`INSERT INTO organizations (name, kind) VALUES ('Benchregionen', 'region')`);
  await db.query(
    `WITH words AS (SELECT
        ARRAY['Äldreboendet','Vårdcentralen','Simuleringslabbet','Skolan','Energilabbet','Smarta gatan','Hemtjänsten','Sjukhuset','Biblioteket','Trygghetslabbet','Måltidslabbet','Bussdepån'] AS kinds,
        ARRAY['Solgården','Björkhagen','Hyllie','Lindholmen','Rosengård','Farsta','Kungsholmen','Majorna','Norrby','Ekbacken','Sjöstaden','Tallkrogen'] AS places,
        ARRAY['Här prövas välfärdsteknik tillsammans med personal och boende.','Ett labb för energi, lagring och smarta elnät.','Simulerade vårdrum för tidiga tester med vårdteam.','Klassrum där digitala läromedel prövas med lärare.','En gata med sensorer, belysning och laddplatser.','Trygghetsskapande lösningar prövas med boende i området.','Hemsjukvård där distansövervakning prövas med patienter.','Storkök där nya måltider för äldre utvecklas.'] AS texts,
        ARRAY['elderly-care','welfare-technology','health','mental-health','mobility','energy','environment','education','smart-city','public-safety','food-and-agriculture','digital-services'] AS domains)
     INSERT INTO testbeds (organization_id, name, slug, summary, description, environment_type, trl_min, trl_max, domains, municipality, timezone, capacity, contact_email, status, published_at)
     SELECT (SELECT id FROM organizations WHERE name = 'Benchregionen'),
            kinds[1 + g % 12] || ' ' || places[1 + (g / 12) % 12] || ' ' || g,
            'bench-' || g,
            texts[1 + g % 8],
            texts[1 + (g * 7) % 8] || ' ' || texts[1 + (g * 3) % 8],
            (ARRAY['lab','simulated','real'])[1 + g % 3],
            1 + g % 5, 5 + g % 5,
            ARRAY[domains[1 + g % 12], domains[1 + (g * 5) % 12]],
            places[1 + g % 12], 'Europe/Stockholm', 2, 'bench@example.se',
            CASE WHEN g % 10 = 0 THEN 'draft' ELSE 'published' END, now()
       FROM words, generate_series(1, ${TESTBEDS}) AS g`,
  );
  // The capacity triggers are skipped for the bulk load; the generated slots never overlap.
  await db.query(`SET session_replication_role = replica`);
  await db.query(
    `INSERT INTO slots (testbed_id, period, capacity, held)
     SELECT t.id,
            tstzrange(date_trunc('day', now()) + ((k * 7 + abs(hashtext(t.id::text)) % 7) * interval '1 day') + interval '8 hours',
                      date_trunc('day', now()) + ((k * 7 + abs(hashtext(t.id::text)) % 7) * interval '1 day') + interval '16 hours', '[)'),
            1,
            CASE WHEN random() < 0.3 THEN 1 ELSE 0 END
       FROM testbeds t, generate_series(0, ${SLOTS_PER_TESTBED - 1}) AS k`,
  );
  await db.query(`SET session_replication_role = DEFAULT`);
  await db.query('ANALYZE');
}
