import { declareJobs } from '@slussen/core';

/** The queue of report runs: nightly, on demand, and the sweep that re-queues lost ones. */
export const REPORTS_QUEUE = 'reports';

export enum ReportingJob {
  BuildNightlyReports = 'reports.build-nightly',
  BuildReportRun = 'reports.build-run',
  SweepReportRuns = 'reports.sweep-runs',
}

declare module '@slussen/core' {
  interface JobQueues {
    reports: ReportingJob;
  }
  interface JobPayloads {
    /** `night`: the day to report (YYYY-MM-DD); by default the day before the job runs. */
    'reports.build-nightly': { night?: string; requestId?: string };
    'reports.build-run': { runId: string; requestId?: string };
    'reports.sweep-runs': { requestId?: string };
  }
}

/** Reporting's jobs, for the worker's check that each has one processor. */
export const REPORTING_JOBS = declareJobs(REPORTS_QUEUE, ReportingJob);
