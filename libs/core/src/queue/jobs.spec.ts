import { describe, expect, it } from '@jest/globals';
import { uncoveredJobs, type JobName } from './jobs.js';

// Any names will do: core knows no job; the contexts declare theirs (see libs/platform's spec for the real list).
const [a, b, c] = ['a.one', 'a.two', 'b.one'] as unknown as JobName[];

describe('job coverage', () => {
  it('finds declared jobs without a processor and jobs claimed twice', () => {
    expect(uncoveredJobs([a!, b!, c!], [[a!, b!], [c!]])).toEqual({ missing: [], duplicated: [] });
    expect(uncoveredJobs([a!, b!, c!], [])).toEqual({ missing: [a, b, c], duplicated: [] });
    expect(uncoveredJobs([a!], [[a!], [a!]]).duplicated).toEqual([a]);
  });
});
