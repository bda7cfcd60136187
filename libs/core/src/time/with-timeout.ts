/**
 * The work's own outcome, or a rejection with `message` when it has not settled
 * within `ms`. The timer never keeps the process alive and is cleared once the
 * work settles; the work itself is not cancelled.
 */
export function withTimeout<T>(work: Promise<T>, ms: number, message = `no answer within ${ms} ms`): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, fail) => {
      timer = setTimeout(() => fail(new Error(message)), ms);
      timer.unref();
    }),
  ]).finally(() => clearTimeout(timer));
}
