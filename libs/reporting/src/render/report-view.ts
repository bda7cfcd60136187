import { FIGURES, type FigureUnit } from '../figures.js';
import type { SnapshotRow } from '../repositories/reports.repository.js';

export interface FigureView {
  key: string;
  title: string;
  definition: string;
  unit: FigureUnit;
  value: unknown;
}

/** A snapshot as every rendering shows it: each figure with its definition, and its breakdowns. */
export function toReportView(row: SnapshotRow, subjectName: string | null, timezone: string) {
  return {
    id: row.id,
    scope: row.scope,
    subjectId: row.subjectId,
    subjectName,
    period: { kind: row.periodKind, from: new Date(row.periodStart).toISOString(), to: new Date(row.periodEnd).toISOString(), timezone },
    runId: row.runId,
    builtAt: new Date(row.builtAt).toISOString(),
    figures: FIGURES.map((figure): FigureView => ({ key: figure.key, title: figure.title, definition: figure.definition, unit: figure.unit, value: row.figures[figure.key] ?? null })),
    breakdowns: row.breakdowns,
  };
}

export type ReportView = ReturnType<typeof toReportView>;

export const toReportSummary = (row: SnapshotRow) => ({
  id: row.id,
  scope: row.scope,
  subjectId: row.subjectId,
  period: { kind: row.periodKind, from: new Date(row.periodStart).toISOString(), to: new Date(row.periodEnd).toISOString() },
  runId: row.runId,
  builtAt: new Date(row.builtAt).toISOString(),
});
