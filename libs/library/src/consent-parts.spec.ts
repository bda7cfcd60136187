import { describe, expect, it } from '@jest/globals';
import { CONSENT_PARTS, shownParts } from './consent-parts.js';

describe('the parts a published result shows', () => {
  it('are those both sides consented to, nothing when one side has not consented', () => {
    expect(shownParts([...CONSENT_PARTS], [...CONSENT_PARTS])).toEqual([...CONSENT_PARTS]);
    expect(shownParts(['summary', 'lessons', 'company'], ['lessons', 'summary', 'problem'])).toEqual([
      'summary',
      'lessons',
    ]);
    expect(shownParts([...CONSENT_PARTS], null)).toEqual([]);
    expect(shownParts(null, [...CONSENT_PARTS])).toEqual([]);
  });

  it('show measured values only with the metrics they belong to', () => {
    expect(shownParts(['measurements', 'metrics'], ['measurements'])).toEqual([]);
    expect(shownParts(['measurements', 'metrics'], ['metrics', 'measurements'])).toEqual(['metrics', 'measurements']);
  });
});
