import { describe, expect, it } from '@jest/globals';
import { judgeEvictionPolicy } from './eviction-policy.js';

describe('judgeEvictionPolicy', () => {
  it('accepts noeviction everywhere', () => {
    expect(judgeEvictionPolicy('noeviction', true)).toEqual({ ok: true });
  });

  it('refuses any other policy in production and only warns in development', () => {
    for (const policy of ['allkeys-lru', 'volatile-lru', 'allkeys-random', null]) {
      expect(judgeEvictionPolicy(policy, true)).toMatchObject({
        ok: false,
        fatal: true,
        message: expect.stringContaining('noeviction'),
      });
      expect(judgeEvictionPolicy(policy, false)).toMatchObject({ ok: false, fatal: false });
    }
  });
});
