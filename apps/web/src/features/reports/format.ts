import type { TFunction } from 'i18next';
import { dateFormat } from '../../ui/format';
import type { FigureUnit, PeriodKind, ReportSummary, ReportView } from './types';

export const REPORT_ZONE = 'Europe/Stockholm';

const locale = (language: string) => (language === 'en' ? 'en-GB' : 'sv-SE');

/** A figure's value in words: counts as numbers, ratios as percentages, days with their unit, parts as a list. */
export function formatFigure(value: unknown, unit: FigureUnit, language: string, t: TFunction): string {
  if (value === null || value === undefined) return t('reports:report.none');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, number>)
      .map(
        ([part, count]) =>
          `${t(`reports:parts.${part}`, { defaultValue: part })}: ${formatFigure(count, 'count', language, t)}`,
      )
      .join(', ');
  }
  if (typeof value !== 'number') return String(value);
  const number = new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1 });
  if (unit === 'ratio')
    return new Intl.NumberFormat(locale(language), { style: 'percent', maximumFractionDigits: 1 }).format(value);
  if (unit === 'days') return t('reports:value.days', { value: number.format(value) });
  return number.format(value);
}

/** The sum of a figure counted in parts, or the figure itself. */
export function total(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'object')
    return Object.values(value as Record<string, number>).reduce((sum, part) => sum + (part ?? 0), 0);
  return null;
}

/** The local days a period covers: its first day and its last (the period ends at the next day's start). */
export function formatReportPeriod(period: { kind: PeriodKind; from: string; to: string }, language: string): string {
  const format = dateFormat(locale(language), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: REPORT_ZONE,
  });
  const from = new Date(period.from);
  const last = new Date(new Date(period.to).getTime() - 1);
  return period.kind === 'day' ? format.format(from) : format.formatRange(from, last);
}

export function formatBuilt(iso: string, language: string): string {
  return dateFormat(locale(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: REPORT_ZONE,
  }).format(new Date(iso));
}

/** "2027-03" as "mars 2027". */
export function formatMonth(month: string, language: string): string {
  const [year, number] = month.split('-').map(Number);
  return dateFormat(locale(language), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year!, number! - 1, 15)),
  );
}

export function subjectOf(
  report: Pick<ReportSummary | ReportView, 'scope' | 'subjectName' | 'subjectId'>,
  t: TFunction,
): string {
  return report.scope === 'platform' ? t('reports:platform') : (report.subjectName ?? report.subjectId ?? '');
}

/** The first instant of a local month, some months away from the month that starts at `monthStart`. */
export function monthStartFrom(monthStart: string, months: number): Date {
  const parts = dateFormat('en-CA', {
    timeZone: REPORT_ZONE,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(new Date(monthStart));
  const year = Number(parts.find((part) => part.type === 'year')!.value);
  const month = Number(parts.find((part) => part.type === 'month')!.value) - 1 + months;
  return localMidnight(new Date(Date.UTC(year, month, 1)));
}

/** The instant a UTC calendar day (its date part) starts in the report time zone. */
export function localMidnight(day: Date): Date {
  const guess = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  const offset = (at: number) => {
    const parts = dateFormat('en-US', {
      timeZone: REPORT_ZONE,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    }).formatToParts(new Date(at));
    const get = (type: string) => Number(parts.find((part) => part.type === type)!.value);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - at;
  };
  const first = guess - offset(guess);
  return new Date(guess - offset(first));
}
