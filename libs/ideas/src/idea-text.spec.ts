import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { allWordsQuery, anyWordQuery, matchQuery } from './idea-text.js';

describe('idea text queries', () => {
  it('make every word a prefix, all or any of them', () => {
    expect(allWordsQuery('Fall på äldreboende')).toBe('fall:* & på:* & äldreboende:*');
    expect(anyWordQuery('Fall på äldreboende')).toBe('fall:* | äldreboende:*');
    expect(anyWordQuery('på')).toBe('på:*');
    expect(matchQuery('Fall på äldreboendet nattetid, fall igen')).toBe('fall | äldreboendet | nattetid | igen');
  });

  it('give nothing for text without words', () => {
    expect(allWordsQuery(' !? ')).toBeNull();
    expect(anyWordQuery('')).toBeNull();
    expect(matchQuery('a b c')).toBeNull();
  });

  it('never let tsquery syntax through, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (typed) => {
        for (const query of [allWordsQuery(typed), anyWordQuery(typed), matchQuery(typed)])
          if (query !== null) expect(query).toMatch(/^[\p{L}\p{N}]+(:\*)?( [&|] [\p{L}\p{N}]+(:\*)?)*$/u);
      }),
    );
  });
});
