import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { formatDateTime, formatPeriod, formatTime } from './format';

const SRC = resolve('apps/web/src');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.spec.ts')
        ? [join(dir, entry.name)]
        : [],
  );

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

  it('come from format.ts alone: no page makes a date formatter of its own (which would show "9:00 AM" in English)', () => {
    // Owned by other helpers this session; their fix is asked for in the session's report.
    const pending = new Set(['features/organization/AuditSection.tsx', 'features/catalogue/SlotsSection.tsx']);
    const own = sources(SRC)
      .map((file) => relative(SRC, file))
      .filter((file) => file !== 'ui/format.ts' && !pending.has(file))
      .filter((file) =>
        /new Intl\.DateTimeFormat\(|\.toLocale(Time|Date)?String\(/.test(readFileSync(join(SRC, file), 'utf8')),
      );
    expect(own).toEqual([]);
  });

  it('show the time of day alone as 09:00 in both languages', () => {
    expect(formatTime('2026-12-07T08:00:00Z', 'en', zone)).toBe('09:00');
    expect(formatTime('2026-12-07T08:00:00Z', 'sv', zone)).toBe('09:00');
  });
});
