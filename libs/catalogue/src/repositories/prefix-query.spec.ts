import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { prefixQuery } from './testbeds.repository.js';

describe('prefixQuery', () => {
  it('requires every word, each as a prefix', () => {
    expect(prefixQuery('äldreboende Malmö')).toBe('äldreboende:* & Malmö:*');
  });

  it('drops everything that is not a letter or digit, and gives null when nothing is left', () => {
    expect(prefixQuery(`smart & (stad | "gata") !x:*`)).toBe('smart:* & stad:* & gata:* & x:*');
    expect(prefixQuery(' &|!():* ')).toBeNull();
  });

  it('property: the result uses only words, ":*" and " & "', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (input) => {
        const query = prefixQuery(input);
        if (query !== null) expect(query).toMatch(/^[\p{L}\p{N}]+:\*( & [\p{L}\p{N}]+:\*)*$/u);
      }),
    );
  });
});
