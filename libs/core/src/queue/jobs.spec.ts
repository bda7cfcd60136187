import { describe, expect, it } from '@jest/globals';
import { JOB_QUEUES, JobName, uncoveredJobs } from './jobs.js';

describe('job registry', () => {
  it('gives every job a queue', () => {
    expect(Object.keys(JOB_QUEUES).sort()).toEqual(Object.values(JobName).sort());
  });

  it('finds jobs without a processor and jobs claimed twice', () => {
    expect(uncoveredJobs([Object.values(JobName)])).toEqual({ missing: [], duplicated: [] });
    expect(uncoveredJobs([])).toEqual({ missing: Object.values(JobName), duplicated: [] });
    expect(uncoveredJobs([[JobName.ExpireOverdueBookings], [JobName.ExpireOverdueBookings]]).duplicated).toEqual([
      JobName.ExpireOverdueBookings,
    ]);
  });
});
