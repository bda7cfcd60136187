import type { JobsOptions } from 'bullmq';

/**
 * The jobs map. Core knows no job: each context declares its queue, its jobs
 * and the payload each carries beside its code (`libs/<context>/src/<context>.jobs.ts`),
 * by declaration merging, as `PolicySubjects` does:
 *
 *     declare module '@slussen/core' {
 *       interface JobPayloads { 'pilots.scan': { requestId?: string } }
 *       interface JobQueues { pilots: PilotsJob }
 *     }
 *
 * and hands the worker its list (`declareJobs`), which checks at start that every
 * declared job has exactly one processor. Payloads carry ids, never state: the
 * processor re-reads what it needs.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface JobPayloads {}

/** Each queue, with the names of the jobs it carries. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface JobQueues {}

export type JobName = keyof JobPayloads & string;
export type QueueName = keyof JobQueues & string;
export type JobData<N extends JobName> = JobPayloads[N];
/** The names of one queue's jobs (a context's enum, whose values are keys of the jobs map). */
export type JobsOf<Q extends QueueName> = JobQueues[Q] extends JobName ? JobQueues[Q] : never;

/** One job as `enqueueBulk` takes it: its name, its payload, and BullMQ's options. */
export type EnqueuedJob<N extends JobName = JobName> = {
  [K in N]: { job: K; payload: JobData<K>; opts?: JobsOptions };
}[N];

/** The jobs of one queue, as a context hands them to the worker. */
export interface JobDeclarations<Q extends QueueName = QueueName> {
  readonly queue: Q;
  readonly jobs: readonly JobsOf<Q>[];
}

/**
 * A context's list of its queue's jobs (its enum's values): the compiler checks
 * that the list names every job the context declared for that queue.
 */
export function declareJobs<Q extends QueueName, const T extends Record<string, JobsOf<Q>>>(
  queue: Q,
  names: T & ([Exclude<JobsOf<Q>, T[keyof T]>] extends [never] ? unknown : { missing: Exclude<JobsOf<Q>, T[keyof T]> }),
): JobDeclarations<Q> {
  return { queue, jobs: Object.values(names) as JobsOf<Q>[] };
}

/** The declared jobs no processor claims, and those claimed twice: both stop the worker at start. */
export function uncoveredJobs(
  declared: readonly JobName[],
  claimed: JobName[][],
): { missing: JobName[]; duplicated: JobName[] } {
  const all = claimed.flat();
  return {
    missing: declared.filter((name) => !all.includes(name)),
    duplicated: [...new Set(all.filter((name, index) => all.indexOf(name) !== index))],
  };
}
