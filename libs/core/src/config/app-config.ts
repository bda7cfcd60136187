import type { ValueProvider } from '@nestjs/common';
import type { ConfigSlice, ConfigSliceName, ConfigSlices } from './config-slice.js';
import { developmentSecrets } from './development-secrets.js';
import type { EnvironmentVariables, NodeEnv } from './environment.js';

/** Where PostgreSQL and Redis were found or started (see runtime/local-services.ts). */
export interface ServiceUrls {
  databaseUrl: string;
  redisUrl: string;
}

/**
 * The validated, typed settings every process shares, built once per process, with each
 * context's slice (`ConfigSlices`) built beside it; a context injects its own slice.
 */
export class AppConfig {
  readonly nodeEnv: NodeEnv;
  readonly isProduction: boolean;
  readonly port: number;
  readonly host: string;
  readonly workerHealthPort: number;
  readonly publicUrl: string;
  readonly database: { url: string; poolSize: number; statementTimeoutMs: number; connectAttempts: number };
  readonly redis: { url: string };
  readonly queue: {
    prefix: string;
    attempts: number;
    keepCompleted: number;
    keepFailed: number;
    concurrency: number;
    reconnectMs: number;
    scheduleCheckSeconds: number;
  };
  readonly jwt: { secret: string; accessTtlSeconds: number; refreshTtlDays: number };
  readonly secretsKey: string;
  /** The time zone of report days, and of the times identity's e-mail shows (`REPORT_TIMEZONE`). */
  readonly reportTimezone: string;
  readonly throttle: { authLimit: number; authAccountLimit: number; authWindowSeconds: number };
  readonly trustProxyHops: number;
  readonly cors: { origins: string[] | true | false };
  readonly log: { level: string; pretty: boolean };
  readonly http: { bodyLimit: string; requestQueue: { limit: number; timeoutMs: number } };
  readonly health: { timeoutMs: number };
  readonly shutdownTimeoutMs: number;
  readonly dataDir: string;
  readonly webDir: string;
  private readonly slices = new Map<ConfigSlice['slice'], ConfigSlices[ConfigSliceName]>();

  constructor(env: EnvironmentVariables, services: ServiceUrls, slices: readonly ConfigSlice[] = []) {
    this.nodeEnv = env.NODE_ENV;
    this.isProduction = env.NODE_ENV === 'production';
    this.port = env.PORT;
    this.host = env.HOST;
    this.workerHealthPort = env.WORKER_HEALTH_PORT;
    this.publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
    this.database = {
      url: services.databaseUrl,
      poolSize: env.DATABASE_POOL_SIZE,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
      connectAttempts: env.DATABASE_CONNECT_ATTEMPTS,
    };
    this.redis = { url: services.redisUrl };
    this.queue = {
      prefix: env.QUEUE_PREFIX,
      attempts: env.QUEUE_JOB_ATTEMPTS,
      keepCompleted: env.QUEUE_KEEP_COMPLETED,
      keepFailed: env.QUEUE_KEEP_FAILED,
      concurrency: env.WORKER_CONCURRENCY,
      reconnectMs: env.REDIS_RECONNECT_MS,
      scheduleCheckSeconds: env.JOB_SCHEDULE_CHECK_SECONDS,
    };
    // Production requires both (validateEnvironment); elsewhere a missing one comes from DATA_DIR, made at random on first start.
    const generated =
      env.JWT_SECRET === undefined || env.SECRETS_KEY === undefined ? developmentSecrets(env.DATA_DIR) : null;
    this.jwt = {
      secret: env.JWT_SECRET ?? generated!.jwtSecret,
      accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS,
      refreshTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
    };
    this.secretsKey = env.SECRETS_KEY ?? generated!.secretsKey;
    this.reportTimezone = env.REPORT_TIMEZONE;
    this.throttle = {
      authLimit: env.THROTTLE_AUTH_LIMIT,
      authAccountLimit: env.THROTTLE_AUTH_ACCOUNT_LIMIT,
      authWindowSeconds: env.THROTTLE_AUTH_WINDOW_SECONDS,
    };
    this.trustProxyHops = env.TRUST_PROXY_HOPS;
    this.cors = { origins: parseCorsOrigins(env.CORS_ORIGINS, this.isProduction) };
    this.log = { level: env.LOG_LEVEL, pretty: env.LOG_PRETTY ?? env.NODE_ENV === 'development' };
    this.http = {
      bodyLimit: env.BODY_LIMIT,
      requestQueue: { limit: env.REQUEST_QUEUE_LIMIT, timeoutMs: env.REQUEST_QUEUE_TIMEOUT_MS },
    };
    this.health = { timeoutMs: env.HEALTH_CHECK_TIMEOUT_MS };
    this.shutdownTimeoutMs = env.SHUTDOWN_TIMEOUT_MS;
    this.dataDir = env.DATA_DIR;
    this.webDir = env.WEB_DIR;
    for (const slice of slices) this.slices.set(slice.slice, slice.build(env));
  }

  /** One context's slice, as its services inject it (for code outside Nest, such as a test). */
  slice<T extends ConfigSlices[ConfigSliceName]>(slice: abstract new (...args: never[]) => T): T {
    const built = this.slices.get(slice);
    if (!built) throw new Error(`the config slice ${slice.name} was not built: pass its context's slice to AppConfig`);
    return built as T;
  }

  /** Each slice under its own class, for `ConfigModule`. */
  sliceProviders(): ValueProvider[] {
    return [...this.slices].map(([slice, built]) => ({ provide: slice, useValue: built }));
  }
}

function parseCorsOrigins(value: string | undefined, isProduction: boolean): string[] | true | false {
  if (value === undefined) return !isProduction;
  if (value.trim() === '*') return true;
  const origins = value
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  return origins.length > 0 ? origins : false;
}
