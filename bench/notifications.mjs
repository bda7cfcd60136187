#!/usr/bin/env node
// Benchmark: notifications through the outbox. (1) Commit-to-inbox latency
// (p50, p95, p99) of 200 bookings made one at a time through the API (an idle
// worker), each confirmed at once and e-mailed; (2) outbox-to-delivery throughput for 10,000 messages inserted in
// one go; (3) the baseline: raw BullMQ add-and-process of 10,000 no-op jobs on
// the same Redis; (4) the mail path's own limit: the same e-mail sent directly with nodemailer; (5) webhook
// throughput: 10,000 messages to an organization subscribed by webhook, against (6) the same signed POSTs sent
// directly with the same guarded HTTP client and the worker's settings (kept-alive connections, WEBHOOK_CONCURRENCY
// at once). Built API and worker, a real SMTP receiver and an HTTP receiver in this process. Each throughput line
// says how many CPU seconds the worker, the database's backends and this process spent, and per message.
// BENCH_MESSAGES (10,000), BENCH_LATENCY_SAMPLES (200); BENCH_CPU_PROF=1 writes the worker's CPU profile to
// /tmp/prof-notifications (or BENCH_CPU_PROF_DIR); BENCH_RECORD=0 leaves bench/RESULTS.md alone (for paired runs); BENCH_WEBHOOKS_ONLY=1
// skips (2) to (4), the e-mail throughput, to measure webhooks sooner; BENCH_MAIL_ONLY=1 skips (3), (5) and (6), to
// measure e-mail sooner; BENCH_WORKER_FLAGS adds Node flags to the worker (such as
// --perf-basic-prof); BENCH_COUNT_QUERIES=1 counts the worker's statements during the e-mail throughput (by their
// first words) and prints them per message.
import { Queue, Worker } from 'bullmq';
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { benchServices, freePort, waitForReady, waitUntil } from './support.mjs';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

const root = resolve(import.meta.dirname, '..');
const jwt = createRequire(import.meta.url)('jsonwebtoken');
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);
const LATENCY_SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES ?? 200);
const WEBHOOK_CONCURRENCY = Number(process.env.WEBHOOK_CONCURRENCY ?? 10);
const WEBHOOK_KEEP_ALIVE_MS = Number(process.env.WEBHOOK_KEEP_ALIVE_MS ?? 4000);
const WEBHOOKS_ONLY = process.env.BENCH_WEBHOOKS_ONLY === '1';
const MAIL_ONLY = process.env.BENCH_MAIL_ONLY === '1';
const COUNT_QUERIES = process.env.BENCH_COUNT_QUERIES === '1';
const SECRET = 'bench-secret-bench-secret-bench-secret';
const say = (line) => process.stderr.write(`bench: ${line}\n`);
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
const loadAtStart = load();

const database = `slussen_bench_mail_${process.pid}`;
const { services, urlOf, close } = await benchServices(root, say, [database]);
const url = urlOf(database);

// Arrival time by subject suffix (the booking title); one e-mail as sent, for the direct-send ceiling.
const arrivals = new Map();
let received = 0;
// Message-IDs seen (a resend carries its delivery's Message-ID again), and how many e-mails had each subject.
const seen = new Set();
let resent = 0;
const subjects = new Map();
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
        if (seen.has(mail.messageId)) resent++;
        seen.add(mail.messageId);
        subjects.set(
          mail.subject?.replace(/Mailbench-\d+/, 'Mailbench-N'),
          (subjects.get(mail.subject?.replace(/Mailbench-\d+/, 'Mailbench-N')) ?? 0) + 1,
        );
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

// The webhook receiver: counts POSTs, keeps one (body and signature) for the direct-send ceiling.
let hooks = 0;
let hookSample = null;
const receiver = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    hooks++;
    hookSample ??= { body: Buffer.concat(chunks).toString(), signature: request.headers['slussen-signature'] };
    response.writeHead(204).end();
  });
});
const hookPort = await freePort();
await new Promise((ready) => receiver.listen(hookPort, '127.0.0.1', ready));

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
  // The receiver is on this machine, over plain http (as the tests allow it).
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
  WEBHOOK_ALLOW_HTTP: 'true',
  ...Object.fromEntries(
    ['WORKER_CONCURRENCY', 'WEBHOOK_CONCURRENCY', 'WEBHOOK_KEEP_ALIVE_MS', 'DATABASE_POOL_SIZE', 'DELIVERY_BATCH_SIZE']
      .filter((name) => process.env[name])
      .map((name) => [name, process.env[name]]),
  ),
};
const api = spawn(process.execPath, [join(root, 'dist/apps/api/apps/api/src/main.js')], {
  cwd: root,
  env: { ...common, PORT: String(apiPort) },
  stdio: ['ignore', 'ignore', 'inherit'],
});
await waitForReady(`http://127.0.0.1:${apiPort}/health/ready`);
// The statement counter: wraps pg's Client.prototype.query in the worker; SIGUSR2 writes the counts so far to a file.
const counted = join(tmpdir(), `slussen-bench-queries-${process.pid}`);
if (COUNT_QUERIES)
  writeFileSync(
    `${counted}.cjs`,
    `const { Client } = require(require.resolve('pg', { paths: [${JSON.stringify(root)}] }));
const counts = new Map();
const query = Client.prototype.query;
Client.prototype.query = function (config, ...rest) {
  const text = typeof config === 'string' ? config : config?.text ?? '';
  const key = text.replace(/\\s+/g, ' ').trim().slice(0, 60);
  counts.set(key, (counts.get(key) ?? 0) + 1);
  return query.call(this, config, ...rest);
};
process.on('SIGUSR2', () => {
  require('node:fs').writeFileSync(${JSON.stringify(`${counted}.json`)}, JSON.stringify([...counts]));
  counts.clear();
});
`,
  );
