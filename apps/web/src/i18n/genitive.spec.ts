import { describe, expect, it } from '@jest/globals';
import { genitive } from './genitive';

describe('a name in the genitive', () => {
  it('in Swedish: s, none after s, x or z, a colon after an abbreviation', () => {
    expect(genitive('Vitalsens AB', 'sv')).toBe('Vitalsens AB:s');
    expect(genitive('Vitalsens', 'sv')).toBe('Vitalsens');
    expect(genitive('CareUp', 'sv')).toBe('CareUps');
    expect(genitive('Region Stockholm', 'sv')).toBe('Region Stockholms');
    expect(genitive('Max', 'sv')).toBe('Max');
    expect(genitive('Ortiz', 'sv')).toBe('Ortiz');
    expect(genitive('SKR', 'sv')).toBe('SKR:s');
    expect(genitive('Vård 24', 'sv')).toBe('Vård 24:s');
    expect(genitive('NOVAS', 'sv')).toBe('NOVAS:s');
  });

  it('in English: ’s, or ’ after s', () => {
    expect(genitive('Vitalsens AB', 'en')).toBe('Vitalsens AB’s');
    expect(genitive('Vitalsens', 'en')).toBe('Vitalsens’');
  });
});
