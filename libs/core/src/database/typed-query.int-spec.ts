import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource, QueryFailedError } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';
import { namedStatement, queryRow, queryRows } from './typed-query.js';

const SQUARE = namedStatement('typed-query-spec.square', 'SELECT $1::int * $1::int AS square');
const FAILS = namedStatement('typed-query-spec.fails', 'SELECT 1 / $1::int AS quotient');

describe('named statements on the real PostgreSQL', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL comes from the test global setup');
    dataSource = await new DataSource(dataSourceOptions({ url, poolSize: 1 })).initialize();
  });
  afterAll(() => dataSource.destroy());

  it('run through TypeORM, in and out of a transaction, and stay prepared on the connection', async () => {
    expect(await queryRow<{ square: number }>(dataSource, SQUARE, [7])).toEqual({ square: 49 });
    expect(await dataSource.transaction((manager) => queryRows<{ square: number }>(manager, SQUARE, [3]))).toEqual([
      { square: 9 },
    ]);
    const prepared = await queryRows<{ name: string; statement: string }>(
      dataSource,
      'SELECT name, statement FROM pg_prepared_statements WHERE name = $1',
      [SQUARE.name],
    );
    expect(prepared).toEqual([{ name: SQUARE.name, statement: SQUARE.text }]);
  });

  it('fail as TypeORM query errors with the SQL text, so constraint and SQLSTATE mapping still apply', async () => {
    const error = await queryRow(dataSource, FAILS, [0]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(QueryFailedError);
    expect(String((error as QueryFailedError).query)).toBe(FAILS.text);
    expect((error as QueryFailedError & { code: string }).code).toBe('22012');
  });

  it('refuse a name given to other SQL when it is made, not on a connection later', () => {
    expect(() => namedStatement(SQUARE.name, 'SELECT 2')).toThrow(/taken by other SQL/);
    expect(namedStatement(SQUARE.name, SQUARE.text).text).toBe(SQUARE.text);
  });
});
