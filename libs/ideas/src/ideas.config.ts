import { defineConfigSlice, IntSetting } from '@slussen/core';

/** Ideas' environment variables: the reminder of ideas that wait longer than their sluice promises. */
export class IdeasVariables {
  /** How often the worker reminds sluices of ideas that have waited in `submitted` longer than they promise. */
  @IntSetting(1, 86_400)
  IDEA_REMINDER_SCAN_EVERY_SECONDS = 300;

  /** Ideas reminded per scan at most. */
  @IntSetting(1, 10_000)
  IDEA_REMINDER_BATCH_SIZE = 500;
}

/** Ideas' settings, injected where ideas need them. */
export class IdeasConfig {
  readonly reminderScanEverySeconds: number;
  readonly reminderBatchSize: number;

  constructor(env: IdeasVariables) {
    this.reminderScanEverySeconds = env.IDEA_REMINDER_SCAN_EVERY_SECONDS;
    this.reminderBatchSize = env.IDEA_REMINDER_BATCH_SIZE;
  }
}

declare module '@slussen/core' {
  interface ConfigSlices {
    ideas: IdeasConfig;
  }
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface EnvironmentVariables extends IdeasVariables {}
}

export const IDEAS_CONFIG = defineConfigSlice('ideas', IdeasVariables, IdeasConfig);
