import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsTimeZone,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

const isProduction = (env: EnvironmentVariables) => env.NODE_ENV === 'production';
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  return value;
};
const dbUrl = { protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true };
const redisUrl = { protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true };
const httpUrl = { protocols: ['http', 'https'], require_tld: false, require_protocol: true };

/**
 * Every setting Slussen reads from the environment, by its variable name.
 * The README's settings table lists the same names and defaults.
 */
export class EnvironmentVariables {
  @IsIn(NODE_ENVS)
  NODE_ENV: NodeEnv = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_HEALTH_PORT = 3001;

  @ValidateIf((env: EnvironmentVariables) => isProduction(env) || env.DATABASE_URL !== undefined)
  @IsUrl(dbUrl, { message: 'DATABASE_URL must be a postgres:// URL (required in production)' })
  DATABASE_URL?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  DATABASE_STATEMENT_TIMEOUT_MS = 30_000;

  /** Attempts to reach PostgreSQL at start, 2 s apart, before the process gives up. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
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
  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(900)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /** How long a forgotten-password link works. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(1440)
  PASSWORD_RESET_TTL_MINUTES = 30;

  /** How long an invitation, and the first-password link of a person added without one, stays open. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  INVITATION_TTL_DAYS = 14;

  /** argon2id cost (OWASP: 19 MiB, 2 passes); lower only to speed up tests. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(1_048_576)
  ARGON2_MEMORY_KIB = 19_456;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10)
  ARGON2_TIME_COST = 2;

  /** Sign-up, login and refresh requests one client address may make per window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  THROTTLE_AUTH_LIMIT = 100;

  /** Login and sign-up attempts per e-mail address per window, whatever the address. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  THROTTLE_AUTH_ACCOUNT_LIMIT = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  THROTTLE_AUTH_WINDOW_SECONDS = 60;

  /** Express "trust proxy": how many proxies to trust for the client address (0 = none). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10)
  TRUST_PROXY_HOPS = 0;

  @IsOptional()
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an e-mail address' })
  ADMIN_EMAIL?: string;

  @ValidateIf((env: EnvironmentVariables) => env.ADMIN_EMAIL !== undefined || env.ADMIN_PASSWORD !== undefined)
  @IsString()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be 12 to 256 characters when ADMIN_EMAIL is set' })
  @MaxLength(256, { message: 'ADMIN_PASSWORD must be 12 to 256 characters when ADMIN_EMAIL is set' })
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsUrl(
    { protocols: ['smtp', 'smtps'], require_tld: false, require_protocol: true },
    { message: 'SMTP_URL must be an smtp:// or smtps:// URL' },
  )
  SMTP_URL?: string;

  @ValidateIf((env: EnvironmentVariables) => isProduction(env) || env.PUBLIC_URL !== undefined)
  @IsUrl(httpUrl, { message: 'PUBLIC_URL must be the http(s) URL users reach the API at (required in production)' })
  PUBLIC_URL?: string;

  /** Attempts of a failed job before it is kept as failed (exponential backoff from 1 s). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  QUEUE_JOB_ATTEMPTS = 5;

  /** Finished jobs kept in Redis for inspection, per queue. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100_000)
  QUEUE_KEEP_COMPLETED = 1000;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100_000)
  QUEUE_KEEP_FAILED = 5000;

  /** E-mail deliveries a worker process sends at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  WORKER_CONCURRENCY = 10;

  /** Wait between attempts to reach Redis again after it went away (fixed, so work resumes within moments of its return). */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(30_000)
  REDIS_RECONNECT_MS = 500;

