import { declareJobs } from '@slussen/core';

/** The queue of the pilot scan and of source fetches. */
export const PILOTS_QUEUE = 'pilots';

export enum PilotsJob {
  ScanPilots = 'pilots.scan',
  PullMeasurements = 'pilots.pull-measurements',
}

declare module '@slussen/core' {
  interface JobQueues {
    pilots: PilotsJob;
  }
  interface JobPayloads {
    'pilots.scan': { requestId?: string };
    'pilots.pull-measurements': { sourceId: string; dueAt: string; requestId?: string };
  }
}

/** Pilots' jobs, for the worker's check that each has one processor. */
export const PILOTS_JOBS = declareJobs(PILOTS_QUEUE, PilotsJob);
