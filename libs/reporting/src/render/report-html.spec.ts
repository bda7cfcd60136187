import { describe, expect, it } from '@jest/globals';
import { DOMAIN_KEYS } from '@slussen/catalogue';
import { emptyFigures } from '../figures.js';
import { monthsOfPeriod } from '../report-periods.js';
import { localInstant } from '../reports.service.js';
import { BREAKDOWN_COLUMNS_PER_TABLE, renderReportHtml } from './report-html.js';
import { reportLanguage } from './report-text.js';
import { toReportView, utilizationByMonth } from './report-view.js';

const ZONE = 'Europe/Stockholm';
const row = (breakdowns: Record<string, Record<string, Record<string, unknown>>> = {}) => ({
  id: '00000000-0000-4000-8000-000000000001',
  scope: 'platform' as const,
  subjectId: null,
  subjectOrganizationId: null,
  periodKind: 'custom' as const,
  periodStart: new Date('2026-12-31T23:00:00Z'),
  periodEnd: new Date('2027-07-31T22:00:00Z'),
  runId: '00000000-0000-4000-8000-000000000002',
  figures: { ...emptyFigures(), placesOffered: 10, placesHeld: 4, utilization: 0.4 },
  breakdowns,
  builtAt: new Date('2027-08-01T00:00:00Z'),
});

describe('the printable report', () => {
  it('is in the reader’s language: Swedish for a Swedish reader, English when asked', () => {
    const swedish = renderReportHtml(toReportView(row(), null, ZONE, reportLanguage(undefined, 'sv')));
    expect(swedish).toContain('<html lang="sv">');
    expect(swedish).toContain('Utfallsrapport');
    expect(swedish).toContain('Beläggning per månad');
    expect(swedish).toContain(
      'Summan av kapaciteten för de tillfällen som börjar under perioden, utom de inställda; ett stängt tillfälle räknas, eftersom dess platser erbjöds tills det stängdes.',
    );
    expect(swedish).not.toContain('The sum of the capacities');
    const english = renderReportHtml(toReportView(row(), null, ZONE, reportLanguage('en', 'sv')));
    expect(english).toContain('<html lang="en">');
    expect(english).toContain(
      'The sum of the capacities of the slots that start in the period, except cancelled ones; a closed slot counts, as its places were offered until it closed.',
    );
  });

  it('draws every month of a seven-month period, each with its number, a gap where no month report was built', () => {
    const months = monthsOfPeriod(new Date('2026-12-31T23:00:00Z'), new Date('2027-07-31T22:00:00Z'), ZONE);
    expect(months).toHaveLength(7);
    const found = [{ month: months[2]!, offered: 8, held: 6, utilization: 0.75 }];
    const view = toReportView(row(), null, ZONE, 'en', utilizationByMonth(months, found, ZONE));
    expect(view.utilizationByMonth.map((month) => month.month)).toEqual([
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
    ]);
    const html = renderReportHtml(view);
    const chart = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    // Months by name, never yyyy-MM: short on the axis (the year on the first), in full in the table.
    for (const label of ['Jan 2027', 'Mar', 'Jul']) expect(chart).toContain(`>${label}</text>`);
    expect(chart).not.toMatch(/>\d{4}-\d{2}</);
    expect(chart.match(/<rect /g)).toHaveLength(1);
    expect(chart).toContain('>75 %</text>');
    expect(html).toContain('<tr><th scope="row">March 2027</th><td>75 %</td></tr>');
    const swedish = renderReportHtml({ ...view, language: 'sv' });
    expect(swedish).toContain('<tr><th scope="row">mars 2027</th><td>75 %</td></tr>');
    expect(swedish).toContain('>jan. 2027</text>');
  });

  it('names domains and environment types, and splits a wide breakdown into tables that fit across A4', () => {
    const figures = { ...emptyFigures(), placesOffered: 3 };
    const html = renderReportHtml(
      toReportView(
        row({
          domain: Object.fromEntries(DOMAIN_KEYS.map((key) => [key, figures])),
          environmentType: { real: figures, lab: figures },
        }),
        null,
        ZONE,
        'sv',
      ),
    );
    expect(html).toContain('@page{size:A4');
    expect(html).toContain('<th scope="col">Äldreomsorg</th>');
    expect(html).toContain('<th scope="col">Verklig miljö</th>');
    expect(html).not.toMatch(/>elderly-care</);
    const tables = html.match(/<table class="breakdown">.*?<\/tr>/gs)!;
    expect(tables).toHaveLength(Math.ceil(DOMAIN_KEYS.length / BREAKDOWN_COLUMNS_PER_TABLE) + 1);
    for (const head of tables) expect(head.match(/<th /g)!.length).toBeLessThanOrEqual(BREAKDOWN_COLUMNS_PER_TABLE + 1);
  });
});

describe('an on-demand run’s period', () => {
  it('reads days as local days in REPORT_TIMEZONE, and keeps an explicit offset', () => {
    expect(localInstant('2027-01-01', ZONE).toISOString()).toBe('2026-12-31T23:00:00.000Z');
    expect(localInstant('2027-07-01', ZONE).toISOString()).toBe('2027-06-30T22:00:00.000Z');
    expect(localInstant('2027-07-01T08:00', ZONE).toISOString()).toBe('2027-07-01T06:00:00.000Z');
    expect(localInstant('2027-07-01T08:00:00Z', ZONE).toISOString()).toBe('2027-07-01T08:00:00.000Z');
    expect(Number.isNaN(localInstant('2027-13-01', ZONE).getTime())).toBe(true);
  });
});