  /** How often the worker checks that every job scheduler is still in Redis (and registers the missing ones again). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  JOB_SCHEDULE_CHECK_SECONDS = 30;

  /** How often the worker expires booking requests nobody decided in time. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  BOOKING_EXPIRY_EVERY_SECONDS = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  BOOKING_EXPIRY_BATCH_SIZE = 500;

  /** How often the worker looks for reminders that have come due. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(300)
  REMINDER_SCAN_EVERY_SECONDS = 60;

  /** A reminder more than this late (e.g. after a long outage) is skipped, not sent. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(10_080)
  REMINDER_WINDOW_MINUTES = 60;

  /** How long an Idempotency-Key answers with its first response. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(720)
  IDEMPOTENCY_TTL_HOURS = 24;

  /** A key still in progress after this long belongs to a request that died; a retry may take it over. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(3600)
  IDEMPOTENCY_STALE_SECONDS = 60;

  /** How often the outbox relay looks for messages when no NOTIFY woke it. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(60_000)
  OUTBOX_POLL_MS = 1000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  OUTBOX_BATCH_SIZE = 200;

  /** How long the relay waits for Redis to take a batch before it tries again later. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  OUTBOX_ENQUEUE_TIMEOUT_MS = 5000;

  /** When Redis comes back without its data, outbox messages dispatched this recently are dispatched again (their jobs were lost). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(720)
  OUTBOX_REDISPATCH_HOURS = 24;

  /**
   * Attempts of an outbox message's delivery job (exponential backoff from 1 s): 12 keep trying for
   * about an hour, so a database away that long (every attempt failing before a delivery was planned,
   * where the delivery sweep cannot see it) delays e-mail but loses none.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  OUTBOX_DELIVERY_ATTEMPTS = 12;

  /** A delivery claimed longer ago than this belongs to a worker that died; another may send it. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(3600)
  DELIVERY_LEASE_SECONDS = 120;

  /** How often the worker takes back deliveries whose lease expired (and once at its start). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  DELIVERY_SWEEP_EVERY_SECONDS = 30;

  /** Deliveries taken back per sweep at most. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  DELIVERY_SWEEP_BATCH_SIZE = 200;

  /** How long a webhook receiver may take to answer. */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 5000;

  /** Failed deliveries in a row after which a subscription is disabled and its admins told. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  WEBHOOK_DISABLE_AFTER = 15;

  /** Webhook deliveries one worker runs at once, on their own queue (e-mail never waits for them). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  WEBHOOK_CONCURRENCY = 10;

  /** Subscriptions one organization may hold. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  WEBHOOK_MAX_PER_ORGANIZATION = 10;

  /** The largest answer a webhook receiver may give; a bigger one fails the delivery. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(10_485_760)
  WEBHOOK_MAX_RESPONSE_BYTES = 65_536;

  /** Operator allowance: let webhooks reach loopback, private or link-local addresses (refused by default). */
  @Transform(toBool)
  @IsBoolean({ message: 'WEBHOOK_ALLOW_PRIVATE_ADDRESSES must be true or false' })
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES = false;

  /** Operator allowance: accept plain http:// webhook URLs (only https:// by default). */
  @Transform(toBool)
  @IsBoolean({ message: 'WEBHOOK_ALLOW_HTTP must be true or false' })
  WEBHOOK_ALLOW_HTTP = false;

  /** How often the worker moves pilots along: stage changes, due measurement requests, reminders. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  PILOT_SCAN_EVERY_SECONDS = 60;

  /** Pilots handled per step of one scan. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  PILOT_BATCH_SIZE = 500;

  /** Days before its start that a pilot whose plan is not agreed reminds both sides. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60)
  PILOT_PLAN_REMINDER_DAYS = 7;

  /** Days after a pilot's end that measurements of it are still accepted. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(365)
  MEASUREMENT_GRACE_DAYS = 14;

  /** Days after a requested measurement was due that an unanswered request reminds the company. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60)
  MEASUREMENT_REMINDER_DAYS = 3;

  /** How often the worker reminds sluices of ideas that have waited in `submitted` longer than they promise. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  IDEA_REMINDER_SCAN_EVERY_SECONDS = 300;

  /** Ideas reminded per scan at most. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  IDEA_REMINDER_BATCH_SIZE = 500;

  /** How long one fetch of a measurement source may take, connecting included. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  SOURCE_FETCH_TIMEOUT_MS = 10_000;

  /** The largest answer a measurement source may give; a bigger one is cut off and fails. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(104_857_600)
  SOURCE_MAX_BYTES = 1_048_576;

  /** Tries per fetch (with exponential backoff) before it is reported failed. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  SOURCE_FETCH_ATTEMPTS = 4;

  /** The first retry of a failed fetch waits this long; each next one twice as long. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(600_000)
  SOURCE_RETRY_DELAY_MS = 2000;

  /** Fetches one worker runs at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  SOURCE_FETCH_CONCURRENCY = 20;

  /** Operator allowance: let sources live on private, loopback or link-local addresses (refused by default). */
  @Transform(toBool)
  @IsBoolean({ message: 'SOURCE_ALLOW_PRIVATE_ADDRESSES must be true or false' })
  SOURCE_ALLOW_PRIVATE_ADDRESSES = false;

