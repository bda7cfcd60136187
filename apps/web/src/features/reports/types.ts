// The reports API's answers (its responses are not in the OpenAPI document's schemas).

export type ReportScope = 'platform' | 'organization' | 'testbed';
export type PeriodKind = 'day' | 'month-to-date' | 'year-to-date' | 'custom';
export type FigureUnit = 'count' | 'ratio' | 'days';

export interface ReportSummary {
  id: string;
  scope: ReportScope;
  subjectId: string | null;
  subjectName: string | null;
  period: { kind: PeriodKind; from: string; to: string };
  runId: string;
  builtAt: string;
}

export interface FigureView {
  key: string;
  title: string;
  definition: string;
  unit: FigureUnit;
  value: number | null | Record<string, number>;
}

export interface MonthUtilization {
  month: string;
  offered: number | null;
  held: number | null;
  utilization: number | null;
}

export interface ReportView {
  id: string;
  scope: ReportScope;
  subjectId: string | null;
  subjectName: string | null;
  language: 'sv' | 'en';
  period: { kind: PeriodKind; from: string; to: string; timezone: string };
  runId: string;
  builtAt: string;
  figures: FigureView[];
  breakdowns: {
    domain?: Record<string, Record<string, unknown>>;
    environmentType?: Record<string, Record<string, unknown>>;
  };
  utilizationByMonth: MonthUtilization[];
}

export interface ReportRun {
  id: string;
  kind: 'nightly' | 'on-demand';
  scope: ReportScope | null;
  subjectId: string | null;
  from: string;
  to: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  progress: { stepsDone: number; stepsTotal: number };
  snapshots: number | null;
  error: string | null;
}

export interface Subscription {
  id: string;
  scope: ReportScope;
  subjectId: string | null;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
