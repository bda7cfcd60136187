import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryFailure } from '../../app/QueryFailure';
import { useSession } from '../../app/session';
import { Page } from '../../ui/Page';
import { dateFormat } from '../../ui/format';
import { ErrorMessage, Loading } from '../../ui/Status';
import { useDomains } from '../catalogue/queries';
import { subscribesTo } from './access';
import { BarChart } from './BarChart';
import {
  formatBuilt,
  formatFigure,
  formatMonth,
  formatReportPeriod,
  monthStartFrom,
  REPORT_ZONE,
  subjectOf,
  total,
} from './format';
import { periodDays, useMonthReport, useReport, useSubscribe, useSubscriptions, useUnsubscribe } from './queries';
import { useRendering } from './rendering';
import { RequireReports } from './RequireReports';
import './reports.css';
import type { FigureView, ReportSummary, ReportView } from './types';

export function ReportPage() {
  return (
    <RequireReports>
      <Report />
    </RequireReports>
  );
}

/** The figures of a breakdown table, one column each (the CSV has every figure of every breakdown). */
const BREAKDOWN_FIGURES = [
  'placesOffered',
  'placesHeld',
  'utilization',
  'bookingsByStatus',
  'decisions',
  'medianDaysToDecision',
  'pilotsByStage',
  'outcomesByResult',
  'adoptionRate',
];
const OUTCOMES = ['adopted', 'procured', 'extended', 'discontinued'];

