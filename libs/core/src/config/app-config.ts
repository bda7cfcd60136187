import { developmentSecrets } from './development-secrets.js';
import { EnvironmentVariables, NodeEnv } from './environment.js';

/** Where PostgreSQL and Redis were found or started (see runtime/local-services.ts). */
export interface ServiceUrls {
  databaseUrl: string;
  redisUrl: string;
}

/** The validated, typed settings every module injects. Built once per process. */
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
  readonly bookingExpiry: { everySeconds: number; batchSize: number };
  readonly reminders: { everySeconds: number; windowMinutes: number };
  readonly calendarFeeds: { tokenTtlDays: number };
  readonly idempotency: { ttlHours: number; staleSeconds: number };
  readonly outbox: {
    pollMs: number;
    batchSize: number;
    enqueueTimeoutMs: number;
    redispatchHours: number;
    deliveryAttempts: number;
  };
  readonly mail: { from: string; leaseSeconds: number; sweepEverySeconds: number; sweepBatchSize: number };
  readonly webhooks: {
    timeoutMs: number;
    disableAfter: number;
    concurrency: number;
    maxPerOrganization: number;
    maxBytes: number;
    allowPrivateAddresses: boolean;
    allowHttp: boolean;
  };
  readonly jwt: { secret: string; accessTtlSeconds: number; refreshTtlDays: number };
  readonly identityLinks: { passwordResetTtlMinutes: number; invitationTtlDays: number };
  readonly secretsKey: string;
  readonly pilots: {
    scanEverySeconds: number;
    batchSize: number;
    planReminderDays: number;
    measurementGraceDays: number;
    measurementReminderDays: number;
  };
  readonly ideas: { reminderScanEverySeconds: number; reminderBatchSize: number };
  readonly sources: {
    timeoutMs: number;
    maxBytes: number;
    attempts: number;
    retryDelayMs: number;
    concurrency: number;
    allowPrivateAddresses: boolean;
    allowHttp: boolean;
  };
  readonly reports: {
    timezone: string;
    nightlyCron: string;
    statementTimeoutMs: number;
    workMemMb: number;
    parallelism: number;
    maxPeriodDays: number;
    sweepEverySeconds: number;
    runsPerHour: number;
  };
  readonly argon2: { memoryKib: number; timeCost: number };
  readonly throttle: { authLimit: number; authAccountLimit: number; authWindowSeconds: number };
  readonly trustProxyHops: number;
  readonly admin: { email: string; password: string } | null;
  readonly smtpUrl: string | null;
  readonly cors: { origins: string[] | true | false };
  readonly log: { level: string; pretty: boolean };
  readonly http: { bodyLimit: string; requestQueue: { limit: number; timeoutMs: number } };
  readonly health: { timeoutMs: number };
  readonly shutdownTimeoutMs: number;
  readonly dataDir: string;
  readonly webDir: string;

  constructor(env: EnvironmentVariables, services: ServiceUrls) {
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
    this.bookingExpiry = { everySeconds: env.BOOKING_EXPIRY_EVERY_SECONDS, batchSize: env.BOOKING_EXPIRY_BATCH_SIZE };
    this.reminders = { everySeconds: env.REMINDER_SCAN_EVERY_SECONDS, windowMinutes: env.REMINDER_WINDOW_MINUTES };
    this.calendarFeeds = { tokenTtlDays: env.CALENDAR_FEED_TOKEN_TTL_DAYS };
    this.idempotency = { ttlHours: env.IDEMPOTENCY_TTL_HOURS, staleSeconds: env.IDEMPOTENCY_STALE_SECONDS };
    this.outbox = {
      pollMs: env.OUTBOX_POLL_MS,
      batchSize: env.OUTBOX_BATCH_SIZE,
      enqueueTimeoutMs: env.OUTBOX_ENQUEUE_TIMEOUT_MS,
      redispatchHours: env.OUTBOX_REDISPATCH_HOURS,
      deliveryAttempts: env.OUTBOX_DELIVERY_ATTEMPTS,
    };
    this.mail = {
      from: env.MAIL_FROM,
      leaseSeconds: env.DELIVERY_LEASE_SECONDS,
      sweepEverySeconds: env.DELIVERY_SWEEP_EVERY_SECONDS,
      sweepBatchSize: env.DELIVERY_SWEEP_BATCH_SIZE,
    };
    this.webhooks = {
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      disableAfter: env.WEBHOOK_DISABLE_AFTER,
      concurrency: env.WEBHOOK_CONCURRENCY,
      maxPerOrganization: env.WEBHOOK_MAX_PER_ORGANIZATION,
      maxBytes: env.WEBHOOK_MAX_RESPONSE_BYTES,
      allowPrivateAddresses: env.WEBHOOK_ALLOW_PRIVATE_ADDRESSES,
      allowHttp: env.WEBHOOK_ALLOW_HTTP,
    };
    // Production requires both (validateEnvironment); elsewhere a missing one comes from DATA_DIR, made at random on first start.
    const generated =
      env.JWT_SECRET === undefined || env.SECRETS_KEY === undefined ? developmentSecrets(env.DATA_DIR) : null;
    this.jwt = {
      secret: env.JWT_SECRET ?? generated!.jwtSecret,
      accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS,
      refreshTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
    };
    this.identityLinks = {
      passwordResetTtlMinutes: env.PASSWORD_RESET_TTL_MINUTES,
      invitationTtlDays: env.INVITATION_TTL_DAYS,
    };
    this.secretsKey = env.SECRETS_KEY ?? generated!.secretsKey;
    this.pilots = {
      scanEverySeconds: env.PILOT_SCAN_EVERY_SECONDS,
      batchSize: env.PILOT_BATCH_SIZE,
      planReminderDays: env.PILOT_PLAN_REMINDER_DAYS,
      measurementGraceDays: env.MEASUREMENT_GRACE_DAYS,
      measurementReminderDays: env.MEASUREMENT_REMINDER_DAYS,
    };
    this.ideas = {
      reminderScanEverySeconds: env.IDEA_REMINDER_SCAN_EVERY_SECONDS,
      reminderBatchSize: env.IDEA_REMINDER_BATCH_SIZE,
    };
    this.sources = {
      timeoutMs: env.SOURCE_FETCH_TIMEOUT_MS,
      maxBytes: env.SOURCE_MAX_BYTES,
      attempts: env.SOURCE_FETCH_ATTEMPTS,
      retryDelayMs: env.SOURCE_RETRY_DELAY_MS,
      concurrency: env.SOURCE_FETCH_CONCURRENCY,
      allowPrivateAddresses: env.SOURCE_ALLOW_PRIVATE_ADDRESSES,
      allowHttp: env.SOURCE_ALLOW_HTTP,
    };
    this.reports = {
      timezone: env.REPORT_TIMEZONE,
      nightlyCron: env.REPORT_NIGHTLY_CRON,
      statementTimeoutMs: env.REPORT_STATEMENT_TIMEOUT_MS,
      workMemMb: env.REPORT_WORK_MEM_MB,
      parallelism: env.REPORT_PARALLELISM,
      maxPeriodDays: env.REPORT_MAX_PERIOD_DAYS,
      sweepEverySeconds: env.REPORT_SWEEP_EVERY_SECONDS,
      runsPerHour: env.REPORT_RUNS_PER_HOUR,
    };
    this.argon2 = { memoryKib: env.ARGON2_MEMORY_KIB, timeCost: env.ARGON2_TIME_COST };
    this.throttle = {
      authLimit: env.THROTTLE_AUTH_LIMIT,
      authAccountLimit: env.THROTTLE_AUTH_ACCOUNT_LIMIT,
      authWindowSeconds: env.THROTTLE_AUTH_WINDOW_SECONDS,
    };
    this.trustProxyHops = env.TRUST_PROXY_HOPS;
    this.admin =
      env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : null;
    this.smtpUrl = env.SMTP_URL ?? null;
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
