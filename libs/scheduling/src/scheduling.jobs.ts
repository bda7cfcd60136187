import { declareJobs } from '@slussen/core';

/** The queue of scheduling's periodic work. */
export const SCHEDULING_QUEUE = 'scheduling';

export enum SchedulingJob {
  ExpireOverdueBookings = 'scheduling.expire-overdue-bookings',
  PurgeIdempotencyKeys = 'scheduling.purge-idempotency-keys',
  QueueReminders = 'scheduling.queue-reminders',
}

declare module '@slussen/core' {
  interface JobQueues {
    scheduling: SchedulingJob;
  }
  interface JobPayloads {
    'scheduling.expire-overdue-bookings': { requestId?: string };
    'scheduling.purge-idempotency-keys': { requestId?: string };
    'scheduling.queue-reminders': { requestId?: string };
  }
}

/** Scheduling's jobs, for the worker's check that each has one processor. */
export const SCHEDULING_JOBS = declareJobs(SCHEDULING_QUEUE, SchedulingJob);
