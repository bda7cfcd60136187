import { describe, expect, it } from '@jest/globals';
import { withTimeout } from './with-timeout.js';

describe('withTimeout', () => {
  it("passes on the work's outcome when it settles in time", async () => {
    await expect(withTimeout(Promise.resolve(42), 1000)).resolves.toBe(42);
    await expect(withTimeout(Promise.reject(new Error('broken')), 1000)).rejects.toThrow('broken');
  });

  it('rejects with the message when the work takes longer', async () => {
    const never = new Promise<never>(() => undefined);
    await expect(withTimeout(never, 20, 'queue did not answer within 20 ms')).rejects.toThrow(
      'queue did not answer within 20 ms',
    );
    await expect(withTimeout(never, 20)).rejects.toThrow('no answer within 20 ms');
  });
});
