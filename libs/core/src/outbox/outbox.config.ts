import { defineConfigSlice } from '../config/config-slice.js';
import { IntSetting } from '../config/setting.decorators.js';

/** The outbox relay's environment variables: how it moves outbox messages into BullMQ. */
export class OutboxVariables {
  /** How often the outbox relay looks for messages when no NOTIFY woke it. */
  @IntSetting(50, 60_000)
  OUTBOX_POLL_MS = 1000;

  @IntSetting(1, 10_000)
  OUTBOX_BATCH_SIZE = 200;

  /** How long the relay waits for Redis to take a batch before it tries again later. */
  @IntSetting(100, 60_000)
  OUTBOX_ENQUEUE_TIMEOUT_MS = 5000;

  /** When Redis comes back without its data, outbox messages dispatched this recently are dispatched again (their jobs were lost). */
  @IntSetting(1, 720)
  OUTBOX_REDISPATCH_HOURS = 24;

  /**
   * Attempts of an outbox message's delivery job (exponential backoff from 1 s): 12 keep trying for
   * about an hour, so a database away that long (every attempt failing before a delivery was planned,
   * where the delivery sweep cannot see it) delays e-mail but loses none.
   */
  @IntSetting(1, 20)
  OUTBOX_DELIVERY_ATTEMPTS = 12;
}

/** The outbox relay's settings. */
export class OutboxConfig {
  readonly pollMs: number;
  readonly batchSize: number;
  readonly enqueueTimeoutMs: number;
  readonly redispatchHours: number;
  readonly deliveryAttempts: number;

  constructor(env: OutboxVariables) {
    this.pollMs = env.OUTBOX_POLL_MS;
    this.batchSize = env.OUTBOX_BATCH_SIZE;
    this.enqueueTimeoutMs = env.OUTBOX_ENQUEUE_TIMEOUT_MS;
    this.redispatchHours = env.OUTBOX_REDISPATCH_HOURS;
    this.deliveryAttempts = env.OUTBOX_DELIVERY_ATTEMPTS;
  }
}

// Core's own slice, declared as a context declares its own.
declare module '../config/config-slice.js' {
  interface ConfigSlices {
    outbox: OutboxConfig;
  }
}
declare module '../config/environment.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface EnvironmentVariables extends OutboxVariables {}
}

export const OUTBOX_CONFIG = defineConfigSlice('outbox', OutboxVariables, OutboxConfig);
