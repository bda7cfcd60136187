import { describe, expect, it } from '@jest/globals';
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
});
