import type { JobDeclarations } from '@slussen/core';
import { IDEAS_JOBS } from '@slussen/ideas';
import { NOTIFICATIONS_JOBS } from '@slussen/notifications';
import { PILOTS_JOBS } from '@slussen/pilots';
import { REPORTING_JOBS } from '@slussen/reporting';
import { SCHEDULING_JOBS } from '@slussen/scheduling';

/** Every queue and its jobs; the worker checks at start that each job has exactly one processor. */
export const CONTEXT_JOBS: readonly JobDeclarations[] = [
  SCHEDULING_JOBS,
  ...NOTIFICATIONS_JOBS,
  PILOTS_JOBS,
  REPORTING_JOBS,
  IDEAS_JOBS,
];

/** Every queue's name, e.g. for the queue dashboard. */
export const CONTEXT_QUEUES = CONTEXT_JOBS.map((declared) => declared.queue);
