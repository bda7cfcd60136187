import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';
import { runPendingMigrations } from './migrate.js';
import { MIGRATIONS } from './migrations.js';

const runUrl = () => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL comes from the test global setup');
  return url;
};

describe('migrations on the real PostgreSQL', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await new DataSource(dataSourceOptions({ url: runUrl() })).initialize();
  });
  afterAll(() => dataSource.destroy());

  it('turn on the extensions later contexts need', async () => {
    const rows: Array<{ extname: string }> = await dataSource.query('SELECT extname FROM pg_extension');
    expect(rows.map((row) => row.extname)).toEqual(expect.arrayContaining(['btree_gist', 'citext', 'pgcrypto']));
  });

  it('run once when several processes start at the same moment', async () => {
    const name = `slussen_migrate_race_${randomBytes(4).toString('hex')}`;
    await dataSource.query(`CREATE DATABASE ${name}`);
    const url = new URL(runUrl());
    url.pathname = `/${name}`;
    const racers = await Promise.all(
      Array.from({ length: 4 }, () =>
        new DataSource(dataSourceOptions({ url: url.toString(), poolSize: 2 })).initialize(),
      ),
    );
    try {
      const applied = await Promise.all(racers.map((racer) => runPendingMigrations(racer)));
      expect(applied.flat()).toHaveLength(MIGRATIONS.length);
      const [{ count }] = await racers[0]!.query('SELECT count(*)::int AS count FROM migrations');
      expect(count).toBe(MIGRATIONS.length);
    } finally {
      await Promise.all(racers.map((racer) => racer.destroy()));
      await dataSource.query(`DROP DATABASE ${name} WITH (FORCE)`);
    }
  });
});
