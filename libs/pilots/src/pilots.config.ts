import { BoolSetting, defineConfigSlice, IntSetting } from '@slussen/core';

/** Pilots' environment variables: the scan that moves pilots along, measurements, pulled sources. */
export class PilotsVariables {
  /** How often the worker moves pilots along: stage changes, due measurement requests, reminders. */
  @IntSetting(1, 3600)
  PILOT_SCAN_EVERY_SECONDS = 60;

  /** Pilots handled per step of one scan. */
  @IntSetting(1, 10_000)
  PILOT_BATCH_SIZE = 500;

  /** Days before its start that a pilot whose plan is not agreed reminds both sides. */
  @IntSetting(1, 60)
  PILOT_PLAN_REMINDER_DAYS = 7;

  /** Days after a pilot's end that measurements of it are still accepted. */
  @IntSetting(0, 365)
  MEASUREMENT_GRACE_DAYS = 14;

  /** Days after a requested measurement was due that an unanswered request reminds the company. */
  @IntSetting(1, 60)
  MEASUREMENT_REMINDER_DAYS = 3;

  /** How long one fetch of a measurement source may take, connecting included. */
  @IntSetting(100, 120_000)
  SOURCE_FETCH_TIMEOUT_MS = 10_000;

  /** The largest answer a measurement source may give; a bigger one is cut off and fails. */
  @IntSetting(1024, 104_857_600)
  SOURCE_MAX_BYTES = 1_048_576;

  /** Tries per fetch (with exponential backoff) before it is reported failed. */
  @IntSetting(1, 20)
  SOURCE_FETCH_ATTEMPTS = 4;

  /** The first retry of a failed fetch waits this long; each next one twice as long. */
  @IntSetting(10, 600_000)
  SOURCE_RETRY_DELAY_MS = 2000;

  /** Fetches one worker runs at once. */
  @IntSetting(1, 500)
  SOURCE_FETCH_CONCURRENCY = 20;

  /** Operator allowance: let sources live on private, loopback or link-local addresses (refused by default). */
  @BoolSetting()
  SOURCE_ALLOW_PRIVATE_ADDRESSES = false;

  /** Operator allowance: accept plain http:// sources (only https:// by default). */
  @BoolSetting()
  SOURCE_ALLOW_HTTP = false;
}

/** Pilots' settings, injected where pilots need them. */
export class PilotsConfig {
  readonly scanEverySeconds: number;
  readonly batchSize: number;
  readonly planReminderDays: number;
  readonly measurementGraceDays: number;
  readonly measurementReminderDays: number;
  /** Fetching measurement sources (also the outbound checks of a source's URL). */
  readonly sources: {
    timeoutMs: number;
    maxBytes: number;
    attempts: number;
    retryDelayMs: number;
    concurrency: number;
    allowPrivateAddresses: boolean;
    allowHttp: boolean;
  };

  constructor(env: PilotsVariables) {
    this.scanEverySeconds = env.PILOT_SCAN_EVERY_SECONDS;
    this.batchSize = env.PILOT_BATCH_SIZE;
    this.planReminderDays = env.PILOT_PLAN_REMINDER_DAYS;
    this.measurementGraceDays = env.MEASUREMENT_GRACE_DAYS;
    this.measurementReminderDays = env.MEASUREMENT_REMINDER_DAYS;
    this.sources = {
      timeoutMs: env.SOURCE_FETCH_TIMEOUT_MS,
      maxBytes: env.SOURCE_MAX_BYTES,
      attempts: env.SOURCE_FETCH_ATTEMPTS,
      retryDelayMs: env.SOURCE_RETRY_DELAY_MS,
      concurrency: env.SOURCE_FETCH_CONCURRENCY,
      allowPrivateAddresses: env.SOURCE_ALLOW_PRIVATE_ADDRESSES,
      allowHttp: env.SOURCE_ALLOW_HTTP,
    };
  }
}

declare module '@slussen/core' {
  interface ConfigSlices {
    pilots: PilotsConfig;
  }
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface EnvironmentVariables extends PilotsVariables {}
}

export const PILOTS_CONFIG = defineConfigSlice('pilots', PilotsVariables, PilotsConfig);
