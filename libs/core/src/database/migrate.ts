import type { DataSource } from 'typeorm';

// An arbitrary constant shared by every Slussen process: whoever holds it runs migrations.
const MIGRATION_LOCK_KEY = 7_263_301;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, because TypeORM takes
 * none and an API and a worker starting together would otherwise race.
 */
export async function runPendingMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
