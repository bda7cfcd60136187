import { spreadsheetSafe } from '@slussen/core';
import { stringify } from 'csv-stringify/sync';
import { FIGURES } from '../figures.js';
import { figureText, REPORT_TEXT, type ReportLanguage } from './report-text.js';
import type { ReportView } from './report-view.js';

/**
 * One row per figure (and part) per breakdown: overall first, then by domain
 * and by environment type. Each row carries the figure's definition; the
 * header row and the definitions are in the report's language, the keys
 * (figures, parts, dimensions) stay as the API names them, for programs.
 */
export function renderReportCsv(report: ReportView): string {
  const language: ReportLanguage = report.language === 'sv' ? 'sv' : 'en';
  const rows: unknown[][] = [];
  const add = (dimension: string, dimensionValue: string, figures: Record<string, unknown>) => {
    for (const figure of FIGURES) {
      const value = figures[figure.key];
      const parts =
        value !== null && typeof value === 'object'
          ? Object.entries(value as Record<string, unknown>)
          : [['', value] as const];
      for (const [part, partValue] of parts)
        rows.push([
          dimension,
          dimensionValue,
          figure.key,
          part,
          partValue ?? '',
          figure.unit,
          figureText(figure, language).definition,
        ]);
    }
  };
  add('all', '', Object.fromEntries(report.figures.map((figure) => [figure.key, figure.value])));
  for (const [dimension, values] of Object.entries(report.breakdowns)) {
    for (const [dimensionValue, figures] of Object.entries(values).sort(([a], [b]) => a.localeCompare(b)))
      add(dimension, dimensionValue, figures);
  }
  return stringify(rows, {
    header: true,
    columns: [...REPORT_TEXT[language].csvColumns],
    bom: false,
    // Every text cell (a domain is typed by a test bed's manager) is kept from starting a formula.
    cast: { string: spreadsheetSafe },
  });
}
