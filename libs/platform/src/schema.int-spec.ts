import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataSourceOptions } from '@slussen/core';
import { DataSource } from 'typeorm';
import { SCHEMA_ENTITIES } from './schema.js';

describe('the whole schema on the real PostgreSQL', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL comes from the test global setup');
    dataSource = await new DataSource(dataSourceOptions({ url, entities: SCHEMA_ENTITIES })).initialize();
  });
  afterAll(() => dataSource.destroy());

  it('leave nothing for migration:generate to add: entities and migrations agree', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });
});
