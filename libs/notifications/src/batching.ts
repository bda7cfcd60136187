/** How one key of a batch came out: its value, or the error that fails only that key's job. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

export const settle = <R>(work: Promise<R>): Promise<Settled<R>> =>
  work.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

/**
 * Gathers the keys submitted while a batch is being handled and hands them to
 * `handle` together, one batch at a time and at most `max` keys each. Nothing
 * waits for a batch to fill: a key submitted to an idle batcher is handled at
 * once (in the next turn of the event loop, with whatever came in the same
 * turn), so batches grow only under load. `handle` answers each key with a
 * promise of its own outcome, which may settle after the batch is released
 * (the next batch starts as soon as `handle` returned, and `open` allows it:
 * while it does not, the keys wait and go together once `wake` finds it open).
 */
export class Batcher<K, R> {
  private waiting: Array<{ key: K; done: (outcome: Promise<R>) => void }> = [];
  private busy = false;

  constructor(
    private readonly max: () => number,
    private readonly handle: (keys: K[]) => Promise<Array<Promise<Settled<R>>>>,
    private readonly open: () => boolean = () => true,
  ) {}

  /** Starts the next batch if one waits and `open` now allows it. */
  wake(): void {
    this.next();
  }

  submit(key: K): Promise<R> {
    return new Promise<R>((done) => {
      this.waiting.push({ key, done });
      this.next();
    });
  }

  private next(): void {
    if (this.busy || this.waiting.length === 0 || !this.open()) return;
    this.busy = true;
    setImmediate(() => void this.run());
  }

  private async run(): Promise<void> {
    const batch = this.waiting.splice(0, this.max());
    try {
      const outcomes = await this.handle(batch.map((entry) => entry.key));
      batch.forEach((entry, index) =>
        entry.done(outcomes[index]!.then((outcome) => (outcome.ok ? outcome.value : Promise.reject(outcome.error)))),
      );
    } catch (error) {
      for (const entry of batch) entry.done(Promise.reject(error));
    } finally {
      this.busy = false;
      this.next();
    }
  }
}

/** A count of free places (sends at once): a sender waits for one, and takes as many as are free. */
export class Slots {
  private waiters: Array<() => void> = [];

  constructor(private free: number) {}

  /** Waits until a place is free, then takes up to `want` of the free ones; returns how many it took. */
  async take(want: number): Promise<number> {
    while (this.free === 0) await new Promise<void>((wake) => this.waiters.push(wake));
    const taken = Math.min(want, this.free);
    this.free -= taken;
    return taken;
  }

  give(count = 1): void {
    this.free += count;
    for (const wake of this.waiters.splice(0, count)) wake();
  }
}

/**
 * Sends deliveries each once, claiming them only just before they are sent:
 * as many at a time as `slots` has free places (so a long list never
 * outlives its lease while it waits), in one claim per group. `send` gets each
 * claimed row; its place is freed when it ends (after the delivery's mark, so
 * no more than `slots` deliveries are ever sent but not yet marked). Rejects,
 * after every started send has ended, with the first error of a claim or a send.
 */
export async function sendClaimed<Row>(
  ids: string[],
  slots: Slots,
  claim: (ids: string[]) => Promise<Row[]>,
  send: (row: Row) => Promise<void>,
): Promise<void> {
  const sends: Array<Promise<void>> = [];
  let failure: { error: unknown } | null = null;
  for (let next = 0; next < ids.length && !failure;) {
    const taken = await slots.take(ids.length - next);
    const group = ids.slice(next, next + taken);
    next += taken;
    let rows: Row[];
    try {
      rows = await claim(group);
    } catch (error) {
      slots.give(taken);
      failure = { error };
      break;
    }
    slots.give(taken - rows.length);
    for (const row of rows) sends.push(send(row).finally(() => slots.give()));
  }
  const ended = await Promise.allSettled(sends);
  const failed = ended.find((result) => result.status === 'rejected');
  if (failure) throw failure.error;
  if (failed) throw failed.reason;
}

/**
 * Runs what is asked for one key at a time as one statement for many: the
 * keys asked for while one is under way go together in the next (nothing
 * waits for a batch to fill). Each caller gets its key's answer (undefined
 * when the statement gave none for it), or the statement's error; a key asked
 * for twice in one batch is answered to the first asker only (a claimed
 * delivery goes to one sender).
 */
export class Coalescer<K, R = void> {
  private waiting: Array<{ key: K; done: (answer: R | undefined) => void; fail: (error: unknown) => void }> = [];
  private running = false;

  constructor(
    private readonly run: (keys: K[]) => Promise<Map<K, R> | void>,
    private readonly max = 1000,
  ) {}

  add(key: K): Promise<R | undefined> {
    return new Promise<R | undefined>((done, fail) => {
      this.waiting.push({ key, done, fail });
      this.next();
    });
  }

  private next(): void {
    if (this.running || this.waiting.length === 0) return;
    this.running = true;
    const batch = this.waiting.splice(0, this.max);
    this.run([...new Set(batch.map((entry) => entry.key))])
      .then(
        (answers) => {
          const answered = new Set<K>();
          for (const entry of batch) {
            entry.done(answered.has(entry.key) ? undefined : answers?.get(entry.key));
            answered.add(entry.key);
          }
        },
        (error: unknown) => batch.forEach((entry) => entry.fail(error)),
      )
      .finally(() => {
        this.running = false;
        this.next();
      });
  }
}
