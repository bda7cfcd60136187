import { describe, expect, it } from '@jest/globals';
import type { TFunction } from 'i18next';
import { boundsText, formatNumber, parseNumber } from './numbers';

describe('numbers as people type and read them on the pilot pages', () => {
  it('reads a Swedish decimal comma, a point, a minus sign and spaces; empty is null, anything else undefined', () => {
    expect(parseNumber('3,5')).toBe(3.5);
    expect(parseNumber(' 1 000 ')).toBe(1000);
    expect(parseNumber('−2')).toBe(-2);
    expect(parseNumber('0.25')).toBe(0.25);
    expect(parseNumber('')).toBeNull();
    for (const text of ['fyra', '3,5,1', '1e999', '--1', '.']) expect(parseNumber(text)).toBeUndefined();
  });

  it('writes numbers in the page language and round-trips them', () => {
    expect(formatNumber(3.5, 'sv')).toBe('3,5');
    expect(formatNumber(3.5, 'en')).toBe('3.5');
    expect(parseNumber(formatNumber(12345.67, 'sv'))).toBe(12345.67);
  });

  it('says a metric’s bounds in words, or nothing when any value goes', () => {
    const t = ((key: string, values: Record<string, string>) =>
      `${key} ${JSON.stringify(values)}`) as unknown as TFunction;
    expect(boundsText(t, { minimum: 0, maximum: 120 }, 'sv')).toBe('pilots:boundsBoth {"minimum":"0","maximum":"120"}');
    expect(boundsText(t, { minimum: 0, maximum: null }, 'sv')).toBe('pilots:boundsMin {"minimum":"0"}');
    expect(boundsText(t, { minimum: null, maximum: 5 }, 'en')).toBe('pilots:boundsMax {"maximum":"5"}');
    expect(boundsText(t, { minimum: null, maximum: null }, 'en')).toBeNull();
  });
});
