import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import type { Page, PeriodKind, ReportRun, ReportScope, ReportSummary, ReportView, Subscription } from './types';

export interface ReportFilter {
  scope?: ReportScope;
  subjectId?: string;
  periodKind?: PeriodKind;
  from?: string;
  to?: string;
  cursor?: string;
  /** scope: the platform's reports first, then organizations', then test beds'; months and years before days. */
  order?: 'newest' | 'scope';
}

// The reports routes' answers are typed here, not in the OpenAPI document: the calls go through the typed client untyped.
type Untyped = <T>(path: string, init?: object) => Promise<{ data?: T; error?: unknown; response: Response }>;
const GET = api.GET as unknown as Untyped;
const POST = api.POST as unknown as Untyped;
const DELETE = api.DELETE as unknown as Untyped;

export function listReports(filter: ReportFilter, limit: number, signal?: AbortSignal): Promise<Page<ReportSummary>> {
  return call(GET<Page<ReportSummary>>('/api/v1/reports', { params: { query: { ...filter, limit } }, signal }));
}

/** Every organization and test bed with a report the reader may read, by name: the choices of a subject. */
export function useReportSubjects() {
  return useQuery({
    queryKey: ['reports', 'subjects'],
    queryFn: ({ signal }) => call(api.GET('/api/v1/reports/subjects', { signal })),
    staleTime: 60_000,
  });
}

export function useReports(filter: ReportFilter, limit = 25) {
  return useQuery({
    queryKey: ['reports', filter, limit],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => listReports(filter, limit, signal),
  });
}

/** The report with its figures' words in the page's language. */
export function useReport(id: string, language: string, enabled = true) {
  return useQuery({
    queryKey: ['report', id, language],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call<ReportView>(
        GET('/api/v1/reports/{id}', {
          params: { path: { id }, query: { lang: language === 'en' ? 'en' : 'sv' } },
          signal,
        }),
      ),
  });
}

/** Whole local days a period covers. */
export const periodDays = (period: { from: string; to: string }) =>
  Math.round((new Date(period.to).getTime() - new Date(period.from).getTime()) / 86_400_000);

/**
 * The month report of the month starting at `monthStart` (an instant) that covers as many days as `report` (1–29 Nov against 1–29 Nov),
 * else the fullest one built, if any.
 */
export function useMonthReport(report: ReportView | undefined, monthStart: Date | null) {
  return useQuery({
    queryKey: [
      'report-month',
      report?.scope,
      report?.subjectId,
      report ? periodDays(report.period) : null,
      monthStart?.toISOString(),
    ],
    enabled: Boolean(report && monthStart),
    queryFn: async ({ signal }) => {
      const next = new Date(monthStart!.getTime() + 86_400_000);
      const page = await listReports(
        {
          scope: report!.scope,
          subjectId: report!.subjectId ?? undefined,
          periodKind: 'month-to-date',
          from: monthStart!.toISOString(),
          to: next.toISOString(),
        },
        50,
        signal,
      );
      const ofMonth = page.items.filter((item) => new Date(item.period.from).getTime() === monthStart!.getTime());
      return ofMonth.find((item) => periodDays(item.period) === periodDays(report!.period)) ?? ofMonth[0] ?? null;
    },
  });
}

/** A run, asked for again every second until it is finished. */
export function useRun(id: string) {
  return useQuery({
    queryKey: ['report-run', id],
    queryFn: ({ signal }) => call<ReportRun>(GET('/api/v1/reports/runs/{id}', { params: { path: { id } }, signal })),
    refetchInterval: (query) =>
      query.state.data && ['completed', 'failed'].includes(query.state.data.status) ? false : 1000,
  });
}

/** The report a finished on-demand run built. */
export function useRunReport(run: ReportRun | undefined) {
  return useQuery({
    queryKey: ['report-of-run', run?.id],
    enabled: run?.status === 'completed' && run.scope !== null,
    queryFn: async ({ signal }) => {
      const page = await listReports(
        {
          scope: run!.scope!,
          subjectId: run!.subjectId ?? undefined,
          periodKind: 'custom',
          from: run!.from,
          to: run!.to,
        },
        50,
        signal,
      );
      return page.items.find((item) => item.runId === run!.id) ?? null;
    },
  });
}

export function useStartRun() {
  return useMutation({
    mutationFn: (body: { scope: ReportScope; subjectId?: string; from: string; to: string }) =>
      call<{ runId: string; status: string }>(POST('/api/v1/reports/runs', { body })),
  });
}

export function useSubscriptions(enabled: boolean) {
  return useQuery({
    queryKey: ['report-subscriptions'],
    enabled,
    queryFn: ({ signal }) => call<{ items: Subscription[] }>(GET('/api/v1/reports/subscriptions', { signal })),
  });
}

export function useSubscribe() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { scope: ReportScope; subjectId?: string }) =>
      call<Subscription>(POST('/api/v1/reports/subscriptions', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['report-subscriptions'] }),
  });
}

export function useUnsubscribe() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call<void>(DELETE('/api/v1/reports/subscriptions/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['report-subscriptions'] }),
  });
}

/** A rendering of the report (CSV or the printable page), fetched with the session's token. */
export async function fetchRendering(id: string, kind: 'csv' | 'html', language: string): Promise<Blob> {
  const answer = await GET<Blob>(`/api/v1/reports/{id}.${kind}`, {
    params: { path: { id }, query: kind === 'html' ? { lang: language === 'en' ? 'en' : 'sv' } : {} },
    parseAs: 'blob',
  });
  if (!answer.response.ok) return call(Promise.resolve(answer));
  return answer.data as Blob;
}
