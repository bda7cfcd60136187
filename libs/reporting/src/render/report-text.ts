import { DOMAINS } from '@slussen/catalogue';
import { DateTime } from 'luxon';
import type { Figure } from '../figures.js';

export const REPORT_LANGUAGES = ['sv', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** The words of the printable page, in Swedish and English. */
export const REPORT_TEXT = {
  sv: {
    heading: 'Utfallsrapport',
    platform: 'Slussen (hela plattformen)',
    scope: { organization: 'organisation', testbed: 'testbädd', platform: 'plattform' },
    period: 'Period',
    periodKind: {
      day: 'dag',
      'month-to-date': 'månaden hittills',
      'year-to-date': 'året hittills',
      custom: 'vald period',
    },
    built: 'Byggd',
    byRun: 'av körning',
    figures: 'Mått',
    figure: 'Mått',
    value: 'Värde',
    meaning: 'Vad det betyder',
    charts: 'Diagram',
    utilizationByMonth: 'Beläggning per månad',
    outcomesByResult: 'Utfall efter resultat',
    month: 'Månad',
    byDomain: 'Per område',
    byEnvironmentType: 'Per typ av miljö',
    domain: 'område',
    environmentType: 'typ av miljö',
    noActivity: (name: string) => `Ingen aktivitet per ${name} under perioden.`,
    days: 'dagar',
    noData: 'Inga data ännu',
    csvColumns: ['dimension', 'dimensionsvärde', 'mått', 'del', 'värde', 'enhet', 'vad det betyder'],
    parts: {
      pending: 'väntande',
      confirmed: 'bekräftade',
      rejected: 'avslagna',
      waitlisted: 'i kö',
      cancelled: 'avbokade',
      expired: 'förfallna',
      planned: 'planerade',
      running: 'pågående',
      evaluating: 'utvärderas',
      completed: 'avslutade',
      aborted: 'avbrutna',
      adopted: 'införda',
      procured: 'upphandlade',
      extended: 'förlängda',
      discontinued: 'avslutade utan införande',
      company: 'företag',
      region: 'regioner',
      municipality: 'kommuner',
      agency: 'myndigheter',
      need: 'behov',
      idea: 'idéer',
    } as Record<string, string>,
    environments: { lab: 'Labb', simulated: 'Simulerad miljö', real: 'Verklig miljö' } as Record<string, string>,
  },
  en: {
    heading: 'Outcome report',
    platform: 'Slussen (whole platform)',
    scope: { organization: 'organization', testbed: 'test bed', platform: 'platform' },
    period: 'Period',
    periodKind: {
      day: 'day',
      'month-to-date': 'month to date',
      'year-to-date': 'year to date',
      custom: 'chosen period',
    },
    built: 'Built',
    byRun: 'by run',
    figures: 'Figures',
    figure: 'Figure',
    value: 'Value',
    meaning: 'What it means',
    charts: 'Charts',
    utilizationByMonth: 'Utilization by month',
    outcomesByResult: 'Outcomes by result',
    month: 'Month',
    byDomain: 'By domain',
    byEnvironmentType: 'By environment type',
    domain: 'domain',
    environmentType: 'environment type',
    noActivity: (name: string) => `No activity by ${name} in this period.`,
    days: 'days',
    noData: 'No data yet',
    csvColumns: ['dimension', 'dimensionValue', 'figure', 'part', 'value', 'unit', 'definition'],
    parts: {} as Record<string, string>,
    environments: { lab: 'Lab', simulated: 'Simulated environment', real: 'Real environment' } as Record<
      string,
      string
    >,
  },
} as const;

/** The language a report is shown in: the one asked for, else the reader's own, else Swedish. */
export function reportLanguage(asked: string | undefined, readers: string | null | undefined): ReportLanguage {
  for (const candidate of [asked, readers]) if (candidate === 'sv' || candidate === 'en') return candidate;
  return 'sv';
}

/**
 * A local month (`yyyy-MM`) as a reader names it: `mars 2027`, `March 2027`;
 * `short` for a chart's axis, where twelve must fit side by side: `mars`, `Mar`,
 * with the year only where asked (the first month, and each January).
 */
export function monthLabel(month: string, language: ReportLanguage, short?: { withYear: boolean }): string {
  const parsed = DateTime.fromFormat(month, 'yyyy-MM', { locale: language === 'sv' ? 'sv-SE' : 'en-GB' });
  if (!parsed.isValid) return month;
  return parsed.toFormat(short ? (short.withYear ? 'LLL yyyy' : 'LLL') : 'LLLL yyyy');
}

export function figureText(figure: Figure, language: ReportLanguage): { title: string; definition: string } {
  return language === 'sv' ? figure.sv : { title: figure.title, definition: figure.definition };
}

export function partLabel(part: string, language: ReportLanguage): string {
  return REPORT_TEXT[language].parts[part] ?? part;
}

/** A breakdown's value as a reader names it: a domain's or an environment type's name, not its key. */
export function dimensionLabel(dimension: string, value: string, language: ReportLanguage): string {
  if (dimension === 'domain')
    return (DOMAINS as Record<string, { sv: string; en: string }>)[value]?.[language] ?? value;
  if (dimension === 'environmentType') return REPORT_TEXT[language].environments[value] ?? value;
  return value;
}