const queryCounts = async () => {
  worker.kill('SIGUSR2');
  await waitUntil(() => {
    try {
      return JSON.parse(readFileSync(`${counted}.json`, 'utf8'));
    } catch {
      return false;
    }
  }, 5000);
  const counts = JSON.parse(readFileSync(`${counted}.json`, 'utf8'));
  writeFileSync(`${counted}.json`, '');
  return counts;
};
const worker = spawn(
  process.execPath,
  [
    ...(process.env.BENCH_CPU_PROF
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR ?? '/tmp/prof-notifications'}`]
      : []),
    ...(COUNT_QUERIES ? ['--require', `${counted}.cjs`] : []),
    ...(process.env.BENCH_WORKER_FLAGS?.split(' ').filter(Boolean) ?? []),
    join(root, 'dist/apps/worker/apps/worker/src/main.js'),
  ],
  {
    cwd: root,
    env: { ...common, WORKER_HEALTH_PORT: String(workerPort) },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
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
  const insertMessages = () =>
    db.query(
      `INSERT INTO outbox_messages (topic, payload) SELECT 'booking.confirmed', json_build_object('bookingId', ($1::uuid[])[1 + g % ${bookingIds.length}]) FROM generate_series(0, ${MESSAGES - 1}) g`,
      [bookingIds],
    );
  let cpu;
  let throughput = 'e-mail throughput not measured (BENCH_WEBHOOKS_ONLY=1)';
  let baseline = 'raw BullMQ queue not measured';
  let ceiling = 'direct e-mail not measured';
  let ratio = 'notifications against the raw queue not measured';
  if (!WEBHOOKS_ONLY) {
    const before = received;
    // With pg_stat_statements loaded (in the server's shared_preload_libraries), the database's time per statement too.
    const statements = COUNT_QUERIES
      ? await db
          .query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements')
          .then(() => db.query('SELECT pg_stat_statements_reset()'))
          .then(
            () => true,
            () => false,
          )
      : false;
    if (COUNT_QUERIES) await queryCounts();
    cpu = await cpuMeter(db);
    const started = performance.now();
    await insertMessages();
    await waitUntil(() => received - before >= MESSAGES, 600_000);
    const seconds = (performance.now() - started) / 1000;
    const mailCpu = await cpu(MESSAGES);
    if (COUNT_QUERIES) {
      const counts = (await queryCounts()).sort((a, b) => b[1] - a[1]);
      const total = counts.reduce((sum, [, count]) => sum + count, 0);
      say(`worker statements per message: ${(total / MESSAGES).toFixed(2)}`);
      for (const [text, count] of counts) say(`  ${(count / MESSAGES).toFixed(3)}  ${text}`);
      if (statements) {
        const { rows } = await db.query(
          `SELECT calls, total_plan_time + total_exec_time AS ms, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 70) AS query
             FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
            ORDER BY 2 DESC LIMIT 15`,
        );
        say('database ms per message (planning and execution), calls and rows per message:');
        for (const row of rows)
          say(
            `  ${(row.ms / MESSAGES).toFixed(3)} ms  ${(row.calls / MESSAGES).toFixed(3)} calls  ${(row.rows / MESSAGES).toFixed(2)} rows  ${row.query}`,
          );
      }
    }
    if (process.env.BENCH_SUBJECTS) say(`subjects: ${JSON.stringify([...subjects])}`);
    throughput = `${MESSAGES} outbox messages to ${received - before} e-mails (${resent} with a Message-ID seen before) received in ${seconds.toFixed(1)} s: ${(MESSAGES / seconds).toFixed(0)} messages/s (CPU s: ${mailCpu})`;
    say(throughput);

    // (3) baseline: raw BullMQ add and process of no-op jobs on the same Redis.
    let rawSeconds = null;
    if (!MAIL_ONLY) {
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
      rawSeconds = (performance.now() - rawStarted) / 1000;
      await rawWorker.close();
      await queue.obliterate({ force: true });
      await queue.close();
      baseline = `raw BullMQ add-and-process of ${MESSAGES} no-op jobs: ${(MESSAGES / rawSeconds).toFixed(0)} jobs/s`;
      say(baseline);
    }
    // (4) the mail path's own limit: the same rendered e-mail sent MESSAGES times straight from here with
    // nodemailer, through the same pooled transport (10 connections) to the same receiver.
    const direct = nodemailer.createTransport({ url: `smtp://127.0.0.1:${smtpPort}`, pool: true, maxConnections: 10 });
    const directBefore = received;
    const directCpu = process.cpuUsage();
    const directStarted = performance.now();
    await Promise.all(
      Array.from({ length: MESSAGES }, () =>
        direct.sendMail({ envelope: { from: sample.from, to: [sample.to] }, raw: sample.raw }),
      ),
    );
    await waitUntil(() => received - directBefore >= MESSAGES, 600_000);
    const directSeconds = (performance.now() - directStarted) / 1000;
    const directUsage = process.cpuUsage(directCpu);
    direct.close();
    ceiling = `the same e-mail sent ${MESSAGES} times directly with nodemailer (pool of 10): ${(MESSAGES / directSeconds).toFixed(0)} e-mails/s, ${((directUsage.user + directUsage.system) / 1000 / MESSAGES).toFixed(2)} ms CPU per e-mail (sender and receiver, one process); the outbox path reaches ${((directSeconds / seconds) * 100).toFixed(1)} % of it`;
    say(ceiling);
    if (rawSeconds !== null) {
      ratio = `notifications reach ${((MESSAGES / seconds / (MESSAGES / rawSeconds)) * 100).toFixed(1)} % of the raw queue`;
      say(ratio);
    }
  }

  let webhooks = 'webhooks not measured (BENCH_MAIL_ONLY=1)';
  let hookCeiling = 'direct POSTs not measured';
  if (!MAIL_ONLY) {
    // (5) webhooks: the company subscribes (its member is its admin), then leaves it, so the messages go to the
    // webhook alone; MESSAGES outbox rows in one insert, until the receiver has had every POST.
    const company = (await db.query(`SELECT id FROM organizations WHERE kind = 'company'`)).rows[0].id;
    const subscribed = await fetch(`http://127.0.0.1:${apiPort}/api/v1/organizations/${company}/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ url: `http://127.0.0.1:${hookPort}/hook`, events: ['booking.confirmed'] }),
    });
    if (subscribed.status !== 201)
      throw new Error(`subscribing answered ${subscribed.status}: ${await subscribed.text()}`);
    const { secret } = await subscribed.json();
    await db.query(`DELETE FROM memberships WHERE organization_id = $1`, [company]);
    const mailsBefore = received;
    cpu = await cpuMeter(db);
    const hooksStarted = performance.now();
    await insertMessages();
    await waitUntil(() => hooks >= MESSAGES, 600_000);
    const hookSeconds = (performance.now() - hooksStarted) / 1000;
    const hookCpu = await cpu(hooks);
    if (received !== mailsBefore) throw new Error(`${received - mailsBefore} e-mails went out in the webhook run`);
    webhooks = `${MESSAGES} outbox messages to ${hooks} webhook deliveries received in ${hookSeconds.toFixed(1)} s: ${(hooks / hookSeconds).toFixed(0)} deliveries/s (CPU s: ${hookCpu})`;
    say(webhooks);

    // (6) the webhook path's own limit: the same signed POST (signed anew each time, as the worker does) sent
    // MESSAGES times straight from here with the worker's guarded HTTP client, WEBHOOK_CONCURRENCY at once, over
    // connections kept alive as the worker keeps them (WEBHOOK_KEEP_ALIVE_MS, WEBHOOK_CONCURRENCY per address).
    const { guardedRequest, OutboundConnections } = await import(
      join(root, 'dist/apps/worker/libs/core/src/net/guarded-http.js')
    );
    const limits = { timeoutMs: 5000, maxBytes: 65536, allowPrivateAddresses: true, allowHttp: true };
    // (A build from before kept-alive connections has no OutboundConnections: a connection per POST, as its worker.)
    const connections =
      OutboundConnections && WEBHOOK_KEEP_ALIVE_MS > 0
        ? new OutboundConnections({
            idleMs: WEBHOOK_KEEP_ALIVE_MS,
            socketsPerAddress: WEBHOOK_CONCURRENCY,
            addresses: 100,
          })
        : undefined;
    const directCpu = process.cpuUsage();
    const hooksBefore = hooks;
    const directHooksStarted = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: WEBHOOK_CONCURRENCY }, async () => {
        while (next++ < MESSAGES) {
          const at = Math.floor(Date.now() / 1000);
          const signature = `t=${at},v1=${createHmac('sha256', secret).update(`${at}.${hookSample.body}`).digest('hex')}`;
          const { status } = await guardedRequest(
            `http://127.0.0.1:${hookPort}/hook`,
            {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                'user-agent': 'Slussen-Webhooks/1',
                'Slussen-Signature': signature,
                'Slussen-Delivery': `direct-${next}`,
              },
              body: hookSample.body,
            },
            limits,
            connections,
          );
          if (status !== 204) throw new Error(`the receiver answered ${status}`);
        }
      }),
    );
    const directHookSeconds = (performance.now() - directHooksStarted) / 1000;
    connections?.close();
    const directUsage = process.cpuUsage(directCpu);
    const directMs = (directUsage.user + directUsage.system) / 1000 / (hooks - hooksBefore);
    hookCeiling = `the same signed POST sent ${hooks - hooksBefore} times directly with the guarded HTTP client (${WEBHOOK_CONCURRENCY} at once, ${connections ? `kept-alive connections, ${WEBHOOK_KEEP_ALIVE_MS} ms idle` : 'a connection per POST'}): ${((hooks - hooksBefore) / directHookSeconds).toFixed(0)} POSTs/s, ${directMs.toFixed(2)} ms CPU per POST (sender and receiver, one process); the outbox path reaches ${((directHookSeconds / hookSeconds) * 100).toFixed(1)} % of it`;
    say(hookCeiling);
  }
  await db.end().catch(() => undefined);
  const loadAtEnd = load();
  say(`load average ${loadAtStart} at the start, ${loadAtEnd} at the end`);
  if (process.env.BENCH_RECORD !== '0')
    appendFileSync(
      join(root, 'bench/RESULTS.md'),
      `\n## Notifications, ${new Date().toISOString().slice(0, 10)}\n\nCommand: \`npm run bench\` (bench/notifications.mjs): built API and worker in production mode, a real SMTP receiver (smtp-server) and an HTTP receiver in the benchmark process, SMTP_URL with a pool of 10 connections, one worker process; load average ${loadAtStart} at the start, ${loadAtEnd} at the end.\n\n` +
        `- ${latency} (a booking confirmed at once, e-mailed to the company).\n- ${throughput}.\n- ${baseline}.\n- ${ratio}.\n- ${ceiling}.\n- ${webhooks}.\n- ${hookCeiling}.\n`,
    );
} catch (error) {
  say(`failed: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  worker.kill('SIGTERM');
  api.kill('SIGTERM');
  await Promise.all([new Promise((done) => worker.once('exit', done)), new Promise((done) => api.once('exit', done))]);
  smtp.close();
  receiver.close();
  await close();
}

async function generate(db) {
  await db.query(
    `INSERT INTO organizations (name, kind) VALUES ('Postregionen', 'region'), ('Postbolaget', 'company')`,
  );
  await db.query(`INSERT INTO users (email, name) VALUES ('post@example.se', 'Post Bench')`);
  await db.query(
    `INSERT INTO memberships (organization_id, user_id, role) SELECT o.id, u.id, 'admin' FROM organizations o, users u WHERE o.kind = 'company'`,
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

/** CPU seconds (user and system) of a process, from /proc. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Starts counting the CPU the worker, the bench database's backends and this process spend; the returned function tells, in all and per message. */
async function cpuMeter(db) {
  const backends = async () =>
    (await db.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database()')).rows.map((row) => row.pid);
  const first = new Map((await backends()).map((pid) => [pid, cpuSeconds(pid)]));
  const workerAt = cpuSeconds(worker.pid);
  const selfAt = process.cpuUsage();
  return async (count) => {
    let database = 0;
    // A backend that ended meanwhile can no longer be read (its CPU is lost to the count, not subtracted from it).
    for (const pid of new Set([...first.keys(), ...(await backends())]))
      if (existsSync(`/proc/${pid}`)) database += cpuSeconds(pid) - (first.get(pid) ?? 0);
    const self = process.cpuUsage(selfAt);
    const seconds = { worker: cpuSeconds(worker.pid) - workerAt, database, bench: (self.user + self.system) / 1e6 };
    const each = (value) => ((value * 1000) / count).toFixed(2);
    return `worker ${seconds.worker.toFixed(1)}, database ${seconds.database.toFixed(1)}, bench and receivers ${seconds.bench.toFixed(1)}; ms per message: worker ${each(seconds.worker)}, database ${each(seconds.database)}`;
  };
}
