import { describe, expect, it } from '@jest/globals';
import { Batcher, Coalescer, sendClaimed, settle, Slots } from './batching.js';

const turn = () => new Promise((done) => setImmediate(done));

describe('the batcher', () => {
  it('hands a lone key over at once, and the keys that came while a batch ran together, each with its own outcome', async () => {
    const batches: string[][] = [];
    let release = () => {};
    const batcher = new Batcher<string, string>(
      () => 3,
      async (keys) => {
        batches.push(keys);
        if (batches.length === 1) await new Promise<void>((done) => (release = done));
        return keys.map((key) => settle(key === 'bad' ? Promise.reject(new Error(key)) : Promise.resolve(key)));
      },
    );
    const first = batcher.submit('a');
    await turn();
    const rest = ['b', 'bad', 'c', 'd'].map((key) => settle(batcher.submit(key)));
    release();
    expect(await first).toBe('a');
    const outcomes = await Promise.all(rest);
    expect(batches).toEqual([['a'], ['b', 'bad', 'c'], ['d']]);
    expect(outcomes.map((outcome) => (outcome.ok ? outcome.value : (outcome.error as Error).message))).toEqual([
      'b',
      'bad',
      'c',
      'd',
    ]);
  });

  it('holds the keys while it is not open, and hands them over together once woken open', async () => {
    const batches: string[][] = [];
    let open = false;
    const batcher = new Batcher<string, string>(
      () => 10,
      async (keys) => {
        batches.push(keys);
        return keys.map((key) => settle(Promise.resolve(key)));
      },
      () => open,
    );
    const outcomes = Promise.all(['a', 'b', 'c'].map((key) => batcher.submit(key)));
    await turn();
    await turn();
    batcher.wake();
    await turn();
    expect(batches).toEqual([]);
    open = true;
    batcher.wake();
    expect(await outcomes).toEqual(['a', 'b', 'c']);
    expect(batches).toEqual([['a', 'b', 'c']]);
  });

  it('fails every key of a batch whose handling threw', async () => {
    const batcher = new Batcher<string, string>(
      () => 10,
      () => Promise.reject(new Error('database away')),
    );
    await expect(batcher.submit('a')).rejects.toThrow('database away');
  });
});

describe('claimed sends', () => {
  it('claims only as many as there are free places, frees a place when its send ended, and reports the first failure after all ended', async () => {
    const slots = new Slots(2);
    const claims: string[][] = [];
    let inFlight = 0;
    let most = 0;
    const sent: string[] = [];
    const run = sendClaimed(
      ['1', '2', '3', '4', '5'],
      slots,
      async (ids) => {
        claims.push(ids);
        return ids.filter((id) => id !== '4');
      },
      async (id) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await turn();
        inFlight--;
        if (id === '3') throw new Error('refused');
        sent.push(id);
      },
    );
    await expect(run).rejects.toThrow('refused');
    expect(most).toBe(2);
    expect(claims.flat()).toEqual(['1', '2', '3', '4', '5']);
    expect(claims.every((group) => group.length <= 2)).toBe(true);
    expect(sent.sort()).toEqual(['1', '2', '5']);
    // Every place was given back.
    expect(await slots.take(5)).toBe(2);
  });
});

describe('the coalescer', () => {
  it('writes the keys asked for while a write was under way together in the next', async () => {
    const writes: number[][] = [];
    const coalescer = new Coalescer<number>(async (keys) => {
      writes.push(keys);
      await turn();
    });
    await Promise.all([1, 2, 3, 3].map((key) => coalescer.add(key)));
    expect(writes).toEqual([[1], [2, 3]]);
  });

  it('answers a key asked for twice in one batch to the first asker only', async () => {
    const coalescer = new Coalescer<string, string>(
      async (keys) => new Map(keys.map((key) => [key, `claimed ${key}`])),
    );
    const answers = await Promise.all(['a', 'b', 'b'].map((key) => coalescer.add(key)));
    expect(answers).toEqual(['claimed a', 'claimed b', undefined]);
  });
});
