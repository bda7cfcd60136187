#!/usr/bin/env node
// Benchmark: notifications through the outbox. (1) Commit-to-inbox latency
// (p50, p95, p99) of 200 bookings made one at a time through the API (an idle
// worker), each confirmed at once and e-mailed; (2) outbox-to-delivery throughput for 10,000 messages inserted in
// one go; (3) the baseline: raw BullMQ add-and-process of 10,000 no-op jobs on
// the same Redis. Built API and worker, a real SMTP receiver in this process.
import { Queue, Worker } from 'bullmq';
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { benchServices, freePort, waitForReady, waitUntil } from './support.mjs';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

const root = resolve(import.meta.dirname, '..');
const jwt = createRequire(import.meta.url)('jsonwebtoken');
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);
const LATENCY_SAMPLES = 200;
const SECRET = 'bench-secret-bench-secret-bench-secret';
const say = (line) => process.stderr.write(`bench: ${line}\n`);

const database = `slussen_bench_mail_${process.pid}`;
const { services, urlOf, close } = await benchServices(root, say, [database]);
const url = urlOf(database);

// Arrival time by subject suffix (the booking title); one e-mail as sent, for the direct-send ceiling.
const arrivals = new Map();
let received = 0;
let sample = null;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  size: 1_000_000,
  onData(stream, session, done) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      const raw = Buffer.concat(chunks);
      simpleParser(raw).then((mail) => {
        received++;
        const title = /(Mailbench-\d+)/.exec(mail.subject ?? '')?.[1];
        if (title) arrivals.set(title, performance.now());
        sample ??= { raw, from: session.envelope.mailFrom.address, to: session.envelope.rcptTo[0].address };
        done();
      }, done);
    });
  },
});
const smtpPort = await freePort();
await new Promise((ready) => smtp.listen(smtpPort, '127.0.0.1', ready));

const [apiPort, workerPort] = [await freePort(), await freePort()];
const prefix = `slussen-bench-mail-${process.pid}`;
const common = {
  PATH: process.env.PATH,
  NODE_ENV: 'production',
  DATABASE_URL: url,
  REDIS_URL: services.redisUrl,
  QUEUE_PREFIX: prefix,
  JWT_SECRET: SECRET,
  SECRETS_KEY: 'bench-secrets-key-bench-secrets-key-bench',
  PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}?pool=true&maxConnections=10`,
  OUTBOX_POLL_MS: '200',
};
const api = spawn(process.execPath, [join(root, 'dist/apps/api/apps/api/src/main.js')], {
  cwd: root,
  env: { ...common, PORT: String(apiPort) },
  stdio: ['ignore', 'ignore', 'inherit'],
});
await waitForReady(`http://127.0.0.1:${apiPort}/health/ready`);
const worker = spawn(process.execPath, [join(root, 'dist/apps/worker/apps/worker/src/main.js')], {
  cwd: root,
  env: { ...common, WORKER_HEALTH_PORT: String(workerPort) },
  stdio: ['ignore', 'ignore', 'inherit'],
});
await waitForReady(`http://127.0.0.1:${workerPort}/health/ready`);

