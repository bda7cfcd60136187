import { describe, expect, it } from '@jest/globals';
import { OutboxRelayModule } from '@slussen/core';
import { NOTIFICATIONS_QUEUE, NotificationsJob } from '@slussen/notifications';
import { REPORTS_QUEUE, ReportingJob } from '@slussen/reporting';
import { CONTEXT_JOBS, CONTEXT_QUEUES } from './jobs.js';

describe('jobs of the contexts', () => {
  it('name each job once, on one queue, and each queue once', () => {
    const jobs = CONTEXT_JOBS.flatMap((declared) => declared.jobs);
    expect(jobs.filter((job, index) => jobs.indexOf(job) !== index)).toEqual([]);
    expect(new Set(CONTEXT_QUEUES).size).toBe(CONTEXT_QUEUES.length);
    expect([...CONTEXT_QUEUES].sort()).toEqual([
      'ideas',
      'notifications',
      'pilots',
      'reports',
      'scheduling',
      'webhooks',
    ]);
    expect(jobs).toHaveLength(13);
  });

  it('let the outbox relay hand messages only to a job that takes an outbox message', () => {
    const relay = OutboxRelayModule.forTarget({
      queue: NOTIFICATIONS_QUEUE,
      job: NotificationsJob.DeliverOutboxMessage,
    });
    expect(relay.providers).toHaveLength(3);
    // The typecheck holds the rest: a report run takes { runId }, not an outbox message.
    // @ts-expect-error the job's payload is not an outbox message
    expect(OutboxRelayModule.forTarget({ queue: REPORTS_QUEUE, job: ReportingJob.BuildReportRun }).module).toBe(
      OutboxRelayModule,
    );
  });
});