  /** Operator allowance: accept plain http:// sources (only https:// by default). */
  @Transform(toBool)
  @IsBoolean({ message: 'SOURCE_ALLOW_HTTP must be true or false' })
  SOURCE_ALLOW_HTTP = false;

  /** The time zone of report days, months and years, and of the nightly run's schedule. */
  @IsString()
  @IsTimeZone({ message: 'REPORT_TIMEZONE must be an IANA time zone such as Europe/Stockholm' })
  REPORT_TIMEZONE = 'Europe/Stockholm';

  /** When the nightly reports are built (cron, in REPORT_TIMEZONE). */
  @IsString()
  @Matches(/^\S+( \S+){4,5}$/, { message: 'REPORT_NIGHTLY_CRON must be a cron pattern such as "0 2 * * *"' })
  REPORT_NIGHTLY_CRON = '0 2 * * *';

  /** The longest one statement of a report run may take. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  REPORT_STATEMENT_TIMEOUT_MS = 300_000;

  /** Memory PostgreSQL may use per sort or hash while building reports. */
  @Transform(toInt)
  @IsInt()
  @Min(4)
  @Max(4096)
  REPORT_WORK_MEM_MB = 64;

  /** Families of figures a report run computes at once, each on its own database connection. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(16)
  REPORT_PARALLELISM = 2;

  /** The longest period an on-demand run may cover. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3660)
  REPORT_MAX_PERIOD_DAYS = 731;

  /** On-demand report runs one person or API token may start per hour (a run reused because an identical one is in progress does not count). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  REPORT_RUNS_PER_HOUR = 10;

  /** A queued run whose job is missing is queued again after this long. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(3600)
  REPORT_SWEEP_EVERY_SECONDS = 60;

  /** Days a calendar feed token (a subscription URL) works after it is made. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3660)
  CALENDAR_FEED_TOKEN_TTL_DAYS = 365;

  /** The sender of Slussen's e-mail. */
  @IsString()
  MAIL_FROM = 'Slussen <no-reply@slussen.local>';

  /** Comma-separated origins allowed by CORS; `*` allows any. */
  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'LOG_PRETTY must be true or false' })
  LOG_PRETTY?: boolean;

  @IsString()
  @Matches(/^\d+(b|kb|mb)$/i, { message: 'BODY_LIMIT must look like 100kb or 1mb' })
  BODY_LIMIT = '100kb';

  /** API requests that may wait beyond the 2 × DATABASE_POOL_SIZE served at once; more are answered 503 with Retry-After. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100_000)
  REQUEST_QUEUE_LIMIT = 200;

  /** Longest an API request waits for a place before the answer is 503 with Retry-After (0: no bound). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600_000)
  REQUEST_QUEUE_TIMEOUT_MS = 500;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  HEALTH_CHECK_TIMEOUT_MS = 1500;

  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  SHUTDOWN_TIMEOUT_MS = 10_000;

  /** Where the embedded PostgreSQL, a started redis-server and development mail live. */
  @IsString()
  DATA_DIR = '.data';

  /** The built web app (Vite's output) the API serves at `/`; relative to the working directory. Missing: the API serves no web app. */
  @IsString()
  @MinLength(1)
  WEB_DIR = 'apps/web/dist';
}

export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/** Validates the environment; throws one `ConfigurationError` naming every bad variable. */
export function validateEnvironment(raw: Record<string, string | undefined>): EnvironmentVariables {
  const present = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''));
  const env = plainToInstance(EnvironmentVariables, present, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: true });
  if (errors.length > 0) {
    const messages = errors.map((error) => Object.values(error.constraints ?? {})[0] ?? `${error.property} is invalid`);
    throw new ConfigurationError(`Invalid configuration: ${messages.join('; ')}`);
  }
  return env;
}
