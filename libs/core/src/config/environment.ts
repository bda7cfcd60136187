import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUrl,
  Matches,
  MinLength,
  ValidateIf,
  validateSync,
  type ValidationError,
} from 'class-validator';
import { variableNames, type ConfigSlice } from './config-slice.js';
import { BoolSetting, IntSetting } from './setting.decorators.js';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

const isProduction = (env: CoreVariables) => env.NODE_ENV === 'production';
const dbUrl = { protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true };
const redisUrl = { protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true };
const httpUrl = { protocols: ['http', 'https'], require_tld: false, require_protocol: true };

/**
 * The settings every process shares, by their variable names: the process, PostgreSQL,
 * Redis and the queues, tokens and secrets, HTTP, logs. A context's own settings are
 * declared beside its code (`<context>.config.ts`, see config-slice.ts). The README's
 * settings table lists every name and default of both.
 */
export class CoreVariables {
  @IsIn(NODE_ENVS)
  NODE_ENV: NodeEnv = 'development';

  @IntSetting(0, 65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IntSetting(0, 65535)
  WORKER_HEALTH_PORT = 3001;

  @ValidateIf((env: EnvironmentVariables) => isProduction(env) || env.DATABASE_URL !== undefined)
  @IsUrl(dbUrl, { message: 'DATABASE_URL must be a postgres:// URL (required in production)' })
  DATABASE_URL?: string;

  @IntSetting(1, 200)
  DATABASE_POOL_SIZE = 10;

  @IntSetting(100)
  DATABASE_STATEMENT_TIMEOUT_MS = 30_000;

  /** Attempts to reach PostgreSQL at start, 2 s apart, before the process gives up. */
  @IntSetting(1, 100)
  DATABASE_CONNECT_ATTEMPTS = 5;

  @ValidateIf((env: EnvironmentVariables) => isProduction(env) || env.REDIS_URL !== undefined)
  @IsUrl(redisUrl, { message: 'REDIS_URL must be a redis:// or rediss:// URL (required in production)' })
  REDIS_URL?: string;

  /** Key prefix for every BullMQ key, so tests and deployments can share one Redis. */
  @IsString()
  @Matches(/^[A-Za-z0-9:_{}.-]{1,64}$/, { message: 'QUEUE_PREFIX may hold letters, digits and :_{}.- (1 to 64)' })
  QUEUE_PREFIX = 'slussen';

  @ValidateIf((env: EnvironmentVariables) => isProduction(env) || env.JWT_SECRET !== undefined)
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be set to at least 32 characters (required in production)' })
  JWT_SECRET?: string;

  /** Key for secrets stored encrypted (a pilot source's bearer token). Changing it makes stored ones unreadable. */
  @ValidateIf((env: EnvironmentVariables) => isProduction(env) || env.SECRETS_KEY !== undefined)
  @IsString()
  @MinLength(32, { message: 'SECRETS_KEY must be set to at least 32 characters (required in production)' })
  SECRETS_KEY?: string;

  /** Lifetime of an access token; API.md caps it at 15 minutes. */
  @IntSetting(30, 900)
  JWT_ACCESS_TTL_SECONDS = 900;

  @IntSetting(1, 365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /** Sign-up, login and refresh requests one client address may make per window. */
  @IntSetting(1)
  THROTTLE_AUTH_LIMIT = 100;

  /** Login and sign-up attempts per e-mail address per window, whatever the address. */
  @IntSetting(1)
  THROTTLE_AUTH_ACCOUNT_LIMIT = 5;

  @IntSetting(1, 86_400)
  THROTTLE_AUTH_WINDOW_SECONDS = 60;

  /** Express "trust proxy": how many proxies to trust for the client address (0 = none). */
  @IntSetting(0, 10)
  TRUST_PROXY_HOPS = 0;

  @ValidateIf((env: EnvironmentVariables) => isProduction(env) || env.PUBLIC_URL !== undefined)
  @IsUrl(httpUrl, { message: 'PUBLIC_URL must be the http(s) URL users reach the API at (required in production)' })
  PUBLIC_URL?: string;

  /** Attempts of a failed job before it is kept as failed (exponential backoff from 1 s). */
  @IntSetting(1, 50)
  QUEUE_JOB_ATTEMPTS = 5;

  /** Finished jobs kept in Redis for inspection, per queue. */
  @IntSetting(0, 100_000)
  QUEUE_KEEP_COMPLETED = 1000;

  @IntSetting(0, 100_000)
  QUEUE_KEEP_FAILED = 5000;

  /** E-mail deliveries a worker process sends at once. */
  @IntSetting(1, 100)
  WORKER_CONCURRENCY = 10;

  /** Wait between attempts to reach Redis again after it went away (fixed, so work resumes within moments of its return). */
  @IntSetting(50, 30_000)
  REDIS_RECONNECT_MS = 500;

  /** How often the worker checks that every job scheduler is still in Redis (and registers the missing ones again). */
  @IntSetting(1, 3600)
  JOB_SCHEDULE_CHECK_SECONDS = 30;

  /** The time zone of report days, months and years, and of the nightly run's schedule. */
  @IsString()
  @IsTimeZone({ message: 'REPORT_TIMEZONE must be an IANA time zone such as Europe/Stockholm' })
  REPORT_TIMEZONE = 'Europe/Stockholm';

  /** Comma-separated origins allowed by CORS; `*` allows any. */
  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsOptional()
  @BoolSetting()
  LOG_PRETTY?: boolean;

  @IsString()
  @Matches(/^\d+(b|kb|mb)$/i, { message: 'BODY_LIMIT must look like 100kb or 1mb' })
  BODY_LIMIT = '100kb';

  /** API requests that may wait beyond the 2 × DATABASE_POOL_SIZE served at once; more are answered 503 with Retry-After. */
  @IntSetting(0, 100_000)
  REQUEST_QUEUE_LIMIT = 200;

  /** Longest an API request waits for a place before the answer is 503 with Retry-After (0: no bound). */
  @IntSetting(0, 600_000)
  REQUEST_QUEUE_TIMEOUT_MS = 500;

  @IntSetting(100, 60_000)
  HEALTH_CHECK_TIMEOUT_MS = 1500;

  @IntSetting(1000, 600_000)
  SHUTDOWN_TIMEOUT_MS = 10_000;

  /** Where the embedded PostgreSQL, a started redis-server and development mail live. */
  @IsString()
  DATA_DIR = '.data';

  /** The built web app (Vite's output) the API serves at `/`; relative to the working directory. Missing: the API serves no web app. */
  @IsString()
  @MinLength(1)
  WEB_DIR = 'apps/web/dist';
}

/** Every variable Slussen reads: core's, and each context's by declaration merging (`ConfigSlices`). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EnvironmentVariables extends CoreVariables {}

export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/**
 * Validates the environment with core's variables and every slice's at once; throws one
 * `ConfigurationError` naming every bad variable. An empty variable counts as unset.
 */
export function validateEnvironment(
  raw: Record<string, string | undefined>,
  slices: readonly ConfigSlice[] = [],
): EnvironmentVariables {
  const present = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''));
  const declared = new Map<string, string>();
  const env: Record<string, unknown> = {};
  const errors: ValidationError[] = [];
  for (const { name, variables } of [{ name: 'core', variables: CoreVariables }, ...slices]) {
    const own = variableNames(variables);
    for (const variable of own) {
      const other = declared.get(variable);
      if (other) throw new Error(`${variable} is declared by both ${other} and ${name}`);
      declared.set(variable, name);
    }
    const values = Object.fromEntries(own.filter((variable) => variable in present).map((v) => [v, present[v]]));
    const instance = plainToInstance(variables, values, { exposeDefaultValues: true });
    errors.push(...validateSync(instance, { skipMissingProperties: false, forbidUnknownValues: true }));
    Object.assign(env, instance);
  }
  if (errors.length > 0) {
    const messages = errors.map((error) => Object.values(error.constraints ?? {})[0] ?? `${error.property} is invalid`);
    throw new ConfigurationError(`Invalid configuration: ${messages.join('; ')}`);
  }
  return env as unknown as EnvironmentVariables;
}
