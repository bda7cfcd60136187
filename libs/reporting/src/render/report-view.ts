import { DateTime } from 'luxon';
import { FIGURES, type FigureUnit } from '../figures.js';
import type { SnapshotRow } from '../repositories/reports.repository.js';
import { figureText, type ReportLanguage } from './report-text.js';

export interface FigureView {
  key: string;
  title: string;
  definition: string;
  unit: FigureUnit;
  value: unknown;
}

/** One local month of the report's period, with its places and utilization (nulls when no month report of it was built). */
export interface MonthUtilization {
  month: string;
  offered: number | null;
  held: number | null;
  utilization: number | null;
}

/** A snapshot as every rendering shows it: each figure with its definition (in `language`), its breakdowns, and utilization by month of its period. */
export function toReportView(
  row: SnapshotRow,
  subjectName: string | null,
  timezone: string,
  language: ReportLanguage = 'en',
  months: MonthUtilization[] = [],
) {
  return {
    id: row.id,
    scope: row.scope,
    subjectId: row.subjectId,
    subjectName,
    language,
    period: {
      kind: row.periodKind,
      from: new Date(row.periodStart).toISOString(),
      to: new Date(row.periodEnd).toISOString(),
      timezone,
    },
    runId: row.runId,
    builtAt: new Date(row.builtAt).toISOString(),
    figures: FIGURES.map((figure): FigureView => ({
      key: figure.key,
      ...figureText(figure, language),
      unit: figure.unit,
      value: row.figures[figure.key] ?? null,
    })),
    breakdowns: row.breakdowns,
    utilizationByMonth: months,
  };
}

export type ReportView = ReturnType<typeof toReportView>;

/** Every month of the period in order, each with the month report found for it (by its first instant), or nulls. */
export function utilizationByMonth(
  months: Date[],
  found: Array<{ month: Date; offered: number | null; held: number | null; utilization: number | null }>,
  timezone: string,
): MonthUtilization[] {
  const byStart = new Map(found.map((row) => [new Date(row.month).getTime(), row]));
  return months.map((month) => {
    const row = byStart.get(month.getTime());
    return {
      month: DateTime.fromJSDate(month, { zone: timezone }).toFormat('yyyy-MM'),
      offered: row?.offered ?? null,
      held: row?.held ?? null,
      utilization: row?.utilization ?? null,
    };
  });
}

export const toReportSummary = (row: SnapshotRow) => ({
  id: row.id,
  scope: row.scope,
  subjectId: row.subjectId,
  period: {
    kind: row.periodKind,
    from: new Date(row.periodStart).toISOString(),
    to: new Date(row.periodEnd).toISOString(),
  },
  runId: row.runId,
  builtAt: new Date(row.builtAt).toISOString(),
});
