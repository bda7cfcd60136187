import { dataSourceOptions, runPendingMigrations } from '@slussen/core';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';

/**
 * A migrated database of its own, for tests that run a worker: a worker's
 * outbox relay drains every undispatched row of its database, so tests that
 * share one would deliver each other's messages.
 */
export async function isolatedDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('Run tests through npm test: its global setup provides DATABASE_URL');
  const name = `${new URL(base).pathname.slice(1)}_iso_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  const url = Object.assign(new URL(base), { pathname: `/${name}` }).toString();
  const dataSource = await new DataSource(dataSourceOptions({ url, poolSize: 2 })).initialize();
  await runPendingMigrations(dataSource);
  await dataSource.destroy();
  return {
    url,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
      await admin.end();
    },
  };
}
