import type { DataSource, EntityManager } from 'typeorm';

/** What runs a statement: the data source, or a transaction's entity manager. */
export type SqlRunner = Pick<DataSource, 'query'> | Pick<EntityManager, 'query'>;

/**
 * A statement PostgreSQL parses and plans once per pooled connection and then
 * runs by name: for the few statements every booking runs, planning each one
 * afresh cost the database about as much as running it (bench/RESULTS.md,
 * 2026-11-30). node-postgres takes a query config `{ name, text }` where
 * TypeORM passes the SQL through, and `toString()` gives TypeORM's logging,
 * subscribers and QueryFailedError the SQL as before. Keep such statements
 * free of `SELECT *`: a plan kept across a migration must not change its
 * columns. Made once, at module level, with `namedStatement`.
 */
export class NamedStatement {
  constructor(
    readonly name: string,
    readonly text: string,
  ) {}

  toString(): string {
    return this.text;
  }
}

const namedStatements = new Map<string, string>();

/** A NamedStatement; node-postgres refuses one name for two texts, so this does at once. */
export function namedStatement(name: string, text: string): NamedStatement {
  const known = namedStatements.get(name);
  if (known !== undefined && known !== text) throw new Error(`The statement name ${name} is taken by other SQL`);
  namedStatements.set(name, text);
  return new NamedStatement(name, text);
}

/**
 * Runs one statement and gives its rows the type the repository declares for
 * it: the one place where TypeORM's untyped result becomes a row type, so no
 * repository casts (`as BookingRow`) what `query()` returns. TypeORM answers
 * a bare UPDATE or DELETE with `[rows, affected]`; this always gives the rows.
 * (README, "Data access": why this and not a query builder.)
 */
export async function queryRows<Row extends object>(
  runner: SqlRunner,
  sql: string | NamedStatement,
  params: readonly unknown[] = [],
): Promise<Row[]> {
  // TypeORM declares a string and hands whatever it is given to node-postgres (see NamedStatement).
  const raw: unknown = await runner.query(sql as string, [...params]);
  const rows =
    Array.isArray(raw) && raw.length === 2 && Array.isArray(raw[0]) && typeof raw[1] === 'number' ? raw[0] : raw;
  return rows as Row[];
}

/** The statement's first row, or null when it has none. */
export async function queryRow<Row extends object>(
  runner: SqlRunner,
  sql: string | NamedStatement,
  params: readonly unknown[] = [],
): Promise<Row | null> {
  return (await queryRows<Row>(runner, sql, params))[0] ?? null;
}
