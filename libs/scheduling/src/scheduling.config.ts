import { defineConfigSlice, IntSetting } from '@slussen/core';

/** Scheduling's environment variables: expiry of undecided requests, reminders, idempotency keys, calendar feeds. */
export class SchedulingVariables {
  /** How often the worker expires booking requests nobody decided in time. */
  @IntSetting(1, 3600)
  BOOKING_EXPIRY_EVERY_SECONDS = 60;

  @IntSetting(1, 10_000)
  BOOKING_EXPIRY_BATCH_SIZE = 500;

  /** How often the worker looks for reminders that have come due. */
  @IntSetting(1, 300)
  REMINDER_SCAN_EVERY_SECONDS = 60;

  /** A reminder more than this late (e.g. after a long outage) is skipped, not sent. */
  @IntSetting(5, 10_080)
  REMINDER_WINDOW_MINUTES = 60;

  /** How long an Idempotency-Key answers with its first response. */
  @IntSetting(1, 720)
  IDEMPOTENCY_TTL_HOURS = 24;

  /** A key still in progress after this long belongs to a request that died; a retry may take it over. */
  @IntSetting(5, 3600)
  IDEMPOTENCY_STALE_SECONDS = 60;

  /** Days a calendar feed token (a subscription URL) works after it is made. */
  @IntSetting(1, 3660)
  CALENDAR_FEED_TOKEN_TTL_DAYS = 365;
}

/** Scheduling's settings, injected where scheduling needs them. */
export class SchedulingConfig {
  readonly bookingExpiry: { everySeconds: number; batchSize: number };
  readonly reminders: { everySeconds: number; windowMinutes: number };
  readonly idempotency: { ttlHours: number; staleSeconds: number };
  readonly calendarFeeds: { tokenTtlDays: number };

  constructor(env: SchedulingVariables) {
    this.bookingExpiry = { everySeconds: env.BOOKING_EXPIRY_EVERY_SECONDS, batchSize: env.BOOKING_EXPIRY_BATCH_SIZE };
    this.reminders = { everySeconds: env.REMINDER_SCAN_EVERY_SECONDS, windowMinutes: env.REMINDER_WINDOW_MINUTES };
    this.idempotency = { ttlHours: env.IDEMPOTENCY_TTL_HOURS, staleSeconds: env.IDEMPOTENCY_STALE_SECONDS };
    this.calendarFeeds = { tokenTtlDays: env.CALENDAR_FEED_TOKEN_TTL_DAYS };
  }
}

declare module '@slussen/core' {
  interface ConfigSlices {
    scheduling: SchedulingConfig;
  }
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface EnvironmentVariables extends SchedulingVariables {}
}

export const SCHEDULING_CONFIG = defineConfigSlice('scheduling', SchedulingVariables, SchedulingConfig);
