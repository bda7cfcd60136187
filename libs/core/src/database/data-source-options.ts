import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export interface DatabaseSettings {
  url: string;
  /** The apps load each context's entities through TypeOrmModule.forFeature; the CLI passes them all. */
  entities?: NonNullable<DataSourceOptions['entities']>;
  poolSize?: number;
  statementTimeoutMs?: number;
  applicationName?: string;
}

export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: settings.entities ?? [],
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto',
    applicationName: settings.applicationName ?? 'slussen',
    poolSize: settings.poolSize ?? 10,
    extra: {
      // Bounded waits: a stuck query or an exhausted pool fails instead of hanging a request.
      statement_timeout: settings.statementTimeoutMs ?? 30_000,
      connectionTimeoutMillis: 5_000,
      // A backend terminated while its client is checked out (pg_terminate_backend, a failover) emits
      // 'error' on the client, sometimes after TypeORM removed its listener: unhandled, it would kill
      // the process. The query in flight still fails (and answers 503); the pool drops the client.
      onConnect: (client: { on(event: 'error', listener: (error: Error) => void): unknown }) => {
        client.on('error', () => undefined);
      },
    },
  };
}
