import { declareJobs } from '@slussen/core';

/** The queue of the sluices' reminders. */
export const IDEAS_QUEUE = 'ideas';

export enum IdeasJob {
  RemindWaiting = 'ideas.remind-waiting',
}

declare module '@slussen/core' {
  interface JobQueues {
    ideas: IdeasJob;
  }
  interface JobPayloads {
    'ideas.remind-waiting': { requestId?: string };
  }
}

/** Ideas' jobs, for the worker's check that each has one processor. */
export const IDEAS_JOBS = declareJobs(IDEAS_QUEUE, IdeasJob);
