import { describe, expect, it } from '@jest/globals';
import { iso } from './iso.js';

describe('iso', () => {
  it('writes a Date or database text as ISO 8601 in UTC, and keeps null', () => {
    expect(iso(new Date(Date.UTC(2026, 10, 30, 7, 0)))).toBe('2026-11-30T07:00:00.000Z');
    expect(iso('2026-11-30 08:00:00+01')).toBe('2026-11-30T07:00:00.000Z');
    expect(iso(null)).toBeNull();
  });
});
