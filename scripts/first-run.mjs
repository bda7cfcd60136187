// The block `npm start` ends with, on a first and on a warm start alike: where
// the web app is, which demo login to use for what, and which PostgreSQL and
// Redis this installation uses. Swedish when LANG says so, otherwise English.
import { join } from 'node:path';
import pg from 'pg';

const TEXT = {
  en: {
    ready: (seconds) => `Slussen is ready (${seconds} s)`,
    web: 'web app',
    noWeb: 'not built (npm run build:web); the API alone',
    signIn: (password) => `sign in with a demo login (password "${password}"):`,
    admin: (password) => `platform admin (password "${password}"), queues at /admin/queues`,
    api: 'API',
    docs: 'docs',
    health: 'health',
    worker: 'worker',
    database: 'PostgreSQL',
    embedded: (dir, port, name) => `embedded, ${dir} (port ${port}, database ${name})`,
    redis: 'Redis',
    prefix: 'key prefix',
    logs: "LOG_LEVEL=debug also shows Nest's modules and routes",
    stop: 'Ctrl-C stops everything.',
  },
  sv: {
    ready: (seconds) => `Slussen är igång (${seconds} s)`,
    web: 'webbappen',
    noWeb: 'inte byggd (npm run build:web); bara API:t',
    signIn: (password) => `logga in med en demoinloggning (lösenord "${password}"):`,
    admin: (password) => `plattformsadministratör (lösenord "${password}"), köer på /admin/queues`,
    api: 'API',
    docs: 'dokumentation',
    health: 'hälsa',
    worker: 'worker',
    database: 'PostgreSQL',
    embedded: (dir, port, name) => `inbäddad, ${dir} (port ${port}, databas ${name})`,
    redis: 'Redis',
    prefix: 'nyckelprefix',
    logs: 'LOG_LEVEL=debug visar också Nests moduler och rutter',
    stop: 'Ctrl-C stoppar allt.',
  },
};

/** A URL without its password. */
function redact(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return '(not a URL)';
  }
}

/** Which of the given e-mail addresses have an account; none when the database cannot say. */
async function existingAccounts(databaseUrl, emails) {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query(
      'SELECT lower(email) AS email FROM users WHERE lower(email) = ANY($1::text[])',
      [emails.map((email) => email.toLowerCase())],
    );
    return new Set(rows.map((row) => row.email));
  } catch {
    return new Set();
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function firstRunBlock({
  root,
  env,
  base,
  workerPort,
  seconds,
  webApp,
  embeddedDatabase,
  developmentAdmin,
}) {
  const language = /^sv/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ? 'sv' : 'en';
  const t = TEXT[language];
  const { DEMO_GUIDE, DEMO_PASSWORD } = await import(join(root, 'dist/apps/api/apps/api/src/demo/demo-data.js'));
  const present = await existingAccounts(env.DATABASE_URL, [
    ...DEMO_GUIDE.map((login) => login.email),
    env.ADMIN_EMAIL ?? '',
  ]);
  const demo = DEMO_GUIDE.filter((login) => present.has(login.email.toLowerCase()));
  const label = (text) => `    ${text.padEnd(12)}`;
  const lines = ['', `  ${t.ready(seconds.toFixed(1))}`, ''];
  lines.push(`${label(t.web)}${webApp ? `${base}/` : t.noWeb}`);
  if (demo.length > 0 || developmentAdmin) {
    lines.push('', `  ${t.signIn(DEMO_PASSWORD)}`);
    const width = Math.max(...demo.map((login) => login.email.length), (env.ADMIN_EMAIL ?? '').length) + 2;
    for (const login of demo)
      lines.push(`${label(login.who[language])}${login.email.padEnd(width)}${login.what[language]}`);
    if (developmentAdmin && present.has(env.ADMIN_EMAIL.toLowerCase()))
      lines.push(`${label('admin')}${env.ADMIN_EMAIL.padEnd(width)}${t.admin(env.ADMIN_PASSWORD)}`);
  }
  const url = new URL(env.DATABASE_URL);
  lines.push(
    '',
    `${label(t.api)}${base}/api/v1  (${t.docs} ${base}/docs)`,
    `${label(t.health)}${base}/health/ready  (${t.worker}: http://localhost:${workerPort}/health/ready)`,
    `${label(t.database)}${embeddedDatabase ? t.embedded(join(env.DATA_DIR || '.data', 'postgres'), url.port, url.pathname.slice(1)) : redact(env.DATABASE_URL)}`,
    `${label(t.redis)}${redact(env.REDIS_URL)}  (${t.prefix} ${env.QUEUE_PREFIX})`,
    '',
    `  ${t.logs}`,
    `  ${t.stop}`,
    '',
  );
  return `${lines.join('\n')}\n`;
}
