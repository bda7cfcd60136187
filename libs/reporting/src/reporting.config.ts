import { IsString, Matches } from 'class-validator';
import { defineConfigSlice, IntSetting, type CoreVariables } from '@slussen/core';

/**
 * Reporting's environment variables: the nightly run and on-demand runs. Their time zone,
 * `REPORT_TIMEZONE`, is core's: identity's e-mail shows its times in it too.
 */
export class ReportingVariables {
  /** When the nightly reports are built (cron, in REPORT_TIMEZONE). */
  @IsString()
  @Matches(/^\S+( \S+){4,5}$/, { message: 'REPORT_NIGHTLY_CRON must be a cron pattern such as "0 2 * * *"' })
  REPORT_NIGHTLY_CRON = '0 2 * * *';

  /** The longest one statement of a report run may take. */
  @IntSetting(1000, 3_600_000)
  REPORT_STATEMENT_TIMEOUT_MS = 300_000;

  /** Memory PostgreSQL may use per sort or hash while building reports. */
  @IntSetting(4, 4096)
  REPORT_WORK_MEM_MB = 64;

  /** Families of figures a report run computes at once, each on its own database connection. */
  @IntSetting(1, 16)
  REPORT_PARALLELISM = 2;

  /** The longest period an on-demand run may cover. */
  @IntSetting(1, 3660)
  REPORT_MAX_PERIOD_DAYS = 731;

  /** On-demand report runs one person or API token may start per hour (a run reused because an identical one is in progress does not count). */
  @IntSetting(1, 10_000)
  REPORT_RUNS_PER_HOUR = 10;

  /** A queued run whose job is missing is queued again after this long. */
  @IntSetting(5, 3600)
  REPORT_SWEEP_EVERY_SECONDS = 60;
}

/** Reporting's settings, injected where reporting needs them. */
export class ReportingConfig {
  /** The time zone of report days, months and years, and of the nightly run's schedule. */
  readonly timezone: string;
  readonly nightlyCron: string;
  readonly statementTimeoutMs: number;
  readonly workMemMb: number;
  readonly parallelism: number;
  readonly maxPeriodDays: number;
  readonly sweepEverySeconds: number;
  readonly runsPerHour: number;

  constructor(env: ReportingVariables & Pick<CoreVariables, 'REPORT_TIMEZONE'>) {
    this.timezone = env.REPORT_TIMEZONE;
    this.nightlyCron = env.REPORT_NIGHTLY_CRON;
    this.statementTimeoutMs = env.REPORT_STATEMENT_TIMEOUT_MS;
    this.workMemMb = env.REPORT_WORK_MEM_MB;
    this.parallelism = env.REPORT_PARALLELISM;
    this.maxPeriodDays = env.REPORT_MAX_PERIOD_DAYS;
    this.sweepEverySeconds = env.REPORT_SWEEP_EVERY_SECONDS;
    this.runsPerHour = env.REPORT_RUNS_PER_HOUR;
  }
}

declare module '@slussen/core' {
  interface ConfigSlices {
    reporting: ReportingConfig;
  }
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface EnvironmentVariables extends ReportingVariables {}
}

export const REPORTING_CONFIG = defineConfigSlice('reporting', ReportingVariables, ReportingConfig);
