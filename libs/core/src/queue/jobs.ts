/**
 * Every queue and job of Slussen, with the payload each job carries. Payloads
 * carry ids, never state: the processor re-reads what it needs.
 */
export enum QueueName {
  Scheduling = 'scheduling',
  Notifications = 'notifications',
  Pilots = 'pilots',
  Reports = 'reports',
  Webhooks = 'webhooks',
}

export enum JobName {
  ExpireOverdueBookings = 'scheduling.expire-overdue-bookings',
  PurgeIdempotencyKeys = 'scheduling.purge-idempotency-keys',
  QueueReminders = 'scheduling.queue-reminders',
  DeliverOutboxMessage = 'notifications.deliver-outbox-message',
  DeliverWebhook = 'webhooks.deliver',
  SweepDeliveries = 'notifications.sweep-deliveries',
  ScanPilots = 'pilots.scan',
  PullMeasurements = 'pilots.pull-measurements',
  BuildNightlyReports = 'reports.build-nightly',
  BuildReportRun = 'reports.build-run',
  SweepReportRuns = 'reports.sweep-runs',
}

export interface JobPayloads {
  [JobName.ExpireOverdueBookings]: { requestId?: string };
  [JobName.PurgeIdempotencyKeys]: { requestId?: string };
  [JobName.QueueReminders]: { requestId?: string };
  [JobName.DeliverOutboxMessage]: { outboxId: string; requestId?: string };
  /** `claim`: the delivery's attempts count when a sweep took it back and handed it to this job. */
  [JobName.DeliverWebhook]: { deliveryId: string; claim?: number; requestId?: string };
  [JobName.SweepDeliveries]: { requestId?: string };
  [JobName.ScanPilots]: { requestId?: string };
  [JobName.PullMeasurements]: { sourceId: string; dueAt: string; requestId?: string };
  /** `night`: the day to report (YYYY-MM-DD); by default the day before the job runs. */
  [JobName.BuildNightlyReports]: { night?: string; requestId?: string };
  [JobName.BuildReportRun]: { runId: string; requestId?: string };
  [JobName.SweepReportRuns]: { requestId?: string };
}

export type JobData<N extends JobName> = JobPayloads[N];

export const JOB_QUEUES: Record<JobName, QueueName> = {
  [JobName.ExpireOverdueBookings]: QueueName.Scheduling,
  [JobName.PurgeIdempotencyKeys]: QueueName.Scheduling,
  [JobName.QueueReminders]: QueueName.Scheduling,
  [JobName.DeliverOutboxMessage]: QueueName.Notifications,
  [JobName.DeliverWebhook]: QueueName.Webhooks,
  [JobName.SweepDeliveries]: QueueName.Notifications,
  [JobName.ScanPilots]: QueueName.Pilots,
  [JobName.PullMeasurements]: QueueName.Pilots,
  [JobName.BuildNightlyReports]: QueueName.Reports,
  [JobName.BuildReportRun]: QueueName.Reports,
  [JobName.SweepReportRuns]: QueueName.Reports,
};

/** The jobs no processor claims, and those claimed twice: both stop the worker at start. */
export function uncoveredJobs(claimed: JobName[][]): { missing: JobName[]; duplicated: JobName[] } {
  const all = claimed.flat();
  return {
    missing: Object.values(JobName).filter((name) => !all.includes(name)),
    duplicated: [...new Set(all.filter((name, index) => all.indexOf(name) !== index))],
  };
}
