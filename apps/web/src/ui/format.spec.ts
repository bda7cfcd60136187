import { describe, expect, it } from '@jest/globals';
import { formatDateTime, formatPeriod } from './format';

describe('times on the pages', () => {
  const zone = 'Europe/Stockholm';

  it('are on a 24-hour clock in English as in Swedish', () => {
    for (const language of ['en', 'sv']) {
      const morning = formatDateTime('2026-12-07T08:00:00Z', language, zone);
      const afternoon = formatPeriod('2026-12-07T08:00:00Z', '2026-12-07T15:30:00Z', language, zone);
      expect(morning).toContain('09:00');
      expect(afternoon).toMatch(/09:00\s*–\s*16:30/);
      expect(`${morning} ${afternoon}`).not.toMatch(/\b[AP]M\b/i);
    }
  });

  it('show midnight as 00:00, not 24:00 or 12 AM', () => {
    expect(formatDateTime('2026-12-06T23:00:00Z', 'en', zone)).toContain('00:00');
  });
});