try {
  const db = new pg.Client({ connectionString: url });
  db.on('error', () => undefined);
  await db.connect();
  const { slots, token } = await generate(db);

  // (1) latency with an idle worker: one booking at a time through the HTTP API, the next once the last
  // e-mail is in (bookings sent faster than the worker sends measure its queue, not the path).
  const committed = new Map();
  for (let index = 0; index < LATENCY_SAMPLES; index++) {
    const title = `Mailbench-${index}`;
    const response = await fetch(`http://127.0.0.1:${apiPort}/api/v1/slots/${slots[index]}/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ title }),
    });
    if (response.status !== 201) throw new Error(`booking answered ${response.status}: ${await response.text()}`);
    committed.set(title, performance.now());
    await waitUntil(() => arrivals.has(title), 10_000);
  }
  await waitUntil(() => [...committed.keys()].every((title) => arrivals.has(title)), 60_000);
  const latencies = [...committed].map(([title, at]) => arrivals.get(title) - at).sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(0);
  const latency = `commit to inbox over ${LATENCY_SAMPLES} bookings, one at a time: p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms, max ${latencies.at(-1).toFixed(0)} ms`;
  say(latency);

  // (2) throughput: MESSAGES outbox rows in one insert, until every e-mail has arrived.
  const bookingIds = (await db.query(`SELECT id FROM bookings ORDER BY created_at LIMIT ${LATENCY_SAMPLES}`)).rows.map(
    (row) => row.id,
  );
  const before = received;
  const started = performance.now();
  await db.query(
    `INSERT INTO outbox_messages (topic, payload) SELECT 'booking.confirmed', json_build_object('bookingId', ($1::uuid[])[1 + g % ${bookingIds.length}]) FROM generate_series(0, ${MESSAGES - 1}) g`,
    [bookingIds],
  );
  await waitUntil(() => received - before >= MESSAGES, 600_000);
  const seconds = (performance.now() - started) / 1000;
  const throughput = `${MESSAGES} outbox messages to ${received - before} e-mails received in ${seconds.toFixed(1)} s: ${(MESSAGES / seconds).toFixed(0)} messages/s`;
  say(throughput);
  await db.end();

  // (3) baseline: raw BullMQ add and process of no-op jobs on the same Redis.
  const connection = { url: services.redisUrl, maxRetriesPerRequest: null };
  const queue = new Queue('baseline', { connection, prefix: `${prefix}-raw` });
  let done = 0;
  const rawStarted = performance.now();
  const rawWorker = new Worker(
    'baseline',
    async () => {
      done++;
    },
    { connection, prefix: `${prefix}-raw`, concurrency: 50 },
  );
  for (let offset = 0; offset < MESSAGES; offset += 1000)
    await queue.addBulk(
      Array.from({ length: Math.min(1000, MESSAGES - offset) }, (_, index) => ({
        name: 'noop',
        data: { index: offset + index },
      })),
    );
  await waitUntil(() => done >= MESSAGES, 120_000);
  const rawSeconds = (performance.now() - rawStarted) / 1000;
  await rawWorker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  const baseline = `raw BullMQ add-and-process of ${MESSAGES} no-op jobs: ${(MESSAGES / rawSeconds).toFixed(0)} jobs/s`;
  say(baseline);
  // (4) the mail path's own limit: the same rendered e-mail sent MESSAGES times straight from here with
  // nodemailer, through the same pooled transport (10 connections) to the same receiver.
  const direct = nodemailer.createTransport({ url: `smtp://127.0.0.1:${smtpPort}`, pool: true, maxConnections: 10 });
  const directBefore = received;
  const directStarted = performance.now();
  await Promise.all(
    Array.from({ length: MESSAGES }, () =>
      direct.sendMail({ envelope: { from: sample.from, to: [sample.to] }, raw: sample.raw }),
    ),
  );
  await waitUntil(() => received - directBefore >= MESSAGES, 600_000);
  const directSeconds = (performance.now() - directStarted) / 1000;
  direct.close();
  const ceiling = `the same e-mail sent ${MESSAGES} times directly with nodemailer (pool of 10): ${(MESSAGES / directSeconds).toFixed(0)} e-mails/s; the outbox path reaches ${((directSeconds / seconds) * 100).toFixed(1)} % of it`;
  say(ceiling);
  const ratio = `notifications reach ${((MESSAGES / seconds / (MESSAGES / rawSeconds)) * 100).toFixed(1)} % of the raw queue`;
  say(ratio);
  appendFileSync(
    join(root, 'bench/RESULTS.md'),
    `\n## Notifications, ${new Date().toISOString().slice(0, 10)}\n\nCommand: \`npm run bench\` (bench/notifications.mjs): built API and worker in production mode, a real SMTP receiver (smtp-server) in the benchmark process, SMTP_URL with a pool of 10 connections, one worker process (WORKER_CONCURRENCY at its default of 10).\n\n` +
      `- ${latency} (a booking confirmed at once, e-mailed to the company).\n- ${throughput}; each message reads the booking, its test bed and recipients, plans and claims a delivery row, renders, sends, and marks it sent.\n- ${baseline}.\n- ${ratio}.\n- ${ceiling}.\n`,
  );
} catch (error) {
  say(`failed: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  worker.kill('SIGTERM');
  api.kill('SIGTERM');
  await Promise.all([new Promise((done) => worker.once('exit', done)), new Promise((done) => api.once('exit', done))]);
  smtp.close();
  await close();
}

async function generate(db) {
  await db.query(
    `INSERT INTO organizations (name, kind) VALUES ('Postregionen', 'region'), ('Postbolaget', 'company')`,
  );
  await db.query(`INSERT INTO users (email, name) VALUES ('post@example.se', 'Post Bench')`);
  await db.query(
    `INSERT INTO memberships (organization_id, user_id, role) SELECT o.id, u.id, 'member' FROM organizations o, users u WHERE o.kind = 'company'`,
  );
  await db.query(
    `INSERT INTO testbeds (organization_id, name, slug, summary, description, environment_type, domains, municipality, capacity, requires_approval, min_lead_days, max_advance_days, max_active_bookings_per_company, decision_days, contact_email, status, published_at)
     SELECT id, 'Postlabbet', 'postlabbet', 'Benchmark', 'Benchmark', 'lab', ARRAY['health'], 'Bench', 1, false, 0, 2000, 100000, 5, 'bench@example.se', 'published', now() FROM organizations WHERE kind = 'region'`,
  );
  await db.query(
    `INSERT INTO slots (testbed_id, period, capacity)
     SELECT t.id, tstzrange(date_trunc('hour', now()) + (g * interval '2 hours') + interval '1 day', date_trunc('hour', now()) + (g * interval '2 hours') + interval '1 day 1 hour', '[)'), 1
       FROM testbeds t, generate_series(1, ${LATENCY_SAMPLES}) g`,
  );
  const slots = (await db.query('SELECT id FROM slots ORDER BY lower(period)')).rows.map((row) => row.id);
  const user = (await db.query(`SELECT id FROM users WHERE email = 'post@example.se'`)).rows[0].id;
  // Access tokens name their session (sid), which must be live.
  const session = (
    await db.query(
      `INSERT INTO refresh_tokens (family_id, user_id, token_hash, expires_at)
       VALUES (gen_random_uuid(), $1::uuid, 'bench-' || $1::text, now() + interval '1 day') RETURNING family_id`,
      [user],
    )
  ).rows[0].family_id;
  return {
    slots,
    token: jwt.sign({ sub: user, typ: 'access', sid: session }, SECRET, { algorithm: 'HS256', expiresIn: 900 }),
  };
}