function Report() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('reports');
  const language = i18n.language;
  const report = useReport(id, language);
  const rendering = useRendering(id, language);
  if (report.isError)
    return <QueryFailure error={report.error} title={t('report.errorTitle')} retry={() => void report.refetch()} />;
  if (!report.data) return <Loading />;
  const r = report.data;
  const figure = (key: string) => r.figures.find((item) => item.key === key);
  const outcomes = (figure('outcomesByResult')?.value ?? {}) as Record<string, number>;
  const percent = (value: number) => formatFigure(value, 'ratio', language, t);
  return (
    <Page title={t('report.title', { subject: subjectOf(r, t), kind: t(`periodKinds.${r.period.kind}`) })}>
      <p>
        <Link to="/reports">{t('report.back')}</Link>
      </p>
      <dl className="facts">
        <dt>{t('list.columns.scope')}</dt>
        <dd>{t(`scopes.${r.scope}`)}</dd>
        <dt>{t('report.period')}</dt>
        <dd>{formatReportPeriod(r.period, language)}</dd>
        <dt>{t('report.built')}</dt>
        <dd>{formatBuilt(r.builtAt, language)}</dd>
      </dl>
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void rendering.download()}
          disabled={rendering.busy !== null}
        >
          {rendering.busy === 'csv' ? t('report.downloading') : t('report.csv')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void rendering.print()}
          disabled={rendering.busy !== null}
        >
          {rendering.busy === 'html' ? t('report.downloading') : t('report.print')}
        </button>
      </div>
      {rendering.error ? <ErrorMessage error={rendering.error} /> : null}

      <h2>{t('report.figures')}</h2>
      <div className="table-wrap">
        <table className="table report-figures">
          <thead>
            <tr>
              <th scope="col">{t('report.figureAndMeaning')}</th>
              <th scope="col">{t('report.value')}</th>
            </tr>
          </thead>
          <tbody>
            {r.figures.map((item) => (
              <tr key={item.key}>
                <th scope="row">
                  <span className="report-figures__title">{item.title}</span>
                  <span className="report-figures__meaning">{item.definition}</span>
                </th>
                <td>
                  {item.value !== null && typeof item.value === 'object' ? (
                    <ul className="report-figures__parts">
                      {Object.entries(item.value).map(([part, count]) => (
                        <li key={part}>
                          {t(`parts.${part}`, { defaultValue: part })}: {formatFigure(count, 'count', language, t)}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    formatFigure(item.value, item.unit, language, t)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('report.charts')}</h2>
      <h3>{t('report.utilizationByMonth')}</h3>
      {r.utilizationByMonth.length ? (
        <>
          <BarChart
            title={t('report.utilizationByMonth')}
            percent
            format={(value) => percent(value)}
            bars={r.utilizationByMonth.map((month) => ({
              label: formatMonth(month.month, language),
              value: month.utilization,
            }))}
          />
          <ScrollTable label={t('report.utilizationByMonth')}>
            <thead>
              <tr>
                <th scope="col">{t('report.month')}</th>
                <th scope="col">{t('report.offered')}</th>
                <th scope="col">{t('report.held')}</th>
                <th scope="col">{t('report.utilization')}</th>
              </tr>
            </thead>
            <tbody>
              {r.utilizationByMonth.map((month) => (
                <tr key={month.month}>
                  <th scope="row">{formatMonth(month.month, language)}</th>
                  <td>{formatFigure(month.offered, 'count', language, t)}</td>
                  <td>{formatFigure(month.held, 'count', language, t)}</td>
                  <td>{formatFigure(month.utilization, 'ratio', language, t)}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </>
      ) : (
        <p>{t('report.noMonths')}</p>
      )}
      <h3>{t('report.outcomesByResult')}</h3>
      <BarChart
        title={t('report.outcomesByResult')}
        format={(value) => formatFigure(value, 'count', language, t)}
        bars={OUTCOMES.map((result) => ({ label: t(`parts.${result}`), value: outcomes[result] ?? 0 }))}
      />
      <ScrollTable label={t('report.outcomesByResult')}>
        <thead>
          <tr>
            <th scope="col">{t('report.result')}</th>
            <th scope="col">{t('report.count')}</th>
          </tr>
        </thead>
        <tbody>
          {OUTCOMES.map((result) => (
            <tr key={result}>
              <th scope="row">{t(`parts.${result}`)}</th>
              <td>{formatFigure(outcomes[result] ?? 0, 'count', language, t)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>

      <Breakdown report={r} dimension="domain" />
      <Breakdown report={r} dimension="environmentType" />
      <Compare report={r} />
      <MonthEmail report={r} />
    </Page>
  );
}

/** A table that may be wider than a phone: it scrolls sideways by itself (and by keyboard), not the page. */
function ScrollTable({ label, children }: { label: string; children: React.ReactNode }) {
  const { t } = useTranslation('reports');
  return (
    <div className="table-wrap" role="region" aria-label={t('report.tableScroll', { name: label })} tabIndex={0}>
      <table className="table">{children}</table>
    </div>
  );
}

function Breakdown({ report, dimension }: { report: ReportView; dimension: 'domain' | 'environmentType' }) {
  const { t, i18n } = useTranslation(['reports', 'catalogue']);
  const language = i18n.language === 'en' ? 'en' : 'sv';
  const domains = useDomains();
  const values = report.breakdowns[dimension] ?? {};
  const name = (key: string) =>
    dimension === 'domain'
      ? (domains.data?.items.find((domain) => domain.key === key)?.labels[language] ?? key)
      : t(`catalogue:environment.${key}`, { defaultValue: key });
  const keys = Object.keys(values).sort((a, b) => name(a).localeCompare(name(b), language));
  const columns = BREAKDOWN_FIGURES.map((key) => report.figures.find((figure) => figure.key === key)).filter(
    (figure): figure is FigureView => Boolean(figure),
  );
  const heading = dimension === 'domain' ? t('report.byDomain') : t('report.byEnvironmentType');
  return (
    <>
      <h2>{heading}</h2>
      {keys.length === 0 ? (
        <p>{t('report.noBreakdown')}</p>
      ) : (
        <ScrollTable label={heading}>
          <thead>
            <tr>
              <th scope="col">{dimension === 'domain' ? t('report.domain') : t('report.environmentType')}</th>
              {columns.map((figure) => (
                <th scope="col" key={figure.key}>
                  {figure.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key}>
                <th scope="row">{name(key)}</th>
                {columns.map((figure) => {
                  const value = values[key]![figure.key];
                  return (
                    <td key={figure.key}>
                      {formatFigure(
                        typeof value === 'object' && value !== null ? total(value) : value,
                        figure.unit,
                        i18n.language,
                        t,
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </>
  );
}

/** This month against the same month last year, and the month to date against the previous month, where those reports exist. */
function Compare({ report }: { report: ReportView }) {
  const { t, i18n } = useTranslation('reports');
  const isMonth = report.period.kind === 'month-to-date';
  const lastYear = useMonthReport(report, isMonth ? monthStartFrom(report.period.from, -12) : null);
  const previous = useMonthReport(report, isMonth ? monthStartFrom(report.period.from, -1) : null);
  return (
    <>
      <h2>{t('compare.title')}</h2>
      {!isMonth ? (
        <p>{t('compare.onlyMonths')}</p>
      ) : (
        <>
          <Comparison
            title={t('compare.lastYear')}
            report={report}
            other={lastYear.data}
            loading={lastYear.isPending}
            missing={formatMonth(monthKey(monthStartFrom(report.period.from, -12)), i18n.language)}
          />
          <Comparison
            title={t('compare.previousMonth')}
            report={report}
            other={previous.data}
            loading={previous.isPending}
            missing={formatMonth(monthKey(monthStartFrom(report.period.from, -1)), i18n.language)}
          />
        </>
      )}
    </>
  );
}

const monthKey = (start: Date) =>
  dateFormat('en-CA', { timeZone: REPORT_ZONE, year: 'numeric', month: '2-digit' }).format(start).slice(0, 7);

function Comparison({
  title,
  report,
  other,
  loading,
  missing,
}: {
  title: string;
  report: ReportView;
  other: ReportSummary | null | undefined;
  loading: boolean;
  missing: string;
}) {
  const { t, i18n } = useTranslation('reports');
  const otherReport = useReportIfAny(other?.id, i18n.language);
  return (
    <>
      <h3>{title}</h3>
      {loading || (other && !otherReport) ? (
        <p>{t('compare.loading')}</p>
      ) : !other || !otherReport ? (
        <p>{t('compare.missing', { period: missing })}</p>
      ) : (
        <>
          {periodDays(otherReport.period) !== periodDays(report.period) ? (
            <p>{t('compare.unequal', { days: periodDays(report.period), other: periodDays(otherReport.period) })}</p>
          ) : null}
          <ComparisonTable report={report} other={otherReport} t={t} language={i18n.language} caption={title} />
        </>
      )}
    </>
  );
}

function useReportIfAny(id: string | undefined, language: string): ReportView | undefined {
  return useReport(id ?? '', language, Boolean(id)).data;
}

function ComparisonTable({
  report,
  other,
  t,
  language,
  caption,
}: {
  report: ReportView;
  other: ReportView;
  t: TFunction;
  language: string;
  caption: string;
}) {
  const rows = report.figures.map((figure) => {
    const now = total(figure.value);
    const then = total(other.figures.find((item) => item.key === figure.key)?.value);
    const change = now !== null && then !== null ? now - then : null;
    const sign = change !== null && change > 0 ? '+' : '';
    // A change of a share is in percentage points, not a percentage of it.
    const shown =
      change === null
        ? t('report.none')
        : figure.unit === 'ratio'
          ? t('compare.points', {
              value: `${sign}${new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 1 }).format(change * 100)}`,
            })
          : `${sign}${formatFigure(change, figure.unit, language, t)}`;
    return { figure, now, then, change: shown };
  });
  return (
    <ScrollTable label={caption}>
      <thead>
        <tr>
          <th scope="col">{t('report.figure')}</th>
          <th scope="col">{formatReportPeriod(report.period, language)}</th>
          <th scope="col">{formatReportPeriod(other.period, language)}</th>
          <th scope="col">{t('compare.change')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ figure, now, then, change }) => (
          <tr key={figure.key}>
            <th scope="row">{figure.title}</th>
            <td>{formatFigure(now, figure.unit, language, t)}</td>
            <td>{formatFigure(then, figure.unit, language, t)}</td>
            <td>{change}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/** Subscribing to the month e-mail of this report's subject, or cancelling it. */
function MonthEmail({ report }: { report: ReportView }) {
  const { t } = useTranslation('reports');
  const { me } = useSession();
  const allowed = subscribesTo(me, report.scope, report.scope === 'organization' ? report.subjectId : null);
  const subscriptions = useSubscriptions(allowed);
  const subscribe = useSubscribe();
  const unsubscribe = useUnsubscribe();
  if (!allowed) return null;
  const mine = subscriptions.data?.items.find(
    (item) => item.scope === report.scope && item.subjectId === report.subjectId,
  );
  return (
    <section aria-labelledby="month-email">
      <h2 id="month-email">{t('subscribe.title')}</h2>
      <p>{t('subscribe.lead')}</p>
      {subscriptions.isPending ? (
        <Loading />
      ) : mine ? (
        <>
          <p role="status">{t('subscribe.subscribed')}</p>
          <button
            type="button"
            className="button button--secondary"
            disabled={unsubscribe.isPending}
            onClick={() => unsubscribe.mutate(mine.id)}
          >
            {t('subscribe.cancel')}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button"
          disabled={subscribe.isPending}
          onClick={() => subscribe.mutate({ scope: report.scope, subjectId: report.subjectId ?? undefined })}
        >
          {t('subscribe.subscribe')}
        </button>
      )}
      {subscribe.error || unsubscribe.error ? <ErrorMessage error={subscribe.error ?? unsubscribe.error} /> : null}
    </section>
  );
}
