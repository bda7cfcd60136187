import { IsOptional, IsString, IsUrl } from 'class-validator';
import { BoolSetting, defineConfigSlice, IntSetting } from '@slussen/core';

/** Notifications' environment variables: how e-mail is sent, how deliveries are claimed and swept, webhooks. */
export class NotificationsVariables {
  @IsOptional()
  @IsUrl(
    { protocols: ['smtp', 'smtps'], require_tld: false, require_protocol: true },
    { message: 'SMTP_URL must be an smtp:// or smtps:// URL' },
  )
  SMTP_URL?: string;

  /** The sender of Slussen's e-mail. */
  @IsString()
  MAIL_FROM = 'Slussen <no-reply@slussen.local>';

  /** A delivery claimed longer ago than this belongs to a worker that died; another may send it. */
  @IntSetting(5, 3600)
  DELIVERY_LEASE_SECONDS = 120;

  /** How often the worker takes back deliveries whose lease expired (and once at its start). */
  @IntSetting(1, 3600)
  DELIVERY_SWEEP_EVERY_SECONDS = 30;

  /** Deliveries taken back per sweep at most. */
  @IntSetting(1, 10_000)
  DELIVERY_SWEEP_BATCH_SIZE = 200;

  /**
   * Outbox messages a worker takes at once and plans together (one read of the messages, one insert of their
   * deliveries); a webhook job carries at most this many deliveries.
   */
  @IntSetting(1, 1000)
  DELIVERY_BATCH_SIZE = 100;

  /** How long a webhook receiver may take to answer. */
  @IntSetting(500, 60_000)
  WEBHOOK_TIMEOUT_MS = 5000;

  /** Failed deliveries in a row after which a subscription is disabled and its admins told. */
  @IntSetting(1, 1000)
  WEBHOOK_DISABLE_AFTER = 15;

  /** Webhook deliveries one worker runs at once, on their own queue (e-mail never waits for them). */
  @IntSetting(1, 500)
  WEBHOOK_CONCURRENCY = 10;

  /**
   * How long a connection to a webhook receiver is kept open unused for the next POST to the same resolved address
   * (0: a new connection for every POST). Connections to one address are at most WEBHOOK_CONCURRENCY.
   */
  @IntSetting(0, 300_000)
  WEBHOOK_KEEP_ALIVE_MS = 4000;

  /** Receivers' addresses a worker keeps connections to; past this, the least recently used address's close. */
  @IntSetting(1, 10_000)
  WEBHOOK_KEEP_ALIVE_ADDRESSES = 100;

  /**
   * How long a webhook body made while planning is sent as it is; a job that runs
   * later (a backlog, or another worker) reads the message's state again.
   */
  @IntSetting(0, 3_600_000)
  WEBHOOK_BODY_FRESH_MS = 300_000;

  /** Subscriptions one organization may hold. */
  @IntSetting(1, 1000)
  WEBHOOK_MAX_PER_ORGANIZATION = 10;

  /** The largest answer a webhook receiver may give; a bigger one fails the delivery. */
  @IntSetting(1024, 10_485_760)
  WEBHOOK_MAX_RESPONSE_BYTES = 65_536;

  /** Operator allowance: let webhooks reach loopback, private or link-local addresses (refused by default). */
  @BoolSetting()
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES = false;

  /** Operator allowance: accept plain http:// webhook URLs (only https:// by default). */
  @BoolSetting()
  WEBHOOK_ALLOW_HTTP = false;
}

/** Notifications' settings, injected where the delivery engine needs them. */
export class NotificationsConfig {
  /** The SMTP server; none: e-mail is written to DATA_DIR/mail as .eml files. */
  readonly smtpUrl: string | null;
  readonly mail: {
    from: string;
    leaseSeconds: number;
    sweepEverySeconds: number;
    sweepBatchSize: number;
    batchSize: number;
  };
  readonly webhooks: {
    timeoutMs: number;
    disableAfter: number;
    concurrency: number;
    keepAliveMs: number;
    keepAliveAddresses: number;
    bodyFreshMs: number;
    maxPerOrganization: number;
    maxBytes: number;
    allowPrivateAddresses: boolean;
    allowHttp: boolean;
  };

  constructor(env: NotificationsVariables) {
    this.smtpUrl = env.SMTP_URL ?? null;
    this.mail = {
      from: env.MAIL_FROM,
      leaseSeconds: env.DELIVERY_LEASE_SECONDS,
      sweepEverySeconds: env.DELIVERY_SWEEP_EVERY_SECONDS,
      sweepBatchSize: env.DELIVERY_SWEEP_BATCH_SIZE,
      batchSize: env.DELIVERY_BATCH_SIZE,
    };
    this.webhooks = {
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      disableAfter: env.WEBHOOK_DISABLE_AFTER,
      concurrency: env.WEBHOOK_CONCURRENCY,
      keepAliveMs: env.WEBHOOK_KEEP_ALIVE_MS,
      keepAliveAddresses: env.WEBHOOK_KEEP_ALIVE_ADDRESSES,
      bodyFreshMs: env.WEBHOOK_BODY_FRESH_MS,
      maxPerOrganization: env.WEBHOOK_MAX_PER_ORGANIZATION,
      maxBytes: env.WEBHOOK_MAX_RESPONSE_BYTES,
      allowPrivateAddresses: env.WEBHOOK_ALLOW_PRIVATE_ADDRESSES,
      allowHttp: env.WEBHOOK_ALLOW_HTTP,
    };
  }
}

declare module '@slussen/core' {
  interface ConfigSlices {
    notifications: NotificationsConfig;
  }
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface EnvironmentVariables extends NotificationsVariables {}
}

export const NOTIFICATIONS_CONFIG = defineConfigSlice('notifications', NotificationsVariables, NotificationsConfig);
