import type { DataSource, EntityManager } from 'typeorm';

/** What runs a statement: the data source, or a transaction's entity manager. */
export type SqlRunner = Pick<DataSource, 'query'> | Pick<EntityManager, 'query'>;

/**
 * Runs one statement and gives its rows the type the repository declares for
 * it: the one place where TypeORM's untyped result becomes a row type, so no
 * repository casts (`as BookingRow`) what `query()` returns. TypeORM answers
 * a bare UPDATE or DELETE with `[rows, affected]`; this always gives the rows.
 * (README, "Data access": why this and not a query builder.)
 */
export async function queryRows<Row extends object>(
  runner: SqlRunner,
  sql: string,
  params: readonly unknown[] = [],
): Promise<Row[]> {
  const raw: unknown = await runner.query(sql, [...params]);
  const rows =
    Array.isArray(raw) && raw.length === 2 && Array.isArray(raw[0]) && typeof raw[1] === 'number' ? raw[0] : raw;
  return rows as Row[];
}

/** The statement's first row, or null when it has none. */
export async function queryRow<Row extends object>(
  runner: SqlRunner,
  sql: string,
  params: readonly unknown[] = [],
): Promise<Row | null> {
  return (await queryRows<Row>(runner, sql, params))[0] ?? null;
}
